"""Candidate terms from new documents: the repeated words and set phrases that the term base
does not have yet, ranked, with contexts and (from aligned translations) likely renderings.

Where candidates come from, in each Chinese text (a line or a segment's source):
- words of the segmenter (rjieba, the one the pinyin of running text uses) and runs of two to
  six of them, within a clause (punctuation ends a run), that start and end on a content word
  (a noun, verb, adjective, idiom or abbreviation, not a particle, preposition or conjunction);
- enumerations joined by 、 (安全性、可靠性、可控性), taken whole;
- what stands inside “quotes” and 《titles》;
- four-character idioms the segmenter tags as such;
- Latin abbreviations (IFFO, FCAS 2.0) and the nouns after them (CMU系统).

Words and runs count when they repeat (`min_count`); quoted phrases, titles, enumerations and
idioms are set phrases by their form and count from their first use. General-language words
are filtered by the segmenter's own dictionary frequency (jieba's: 发展 68,665, 伦理 596): a single
word above `GENERAL` is not a candidate. A run nested in a longer run with the same frequency
gives way to the longer one (it never occurs on its own). Whatever the term base already has, in
any Chinese form, or holds inside one of its terms, is left out.

The score is frequency x (1 + half a point per extra word) x a bonus for set-phrase forms,
divided by the general-language weight (1 + log10(1 + dictionary frequency)); a run that starts
on a place CC-CEDICT names (香港银行, 中国主张) and does not end as an institution's name does
(香港会计师公会) counts half: the place's banks are no name. A dictionary word that is a general
verb or adverb and its object (请参阅, 保持稳定) and an adverbial (整体而言) are no candidates.

Renderings: with aligned targets, each pair is cut into sentence pairs where both sides have as
many sentences; English word n-grams (one to five words, not starting or ending on a function
word; longer ones with a whole bracketed group for a term with brackets) are scored by Dice's
coefficient over those segments (2 x both / (candidate + n-gram)), weighted by how well the
candidate's words and the n-gram's explain each other in a word translation table learnt from
the same sentences (IBM Model 1, termbase.evolution.lexicon). Only n-grams seen with the
candidate in two segments at least are offered, since one co-occurrence says nothing.

Over the house's ~500 lines: the candidates, their scores and the renderings from aligned
English are one pipeline over the same tallies.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from termbase.chinese import names
from termbase.chinese.segment import words
from termbase.errors import TermbaseError
from termbase.evolution import lexicon
from termbase.evolution import renderings as aligned
from termbase.evolution.renderings import Rendering, english_index

# A single segmenter word more frequent than this in jieba's dictionary is general language.
GENERAL = 3000
# Part-of-speech tags (jieba's, by first letter or whole) a run may start and end on.
_CONTENT = ("n", "v", "a", "i", "l", "j", "s", "b", "t")
_NOT_CONTENT = frozenset({"ad", "vd", "uv", "ul", "uj", "uz", "ug", "ud"})
_MORPHEMES = frozenset({"ng", "zg", "vg"})  # jieba's tags of bound morphemes
# Words that may stand inside a run but not at its ends (代表性和发言权). Not 的: a run across
# it is a phrase (香港的國際金融中心地位) more often than a term (mine_wmt25.py: P@100 and R@500
# 0.02-0.03 higher without it, the seed's benchmark the same).
_GLUE = frozenset({"与", "和", "及", "之", "共同"})
# Characters a candidate never ends on even when the segmenter joins them into a word.
_BAD_EDGES = frozenset("的了着过地得和与及或在对为是把被将于")
_NUMERALS = frozenset("二三四五六七八九十两百千")
# How the name of an institution ends (香港会计师公会, 香港特别行政区)
_INSTITUTION_ENDS = (
    *("公司", "会", "局", "署", "处", "所", "院", "中心", "政府", "行政区", "大学", "办", "部"),
    *("组织", "基金"),
)
# Set phrases that are adverbials (整体而言, 总的来说, 长期来看), no terms
_ADVERBIAL_ENDS = ("而言", "来说", "来看", "而论")
_ACRONYM = re.compile(r"(?<![A-Za-z0-9.])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![A-Za-z0-9])")
_VERSION = re.compile(r" ?\d+\.\d+(?![0-9])")
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ebef]")
_CLAUSE = re.compile(r"[^\u3400-\u9fff\U00020000-\U0002ebef、]+")
_ENUMERATION = re.compile(r"[\u3400-\u9fff]+(?:、[\u3400-\u9fff]+)+")
_QUOTED = re.compile(r"“([^”]{2,24})”|《([^》]{2,40})》|「([^」]{2,24})」|『([^』]{2,40})』")
_KINDS = ("title", "quoted", "enumeration", "idiom", "word", "run")
_BONUS = {"title": 2.0, "quoted": 1.5, "enumeration": 1.5, "idiom": 1.2}
MAX_RUN = 6
# A single two-character word's weight, and the least share of its count a candidate keeps when
# longer candidates hold most of its occurrences
_SHORT_WORD = 0.3
_COVERED_SHARE = 0.1


# What one run mines at most. Counting is linear (about 3 s and 55 MB a megabyte of Chinese
# text), but every distinct word and run is held until the end: past this, mine a sample or
# split the corpus by topic (the README says so).
MAX_INPUT_BYTES = 24_000_000
MAX_CHARACTERS = MAX_INPUT_BYTES // 3


def check_size(files: Sequence[Path]) -> None:
    """`TermbaseError` when the files hold more than one run mines."""
    total = sum(f.stat().st_size for f in files if f.is_file())
    if total > MAX_INPUT_BYTES:
        raise TermbaseError(
            f"{', '.join(map(str, files[:3]))}{' ...' if len(files) > 3 else ''}: "
            f"{total / 1e6:.0f} MB, more than termbase mine reads at once "
            f"({MAX_INPUT_BYTES / 1e6:.0f} MB); mine a sample, or each part of the corpus"
        )


@dataclass(frozen=True, slots=True)
class Unit:
    """One Chinese text to mine (a line, a paragraph or a segment's source), with its aligned
    English if there is one."""

    path: Path
    line: int
    chinese: str
    english: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    path: Path
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Candidate:
    term: str
    frequency: int
    score: float
    kinds: tuple[str, ...]
    words: tuple[str, ...]
    contexts: tuple[Context, ...] = ()
    renderings: tuple[Rendering, ...] = ()
    # `term` is written in the input's script; from Traditional input, this is its Simplified
    # form (empty when the two are the same), for the term base's zh-Hans term
    simplified: str = ""


@dataclass
class _Tally:
    kinds: set[str] = field(default_factory=set)
    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    units: list[int] = field(default_factory=list)
    count: int = 0
    # occurrences in the current unit by kind: a title also cut as a run is one occurrence
    here: Counter[str] = field(default_factory=Counter)
    written: Counter[str] = field(default_factory=Counter)  # as the input wrote it


def mine(
    units: Sequence[Unit],
    known: Iterable[str] = (),
    *,
    min_count: int = 2,
    top: int | None = 50,
    contexts: int = 3,
) -> list[Candidate]:
    """The candidates in `units` that are not `known` (term texts of the base), best first."""
    from termbase.chinese import script

    size = sum(len(u.chinese) for u in units)
    if size > MAX_CHARACTERS:
        raise TermbaseError(
            f"{size} characters, more than one run mines ({MAX_CHARACTERS}); mine a sample"
        )
    known_set = {script.simplify_characters(k) for k in known if _HAN.search(k)}
    joined = "\n".join(known_set)  # one substring search per candidate, in C
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    simple = [script.simplify_characters(u.chinese) for u in units]
    for i, (unit, text) in enumerate(zip(units, simple, strict=True)):
        # character for character (the table maps one to one): a place in one is a place in both
        source = unit.chinese if text != unit.chinese and len(text) == len(unit.chinese) else None
        seen: set[str] = set()
        for term, kind, parts in _candidates(text):
            t = tallies[term]
            if term not in seen:
                seen.add(term)
                t.here.clear()
                t.units.append(i)
                at = text.find(term) if source is not None else -1
                if at >= 0 and source is not None:
                    t.written[source[at : at + len(term)]] += 1
            t.kinds.add(kind)
            t.here[kind] += 1
            if t.here[kind] > max((n for k, n in t.here.items() if k != kind), default=0):
                t.count += 1
            if not t.words or kind in ("word", "run"):
                t.words = tuple(w for w, _ in parts)
                t.tags = tuple(tag for _, tag in parts)
    kept = {
        term: t
        for term, t in tallies.items()
        if (
            t.count >= (min_count if "enumeration" in t.kinds else _least(min_count, t))
            or t.kinds - {"word", "run", "enumeration"}
            or ("enumeration" in t.kinds and _set_enumeration(t.words))
        )
        and not _known(term, known_set, joined)
        and not _general(term, t)
    }
    kept = _drop_nested(kept)
    cover = _cover(kept)
    scored = sorted(
        ((_score(term, t, cover.get(term, 0)), term, t) for term, t in kept.items()),
        key=lambda x: (-x[0], -len(x[1]), x[1]),
    )
    if top is not None:
        scored = scored[:top]
    renderings_of = _renderings(simple, units)
    out = []
    for score, term, t in scored:
        written = t.written.most_common(1)[0][0] if t.written else term
        ctx = tuple(
            Context(units[i].path, units[i].line, _snippet(units[i].chinese, written))
            for i in t.units[:contexts]
        )
        renderings = renderings_of(term, t)
        kinds = tuple(
            k for k in ("title", "quoted", "enumeration", "idiom", "word", "run") if k in t.kinds
        )
        simplified = term if written != term else ""
        found = (t.count, round(score, 3), kinds, t.words, ctx, renderings, simplified)
        out.append(Candidate(written, *found))
    return out


_Parts = tuple[tuple[str, str], ...]


# How much the word translation table weighs beside Dice: Dice x explained ** this
# (mine_wmt25.py, top-1 rendering: 0.25, 1.0 and 2.0 measured no better)
LEXICON_POWER = 0.5


def _renderings(
    simple: list[str], units: Sequence[Unit]
) -> Callable[[str, _Tally], tuple[Rendering, ...]]:
    """A candidate's renderings from the units' aligned English (`simple`: their Chinese in
    Simplified), over sentence pairs, with the word table learnt from them; none without it."""
    sents = aligned.sentences(simple, [u.english for u in units])
    english = english_index(sents)
    if not english:
        return lambda term, t: ()
    texts = [s.english for s in sents]
    pairs = [
        ([w for w, _ in words(s.chinese) if _HAN.search(w)], aligned.content_words(s.english))
        for s in sents
        if s.english
    ]
    lex = lexicon.train(pairs)
    by_unit: dict[int, list[int]] = defaultdict(list)
    for k, s in enumerate(sents):
        by_unit[s.unit].append(k)
    indexes = {False: (english, aligned.segment_counts(english))}
    names = aligned.name_parts(aligned.defined_names(t for t in texts if t))

    def of(term: str, t: _Tally) -> tuple[Rendering, ...]:
        brackets = "（" in term  # a name with a bracketed part: n-grams across the brackets
        if brackets not in indexes:
            index = english_index(sents, brackets=True)
            indexes[brackets] = (index, aligned.segment_counts(index))
        grams, counts = indexes[brackets]
        zh = [w for w in t.words if _HAN.search(w)]

        def weight(gram: str) -> float:
            return float(lex.explained(zh, aligned.content_words(gram)) ** LEXICON_POWER)

        ats = [k for i in t.units for k in by_unit[i] if term in sents[k].chinese]
        return aligned.renderings(
            ats, grams, len(t.words), texts=texts, weight=weight, counts=counts, names=names
        )

    return of


def _candidates(text: str) -> Iterable[tuple[str, str, _Parts]]:
    """(candidate, kind, its words with their tags) for every occurrence in one text."""
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        if _HAN.search(inner) and len(_HAN.findall(inner)) * 2 >= len(inner):
            yield inner, "title" if m.group(0)[0] in "《『" else "quoted", ((inner, ""),)
    for m in _ENUMERATION.finditer(text):
        items = _enumeration(text, m.start(), m.end())
        if items:
            yield "、".join(items), "enumeration", tuple((x, "") for x in items)
    yield from _acronyms(text)
    for clause in _CLAUSE.split(text):
        for item in clause.split("、"):
            yield from _runs(words(item))


def _acronyms(text: str) -> Iterable[tuple[str, str, _Parts]]:
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
            if len(w) < 2 or not _HAN.match(w) or tag[:1] != "n":
                break
            nouns.append((w, tag))
        if nouns:
            yield acronym + "".join(w for w, _ in nouns), "run", ((acronym, "eng"), *nouns)


def _runs(tagged: list[tuple[str, str]]) -> Iterable[tuple[str, str, _Parts]]:
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
            if not _HAN.search(w_j) or not (
                _content(w_j, tag_j) or w_j in _GLUE or tag_j == "m" or morpheme
            ):
                break
            if tag_j.startswith("nr"):
                break  # a person's name ends a term (金管局總裁陳德霖)
            if (_content(w_j, tag_j) and _ends_term(tag_j)) or morpheme:
                parts = tuple(tagged[i : j + 1])
                phrase = "".join(w for w, _ in parts)
                if 3 <= len(phrase) <= 14:
                    yield phrase, "run", parts


def _set_enumeration(items: tuple[str, ...]) -> bool:
    """An enumeration that is a set phrase from its first use: words of two characters
    (开放、透明、包容) or of three with one suffix (安全性、可靠性、可控性). A list of longer or
    unlike items (託管費、交易費、預扣稅) is one only where it repeats."""
    if all(len(x) == 2 for x in items):
        return True
    return all(len(x) == 3 for x in items) and len({x[-1] for x in items}) == 1


def _least(min_count: int, t: _Tally) -> int:
    """A run of four words or more needs two occurrences even where one would do."""
    return max(min_count, 2 if len(t.words) >= 4 else 1)


def _starts_term(word: str, tag: str) -> bool:
    """A run of words that is a term does not start on a time word (年內), a person's name or
    a general verb (請參閱, 設立): those start clauses."""
    if tag == "t" or tag.startswith("nr") or _verb_phrase(word, tag):
        return False
    return not (tag == "v" and _general_frequency(word) > GENERAL)


@lru_cache(maxsize=65_536)
def _verb_phrase(word: str, tag: str) -> bool:
    """A word of jieba's dictionary that is a general verb or adverb and what follows it
    (请参阅, 保持稳定, 继续加强): a clause. Idioms and set phrases are not (不可或缺)."""
    if tag in ("i", "l"):
        return False
    for k in (1, 2):
        head, rest = word[:k], word[k:]
        general = len(rest) >= 2 and _general_frequency(head) > GENERAL
        if general and _general_frequency(rest) and words(head)[0][1] in ("v", "d"):
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
        and bool(_HAN.search(word))
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


def _known(term: str, known: set[str], joined: str) -> bool:
    """A term of the base, or a part of one (`joined`: every term, a line each)."""
    bare = term.replace("、", "")
    return term in known or bare in joined


def _general_frequency(word: str) -> int:
    from termbase.chinese.segment import dictionary_frequency

    return dictionary_frequency(word)


def _general(term: str, t: _Tally) -> bool:
    return t.kinds <= {"word"} and _general_frequency(term) > GENERAL


def _drop_nested(tallies: dict[str, _Tally]) -> dict[str, _Tally]:
    """A word or run that occurs only inside a longer candidate gives way to it. Each longer
    candidate's substrings are looked up (a candidate is at most a few words long): linear in
    the number of candidates, where comparing every pair took minutes on a megabyte."""
    runs = {k for k, t in tallies.items() if t.kinds & {"run", "word"}}
    drop = set()
    for longer in runs:
        at_least = tallies[longer].count
        for short in _inner(longer):
            if short in runs and 1 < tallies[short].count <= at_least:
                drop.add(short)
    return {k: t for k, t in tallies.items() if k not in drop or t.kinds - {"run", "word"}}


def _cover(tallies: dict[str, _Tally]) -> dict[str, int]:
    """For each candidate, the count of the most frequent longer candidate that contains it
    (外汇 in 外汇基金): its occurrences there are the longer term's, not its own (C-value)."""
    out: dict[str, int] = {}
    for longer, t in tallies.items():
        for short in _inner(longer):
            if short in tallies and t.count > out.get(short, 0):
                out[short] = t.count
    return out


def _inner(longer: str) -> Iterator[str]:
    """Every substring of two characters or more that is shorter than `longer` (a candidate
    is at most a few words long: looking these up is linear in the number of candidates)."""
    n = len(longer)
    for size in range(2, n):
        for start in range(n - size + 1):
            yield longer[start : start + size]


def _score(term: str, t: _Tally, covered: int = 0) -> float:
    """Frequency x length (up to three words) x the set-phrase bonus x specificity: the
    geometric mean over the words of 1 / (1 + log10(1 + general frequency)), so that a run of
    general words (中国有信心有能力) ranks below a run of domain words (数字鸿沟)."""
    bonus = max((_BONUS.get(k, 1.0) for k in t.kinds), default=1.0)
    # a verb and its object (促进人工智能), or a noun and a general verb (倡议聚焦): a clause,
    # more often than a term
    if (
        t.tags
        and t.kinds <= {"run"}
        and (t.tags[0] == "v" or (t.tags[-1] == "v" and _general_frequency(t.words[-1]) > GENERAL))
    ):
        bonus *= 0.5
    # a place and a common noun (香港银行, 香港货币): the place's banks, no name
    if (
        t.kinds <= {"run"}
        and t.tags
        and t.tags[0] == "ns"
        and names.is_name(t.words[0])  # 大国 is no place (jieba's ns)
        and not term.endswith(_INSTITUTION_ENDS)
    ):
        bonus *= 0.5
    parts = [w for w in t.words if w not in _GLUE] or [term]
    weights = [1 + math.log10(1 + _general_frequency(w)) for w in parts]
    specificity = math.exp(-sum(map(math.log, weights)) / len(weights))
    # a word of two characters on its own is seldom a term of a reviewed list (利率, 按揭)
    if t.kinds <= {"word"} and len(term) == 2:
        bonus *= _SHORT_WORD
    own = max(t.count - covered, t.count * _COVERED_SHARE)
    return own * min(len(parts), 3) * bonus * specificity


def _snippet(text: str, term: str, width: int = 24) -> str:
    at = text.find(term)
    if at < 0:
        return text[: 2 * width]
    start, end = max(0, at - width), min(len(text), at + len(term) + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def units_from_segments(segments: Iterable[object]) -> list[Unit]:
    """Lint segments as units: the Chinese side (the source, or the target of a monolingual
    file or of an English-to-Chinese file) and the English side when there is one."""
    from termbase.lint.segment import Segment

    out = []
    for seg in segments:
        assert isinstance(seg, Segment)
        zh, en = (seg.target, None) if seg.source is None else (seg.source, seg.target)
        if seg.source is not None and not _HAN.search(zh) and _HAN.search(seg.target):
            zh, en = seg.target, seg.source
        if _HAN.search(zh):
            out.append(Unit(seg.path, seg.line, zh, en or None))
    return out


# ---------------------------------------------------------------- output
