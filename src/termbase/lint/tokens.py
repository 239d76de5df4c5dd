"""Text cut into words as the word matchers read it (`patterns._WORD`: letters and digits,
joined by apostrophes; U+FFFC a word of its own), with where each word is: in C for ASCII text,
by the regular expression for other text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, compress, count

from termbase.lint.patterns import _WORD

# `patterns._WORD`, split keeping the words. (Possessive repeats split 10 % faster, but Python
# 3.11.2's engine gets them wrong: "a'b' c" gave the word "a'b'".)
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
# ASCII words without a regular expression (`Words`): in ASCII, [^\W_] is [A-Za-z0-9] and the
# other alternatives (’, U+FFFC) cannot occur, so every character that is not a letter, a digit
# or an apostrophe is made a space, and so is each apostrophe that does not join two letters or
# digits; what is left between spaces are the words.
_GAPS = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "'")})
_LONE_APOSTROPHE = re.compile(r"'(?:(?<![A-Za-z0-9]')|(?![A-Za-z0-9]))")


class Words:
    """A text's words (`tokens`) and, when asked, where each starts and ends in the text. ASCII
    text is cut by `str.translate` and `str.split`, in C, four times as fast as the regular
    expression, which other text goes through (a test compares the two)."""

    __slots__ = ("_parts", "_pieces", "_where", "tokens")

    def __init__(self, text: str, plain: bool) -> None:
        """`plain`: the text is ASCII."""
        if plain:
            if "'" in text:
                text = _LONE_APOSTROPHE.sub(" ", text)
            # one piece a word, and an empty one for each gap character after the first
            self._pieces: list[str] | None = text.translate(_GAPS).split(" ")
            self.tokens: list[str] = list(filter(None, self._pieces))
            self._where: list[int] | None = None  # word w is pieces[where[w]], made when asked
        else:
            self._pieces = None
            self._parts = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
            self.tokens = self._parts[1::2]

    def spans(self, found: Sequence[tuple[int, ...]]) -> list[tuple[int, int]]:
        """Where in the text each run of words (a, b, ...) starts and ends (words a to b - 1)."""
        pieces = self._pieces
        if pieces is None:
            ends = list(accumulate(map(len, self._parts)))  # word w: ends[2w]:ends[2w + 1]
            return [(ends[2 * a], ends[2 * b - 1]) for a, b, *_ in found]
        where = self._where
        if where is None:  # asked for by each trie's hits: made once
            where = self._where = list(compress(count(), pieces))
        out: list[tuple[int, int]] = []
        if len(found) * 16 < len(pieces):
            # few runs: from one to the next, the lengths of the pieces between them summed
            j = at = 0  # piece j starts at character `at`: the pieces before it, a space each
            for a, b, *_ in found:
                k = where[a]
                if k < j:
                    j = at = 0
                at += sum(map(len, pieces[j:k])) + k - j
                start, j, k = at, k, where[b - 1]
                at += sum(map(len, pieces[j:k])) + k - j
                j = k
                out.append((start, at + len(pieces[k])))
            return out
        # many: where every piece starts (piece j at before[j] + j)
        before = list(accumulate(map(len, pieces), initial=0))
        for a, b, *_ in found:
            j, k = where[a], where[b - 1]
            out.append((before[j] + j, before[k + 1] + k))
        return out
