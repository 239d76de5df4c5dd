"""What the rest of a clause says about a word of running text, for its pinyin: 为 "for"
before a verb of giving (wèi) or "is" before a quantity (wéi), 已经 before what a body passed
(yǐ jīng), 了 at a sentence's end (apart), 海上 before a noun (hǎishàng)."""

from __future__ import annotations

import re

from termbase.chinese.pinyin import _HAN
from termbase.chinese.pinyin_rules import _SENTENCE_END
from termbase.chinese.pinyin_words import Token

# What a body does to a text 已经 (yǐ jīng, "through") brings it before (已经常务会议审议通过)
PASSED = re.compile("审议|批准|讨论通过|表决通过")


_CLAUSE_END = re.compile(r"[，。；！？,;]")


def clause_end(text: str, pos: int) -> int:
    """Where the clause that goes on at `pos` ends: its punctuation, or the text's end."""
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


_QUANTITY = re.compile(
    r"\s*[-−+]?[\d.,]+\s*(?:[%‰亿万千百元美港人民币股倍]*|个[\u4e00-\u9fff]{1,6})\s*"
    r"|\s*“[^”]+”\s*"
)


def states(out: list[Token], rest: str) -> bool:
    """为 after a noun or a verb, before a quantity or a quoted name that ends its clause: "is"
    or "to" (wéi: 收入为91,737.19万元, 提高为5%, 显著性为5.2个标准偏差; jieba tags 收入 a
    verb and 大小 a distinguishing word)."""
    return (
        bool(out) and out[-1].tag[:1] in ("n", "v", "b") and _QUANTITY.fullmatch(rest) is not None
    )


# Verbs of giving after 为 and its noun phrase: 为…带来, 为…提供 (wèi, "for")
_FOR_WHOM = re.compile(r"(?:[^的]{2,10}?)(?:带来|提供|创造|注入|奠定|营造|开辟|作出|做出)([^的]*)$")


def for_whom(rest: str) -> bool:
    """Whether the clause after 为 is a noun phrase and a verb of giving with its object (为经
    济社会发展带来巨大红利), not a relative clause (发展为一个提供服务的平台: "into")."""
    return _FOR_WHOM.match(rest) is not None


def sentence_end(text: str, pos: int) -> bool:
    """Whether only closing quotes and spaces stand between `pos` and a sentence's final
    punctuation (a phrase without it, 讨论了, is not a sentence: tǎolùnle)."""
    rest = text[pos:].lstrip(" ”’」』)）")
    return bool(rest) and rest[0] in _SENTENCE_END


def place_attribute(word: str, out: list[Token], rest: list[tuple[str, str]]) -> bool:
    """Whether 海上, 网上, 线上 or 线下 is "offshore, online" (one word) rather than a noun and
    上 of place: not after a preposition (在网上: zài wǎng shang); 海上 before a noun
    (海上风电, 海上丝绸之路), the others before any word (网上直播, 线上办理)."""
    if not rest or (out and out[-1].source in ("在", "从", "到", "于")):
        return False
    following, tag = rest[0]
    return tag[:1] in ("n", "l") if word == "海上" else bool(_HAN.match(following))


def verb_follows(tagged: list[tuple[str, str]], k: int) -> bool:
    """Whether a verb (not a verbal noun) stands after the k-th word before the clause ends."""
    for word, tag in tagged[k + 1 :]:
        if word in "，。；：！？,;:!?":
            return False
        if tag[:1] == "v" and tag != "vn":
            return True
    return False
