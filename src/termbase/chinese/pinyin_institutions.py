"""6.3.1: the names of institutions in running text, each word capitalised: 中国/信息/通信/研究院
Zhōngguó Xìnxī Tōngxìn Yánjiūyuàn, ministries of two fields joined by 和 (Gōngyè hé Xìnxīhuà
Bù), quoted names of meetings, programmes and funds."""

from __future__ import annotations

from termbase.chinese import segment
from termbase.chinese.pinyin import _HAN
from termbase.chinese.pinyin_rules import (
    _EVENTS,
    _INSTITUTION_STARTS,
    _INSTITUTION_SUFFIXES,
    _NAMES,
    _OFFICE_WORDS,
    _PROGRAMMES,
)
from termbase.chinese.pinyin_words import Token, capital, capitals


def institutions(tokens: list[Token]) -> list[Token]:
    """6.3.1: the name of an institution, each word capitalised, where the segmenter's words
    run from 中国, 国家, 国务院 or a name to a word of institutions (研究院, 委员会, 大会, 局):
    中国/信息/通信/研究院 Zhōngguó Xìnxī Tōngxìn Yánjiūyuàn."""
    joins = any(t.source in ("和", "及") for t in tokens)  # for a ministry of two fields
    i = 0
    while i < len(tokens):
        t = tokens[i]
        # a name (CC-CEDICT's, or one the segmenter tags without other evidence) and the words
        # of an institution after it: 斯隆/管理/学院 Sīlóng Guǎnlǐ Xuéyuàn
        named = t.tag in ("nx", "nz")
        # a ministry of two fields joined by 和 (工业和信息化部, 住房和城乡建设部)
        ministry = joins and (noun(t) or t.tag == "v") and _joined_ministry(tokens, i)
        proper_term = t.kind == "term" and t.text[:1].isupper()  # 中共中央 of the base
        if (t.kind == "word" or proper_term) and (
            t.source in _INSTITUTION_STARTS or t.tag == "nt" or named or ministry or proper_term
        ):
            end = _name_end(tokens, i + 1, i)
            # 暨 joins two names (大会暨…会议): the second runs to its own office word
            while end > i and end + 2 < len(tokens) and tokens[end + 1].source == "暨":
                second = _name_end(tokens, end + 2, verbs=True)
                if second < 0:
                    break
                end = second
            if end > i:
                for k in range(i, end + 1):
                    if tokens[k].source in ("和", "及", "暨"):
                        continue  # a function word of a name stays lower case (6.3.1)
                    tokens[k].text = capitals(tokens[k].text)
                    tokens[k].tag = "nt"
                i = end
        i += 1
    return tokens


def _name_end(tokens: list[Token], j: int, start: int | None = None, *, verbs: bool = False) -> int:
    """The last office word (`_office`) of the nouns from tokens[j] on, within six words of
    the name's `start`; -1 where there is none. With `verbs`, a verb may stand inside (the
    name after 暨: 人工智能全球治理高级别会议, where jieba tags 治理 a verb)."""
    start = j if start is None else start
    end = -1

    def inside(t: Token) -> bool:
        return noun(t) or (verbs and t.kind == "word" and t.tag == "v" and j > start)

    while j < len(tokens) and j - start <= 6 and (inside(tokens[j]) or _and(tokens, j)):
        if _office(tokens[j].source, tokens[j].tag):
            end = j
        j += 1
    return end


def _office(word: str, tag: str) -> bool:
    """A word that ends an institution's name: 研究院, 统计局, 外交部, 局 on its own; not a word
    of two characters that only ends on an office's character (社会, 布局, 格局, 部署, 干部), nor
    a longer one that ends on such a word (战略部署), unless jieba knows it as an organisation
    (国家安全部)."""
    suffix = next((s for s in _INSTITUTION_SUFFIXES if word.endswith(s)), "")
    if len(suffix) == 1 and len(word) == 2:
        return word in _OFFICE_WORDS
    if len(suffix) == 1 and len(word) > 2 and tag != "nt" and word[-2:] not in _OFFICE_WORDS:
        return not segment.is_word(word[-2:])
    return bool(suffix)


def quoted_events(tokens: list[Token]) -> list[Token]:
    """A quoted name of a meeting, a programme or a fund (“……高级别会议”, 「新型工业加速计划」):
    each word capitalised, a function word of it not (6.3.1)."""
    start = -1
    for i, t in enumerate(tokens):
        if t.source in ("“", "「"):
            start = i
        elif t.source in ("”", "」") and start >= 0:
            inner = tokens[start + 1 : i]
            words = [w for w in inner if w.kind in ("word", "term")]
            group = inner and inner[-1].source.endswith("小组")  # “工作小组”: a working group
            if (
                len(words) >= (3 if group else 2)
                and inner
                and inner[-1].source.endswith(_EVENTS + _PROGRAMMES)
            ):
                for w in words:
                    if w.source not in ("的", "和", "与", "及", "之"):
                        w.text = " ".join(capital(x) for x in w.text.split(" "))
            start = -1
        elif t.kind == "punct" and t.source not in ("、", "·"):
            start = -1  # a quote that holds a clause is not a name
    return tokens


def _and(tokens: list[Token], j: int) -> bool:
    """和 or 及 between two nouns of a name (国家发展和改革委员会, 创新科技及工业局)."""
    return (
        tokens[j].source in ("和", "及")
        and 0 < j < len(tokens) - 1
        and noun(tokens[j - 1])
        and noun(tokens[j + 1])
        # not between two institutions (国务院和省委)
        and tokens[j - 1].tag != "nt"
        and not tokens[j - 1].source.endswith(_INSTITUTION_SUFFIXES)
    )


def _joined_ministry(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] starts the name of a ministry or bureau of fields joined by 和 or 及
    (工业和信息化部, 创新科技及工业局): nouns (the first may be a verb), one 和 or 及, and nouns
    to 部, 局 or 委员会 that is no ministry's whole name (教育部)."""
    joined = False
    for k in range(i, min(i + 7, len(tokens))):
        t = tokens[k]
        if t.source in ("和", "及"):
            if joined or k == i or not _and(tokens, k):
                return False
            joined = True
            continue
        after = tokens[k + 1].source if k + 1 < len(tokens) else ""
        if not (noun(t) or (k == i and t.tag == "v" and after not in _INSTITUTION_STARTS)):
            return False  # 接续/国家科学及技术委员会: the name starts at 国家
        if joined and t.source in _NAMES:
            return False  # 内部管理和教育部: a ministry of its own after 和, no joined name
        if joined and t.source.endswith(("部", "局", "委员会")):
            return True
    return False


def noun(token: Token) -> bool:
    """A noun of a name: a word tagged so, or a term of the base (中国人工智能产业发展联盟)."""
    return (
        (token.kind == "word" and token.tag[:1] in ("n", "j", "l"))
        or token.tag in ("vn", "b")
        or (token.kind == "term" and _HAN.search(token.source) is not None)
    )
