"""Four-character idioms in running text, for their pinyin: which of the segmenter's words of
four characters GB/T 16159-2012 writes 2+2 with a hyphen (bùkě-huòquē, 6.2), and which are two
words (今年以来 jīnnián yǐlái, 迅猛发展 xùnměng fāzhǎn)."""

from __future__ import annotations

from termbase.chinese import names, segment
from termbase.chinese.pinyin import is_phrase
from termbase.chinese.pinyin_rules import (
    _COMMON_WORD,
    _IDIOMS_TOGETHER,
    _NOT_IDIOMS,
    _SUBJECT_IDIOMS,
    _VERY_COMMON_WORD,
)


def is_idiom(word: str, tag: str) -> bool:
    """A four-character idiom read 2+2 (GB/T's hyphen): jieba's idioms (i), and its set
    phrases (l) unless both halves are common words."""
    if len(word) != 4 or word in _IDIOMS_TOGETHER or word in _NOT_IDIOMS:
        return False
    if tag == "nz":  # 日新月异: an idiom jieba tags as a proper noun; not a name (奥地利人)
        if any(names.is_name(word[:k]) for k in (2, 3, 4)):
            return False
        halves = [segment.dictionary_frequency(h) for h in (word[:2], word[2:])]
        return not any(halves) or (is_phrase(word) and min(halves) < _COMMON_WORD)
    if tag not in ("i", "l"):
        return False
    if word[2:] in SCIENCE_HEADS:
        return False  # 巨噬细胞: jieba's set phrase of science, a noun (jùshì xìbāo)
    if word[3] in _NOUN_ENDS and segment.is_word(word[:3]):
        return False  # 未成年人: a word of three and a noun's suffix, wèichéngniánrén
    if word[2] in "之以":  # 两国之间, 今年以来: a noun and a word of place or time
        return False
    if word[0] == word[1] and segment.words(word[:2])[0][1] in ("b", "d"):
        return False  # 大大缩短, 渐渐消失: an adverb and its verb
    if tag == "i":  # 今年以来: jieba's idiom, two very common words, no idiom of pypinyin's
        if is_phrase(word):  # 大气污染: a phrase of pypinyin's that is a noun and a verb's
            return not _noun_and_verb(word)
        return not (
            two_words(word, _VERY_COMMON_WORD)
            or _adverb_and_verb(word)
            or _noun_and_verb(word)
            or _modal_and_verb(word)
        )
    return not two_words(word)


# Head nouns of science after which jieba's "idiom" is a term, no idiom
SCIENCE_HEADS = frozenset(
    {"细胞", "蛋白", "基因", "分子", "因子", "材料", "效应", "反应", "模型", "结构", "芯片"}
)
# Suffixes that make a noun of a word of three (未成年/人, 亚健康/者)
_NOUN_ENDS = frozenset("人者家性化率度")


def _adverb_and_verb(word: str) -> bool:
    """迅猛发展, 不断加强, 严厉打击: jieba's "idiom" that is an adverb or adjective and a common
    verb, two words (xùnměng fāzhǎn)."""
    head, verb = segment.words(word[:2], hmm=False), segment.words(word[2:], hmm=False)
    if len(head) != 1 or len(verb) != 1:
        return False
    common = segment.dictionary_frequency(word[2:]) >= _VERY_COMMON_WORD
    return common and verb[0][1] in ("v", "vn") and head[0][1] in ("a", "ad", "d")


def _modal_and_verb(word: str) -> bool:
    """不可逆转, 不可否认: jieba's "idiom" that is 不可 "cannot" and a common verb, no idiom of
    pypinyin's: two words (bùkě nìzhuǎn, as bùkě zǔdǎng; 不可思议, 不可动摇 stay idioms)."""
    if not word.startswith("不可"):
        return False
    verb = segment.words(word[2:], hmm=False)
    common = segment.dictionary_frequency(word[2:]) >= _COMMON_WORD
    return common and len(verb) == 1 and verb[0][1] == "v"


def _noun_and_verb(word: str) -> bool:
    """数据共享, 资源整合: jieba's "idiom" that is a common noun and a common verb, no idiom of
    pypinyin's: two words (shùjù gòngxiǎng)."""
    if word in _SUBJECT_IDIOMS or not two_words(word):
        return False
    head, verb = segment.words(word[:2], hmm=False), segment.words(word[2:], hmm=False)
    return len(head) == len(verb) == 1 and head[0][1] == "n" and verb[0][1] in ("v", "vn")


def two_words(word: str, common: int = _COMMON_WORD) -> bool:
    """Whether both halves of a four-character word are common words."""
    return all(segment.dictionary_frequency(half) >= common for half in (word[:2], word[2:]))
