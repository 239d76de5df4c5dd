"""Renderings of mined candidates from aligned English: the English n-grams seen with a
candidate in the same aligned segments, ranked by association (Dice)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
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
        # prepositions, determiners and auxiliaries a rendering neither starts nor ends with
        # (under the Government Bond Programme, against the US dollar: mine_wmt25.py)
        "under",
        "over",
        "against",
        "during",
        "after",
        "before",
        "between",
        "through",
        "within",
        "including",
        "about",
        "upon",
        "via",
        "per",
        "all",
        "any",
        "each",
        "some",
        "other",
        "more",
        "most",
        "may",
        "must",
        "could",
        "did",
        "does",
        "do",
        "being",
        "them",
        "there",
        "when",
        "while",
        "where",
        "if",
        "further",
        "well",
        "very",
        "refer",
        "see",
    ]
)


@dataclass(frozen=True, slots=True)
class Rendering:
    text: str
    count: int
    dice: float


# An n-gram does not run across a bracket, a comma, a colon or a sentence's end: "International
# Monetary Fund (IMF)" gives "international monetary fund" and "imf", never "fund imf".
_BREAK = re.compile(r"[()\[\]{},;:!?。，；：（）“”\"]|\.(?:\s|$)")
MAX_WORDS = 5  # the longest n-gram (six and seven measured no better on mine_wmt25.py)


def ngram_spans(
    n: int, edge: Callable[[int], bool], most: int, inside: Callable[[int], bool] | None = None
) -> Iterator[tuple[int, int]]:
    """The (start, end) of every run of up to `most` of `n` tokens that neither starts nor
    ends on an `edge` token and holds no `inside` one (a stop word, a particle)."""
    for a in range(n):
        if edge(a):
            continue
        for b in range(a, min(a + most, n)):
            if inside is not None and inside(b):
                break
            if not edge(b):
                yield a, b + 1


def english_index(units: Sequence[Aligned]) -> dict[int, set[str]]:
    """Unit index -> the English n-grams of its aligned text."""
    out: dict[int, set[str]] = {}
    for i, unit in enumerate(units):
        if unit.english:
            grams: set[str] = set()
            for chunk in _BREAK.split(unit.english):
                toks = [w.lower().replace("’", "'") for w in _EN_WORD.findall(chunk)]
                stop = [t in _EN_STOP for t in toks]
                for a, b in ngram_spans(len(toks), stop.__getitem__, MAX_WORDS):
                    grams.add(" ".join(toks[a:b]))
            out[i] = grams
    return out


def renderings(
    units: list[int],
    english: dict[int, set[str]],
    size: int,
    limit: int = 3,
    texts: Sequence[str | None] | None = None,
) -> tuple[Rendering, ...]:
    """The English n-grams seen with the candidate in two aligned segments at least, by Dice;
    equal scores (n-grams that occur in exactly the same segments) go to the n-gram whose
    length is nearest the candidate's number of words (`size`), then to the longer. Each is
    extended to the longest n-gram around it that stands in most of the same segments
    (stored value -> stored value facilities), and with `texts` (each unit's English) written
    as the text writes it (Financial Institutions (Resolution) Ordinance)."""
    aligned = [i for i in units if i in english]
    if len(aligned) < 2:
        return ()
    together: Counter[str] = Counter(g for i in aligned for g in english[i])
    frequent = {g: c for g, c in together.items() if c >= 2}
    if not frequent:
        return ()
    seen_in: Counter[str] = Counter(g for grams in english.values() for g in grams if g in frequent)

    def dice(g: str) -> float:
        return 2 * frequent[g] / (len(aligned) + seen_in[g])

    def rank(g: str) -> tuple[float, int, int, int, str]:
        n = g.count(" ") + 1
        return (-round(dice(g), 6), -frequent[g], abs(n - size), -n, g)

    out: list[Rendering] = []
    kept: list[str] = []
    for ranked in sorted(frequent, key=rank):
        g = _longest(ranked, frequent, dice)
        if any(g == k or f" {g} " in f" {k} " for k in kept):
            continue
        kept.append(g)
        written = surface(g, [texts[i] or "" for i in aligned]) if texts is not None else None
        out.append(Rendering(written or g, frequent[g], round(dice(g), 3)))
        if len(out) == limit:
            break
    return tuple(out)


# An n-gram is extended to a longer one around it that stands in this share of its segments at
# least, with this share of its Dice (mine_wmt25.py: top-1 rendering, RESULTS.md)
EXTEND_SHARE = 0.75


def _longest(g: str, frequent: dict[str, int], dice: Callable[[str], float]) -> str:
    """The longest n-gram that holds `g` and stands in most of the segments `g` stands in."""
    best = g
    for other, count in frequent.items():
        if (
            len(other) > len(best)
            and f" {g} " in f" {other} "
            and count >= EXTEND_SHARE * frequent[g]
            and dice(other) >= EXTEND_SHARE * dice(g)
        ):
            best = other
    return best


def gram_pattern(gram: str) -> re.Pattern[str]:
    """An n-gram of `english_index` (lower-cased words) in running text: any case, the words
    apart by spaces or the punctuation the index skipped (AML/CFT, Hong Kong's)."""
    words = [re.escape(w).replace("'", "['’]") for w in gram.split()]
    body = r"[\W_]+".join(words)
    return re.compile(r"(?<![\w])" + body + r"(?![\w])", re.IGNORECASE)


_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")


def surface(gram: str, texts: Iterable[str]) -> str | None:
    """The n-gram as the first text that holds it writes it; None where it is the tail of a
    name (Kong's monetary ... in Hong Kong's monetary ...)."""
    pattern = gram_pattern(gram)
    for text in texts:
        m = pattern.search(text)
        if m:
            before = _NAME_BEFORE.search(text, 0, m.start())
            if (
                before is not None
                and m.group(0)[:1].isupper()
                and before.group(0).split()[0].lower() not in _EN_STOP  # The LERS, In Hong Kong
            ):
                return None
            return m.group(0)
    return None
