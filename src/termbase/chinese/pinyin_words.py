"""The words of running text for pinyin: tokens, each word's readings, and GB/T 16159-2012's
word division where the segmenter's words are not GB/T's (各国 gè guó, 基础/层 jīchǔcéng, 据统计
jù tǒngjì). `termbase.chinese.pinyin_text` writes them; the names of institutions (6.3.1) are
`termbase.chinese.pinyin_institutions`'."""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from termbase.chinese import names, segment
from termbase.chinese.pinyin import _HAN, PinyinError, is_phrase, join_word, parse, syllables_of
from termbase.chinese.pinyin_idioms import SCIENCE_HEADS, is_idiom
from termbase.chinese.pinyin_rules import (
    _ABBREVIATED_PLACES,
    _ADVERB_FIRST,
    _ADVERB_VERB,
    _AS_VERBS,
    _BY_CHARACTER,
    _BY_TAG,
    _CHINA_WORDS,
    _COMPLEMENTS,
    _COORDINATIONS,
    _DEMONSTRATIVES,
    _DETERMINER_WORDS,
    _DETERMINERS,
    _DIGITS,
    _DIGITS_APART,
    _DOUBLE_SURNAMES,
    _ERHUA,
    _HEADS,
    _HONG_KONG_WORDS,
    _IDIOM_NUMERALS,
    _LEVEL_GOVERNMENTS,
    _MEASURES,
    _MORE,
    _NAMES,
    _NUMERAL_FIRST,
    _NUMERAL_MEASURE,
    _NUMERAL_UNIT,
    _NUMERAL_WORDS,
    _PERSON,
    _POTENTIAL,
    _PREPOSITION_FIRST,
    _PROPER,
    _SUFFIXES,
    _SURNAME_READINGS,
    _TWO_SYLLABLE_COMPLEMENTS,
    _UNITS,
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


# The (word, tag, sandhi) that `divided` leaves whole: most words, tried again and again in a
# long text (`termbase pinyin` of a megabyte: 160,000 words through every rule)
_WHOLE: set[tuple[str, str, bool]] = set()
_WHOLE_AT_MOST = 1 << 17


def divided(word: str, tag: str, *, sandhi: bool) -> list[Token] | None:
    """`_divided`, remembering the words it leaves whole (it reads only the word, its tag and
    the dictionaries, which do not change once loaded)."""
    key = (word, tag, sandhi)
    if key in _WHOLE:
        return None
    parts = _divided(word, tag, sandhi=sandhi)
    if parts is None:
        if len(_WHOLE) >= _WHOLE_AT_MOST:
            _WHOLE.clear()
        _WHOLE.add(key)
    return parts


def _divided(word: str, tag: str, *, sandhi: bool) -> list[Token] | None:
    """GB/T's word division where the segmenter joins two words: a determiner or pronoun and
    its noun or measure (各国 gè guó, 我国 wǒ guó; 6.1.5.3), 很 or 更 and its adjective (hěn duō,
    gèng hǎo), a
    numeral and its measure word (十年 shí nián, 新一代 xīn yī dài; 6.1.6.2), a verb and a
    one-syllable complement after two (展现出 zhǎnxiàn chū; 6.1.4.5). None: one word."""
    parts: list[tuple[str, str]] | None = None
    if word[:1] == "第" and len(word) >= 2 and _NUMERAL_MEASURE.fullmatch(word[1:] + "个"):
        number = join_word(read(word[1:], "m", sandhi=sandhi))  # 6.1.6.3: dì-yī, dì-èr
        return [Token(f"{read('第', 'm', sandhi=sandhi)[0]}-{number}", "word", word, "m")]
    if word[:1] == "第" and len(word) >= 3 and _NUMERAL_MEASURE.fullmatch(word[1:]):
        number = join_word(read(word[1:-1], "m", sandhi=sandhi))  # 第一位: dì-yī wèi
        ordinal = f"{read('第', 'm', sandhi=sandhi)[0]}-{number}"
        measure = join_word(read(word[-1], "q", sandhi=sandhi))
        return [Token(ordinal, "word", word[:-1], "m"), Token(measure, "word", word[-1], "q")]
    if len(word) == 3 and word[0] == "一" and word[1] == word[2]:  # 一个个 yī gègè
        parts = [(word[0], "m"), (word[1:], "q")]
        return [spoken(w, t, sandhi=sandhi) for w, t in parts]
    if tag == "m" and 0 < word.find("分之") < len(word) - 2:  # 三分之二: sān fēnzhī èr
        before, after = word.split("分之", 1)
        return [
            *_numeral(before, sandhi=sandhi),
            spoken("分之", "m", sandhi=sandhi),
            *_numeral(after, sandhi=sandhi),
        ]
    if (
        len(word) == 4
        and word[2] == "得"
        and word[3] in _POTENTIAL
        and tag in ("l", "v", "i")
        and segment.is_word(word[:2])
    ):  # 负担得起: fùdān de qǐ
        head = join_word(read(word[:2], "v", sandhi=sandhi))
        tail = read(word[3], "v", sandhi=sandhi)[0]
        return [Token(f"{head} de {tail}", "word", word, "v")]
    if (
        len(word) == 2
        and word[1] == "等"
        and tag[:1] == "u"
        and (tag == "u" or not segment.is_word(word))
    ):
        head = join_word(read(word[0], "n", sandhi=sandhi))  # 向量/机等: 机 and 等 apart
        return [Token(head, "word", word[0], "n"), Token("děng", "word", "等", "u")]
    if word in _COORDINATIONS:  # 省区市 shěng-qū-shì
        syllables, cuts = read(word, "n", sandhi=sandhi), (0, *_COORDINATIONS[word], len(word))
        pieces = [join_word(syllables[a:b]) for a, b in pairwise(cuts)]
        return [Token("-".join(pieces), "word", word, "n")]
    if word in _ERHUA:  # 6.1.8: 儿 of a retroflex final as r (哪儿 nǎr)
        syllables = read(word[:-1], tag, sandhi=sandhi)
        return [Token(join_word([*syllables[:-1], syllables[-1] + "r"]), "word", word, tag)]
    head = word[:2]  # 本港: běn Gǎng; 访华, 驻华使节, 对华政策: fǎng Huá, zhù Huá shǐjié
    if (head in _HONG_KONG_WORDS or head in _CHINA_WORDS) and (
        len(word) == 2 or segment.is_word(word[2:])
    ):
        place = Token(_ABBREVIATED_PLACES[word[1]], "word", word[1], "nx")
        rest = [spoken(word[2:], "n", sandhi=sandhi)] if len(word) > 2 else []
        return [spoken(word[0], "v", sandhi=sandhi), place, *rest]
    if word in _ABBREVIATED_PLACES and (tag == "nx" or (word == "华" and tag in ("ns", "nz"))):
        return [Token(_ABBREVIATED_PLACES[word], "word", word, "nx")]  # 在华: zài Huá, 对非 duì Fēi
    china = tag in ("ns", "nz") and word[0] == "中" and len(word) in (2, 3)
    if china and not segment.is_word(word) and not names.is_name(word):
        places = [capital(s) for s in read(word, "ns", sandhi=sandhi)]  # 中坦关系: Zhōng-Tǎn
        return [Token("-".join(places), "word", word, "nx")]
    if len(word) > 2 and word[:2] in _NAMES and segment.is_word(word[2:]):
        name = capital(join_word(read(word[:2], "nt", sandhi=sandhi)))  # 东盟国家: Dōngméng
        return [Token(name, "word", word[:2], "nt"), spoken(word[2:], "n", sandhi=sandhi)]
    if (
        len(word) >= 3
        and word[0] in _DETERMINERS
        and _MEASURES.fullmatch(word[1])
        and segment.is_word(word[2:])
    ):
        parts = [(word[0], "r"), (word[1], "q"), (word[2:], "n")]  # 各项政策: gè xiàng zhèngcè
    elif len(word) == 2 and word[0] in _DETERMINERS and word not in _DETERMINER_WORDS:
        if tag[:1] in ("n", "r", "m", "q", "t"):
            parts = [(word[0], "r"), (word[1], "n")]
        elif word[0] in _DEMONSTRATIVES and tag[:1] in ("p", "v", "d", "c"):
            parts = [(word[0], "r"), (word[1], tag)]  # 这为 zhè wèi
    elif len(word) == 2 and word[0] in "年月日号" and word[1] == "起" and tag[:1] == "v":
        parts = [(word[0], "m"), (word[1], "v")]  # 8月15日起施行: rì qǐ, "from the 15th"
    elif len(word) == 3 and word[:2] == "同一" and _MEASURES.fullmatch(word[2]):
        parts = [(word[:2], "b"), (word[2], "q")]  # 同一个地球: tóngyī gè, as 同一时间
    elif word.startswith("在此") and len(word) >= 4:  # 在此之前: zài cǐ zhīqián
        parts = [(word[0], "p"), (word[1], "r"), (word[2:], "f")]
    elif (
        len(word) >= 3
        and word[0] in _DEMONSTRATIVES
        and not is_phrase(word)
        and segment.is_word(word[1:])
    ):  # 此基础 (jieba's set phrase in 在/此基础/上): cǐ jīchǔ
        parts = [(word[0], "r"), (word[1:], "n")]
    elif (
        len(word) >= 3
        and word[0] in _PREPOSITION_FIRST
        and tag[:1] == "v"
        and segment.is_word(word[1:])
    ):
        parts = [(word[0], "p"), (word[1:], "v")]  # 据统计 jù tǒngjì
    elif len(word) >= 3 and word[0] in _ADVERB_FIRST and segment.is_word(word[1:]):
        parts = [(word[0], "d"), (word[1:], "v")]  # 略低于 lüè dīyú
    elif word in _LEVEL_GOVERNMENTS or (
        len(word) == 3 and word[0] == word[1] and word[1:] in _HEADS
    ):  # 市政府: shì zhèngfǔ, a level and its government; 局局长: jú júzhǎng, an office's head
        parts = [(word[0], "n"), (word[1:], "n")]
    elif word in _ADVERB_VERB or (word == "才能" and tag[:1] == "v"):  # 才能完成 cái néng
        parts = [(word[0], "d"), (word[1], "v")]
    elif len(word) == 2 and word[0] == "余" and tag == "m" and _MEASURES.fullmatch(word[1]):
        parts = [(word[0], "m"), (word[1], "q")]  # 3000余项: 3000 yú xiàng
    elif tag == "m" and len(word) >= 2 and word[-1] in "余多" and set(word[:-1]) <= _NUMERAL_FIRST:
        parts = [(word[:-1], "m"), (word[-1], "m")]  # 三十余款: sānshí yú kuǎn
    elif len(word) == 2 and (
        ((word[0] == "很" or word in _MORE) and tag[:1] in ("a", "d", "m", "v"))
        or (word[0] == "较" and (tag == "a" or (tag == "d" and word != "较为")))  # 较强共识, 较晚:
        # jiào qiáng, jiào wǎn (较为 stays jiàowéi)
    ):
        parts = [(word[0], "d"), (word[1], "a")]  # also 多高 "how high": duō gāo
    elif len(word) == 2 and word[1] == "个" and tag[:1] in ("q", "m") and _one_verb(word[0]):
        parts = [(word[0], "v"), (word[1], "q")]  # 打个车: dǎ gè chē
    elif word not in _NUMERAL_WORDS and (m := _NUMERAL_MEASURE.fullmatch(word)):
        prefix, number, measure = m.groups()
        parts = [(prefix, "a")] if prefix else []
        if len(number) > 1 and number[-1] in "多余":  # 一百多元: yībǎi duō yuán
            parts += [(number[:-1], "m"), (number[-1], "m"), (measure, "q")]
        else:
            parts += [(number, "m"), (measure, "q")]
    elif (
        (tag in ("m", "mq") or (tag == "i" and any(ch in "万亿千百" for ch in word)))
        and word not in _NUMERAL_WORDS
        and (m := _NUMERAL_UNIT.fullmatch(word))
        and (len(m.group(2)) >= 2 or m.group(1)[-1] in "万亿")  # 两万人: liǎngwàn rén
        and not _MEASURES.fullmatch(m.group(2))
        and segment.is_word(m.group(2))
        and segment.words(m.group(2))[0][1][:1] in ("n", "q")
    ):
        parts = [(m.group(1), "m"), (m.group(2), "n")]  # 数百亿美元: shùbǎiyì měiyuán
    elif (
        len(word) >= 3
        and word[0] in _NUMERAL_FIRST
        and word[:2] not in _NUMERAL_WORDS
        and tag[:1] in ("l", "n", "m", "t")
        # 数位发展部 is a name; jieba's nz of a digit, a measure and a noun is none (四次会议)
        and (tag not in ("nt", "nr", "ns", "nz", "nx") or (tag == "nz" and word[0] in _DIGITS))
        and (m := _NUMERAL_MEASURE.fullmatch(word[:2]))
        and not m.group(1)
        and (len(word) == 3 or segment.is_word(word[2:]))
        and segment.words(word[2:])[0][1][:1] in ("n", "t")
    ):  # 一段话 yī duàn huà, 半个世纪 bàn gè shìjì
        parts = [(m.group(2), "m"), (m.group(3), "q"), (word[2:], "n")]
    elif (
        len(word) == 3
        and tag == "l"
        and word[0] in _DIGITS_APART
        and segment.is_word(word[1:])
        and segment.words(word[1:])[0][1][:1] == "n"
    ):  # 三要素, jieba's set phrase: sān yàosù (6.1.6.2)
        parts = [(word[0], "m"), (word[1:], "n")]
    elif len(word) == 3 and tag.startswith("v") and word[1:] in _TWO_SYLLABLE_COMPLEMENTS:
        parts = [(word[0], "v"), (word[1:], "v")]
    elif (
        len(word) == 3 and tag[:1] == "v" and word[2] in _COMPLEMENTS and segment.is_word(word[:2])
    ):
        parts = [(word[:2], "v"), (word[2], "v")]
    elif (
        len(word) == 3
        and tag in ("n", "i", "l")
        and word[2] in "出到进"
        and segment.words(word[:2])[0][1][:1] == "v"
        and not is_phrase(word)
    ):  # 培育出, 暴露出, which jieba has as a noun or an idiom: péiyù chū, bàolù chū
        parts = [(word[:2], "v"), (word[2], "v")]
    if parts is None:
        return None
    return [
        spoken(w, t, sandhi=sandhi)
        for part, t in parts
        for w in (numeral_groups(part) if t == "m" else [part])
    ]


def _one_verb(character: str) -> bool:
    return segment.words(character)[0][1][:1] == "v"


def _numeral(word: str, *, sandhi: bool) -> list[Token]:
    return [spoken(group, "m", sandhi=sandhi) for group in numeral_groups(word) if group]


def numeral_idioms(tokens: list[Token]) -> list[Token]:
    """A four-character idiom built on two numerals (千行百业, 千家万户, 四面八方) is read 2+2
    with a hyphen (6.1.7), also where the segmenter cut it in two: qiānháng-bǎiyè."""
    out: list[Token] = []
    for t in tokens:
        prior = out[-1] if out else None
        if (
            prior is not None
            and prior.kind == t.kind == "word"
            and len(prior.source) == len(t.source) == 2
            and _numeral_idiom(prior.source + t.source)
        ):
            prior.text, prior.source, prior.tag = (
                f"{prior.text}-{t.text}",
                prior.source + t.source,
                "i",
            )
            continue
        out.append(t)
    return out


def _numeral_idiom(word: str) -> bool:
    return (
        len(word) == 4
        and word[0] in _IDIOM_NUMERALS
        and word[2] in _IDIOM_NUMERALS
        and word[1] not in _IDIOM_NUMERALS
        and word[3] not in _IDIOM_NUMERALS
        and _HAN.search(word[1] + word[3]) is not None
    )


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
    return list(_read(word, tag, sandhi))


@lru_cache(maxsize=1 << 16)
def _read(word: str, tag: str, sandhi: bool) -> tuple[str, ...]:
    """`read`, remembered: running text repeats its words."""
    if len(word) == 1 and (word, tag) in _BY_TAG:
        return (_BY_TAG[(word, tag)],)
    for prefix, syllable in _BY_CHARACTER.get(word, ()):
        if tag.startswith(prefix):
            return (syllable,)
    syllables = syllables_of(word)
    if tag.startswith("nr") and len(word) <= 3 and word[0] in _SURNAME_READINGS:
        syllables = [_SURNAME_READINGS[word[0]], *syllables[1:]]  # 曾毅: Zēng Yì
    if word[-1] == "为" and word[:-1] in _AS_VERBS:  # 变为, 视为, 列为: "into, as", wéi
        syllables = [*syllables[:-1], "wéi"]
    if not sandhi:
        syllables = [
            "yī" if ch == "一" else "bù" if ch == "不" else s
            for ch, s in zip(word, syllables, strict=False)
        ]
    return tuple(syllables)


def spoken(word: str, tag: str, *, sandhi: bool) -> Token:
    """`word` as one written word of its readings, with its part of speech."""
    return Token(join_word(read(word, tag, sandhi=sandhi)), "word", word, tag)


def capital(written: str) -> str:
    return written[:1].upper() + written[1:]


def capitals(written: str) -> str:
    """Every word of `written` capitalised (the words of a name: Shíjiǔ Jiè Wǔzhōng Quánhuì)."""
    return " ".join(capital(w) for w in written.split(" "))


def write(word: str, tag: str, syllables: list[str]) -> str:
    """One word in GB/T form: syllables together, a hyphen in a 2+2 idiom, capitals for a
    proper noun (a person's surname and given name apart)."""
    return _written(word, tag, tuple(syllables))


@lru_cache(maxsize=1 << 16)
def _written(word: str, tag: str, syllables: tuple[str, ...]) -> str:
    if tag in _PERSON and 2 <= len(word) <= 4:
        cut = 2 if word[:2] in _DOUBLE_SURNAMES else 1
        surname, given = join_word(syllables[:cut]), join_word(syllables[cut:])
        return f"{capital(surname)} {capital(given)}" if given else capital(surname)
    idiom = is_idiom(word, tag)
    if idiom:
        return join_word(syllables[:2]) + "-" + join_word(syllables[2:])
    if tag == "ns" and len(word) >= 3 and word[-1] in _UNITS:
        return capital(join_word(syllables[:-1])) + " " + capital(syllables[-1])
    parts = _parts(word) if len(word) >= 5 or (len(word) == 4 and not _suffixed(word)) else [word]
    if len(word) == 4 and word[2:] in SCIENCE_HEADS:
        parts = [word[:2], word[2:]]  # 巨噬细胞: jùshì xìbāo
    out, at = [], 0
    for part in parts:  # a name of four syllables or more: word by word (Zhōnghuá Rénmín ...)
        written = join_word(syllables[at : at + len(part)])
        out.append(capital(written) if tag in _PROPER else written)
        at += len(part)
    return " ".join(out)


def _suffixed(word: str) -> bool:
    """A word and its suffix (不稳定性 bùwěndìngxìng, 物理学家 wùlǐxuéjiā), not 不稳/定性."""
    tail = word[-2:] if word[-2:] in _SUFFIXES else word[-1]
    stem = word[1 : -len(tail)] if word[0] in "不非无可" else word[: -len(tail)]
    return tail in _SUFFIXES and segment.is_word(stem)


def _parts(word: str) -> list[str]:
    """A long word cut into the fewest dictionary words of two or three characters (中华人民共和国
    -> 中华/人民/共和国, 人工智能 -> 人工/智能); whole where it cannot be."""
    n = len(word)
    best: list[list[str] | None] = [[]] + [None] * n
    for end in range(2, n + 1):
        for size in (2, 3):
            start = end - size
            prior = best[start] if start >= 0 else None
            if prior is None or size == n or not segment.is_word(word[start:end]):
                continue
            if best[end] is None or len(prior) + 1 < len(best[end] or ()):
                best[end] = [*prior, word[start:end]]
    return best[n] or [word]
