"""GB/T 16159-2012's affixes in running text (6.1.9): a one-syllable prefix or suffix the
segmenter cut off is written with its word (副/院长 fùyuànzhǎng, 现代/化 xiàndàihuà, 漂浮/式
piāofúshì), over the tokens of `termbase.chinese.pinyin_words`."""

from __future__ import annotations

from termbase.chinese.pinyin import _HAN
from termbase.chinese.pinyin_rules import (
    _AFTER_VERBS,
    _ATTRIBUTIVE_PREFIXES,
    _HEAD_NOUNS,
    _NOUN_SUFFIXES,
    _PREFIX_READINGS,
    _PREFIXES,
    _SUFFIXES,
)
from termbase.chinese.pinyin_words import Token, read


def affixes(tokens: list[Token]) -> list[Token]:
    """6.1.9: a one-syllable prefix (副, 超, 非, 反) or suffix (化, 性, 者, 员, 们, 力) the
    segmenter cut off is written with its word (副/院长 fùyuànzhǎng, 超/节点 chāojiédiǎn, 现代/化
    xiàndàihuà, 运载/力 yùnzàilì)."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        prior = out[-1] if out else None
        word = t.kind == "word" and _HAN.search(t.source) is not None
        if word and prior is not None and prior.kind == "word" and _HAN.search(prior.source):
            prefix = prior.source in _PREFIXES or (
                prior.source in _ATTRIBUTIVE_PREFIXES and _qualifies(tokens, i)
            )
            # not before a particle or a function word (快、稳、准的: zhǔn de)
            function = t.tag[:1] in ("u", "p", "c", "y", "e")
            if prefix and " " not in t.text and t.tag != "m" and not function and prior.tag != "nx":
                head = _PREFIX_READINGS.get(prior.source, prior.text)
                prior.text, prior.source, prior.tag = head + t.text, prior.source + t.source, t.tag
                continue
            # a suffix after a word written as two (技术密集/性: jìshù mìjíxìng), not after a name
            last = prior.text.split(" ")[-1]
            if t.source in _SUFFIXES and last.islower() and not prior.tag.startswith("u"):
                prior.text, prior.source = prior.text + t.text, prior.source + t.source
                continue
            if (
                len(t.source) == 2
                and t.source[0] in _SUFFIXES
                and t.tag[:1] == "a"
                and prior.tag[:1] in ("v", "n")
                and " " not in prior.text
            ):  # 采纳/率高: cǎinàlǜ gāo
                suffix, rest = (
                    read(t.source[0], "n", sandhi=False),
                    read(t.source[1], "a", sandhi=False),
                )
                prior.text, prior.source = prior.text + suffix[0], prior.source + t.source[0]
                t.text, t.source = rest[0], t.source[1]
            period = t.source in _AFTER_VERBS and prior.tag[:1] in ("v", "a")
            noun_suffix = t.source in _NOUN_SUFFIXES or t.source in _AFTER_VERBS
            one_thing = t.source in _HEAD_NOUNS and prior.tag == "n" and _ends(tokens, i)
            suffixed = noun_suffix and (prior.tag[:1] == "n" or period)
            if (suffixed or one_thing) and len(prior.source) == 2:
                prior.text, prior.source = prior.text + t.text, prior.source + t.source
                continue
        out.append(t)
    return out


def _ends(tokens: list[Token], i: int) -> bool:
    """Whether no Han word follows tokens[i] before a mark or the end (设施网要: a verb
    follows; 风险点。)."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return after is None or after.kind != "word" or after.tag[:1] in ("v", "u", "c", "p", "d")


def _qualifies(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] is a common noun or verbal noun followed by a noun or a conjunction:
    无/标签/数据, 半/监督/与 (not 自/北京/出发, 无/意义/., 无/数据/可用)."""
    t = tokens[i]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if tokens[i - 1].source == "自" and t.tag in ("v", "vn") and _in_series(tokens, i):
        return True  # 自感知、自优化、自决策和自执行: zìgǎnzhī, zìyōuhuà ...
    return (
        t.tag in ("n", "vn")
        and after is not None
        and after.kind in ("word", "term")
        and (
            after.tag[:1] == "n"
            or after.tag == "vn"
            or after.source in ("与", "和", "及")
            or after.kind == "term"
        )
    )


def _in_series(tokens: list[Token], i: int) -> bool:
    """Whether the prefix before tokens[i] is one of a series (自A、自B和自C): the same prefix
    two tokens before or after it, across 、, 和, 与 or 及."""
    prefix = tokens[i - 1].source
    return any(
        0 <= k < len(tokens)
        and tokens[k].source.startswith(prefix)  # joined already: 自决策
        and tokens[between].source in ("、", "和", "与", "及")
        for k, between in ((i - 4, i - 2), (i + 2, i + 1))
    )
