"""Running Chinese text cut into words for its pinyin: rjieba (jieba's dictionary and tags, in
Rust) with the project's words, a check of the words its model guesses (a person's name or
content words stand; an adverb glued to a verb does not), and the names CC-CEDICT gives
evidence for. rjieba is imported on first use, so `termbase --help` never loads it."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from termbase.chinese import names
from termbase.chinese.pinyin import _HAN, is_phrase
from termbase.chinese.pinyin_lexicon import _LEADERS, _WORDS
from termbase.chinese.pinyin_rules import (
    _APART,
    _DEGREE,
    _DEGREE_ADJECTIVES,
    _DIGITS_APART,
    _DOUBLE_SURNAMES,
    _GLUE_FIRST,
    _GLUE_LAST,
    _MEASURES,
    _PERSON,
    _PROPER,
    _SUFFIXES,
    _WITHIN,
)


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


_TAGS = dict(_WORDS)  # jieba keeps its own tag for a word it has (零部件 mq, a numeral)


def words(text: str, *, hmm: bool = True) -> list[tuple[str, str]]:
    """`text` (Simplified) cut into (word, part-of-speech tag) pairs; with `hmm`, words the
    dictionary lacks are guessed (jieba's hidden Markov model). The project's words have its
    tags."""
    return [(w, _TAGS.get(w, t)) for w, t in _segmenter().tag(text, hmm)]


def tagged(text: str) -> list[tuple[str, str]]:
    """The words of `text` for its pinyin: the segmenter's, cut or joined where GB/T's words
    are others (`_cut`: 得益于 déyì yú, 更趋 gèng qū; `_rejoined`: 产业/链条; `_years`: èr líng sān
    wǔ nián). A word the model guessed (neither jieba's dictionary nor pypinyin's has it) stands
    if it is a person's name (许召元) or made of content words (愿景, 新质, 共赢); one that starts
    with an adverb or a preposition or ends with a particle (就试 of 就试着) is two words glued,
    cut by the dictionary again (jiù shìzhe), as is one that starts with a number (十纵: shí
    zòng)."""
    seg = _segmenter()
    out: list[tuple[str, str]] = []
    found = words(text)
    joined = _rejoined(_years(found) if "年" in text else found)
    for n, (word, tag) in enumerate(joined):
        following = joined[n + 1][0] if n + 1 < len(joined) else ""
        if word == "发展中" and not following.startswith(_DEVELOPING):
            out += [("发展", "vn"), ("中", "f")]  # 肿瘤发生发展中: fāzhǎn zhōng, "in"
            continue
        cut = _cut(word, tag, out)
        if cut is not None:
            out += cut
            continue
        if word == "他" and out and out[-1][0] == "及其":  # 及其/他: jí qítā
            out[-1] = ("及", "c")
            out.append(("其他", "r"))
            continue
        if tag.startswith("nr") and len(word) == 3 and word[-1] == "等":
            out += [(word[:2], tag), ("等", "u")]  # 戴希等组成: a name and 等 (Dài Xī děng)
            continue
        known = seg.has_word(word) or is_phrase(word)
        if not known and _name_runs_on(word, out):  # 韩文/秀说: Hán Wénxiù shuō
            out[-1] = (out[-1][0] + word[0], "nr")
            out.append(words(word[1], hmm=False)[0])
            continue
        if not known and len(word) >= 3 and word[-1] == "于":  # 费雪于: a name, then 于
            out += [(word[:-1], tag), ("于", "p")]
            continue
        if len(word) < 2 or known or not _HAN.search(word) or person(word, tag):
            out.append((word, tag))
            continue
        if any(c in word[1:-1] for c in "和与及"):
            out += words(word, hmm=False)  # 化和膜 of 片段化和膜起泡: 化, 和, 膜
        elif word[0] in _DIGITS_APART and word[1] not in _NUMERAL_CHARACTERS:
            out += words(word, hmm=False)  # 十纵/十横: shí zòng shí héng, a number and a noun
        elif word[0] in _GLUE_FIRST:  # 就试: 就 + 试
            out += [words(word[0], hmm=False)[0], (word[1:], tag)]
        elif word[-1] in _GLUE_LAST:  # 央企要: 央企 + 要; 上该: 上 (a word of place) + 该
            head = words(word[:-1], hmm=False)[0] if len(word) == 2 else (word[:-1], tag)
            out += [head, words(word[-1], hmm=False)[0]]
        else:
            out.append((word, tag))
    return out


def _name_runs_on(word: str, before: list[tuple[str, str]]) -> bool:
    """Whether a guessed word of two characters that ends on 说, 向 or 称 holds the last
    character of a person's name, whose surname and first character jieba took for a word
    (韩文/秀说, 王国/庆向): a word of two that starts with a surname and is no place before it."""
    if len(word) != 2 or word[1] not in "说向称" or not before:
        return False
    last = before[-1][0]
    return len(last) == 2 and last[0] in names.surnames() and not names.is_place(last)


# What 发展中 "developing" stands before (发展中国家 fāzhǎnzhōng guójiā)
_DEVELOPING = ("国", "经济体", "地区", "成员", "世界", "市场", "小岛")


def _cut(word: str, tag: str, before: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """A word of the segmenter's (after the words `before` it) as GB/T's words, or None where
    it is one: jieba's words GB/T writes apart (另一方面), a unit of time and 内 after a number
    (2 nián nèi), a dateline's 日电 (22 rì diàn), 新 and a noun (xīn géjú), 更 and an adjective
    (gèng gāo xiàolǜ), a verb and 于 (déyì yú), 越…越…, a measure word after a number (duō lèi
    chǎnpǐn), 地 "places" after 等 (děng dì), 有 and a word of three jieba joins into a set
    phrase (yǒu chuàngzàolì)."""
    seg = _segmenter()
    last = before[-1] if before else ("", "")
    if word == "地" and tag == "uv" and last[0] == "等":
        return [("地", "n")]  # 北京等地: and other places, dì (not the particle de)
    if word in _APART:  # 另一方面: lìng yī fāngmiàn
        return list(_APART[word])
    if word == "出新" and last[1][:1] == "v" and len(last[0]) == 2:
        return [("出", "v"), ("新", "a")]  # 研制/出新/型号: yánzhì chū xīn xínghào
    if word == "期内" and len(last[0]) == 2 and last[1][:1] in ("n", "v"):
        return [("期", "n"), ("内", "f")]  # 报告期内: bàogàoqī nèi, 期 a suffix of its noun
    if word in _WITHIN and (last[1] == "m" or last[0] == "个"):
        return [(word[0], "q"), (word[1], "f")]  # 2年内: 2 nián nèi, within two years
    new = len(word) == 3 and word[0] == "新" and seg.has_word(word[1:])
    if new and not is_phrase(word) and not names.is_name(word):
        return [("新", "a"), (word[1:], "n")]  # 新篇章, 新格局: xīn piānzhāng, as 新动能
    if word == "日电" and last[1] == "m":
        return [("日", "q"), ("电", "n")]  # 新华社北京3月5日电: a dateline, 5 rì diàn
    degree = last[0] in _DEGREE and len(word) >= 3 and word[0] in _DEGREE_ADJECTIVES
    if degree and seg.has_word(word[1:]):
        return [(word[0], "a"), (word[1:], "n")]  # 更/高效率: 更 高 效率
    if _verb_and_yu(word, tag):
        return [words(word[:2], hmm=False)[0], ("于", "p")]  # 得益于: déyì yú, 于 apart
    if len(word) == 4 and word[0] == word[2] == "越":  # 越多越好: yuè duō yuè hǎo
        return [("越", "d"), words(word[1], hmm=False)[0], ("越", "d"), words(word[3])[0]]
    if len(word) == 2 and word[0] == "越" and not seg.has_word(word):
        return [("越", "d"), words(word[1], hmm=False)[0]]  # 越用越强: yuè yòng yuè qiáng
    if len(word) == 4 and tag == "l" and word[0] in "有无" and seg.has_word(word[1:]):
        return [(word[0], "v"), (word[1:], "n")]  # 最有创造力: zuì yǒu chuàngzàolì, no idiom
    measure = last[1] == "m" and len(word) >= 3 and _MEASURES.fullmatch(word[0])
    if measure and seg.has_word(word[1:]) and not is_phrase(word):
        return [(word[0], "q"), (word[1:], tag)]  # 1200多/类产品: duō lèi chǎnpǐn
    return None


def _rejoined(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A word of three characters and a noun of one where the last two make a word and the
    first two do too: 产业链/条 is 产业 + 链条 (chǎnyè liàntiáo), as 产业链/条长 where the model
    guessed 条长; not a word of place after it
    (计算机/上 stays) nor a suffix (生物学/界), nor a number and its measure word (第十四/个);
    为主/线 is 为 + 主线."""
    seg = _segmenter()
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(found):
        word, tag = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else ("", "")
        if word == "为主" and len(nxt[0]) == 1 and seg.has_word("主" + nxt[0]):
            out += [("为", "p"), ("主" + nxt[0], "n")]  # 为主/线: wéi zhǔxiàn
            i += 2
            continue
        if (
            len(word) == 3
            and tag != "m"
            and len(nxt[0]) == 1
            and nxt[1] in ("n", "q", "ng")
            and nxt[0] not in _SUFFIXES  # 生物学/界: a suffix (shēngwùxuéjiè)
            and seg.has_word(word[2] + nxt[0])
            and seg.has_word(word[:2])
            and not seg.has_word(word + nxt[0])
        ):
            out += [(word[:2], tag), (word[2] + nxt[0], "n")]
            i += 2
            continue
        if (
            len(word) == 3
            and tag == "n"  # not a name (行政院/會今: 行政院 + 會 + 今)
            and len(nxt[0]) == 2
            and seg.has_word(word[2] + nxt[0][0])
            and seg.has_word(word[:2])
            and not (seg.has_word(nxt[0]) or is_phrase(nxt[0]))  # a guess of the model's
            and words(nxt[0][1], hmm=False)[0][1][:1] == "a"
        ):  # 产业链/条长: 产业 + 链条 + 长 (chǎnyè liàntiáo cháng); 供应链/条件 stays
            out += [(word[:2], tag), (word[2] + nxt[0][0], "n"), words(nxt[0][1], hmm=False)[0]]
            i += 2
            continue
        out.append((word, tag))
        i += 1
    return out


_NUMERAL_CHARACTERS = frozenset("零〇一二两三四五六七八九十百千万亿")
_YEAR = re.compile("[〇零一二三四五六七八九]{4}年")
_YEAR_CHARACTERS = frozenset("〇零一二三四五六七八九年")


def _years(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A year in Chinese digits (二〇三五年, which jieba cuts 二/〇/三五年): each digit a word
    (èr líng sān wǔ nián), as a year is read."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(found):
        j, joined = i, ""
        while j < len(found) and set(found[j][0]) <= _YEAR_CHARACTERS and "年" not in joined:
            joined += found[j][0]
            j += 1
        if _YEAR.fullmatch(joined):
            out += [(ch, "m") for ch in joined[:-1]] + [("年", "q")]
            i = j
            continue
        out.append(found[i])
        i += 1
    return out


# How often jieba has seen a word of a character and 于 for it to be one (低于 2,101, 至于 5,255;
# 益于 of 得益于 5, 利于 637)
_YU_WORD = 1000


def _verb_and_yu(word: str, tag: str) -> bool:
    """A word of jieba's that is a verb of two syllables and the preposition 于 (得益于,
    依附于, 有利于): GB/T writes 于 apart. Not where 于 makes a word with the character before
    it (略低于: 低于 dīyú; 以至于: 至于) nor a conjunction or adverb (不至于)."""
    seg = _segmenter()
    if len(word) != 3 or word[2] != "于" or tag in ("c", "d"):
        return False
    return bool(seg.has_word(word[:2])) and dictionary_frequency(word[1:]) < _YU_WORD


def person(word: str, tag: str) -> bool:
    """A person's name: tagged so, two to four characters, a surname first, and not a word
    of the dictionary (jieba's dictionary tags 蓝图 and 权威 as names of people)."""
    from termbase.chinese import names

    if tag in _PERSON and len(word) == 1:
        return word in names.surnames()  # 王部长: Wáng bùzhǎng
    if word in _LEADERS:
        return True
    if tag not in _PERSON or not 2 <= len(word) <= 4 or dictionary_frequency(word):
        return names.is_name(word) and tag in _PERSON
    return word[0] in names.surnames() or word[:2] in _DOUBLE_SURNAMES


def name_spans(text: str, tagged: list[tuple[str, str]]) -> dict[int, tuple[int, str]]:
    """The names of CC-CEDICT in `text` that begin and end between the segmenter's words:
    start -> (end, name)."""
    cuts, at = {0}, 0
    common: set[tuple[int, int]] = set()  # one word of the segmenter, not tagged as a name
    function: list[int] = []  # where a function word starts (上 of 两步/上/都: no 上都)
    for word, tag in tagged:
        start = max(text.find(word, at), at)
        at = start + len(word)
        cuts.add(at)
        # a common word of jieba's, unless CC-CEDICT says it is a place (合肥, jieba's n)
        common_word = tag not in _PROPER and tag != "nz" and _segmenter().has_word(word)
        if common_word and not names.is_place(word):
            common.add((start, at))
        if tag[:1] in _FUNCTION_TAGS:
            function.append(start)
    # CC-CEDICT writes 互联网 "Internet" with a capital: where the segmenter knows the word as a
    # common one, that is no evidence of a Chinese proper noun
    found = names.find(text, cuts)
    return {
        s: (e, name)
        for s, e, name in found
        if (s, e) not in common and not any(s <= f < e for f in function)
    }


# Words a name of CC-CEDICT's is not made of where the segmenter cuts it into several: words
# of place, adverbs, prepositions, conjunctions, particles, pronouns, numerals and measures
_FUNCTION_TAGS = frozenset("fdpcurmq")


def is_word(word: str) -> bool:
    return bool(_segmenter().has_word(word))
