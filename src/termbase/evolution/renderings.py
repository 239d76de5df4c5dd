"""Renderings of mined candidates from aligned English: the English n-grams seen with a
candidate in the same aligned segments, ranked by association (Dice)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Aligned(Protocol):
    """A text with its aligned English, if any (termbase.evolution.mine.Unit)."""

    @property
    def english(self) -> str | None: ...


_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_EN_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "as",
        "from",
        "into",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "its",
        "it",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "will",
        "would",
        "should",
        "can",
        "has",
        "have",
        "had",
        "their",
        "his",
        "her",
        "our",
        "we",
        "they",
        "he",
        "she",
        "not",
        "no",
        "also",
        "than",
        "then",
        "so",
        "such",
        "but",
    ]
)


@dataclass(frozen=True, slots=True)
class Rendering:
    text: str
    count: int
    dice: float


def english_index(units: Sequence[Aligned]) -> dict[int, set[str]]:
    """Unit index -> the English n-grams of its aligned text."""
    out: dict[int, set[str]] = {}
    for i, unit in enumerate(units):
        if unit.english:
            toks = [w.lower().replace("’", "'") for w in _EN_WORD.findall(unit.english)]
            grams = set()
            for a in range(len(toks)):
                if toks[a] in _EN_STOP:
                    continue
                for b in range(a, min(a + 5, len(toks))):
                    if toks[b] not in _EN_STOP:
                        grams.add(" ".join(toks[a : b + 1]))
            out[i] = grams
    return out


def renderings(
    units: list[int], english: dict[int, set[str]], size: int, limit: int = 3
) -> tuple[Rendering, ...]:
    """The English n-grams seen with the candidate in two aligned segments at least, by Dice;
    equal scores (n-grams that occur in exactly the same segments) go to the n-gram whose
    length is nearest the candidate's number of words (`size`), then to the longer."""
    aligned = [i for i in units if i in english]
    if len(aligned) < 2:
        return ()
    together: Counter[str] = Counter(g for i in aligned for g in english[i])
    frequent = {g: c for g, c in together.items() if c >= 2}
    if not frequent:
        return ()
    seen_in: Counter[str] = Counter(g for grams in english.values() for g in grams if g in frequent)

    def rank(g: str) -> tuple[float, int, int, int, str]:
        n = g.count(" ") + 1
        dice = 2 * frequent[g] / (len(aligned) + seen_in[g])
        return (-round(dice, 6), -frequent[g], abs(n - size), -n, g)

    ranked = sorted(frequent, key=rank)[:limit]
    return tuple(
        Rendering(g, frequent[g], round(2 * frequent[g] / (len(aligned) + seen_in[g]), 3))
        for g in ranked
    )
