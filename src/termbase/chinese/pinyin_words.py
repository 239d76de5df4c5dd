"""The words of running text for pinyin: tokens, each word's readings, and GB/T 16159-2012's
word division where the segmenter's words are not GB/T's (各国 gè guó, 基础/层 jīchǔcéng, 据统计
jù tǒngjì) and the names of institutions (6.3.1). `termbase.chinese.pinyin_text` writes them."""

from __future__ import annotations

from termbase.chinese import segment
from termbase.chinese.pinyin import _HAN, PinyinError, join_word, parse, syllables_of
from termbase.chinese.pinyin_rules import (
    _ADVERB_VERB,
    _BY_TAG,
    _COMPLEMENTS,
    _DEMONSTRATIVES,
    _DETERMINER_WORDS,
    _DETERMINERS,
    _DIGITS,
    _ERHUA,
    _INSTITUTION_STARTS,
    _INSTITUTION_SUFFIXES,
    _MEASURES,
    _MORE,
    _NOUN_SUFFIXES,
    _NUMERAL_FIRST,
    _NUMERAL_MEASURE,
    _NUMERAL_WORDS,
    _PREFIXES,
    _PREPOSITION_FIRST,
    _SUFFIXES,
    _TWO_SYLLABLE_COMPLEMENTS,
)


class Token:
    """A written word (pinyin), a punctuation mark or other text, with what it came from."""

    __slots__ = ("kind", "source", "tag", "text")

    def __init__(self, text: str, kind: str, source: str, tag: str = "") -> None:
        self.text = text
        self.kind = kind  # "word", "term", "punct", "other"
        self.source = source
        self.tag = tag  # the segmenter's part of speech

    def syllables(self) -> list[Token]:
        if self.kind not in ("word", "term"):
            return [self]
        out = []
        for part in self.text.split(" "):
            for piece in part.split("-"):
                try:
                    found = parse(piece)
                except PinyinError:  # not pinyin (G20, a name): the piece whole
                    out.append(Token(piece, self.kind, piece))
                    continue
                out += [Token(t.text + ("r" if t.erhua else ""), self.kind, "") for t in found]
        return out


def affixes(tokens: list[Token]) -> list[Token]:
    """6.1.9: a one-syllable prefix (副, 超, 非, 反) or suffix (化, 性, 者, 员, 们, 力) the
    segmenter cut off is written with its word (副/院长 fùyuànzhǎng, 超/节点 chāojiédiǎn, 现代/化
    xiàndàihuà, 运载/力 yùnzàilì)."""
    out: list[Token] = []
    for t in tokens:
        prior = out[-1] if out else None
        word = t.kind == "word" and _HAN.search(t.source) is not None
        if word and prior is not None and prior.kind == "word" and _HAN.search(prior.source):
            if prior.source in _PREFIXES and " " not in t.text and t.tag != "m":
                prior.text, prior.source, prior.tag = (
                    prior.text + t.text,
                    prior.source + t.source,
                    t.tag,
                )
                continue
            if t.source in _SUFFIXES and " " not in prior.text and not prior.tag.startswith("u"):
                prior.text, prior.source = prior.text + t.text, prior.source + t.source
                continue
            if t.source in _NOUN_SUFFIXES and prior.tag[:1] == "n" and len(prior.source) == 2:
                prior.text, prior.source = prior.text + t.text, prior.source + t.source
                continue
        out.append(t)
    return out


def institutions(tokens: list[Token]) -> list[Token]:
    """6.3.1: the name of an institution, each word capitalised, where the segmenter's words
    run from 中国, 国家, 国务院 or a name to a word of institutions (研究院, 委员会, 大会, 局):
    中国/信息/通信/研究院 Zhōngguó Xìnxī Tōngxìn Yánjiūyuàn."""
    i = 0
    while i < len(tokens):
        t = tokens[i]
        named = t.tag == "nx" and t.source.endswith(_INSTITUTION_SUFFIXES)  # 中国科学院 …研究院
        if t.kind == "word" and (t.source in _INSTITUTION_STARTS or t.tag == "nt" or named):
            j = i + 1
            end = -1
            while j < len(tokens) and j - i <= 6 and noun(tokens[j]):
                if tokens[j].source.endswith(_INSTITUTION_SUFFIXES):
                    end = j
                j += 1
            if end > i:
                for k in range(i, end + 1):
                    tokens[k].text = " ".join(capital(w) for w in tokens[k].text.split(" "))
                    tokens[k].tag = "nt"
                i = end
        i += 1
    return tokens


def noun(token: Token) -> bool:
    return (token.kind == "word" and token.tag[:1] in ("n", "j")) or token.tag in ("vn", "b")


def divided(word: str, tag: str, *, sandhi: bool) -> list[Token] | None:
    """GB/T's word division where the segmenter joins two words: a determiner or pronoun and
    its noun or measure (各国 gè guó, 我国 wǒ guó; 6.1.5.3), 很 or 更 and its adjective (hěn duō,
    gèng hǎo), a
    numeral and its measure word (十年 shí nián, 新一代 xīn yī dài; 6.1.6.2), a verb and a
    one-syllable complement after two (展现出 zhǎnxiàn chū; 6.1.4.5). None: one word."""
    parts: list[tuple[str, str]] | None = None
    if word[:1] == "第" and len(word) >= 2 and _NUMERAL_MEASURE.fullmatch(word[1:] + "个"):
        number = join_word(read(word[1:], "m", sandhi=sandhi))  # 6.1.6.3: dì-yī, dì-èr
        return [Token(f"{read('第', 'm', sandhi=sandhi)[0]}-{number}", "word", word, "m")]
    if len(word) == 3 and word[0] == "一" and word[1] == word[2]:  # 一个个 yī gègè
        parts = [(word[0], "m"), (word[1:], "q")]
        return [Token(join_word(read(w, t, sandhi=sandhi)), "word", w, t) for w, t in parts]
    if word in _ERHUA:  # 6.1.8: 儿 of a retroflex final as r (哪儿 nǎr)
        syllables = read(word[:-1], tag, sandhi=sandhi)
        return [Token(join_word([*syllables[:-1], syllables[-1] + "r"]), "word", word, tag)]
    if len(word) == 2 and word[0] in _DETERMINERS and word not in _DETERMINER_WORDS:
        if tag[:1] in ("n", "r", "m", "q", "t"):
            parts = [(word[0], "r"), (word[1], "n")]
        elif word[0] in _DEMONSTRATIVES and tag[:1] in ("p", "v", "d", "c"):
            parts = [(word[0], "r"), (word[1], tag)]  # 这为 zhè wèi
    elif (
        len(word) >= 3
        and word[0] in _PREPOSITION_FIRST
        and tag[:1] == "v"
        and segment.is_word(word[1:])
    ):
        parts = [(word[0], "p"), (word[1:], "v")]  # 据统计 jù tǒngjì
    elif word in _ADVERB_VERB or (word == "才能" and tag[:1] == "v"):  # 才能完成 cái néng
        parts = [(word[0], "d"), (word[1], "v")]
    elif len(word) == 2 and word[0] == "余" and tag == "m" and _MEASURES.fullmatch(word[1]):
        parts = [(word[0], "m"), (word[1], "q")]  # 3000余项: 3000 yú xiàng
    elif len(word) == 2 and (word[0] == "很" or word in _MORE) and tag[:1] in ("a", "d", "m"):
        parts = [(word[0], "d"), (word[1], "a")]
    elif word not in _NUMERAL_WORDS and (m := _NUMERAL_MEASURE.fullmatch(word)):
        prefix, number, measure = m.groups()
        parts = [(prefix, "a")] if prefix else []
        parts += [(number, "m"), (measure, "q")]
    elif (
        len(word) == 3
        and word[0] in _NUMERAL_FIRST
        and tag[:1] in ("l", "n", "m")
        and (m := _NUMERAL_MEASURE.fullmatch(word[:2]))
        and not m.group(1)
        and segment.words(word[2])[0][1].startswith("n")
    ):
        parts = [(m.group(2), "m"), (m.group(3), "q"), (word[2], "n")]  # 一段话 yī duàn huà
    elif len(word) == 3 and tag.startswith("v") and word[1:] in _TWO_SYLLABLE_COMPLEMENTS:
        parts = [(word[0], "v"), (word[1:], "v")]
    elif (
        len(word) == 3 and tag[:1] == "v" and word[2] in _COMPLEMENTS and segment.is_word(word[:2])
    ):
        parts = [(word[:2], "v"), (word[2], "v")]
    if parts is None:
        return None
    return [
        Token(join_word(read(w, t, sandhi=sandhi)), "word", w, t)
        for part, t in parts
        for w in (numeral_groups(part) if t == "m" else [part])
    ]


def numeral_groups(word: str) -> list[str]:
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


def read(word: str, tag: str, *, sandhi: bool) -> list[str]:
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


def capital(written: str) -> str:
    return written[:1].upper() + written[1:]
