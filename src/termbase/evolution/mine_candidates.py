"""Where `termbase mine`'s candidates come from, in each Chinese text (a line or a segment's
source):
- words of the segmenter (rjieba, the one the pinyin of running text uses) and runs of two to
  six of them, within a clause (punctuation ends a run), that start and end on a content word
  (a noun, verb, adjective, idiom or abbreviation, not a particle, preposition or conjunction);
- sequences of words the tags alone would not make a term, where the segmenter cut a word it
  lacks (特定/分类/贷款/比率 starts on an adverb, 总结/余 ends on a numeral): the miner keeps
  them only where they stand on their own in the whole text (`branching.variety`);
- enumerations joined by 、 (安全性、可靠性、可控性), taken whole;
- what stands inside “quotes” and 《titles》;
- four-character idioms the segmenter tags as such;
- Latin abbreviations (IFFO, FCAS 2.0) and the nouns after them (CMU系统).
A dictionary word that is a general verb or adverb and its object (请参阅, 保持稳定) and an
adverbial (整体而言) are no candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from termbase.chinese.segment import words
from termbase.evolution import branching

Parts = tuple[tuple[str, str], ...]

# A single segmenter word more frequent than this in jieba's dictionary is general language.
GENERAL = 3000
# Part-of-speech tags (jieba's, by first letter or whole) a run may start and end on.
_CONTENT = ("n", "v", "a", "i", "l", "j", "s", "b", "t")
_NOT_CONTENT = frozenset({"ad", "vd", "uv", "ul", "uj", "uz", "ug", "ud"})
_MORPHEMES = frozenset({"ng", "zg", "vg"})  # jieba's tags of bound morphemes
# Words that may stand inside a run but not at its ends (代表性和发言权). Not 的: a run across
# it is a phrase (香港的國際金融中心地位) more often than a term (mine_wmt25.py: P@100 and R@500
# 0.02-0.03 higher without it, the seed's benchmark the same).
GLUE = frozenset({"与", "和", "及", "之", "共同"})
# Characters a candidate never ends on even when the segmenter joins them into a word.
_BAD_EDGES = frozenset("的了着过地得和与及或在对为是把被将于")
_NUMERALS = frozenset("二三四五六七八九十两百千")
# Set phrases that are adverbials (整体而言, 总的来说, 长期来看), no terms
_ADVERBIAL_ENDS = ("而言", "来说", "来看", "而论")
_ACRONYM = re.compile(r"(?<![A-Za-z0-9.])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![A-Za-z0-9])")
_VERSION = re.compile(r" ?\d+\.\d+(?![0-9])")
HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ebef]")
_CLAUSE = re.compile(r"[^\u3400-\u9fff\U00020000-\U0002ebef、]+")
_ENUMERATION = re.compile(r"[\u3400-\u9fff]+(?:、[\u3400-\u9fff]+)+")
_QUOTED = re.compile(r"“([^”]{2,24})”|《([^》]{2,40})》|「([^」]{2,24})」|『([^』]{2,40})』")
MAX_RUN = 6


def _well_formed_start(word: str, tag: str) -> bool:
    """A sequence starts on a word of two characters or more that is no function word, number,
    time word, verb, person or pronoun (本港银行体系: the place's banks), nor a verb phrase."""
    if len(word) < 2 or tag[:1] in ("p", "u", "c", "m", "q", "f", "y", "e", "x", "t", "r"):
        return False
    if tag in ("v", "ad") or tag.startswith("nr") or word[0] in "这那每各该此其":
        return False
    return not _verb_phrase(word, tag)


def _well_formed_inside(word: str, tag: str) -> bool:
    """A word inside a sequence: no particle, preposition, time word, adverb, person, general
    verb or verb phrase (金管局/透过/传媒 goes on, 大致/保持稳定 does not)."""
    if tag[:1] in ("u", "p", "y", "e", "x", "t", "d") or tag.startswith("nr"):
        return False
    if (tag[:1] == "c" and word not in GLUE) or word[0] in "这那每各该此":
        return False
    if tag == "v" and general_frequency(word) > GENERAL:
        return False
    return not _verb_phrase(word, tag)


def _well_formed_end(parts: list[tuple[str, str]]) -> bool:
    """A sequence ends on a noun, a verb that names an activity or a bound character; one that
    starts on an adverb ends on a noun (特定分类贷款比率, not 大致保持稳定); no general verb
    stands inside it."""
    last, tag = parts[-1]
    if parts[0][1][:1] == "d" and not (tag[:1] == "n" and tag != "nr"):
        return False
    if len(last) == 1 and tag in ("m", "s", "ng", "q"):
        return True
    return _ends_term(tag) and tag not in ("v", "i", "l")


def candidates(text: str) -> Iterable[tuple[str, str, Parts]]:
    """(candidate, kind, its words with their tags) for every occurrence in one text."""
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        if HAN.search(inner) and len(HAN.findall(inner)) * 2 >= len(inner):
            yield inner, "title" if m.group(0)[0] in "《『" else "quoted", ((inner, ""),)
    for m in _ENUMERATION.finditer(text):
        items = _enumeration(text, m.start(), m.end())
        if items:
            yield "、".join(items), "enumeration", tuple((x, "") for x in items)
    yield from _acronyms(text)
    for clause in _CLAUSE.split(text):
        for item in clause.split("、"):
            yield from _runs(words(item))


def _acronyms(text: str) -> Iterable[tuple[str, str, Parts]]:
    """Latin abbreviations of two capitals or more (IFFO, DvP), with a version number (FCAS
    2.0), and with the nouns that follow them (CMU系统, MSCI全球指数): terms the Chinese text
    names in the Latin script (mine_wmt25.py: 2018's recall in the top 500 0.51 -> 0.53)."""
    for m in _ACRONYM.finditer(text):
        acronym = m.group(0)
        yield acronym, "word", ((acronym, "eng"),)
        version = _VERSION.match(text, m.end())
        if version:
            yield acronym + version.group(0), "word", ((acronym + version.group(0), "eng"),)
        nouns: list[tuple[str, str]] = []
        for w, tag in words(text[m.end() : m.end() + 8])[:2]:
            if len(w) < 2 or not HAN.match(w) or tag[:1] != "n":
                break
            nouns.append((w, tag))
        if nouns:
            yield acronym + "".join(w for w, _ in nouns), "run", ((acronym, "eng"), *nouns)


def _runs(tagged: list[tuple[str, str]]) -> Iterable[tuple[str, str, Parts]]:
    n = len(tagged)
    for i, (w, tag) in enumerate(tagged):
        numeral = w in _NUMERALS and i + 1 < n and _content(*tagged[i + 1])  # 二/十国集团
        if not _content(w, tag) and not numeral:
            continue
        # no time word (年内), clause (保持稳定) or adverbial (整体而言) is a term
        clause = _verb_phrase(w, tag) or w.endswith(_ADVERBIAL_ENDS)
        if len(w) >= 2 and not numeral and tag != "t" and not clause:
            yield w, "idiom" if tag in ("i", "l") and len(w) == 4 else "word", ((w, tag),)
        if not numeral and not _starts_term(w, tag):
            continue
        for j in range(i + 1, min(i + MAX_RUN, n)):
            w_j, tag_j = tagged[j]
            # a single-character morpheme the segmenter split off a word (联汇制 + 度)
            morpheme = tag_j in _MORPHEMES and len(w_j) == 1
            if not HAN.search(w_j) or not (
                _content(w_j, tag_j) or w_j in GLUE or tag_j == "m" or morpheme
            ):
                break
            if tag_j.startswith("nr"):
                break  # a person's name ends a term (金管局總裁陳德霖)
            if (_content(w_j, tag_j) and _ends_term(tag_j)) or morpheme:
                parts = tuple(tagged[i : j + 1])
                phrase = "".join(w for w, _ in parts)
                if 3 <= len(phrase) <= 14:
                    yield phrase, "run", parts
    yield from _sequences(tagged)


def _sequences(tagged: list[tuple[str, str]]) -> Iterable[tuple[str, str, Parts]]:
    """Runs the tags alone would not make: 特定/分类/贷款/比率 starts on an adverb, 总结/余 ends
    on a numeral (the segmenter's cut of a word it lacks). Kept only where the string stands on
    its own in the text (`branching.variety`)."""
    n = len(tagged)
    for i in range(n - 1):
        if not _well_formed_start(*tagged[i]):
            continue
        for j in range(i + 1, min(i + MAX_RUN, n)):
            parts = tagged[i : j + 1]
            if not _well_formed_inside(*tagged[j]):
                break
            phrase = "".join(w for w, _ in parts)
            if len(phrase) > branching.LONGEST:
                break
            if _well_formed_end(parts):
                yield phrase, "sequence", tuple(parts)


def _starts_term(word: str, tag: str) -> bool:
    """A run of words that is a term does not start on a time word (年內), a person's name or
    a general verb (請參閱, 設立): those start clauses."""
    if tag == "t" or tag.startswith("nr") or _verb_phrase(word, tag):
        return False
    return not (tag == "v" and general_frequency(word) > GENERAL)


@lru_cache(maxsize=65_536)
def _verb_phrase(word: str, tag: str) -> bool:
    """A word of jieba's dictionary that is a general verb or adverb and what follows it
    (请参阅, 保持稳定, 继续加强): a clause. Idioms and set phrases are not (不可或缺)."""
    if tag in ("i", "l"):
        return False
    for k in (1, 2):
        head, rest = word[:k], word[k:]
        general = len(rest) >= 2 and general_frequency(head) > GENERAL
        if general and general_frequency(rest) and words(head)[0][1] in ("v", "d"):
            return True
    return False


def _ends_term(tag: str) -> bool:
    """A term is a noun phrase: it ends on a noun, a verb that names an activity (治理, scored
    down where it is a general verb), an abbreviation or a set phrase; not on an adjective
    (流通性極高), an adverb or a word of place (轄下)."""
    return (tag.startswith("n") and not tag.startswith("nr")) or tag in ("v", "vn", "j", "l", "i")


def _content(word: str, tag: str) -> bool:
    # a noun may end on 地 or start on 对 (内地, 本地, 对手); other words not (积极地)
    noun = tag.startswith(("n", "s")) and len(word) >= 2
    return (
        tag.startswith(_CONTENT)
        and tag not in _NOT_CONTENT
        and bool(HAN.search(word))
        and (noun or (word[0] not in _BAD_EDGES and word[-1] not in _BAD_EDGES))
    )


def _enumeration(text: str, start: int, end: int) -> list[str]:
    """The items of X、Y、Z: the middle ones whole; the first and the last cut to words of the
    length of their neighbours (安全性 of 确保安全性、, 可持续 of 可持续的安全观)."""
    items = text[start:end].split("、")
    if len(items) < 3 and any(len(x) > 6 for x in items):
        return []
    middle = items[1:-1]
    width = max((len(x) for x in middle), default=min(len(items[1]), 4))
    if any(len(x) > 8 for x in middle):
        return []
    first = _cut(items[0], width, from_end=True)
    last = _cut(items[-1], width, from_end=False)
    if not first or not last:
        return []
    return [first, *middle, last]


def _cut(text: str, width: int, *, from_end: bool) -> str:
    parts = [w for w, _ in words(text)]
    if from_end:
        parts.reverse()
    taken: list[str] = []
    for p in parts:
        taken.append(p)
        if sum(map(len, taken)) >= width:
            break
    if from_end:
        taken.reverse()
    out = "".join(taken)
    return out if len(out) <= 8 and out[0] not in _BAD_EDGES and out[-1] not in _BAD_EDGES else ""


def general_frequency(word: str) -> int:
    from termbase.chinese.segment import dictionary_frequency

    return dictionary_frequency(word)
