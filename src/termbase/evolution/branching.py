"""How freely a string combines with its neighbours in a text: its accessor variety (Feng et
al. 2004, "Accessor variety criteria for Chinese word extraction"), the number of different
characters that precede it and that follow it. A term stands on its own: 快速支付系统 is
followed by 「, ，and 的 in three occurrences, where a fragment (快速支付系) is followed by the
same character each time. `termbase mine` keeps a sequence of words its part-of-speech tags
would not make a term only where both sides vary, and ranks every candidate by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The least number of different neighbours on each side of a string that stands on its own
ACCESSOR = 2
# The longest sequence of words taken, in characters
LONGEST = 12
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ebef]")


def variety(gram: str, texts: Iterable[str]) -> tuple[int, int]:
    """How many different characters precede and follow `gram` in `texts` (a text's start or
    end, or a character that is no Han character, counts as a new one each time): at least
    one each."""
    left: set[str] = set()
    right: set[str] = set()
    edge = 0
    for text in texts:
        start = text.find(gram)
        while start >= 0:
            end = start + len(gram)
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            edge += 1
            left.add(before if _HAN.match(before) else f"^{edge}")
            right.add(after if _HAN.match(after) else f"${edge}")
            start = text.find(gram, start + 1)
    return max(len(left), 1), max(len(right), 1)
