"""English glosses of Chinese words (CC-CEDICT, data/cedict/glosses.tsv), as evidence of which
English words of an aligned sentence belong to a mined term and which to the words around it.

A rendering is sought among the English n-grams that stand with the term in the same sentences;
a boilerplate sentence has the term and its neighbours in every one of them ("in accordance
with the directive of the Chief Executive made under section ..." wherever 行政长官 stands). The
dictionary knows that 指示 beside it glosses "directive" and 行政长官 "chief executive": an
English word that another Chinese word of the sentence glosses, and no word of the term does,
is the neighbour's (`context_share`). Words are compared by a crude stem (`stem`: directives,
directive -> directiv; auditing -> audit), on both sides alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources

# Suffixes a stem drops, the first that leaves four letters at least
_SUFFIXES = ("ing", "ies", "es", "ed", "s", "e", "y")


def stem(word: str) -> str:
    """A crude English stem: lower case, one inflectional suffix off (standards -> standard,
    auditing -> audit, policies -> polic, policy -> polic)."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@cache
def _table() -> dict[str, frozenset[str]]:
    text = resources.files("termbase").joinpath("data/cedict/glosses.tsv").read_text("utf-8")
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        word, _, stems = line.partition("\t")
        out[word] = frozenset(stems.split())
    return out


def glossed(word: str) -> frozenset[str]:
    """The stems of the English words CC-CEDICT glosses a Simplified word with (empty where it
    has no entry)."""
    return _table().get(word, frozenset())


def context_share(
    term: str, words: Sequence[str], sentences: Iterable[Sequence[str]]
) -> Callable[[str], float]:
    """For an English word: the share of `sentences` (each the Chinese words of one sentence the
    term stands in) where a Chinese word outside the term glosses it and neither the term nor
    one of its `words` does."""
    own = set(glossed(term)).union(*(glossed(w) for w in words))
    inside = set(words)
    others: list[set[str]] = []
    for sentence in sentences:
        around: set[str] = set()
        for w in sentence:
            if w not in inside and w not in term:
                around |= glossed(w)
        others.append(around - own)
    n = max(len(others), 1)

    def share(english: str) -> float:
        key = stem(english)
        return sum(key in around for around in others) / n

    return share
