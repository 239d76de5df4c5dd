"""Coordinated ellipsis in English: one head noun shared by coordinated modifiers.

"the digital and intelligence divides" renders both 数字鸿沟 (digital divide) and 智能鸿沟
(intelligence divide), "developed and developing countries" both 发达国家 and 发展中国家: the
first rendering's head word is not written after its modifiers but shared with the next
conjunct. A rendering counts as present when its modifiers are followed by a coordinator, one
or more one-word conjuncts and its head word (singular or plural). Nothing else is accepted:
"the digital divide and intelligence services" does not render "intelligence divide".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

_WORD = r"[^\W_][\w'’-]*"
# Words that open a noun phrase of their own rather than a shared modifier.
_FUNCTION = "the|a|an|all|any|many|most|other|some|such|these|this|those|that|its|their|our|his|her"
_CONJUNCT = rf"(?!(?:{_FUNCTION})\b){_WORD}"
_COORDINATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&|as\s+well\s+as)\s+)"


@lru_cache(maxsize=4096)
def _pattern(rendering: str) -> re.Pattern[str] | None:
    words = rendering.split()
    if len(words) < 2 or any(not re.fullmatch(_WORD, w) for w in words):
        return None  # one word, or punctuation inside ("small yard, high fence")
    *modifiers, head = words
    plural = rf"{re.escape(head[:-1])}ies" if head.endswith("y") else rf"{re.escape(head)}(?:e?s)?"
    return re.compile(
        r"(?<![\w-])"
        + r"[\s-]+".join(map(re.escape, modifiers))
        + rf"{_COORDINATOR}{_CONJUNCT}(?:{_COORDINATOR}{_CONJUNCT})*\s+"
        + rf"(?:{re.escape(head)}|{plural})(?![\w-])",
        re.IGNORECASE,
    )


def needles(renderings: Iterable[str]) -> tuple[str, ...]:
    """What a text must hold before a rendering's pattern is worth compiling and running, for
    each rendering of two words or more (one word has no modifier), four texts a rendering,
    flat: the rendering (its words joined by one space: the pattern is made of its words), its
    first and last modifiers and its head word's stem, case-folded. No text holds a control
    character: they are spaces to `str.split`."""
    out: list[str] = []
    for rendering in renderings:
        words = rendering.casefold().split()
        if len(words) >= 2:
            out += (" ".join(rendering.split()), words[0], words[-2], words[-1][:-1])
    return tuple(out)


_OPENERS = (",", "and", "or", "&", "as")  # how a coordinator starts, after any space


def _coordinator_after(folded: str, word: str) -> bool:
    """Whether `word` stands somewhere in `folded` with a coordinator after it (any spaces
    between): a necessary condition of the pattern, checked without a regular expression."""
    at = folded.find(word)
    while at >= 0:
        i, n = at + len(word), len(folded)
        while i < n and folded[i].isspace():
            i += 1
        if folded.startswith(_OPENERS, i):
            return True
        at = folded.find(word, at + 1)
    return False


def coordinated(text: str, renderings: Iterable[str]) -> bool:
    """Whether one of `renderings` stands in `text` with its head word shared by a
    coordination of modifiers."""
    return coordinated_by(text, needles(renderings), text.casefold())


def coordinated_by(text: str, wanted: Sequence[str], folded: str) -> bool:
    """`coordinated`, the renderings given by their `needles` (made once for a concept) and the
    text also case-folded (once for all the concepts of a segment)."""
    fours = iter(wanted)
    for rendering, first, last, stem in zip(fours, fours, fours, fours, strict=True):
        # most renderings of a missing concept are not there at all, and few of the rest are
        # followed by a coordination
        if first in folded and stem in folded and _coordinator_after(folded, last):
            pattern = _pattern(rendering)
            if pattern is not None and pattern.search(text):
                return True
    return False
