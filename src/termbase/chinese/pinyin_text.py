"""Pinyin of running text by words, after GB/T 16159-2012 (Basic rules of the Chinese phonetic
alphabet orthography).

Words come from a segmenter (rjieba: jieba's dictionary and part-of-speech tags in Rust; it
cuts 和服务时 as 和/服务/时 where pypinyin's own longest-match cut joins 和服, "kimono"); the term
base's terms are found first and written as the term base writes them. Readings are pypinyin's
for each word, never across a word boundary, then the project's overrides, then readings that
depend on the part of speech (都 as an adverb is dōu, 为 as a preposition wèi). Then GB/T's
rules: the syllables of a word together; a verb and its 了, 着, 过 together (kànzhe); a
four-character idiom read 2+2 with a hyphen (bùkě-huòquē); proper nouns capitalised (Zhōngguó,
Xí Jìnpíng: surname and given name apart), as is the first word of a sentence; 一 and 不 in
their original tones (yī, bù) unless `sandhi`; Chinese punctuation as its Latin counterpart
(《》 as “ ”, 。 as ., 、 as ,) with spaces only where Latin text has them.

rjieba is imported on first use, so `termbase --help` and commands without pinyin never load it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from termbase.chinese.pinyin import (
    _HAN,
    PinyinError,
    Style,
    join_word,
    parse,
    restyle,
    split_tone,
    syllables_of,
)

# Part-of-speech tags (jieba's) of proper nouns: people, places, organisations, other names.
_PROPER = ("nr", "nrfg", "nrt", "ns", "nt")  # not nz: jieba tags 中肯 so
_PERSON = ("nr", "nrfg", "nrt")
# Aspect particles that GB/T writes together with the verb before them.
_ASPECT = {"了": "le", "着": "zhe", "过": "guo"}
# Readings that depend on the word's part of speech: (character, tag prefix) -> syllable.
_BY_TAG = {
    ("都", "d"): "dōu",
    ("为", "p"): "wèi",
    ("为", "v"): "wéi",
    ("为", "c"): "wèi",
    ("还", "d"): "hái",
    ("和", "c"): "hé",
    ("和", "p"): "hé",
    ("地", "uv"): "de",
    ("得", "ud"): "de",
    ("的", "uj"): "de",
    ("着", "uz"): "zhe",
    ("了", "ul"): "le",
    ("过", "ug"): "guo",
    ("长", "a"): "cháng",
    ("只", "d"): "zhǐ",
    ("将", "d"): "jiāng",
    ("应", "v"): "yīng",
}
# Two-character surnames, for Surname Givenname.
_DOUBLE_SURNAMES = frozenset(
    {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙"}
    | {"慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木"}
)
_SENTENCE_END = frozenset("。！？!?")
# A text with one of these is running text, whose first word takes a capital; a term is not.
_RUNNING_TEXT = _SENTENCE_END | frozenset("，,；;")
_PUNCT = {
    "，": ",",
    "、": ",",
    "。": ".",
    "；": ";",
    "：": ":",
    "？": "?",
    "！": "!",
    "（": "(",
    "）": ")",
    "“": "“",
    "”": "”",
    "‘": "‘",
    "’": "’",
    "《": "“",
    "》": "”",
    "〈": "‘",
    "〉": "’",
    "…": "…",
    "……": "…",
    "——": "—",
    "—": "—",
    "·": "·",
    # ASCII marks in Chinese text (the seed writes 大国,中国 and 和音:积极): punctuation too
    ",": ",",
    ":": ":",
    ";": ";",
    "?": "?",
    "!": "!",
    "(": "(",
    ")": ")",
}
_OPENING = frozenset("(“‘")
_CLOSING = frozenset(",.;:?!)”’…")


# Words the segmenter's dictionary lacks or cuts wrongly, with their part of speech.
_WORDS = (("他国", "n"), ("攸关方", "n"), ("全人类", "n"), ("可持续", "a"), ("发展中", "a"))
# Administrative units, written apart and capitalised after a place name (Běijīng Shì).
_UNITS = frozenset("省市县区州")
# Four-character idioms not read 2+2: written together, without a hyphen.
_IDIOMS_TOGETHER = frozenset({"一衣带水", "不亦乐乎", "莫名其妙"})
# Four-character words jieba's dictionary tags as idioms that are two words (积极 参与).
_NOT_IDIOMS = frozenset({"积极参与"})
# Numerals written apart from the measure word after them (两名 liǎng míng, 三个 sān gè); other
# pairs jieba makes numerals are words (一万 yīwàn, 一些 yīxiē, 一道 yīdào "together", 一起).
_NUMERALS = frozenset("一二两三四五六七八九十几")
_MEASURES = frozenset("个名位次件条项种张本台辆家座届批岁只双对")
# Common words jieba's dictionary (or its guess for a word it lacks) tags as names of people,
# places or organisations (nr, ns, nt): written as the common words they are, with the part of
# speech they have. Found by reading policy texts against CC-CEDICT, whose pinyin capitalises
# only proper nouns (the test test_pinyin_text.py::test_no_common_word_is_capitalised).
_NOT_NAMES: dict[str, str] = {
    "长大": "v",
    **dict.fromkeys(("都市", "河里", "海里", "城里", "山里", "村里", "市里", "国内", "太阳"), "n"),
    **dict.fromkeys(("大国", "伦理", "宣言", "福祉", "契约", "文明", "小圈子", "安全观"), "n"),
    **dict.fromkeys(("南北", "南南合作", "安全性", "普惠"), "n"),
    **dict.fromkeys(("公正", "攸关"), "a"),
}
# Four-character set phrases (jieba's l) made of two common words are written as two words
# (意识形态 yìshí xíngtài); the others are idioms, 2+2 with a hyphen (不可或缺 bùkě-huòquē). A
# half jieba's dictionary has seen this often is a common word.
_COMMON_WORD = 100
# Names jieba tags otherwise (欧盟 as an abbreviation, j): capitalised as organisations.
_NAMES = frozenset({"欧盟", "东盟", "北约", "世贸组织", "亚太经合组织"})
# Numerals of the hundreds and thousands: written in groups (GB/T: 一百二十五 yībǎi èrshíwǔ).
_DIGITS = frozenset("一二三四五六七八九")
# 方位词 written apart from the noun before them, in the neutral tone (山上 shān shang).
_PLACE = {"上": "shang", "下": "xia", "里": "li"}


@cache
def _segmenter() -> Any:
    import rjieba

    for word, tag in _WORDS:
        rjieba.add_word(word, 100_000, tag)
    return rjieba


def dictionary_frequency(word: str) -> int:
    """How often jieba's dictionary has seen `word` as a word (0 if not a word of it)."""
    seg = _segmenter()
    return int(seg.suggest_freq(word)) if seg.has_word(word) else 0


def words(text: str) -> list[tuple[str, str]]:
    """`text` (Simplified) cut into (word, part-of-speech tag) pairs."""
    return [(str(w), str(t)) for w, t in _segmenter().tag(text)]


def transliterate(
    text: str,
    style: Style = Style.MARKS,
    *,
    words_joined: bool = True,
    terms: dict[str, str] | None = None,
    sandhi: bool = False,
) -> str:
    """GB/T pinyin of running text (see the module's docstring). `terms`: Simplified term text
    -> its stored pinyin, written as stored. Without `words_joined`, one syllable each."""
    from termbase.chinese import script

    simple = script.simplify_characters(text)
    tokens: list[_Token] = []
    for span, stored in _term_spans(simple, terms or {}):
        if stored is not None:
            tokens.append(_Token(stored, "term", span))
            continue
        tokens.extend(_plain(span, sandhi=sandhi))
    if not words_joined:
        tokens = [t for token in tokens for t in token.syllables()]
    # Sentences (not a term or a heading) start with a capital; a title's words always do.
    tokens = _capitalise_sentences(tokens, any(ch in _RUNNING_TEXT for ch in simple))
    return _join(tokens, style)


def _term_spans(text: str, terms: dict[str, str]) -> list[tuple[str, str | None]]:
    """`text` cut into the terms of the term base (with their stored pinyin) and the rest."""
    if not terms:
        return [(text, None)]
    import ahocorasick_rs

    keys = list(terms)
    ac = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    out: list[tuple[str, str | None]] = []
    pos = 0
    for k, s, e in ac.find_matches_as_indexes(text):
        if s > pos:
            out.append((text[pos:s], None))
        out.append((text[s:e], terms[keys[k]]))
        pos = e
    if pos < len(text):
        out.append((text[pos:], None))
    return out


class _Token:
    """A written word (pinyin), a punctuation mark or other text, with what it came from."""

    __slots__ = ("kind", "source", "tag", "text")

    def __init__(self, text: str, kind: str, source: str, tag: str = "") -> None:
        self.text = text
        self.kind = kind  # "word", "term", "punct", "other"
        self.source = source
        self.tag = tag  # the segmenter's part of speech

    def syllables(self) -> list[_Token]:
        if self.kind not in ("word", "term"):
            return [self]
        out = []
        for part in self.text.split(" "):
            for piece in part.split("-"):
                try:
                    found = parse(piece)
                except PinyinError:  # not pinyin (G20, a name): the piece whole
                    out.append(_Token(piece, self.kind, piece))
                    continue
                out += [_Token(t.text + ("r" if t.erhua else ""), self.kind, "") for t in found]
        return out


@cache
def _override_phrases() -> dict[str, list[str]]:
    from termbase.chinese.pinyin import overrides

    return {k: v.split() for k, v in overrides().items()}


def _fixed_readings(text: str) -> dict[int, str]:
    """Position -> syllable where an override phrase of ours stands in `text`: it holds across
    the segmenter's word boundaries (长臂/管辖 is still cháng bì guǎn xiá)."""
    fixed: dict[int, str] = {}
    for phrase, syllables in _override_phrases().items():
        at = text.find(phrase)
        while at >= 0:
            for k, syllable in enumerate(syllables):
                fixed[at + k] = syllable
            at = text.find(phrase, at + len(phrase))
    return fixed


def _plain(text: str, *, sandhi: bool) -> list[_Token]:
    out: list[_Token] = []
    taking = False  # 以 … 为 …: "to take … as …", where 为 is wéi
    fixed = _fixed_readings(text)
    pos = 0
    for word, jieba_tag in words(text):
        # a common word jieba's dictionary tags as a name is written as one
        tag = _NOT_NAMES.get(word, jieba_tag)
        tag = "nt" if word in _NAMES else tag
        if tag in _PROPER and len(word) == 4 and _two_words(word):
            tag = "l"  # 应邀出席, 严格遵守: two common words, not a name
        at = max(text.find(word, pos), pos)
        pos = at + len(word)
        if fixed and any(at + k in fixed for k in range(len(word))):
            readings = _read(word, tag, sandhi=sandhi)
            readings = [fixed.get(at + k, r) for k, r in enumerate(readings)]
            out.append(_Token(_write(word, tag, readings), "word", word, tag))
            continue
        if not _HAN.search(word):
            kind = "punct" if word in _PUNCT or not word.strip() else "other"
            if word.strip():
                out.append(_Token(_PUNCT.get(word, word), kind, word))
            if kind == "punct":
                taking = False
            continue
        if word == "以" and tag == "p":
            taking = True
        if word == "为" and taking:
            out.append(_Token("wéi", "word", word, "v"))
            taking = False
            continue
        if len(word) >= 3 and word[1] in _ASPECT and tag == "l":  # 吃了饭: chīle fàn
            verb, rest = word[:2], word[2:]
            out.append(_Token(join_word(_read(verb, "v", sandhi=sandhi)), "word", verb, "v"))
            out.append(_Token(join_word(_read(rest, "n", sandhi=sandhi)), "word", rest, "n"))
            continue
        if len(word) == 3 and word[1] == "得" and tag == "l":  # 跑得快: pǎo de kuài
            head, tail = _read(word[0], "v", sandhi=sandhi)[0], _read(word[2], "a", sandhi=sandhi)
            out.append(_Token(f"{head} de {tail[0]}", "word", word, "v"))
            continue
        if len(word) == 2 and tag in ("s", "f") and word[1] in _PLACE:  # 山上: shān shang
            noun = _read(word[0], "n", sandhi=sandhi)[0]
            out.append(_Token(f"{noun} {_PLACE[word[1]]}", "word", word, tag))
            continue
        if tag == "m" and len(word) == 2 and word[0] in _NUMERALS and word[1] in _MEASURES:
            number, measure = _read(word[0], "m", sandhi=sandhi), _read(word[1], "q", sandhi=sandhi)
            out.append(_Token(number[0], "word", word[0], "m"))
            out.append(_Token(measure[0], "word", word[1], "q"))
            continue
        if word in ("上", "里") and tag == "f" and out and out[-1].kind in ("word", "term"):
            out.append(_Token(_PLACE[word], "word", word, tag))  # 国际上: guójì shang
            continue
        if tag == "m" and any(ch in "百千" for ch in word[:-1]):
            for group in _numeral_groups(word):
                out.append(_Token(join_word(_read(group, "m", sandhi=sandhi)), "word", group, "m"))
            continue
        syllables = _read(word, tag, sandhi=sandhi)
        particle = word in _ASPECT and tag in ("ul", "uz", "ug")
        # 了 at the end of a sentence is also a modal particle: apart (Huǒchē dào le.)
        final = word == "了" and _sentence_end(text, pos)
        joins = out and out[-1].kind == "word" and (_is_verb(out[-1]) or out[-1].tag == "n")
        if particle and not final and joins:
            out[-1].text += _ASPECT[word]  # kàn + zhe: kànzhe
            out[-1].source += word
            continue
        out.append(_Token(_write(word, tag, syllables), "word", word, tag))
    return out


def _sentence_end(text: str, pos: int) -> bool:
    """Whether only closing quotes and spaces stand between `pos` and a sentence's final
    punctuation (a phrase without it, 讨论了, is not a sentence: tǎolùnle)."""
    rest = text[pos:].lstrip(" ”’」』)）")
    return bool(rest) and rest[0] in _SENTENCE_END


def _numeral_groups(word: str) -> list[str]:
    """A numeral cut after each 千 and 百 followed by a digit or 零: thousands, hundreds, then
    tens and units, each one written word (三千五百六十四 -> 三千 五百 六十四, 一百零五 -> 一百
    零五)."""
    groups, start = [], 0
    for i, ch in enumerate(word[:-1]):
        if ch in "百千" and (word[i + 1] in _DIGITS or word[i + 1] == "零"):
            groups.append(word[start : i + 1])
            start = i + 1
    groups.append(word[start:])
    return groups


def _is_verb(token: _Token) -> bool:
    return token.tag.startswith("v")


def _read(word: str, tag: str, *, sandhi: bool) -> list[str]:
    """The word's syllables: pypinyin's for the word as a whole (its phrases, then our
    overrides), readings by part of speech for one character, 一 and 不 in original tones."""
    if len(word) == 1 and (word, tag) in _BY_TAG:
        return [_BY_TAG[(word, tag)]]
    if len(word) == 1:
        for (ch, prefix), syllable in _BY_TAG.items():
            if ch == word and tag.startswith(prefix):
                return [syllable]
    syllables = syllables_of(word)
    if not sandhi:
        syllables = [
            "yī" if ch == "一" else "bù" if ch == "不" else s
            for ch, s in zip(word, syllables, strict=False)
        ]
    return syllables


def _write(word: str, tag: str, syllables: list[str]) -> str:
    """One word in GB/T form: syllables together, a hyphen in a 2+2 idiom, capitals for a
    proper noun (a person's surname and given name apart)."""
    if tag in _PERSON and 2 <= len(word) <= 4:
        cut = 2 if word[:2] in _DOUBLE_SURNAMES else 1
        surname, given = join_word(syllables[:cut]), join_word(syllables[cut:])
        return f"{_capital(surname)} {_capital(given)}" if given else _capital(surname)
    idiom = _is_idiom(word, tag)
    if idiom:
        return join_word(syllables[:2]) + "-" + join_word(syllables[2:])
    if tag == "ns" and len(word) >= 3 and word[-1] in _UNITS:
        return _capital(join_word(syllables[:-1])) + " " + _capital(syllables[-1])
    parts = _parts(word) if len(word) >= 5 or (len(word) == 4 and not idiom) else [word]
    out, at = [], 0
    for part in parts:  # a name of four syllables or more: word by word (Zhōnghuá Rénmín ...)
        written = join_word(syllables[at : at + len(part)])
        out.append(_capital(written) if tag in _PROPER else written)
        at += len(part)
    return " ".join(out)


def _is_idiom(word: str, tag: str) -> bool:
    """A four-character idiom read 2+2 (GB/T's hyphen): jieba's idioms (i), and its set
    phrases (l) unless both halves are common words."""
    if len(word) != 4 or word in _IDIOMS_TOGETHER or word in _NOT_IDIOMS or tag not in ("i", "l"):
        return False
    if tag == "i":
        return True
    return not _two_words(word)


def _two_words(word: str) -> bool:
    """Whether both halves of a four-character word are common words."""
    return all(dictionary_frequency(half) >= _COMMON_WORD for half in (word[:2], word[2:]))


def _parts(word: str) -> list[str]:
    """A long word cut into the fewest dictionary words of two or three characters (中华人民共和国
    -> 中华/人民/共和国, 人工智能 -> 人工/智能); whole where it cannot be."""
    seg = _segmenter()
    n = len(word)
    best: list[list[str] | None] = [[]] + [None] * n
    for end in range(2, n + 1):
        for size in (2, 3):
            start = end - size
            prior = best[start] if start >= 0 else None
            if prior is None or size == n or not seg.has_word(word[start:end]):
                continue
            if best[end] is None or len(prior) + 1 < len(best[end] or ()):
                best[end] = [*prior, word[start:end]]
    return best[n] or [word]


def _capital(written: str) -> str:
    return written[:1].upper() + written[1:]


def _capitalise_sentences(tokens: list[_Token], sentences: bool) -> list[_Token]:
    """The first word of each sentence, and of a sentence quoted after a colon, capitalised;
    in a title (《…》) every word."""
    start = sentences
    after_colon = False
    title = False
    for t in tokens:
        if t.source in ("《", "》"):
            title = t.source == "《"
        if t.kind in ("word", "term", "other"):
            if start or title:
                t.text = (
                    " ".join(_capital(w) for w in t.text.split(" ")) if title else _capital(t.text)
                )
            start = after_colon = False
        elif t.source in _SENTENCE_END:
            start = sentences
        elif t.text == ":":
            after_colon = True
        elif t.text in _OPENING:
            start = start or after_colon
        elif t.text not in _CLOSING or t.text in ",;":
            start = after_colon = False
    return tokens


def _join(tokens: list[_Token], style: Style) -> str:
    """Words with one space between them; punctuation as Latin text sets it."""
    out = ""
    for t in tokens:
        text = restyle(t.text, style) if t.kind in ("word", "term") else t.text
        if style is Style.INITIALS:
            out += text if t.kind != "punct" else ""
            continue
        closing = t.kind == "punct" and (text in _CLOSING or text == "—")
        if out and not closing and out[-1] not in _OPENING and out[-1] != "—":
            out += " "
        out += text
    return re.sub(r" {2,}", " ", out).strip()


__all__ = ["Style", "split_tone", "transliterate", "words"]
