"""LT101, a source term whose approved renderings are all missing from the target: what the rule
looks for of each concept in a target language.

What LT101 looks for of a concept (its `Wanted`: the renderings listed for the message, their
word codes or Chinese texts, what a coordination of each would hold) is the same in every
segment of every run, and a file full of missing terms asks for tens of thousands of concepts.
For a spaced language it is made once for the whole term base, when the matchers are built, and
kept with them as one string per concept (a record): a table of strings loads several times
faster than one of tuples, the garbage collector never walks it, and the check splits a record
in one call where making its tuples took several. Chinese targets, where renderings are texts
that may hold any character, keep `Wanted` tuples made when first asked for."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from termbase.lint.ellipsis import needles
from termbase.lint.patterns import tag_fits

# Separators of a record's fields and of the items of a field: control characters, which no
# word code (U+0100 and up), no repr() and no word `str.split` gives can hold.
FIELD, ITEM = "\x1f", "\x1e"

# A term as the rendering tables keep it: (language tag, text, case-sensitive, is a form).
Term = tuple[str, str, bool, bool]


class Wanted(NamedTuple):
    """What LT101 looks for of one concept in a target language."""

    listed: str  # the renderings, for the message; "" when there is none
    plain: tuple[str, ...]  # Chinese: the renderings and forms; else their word codes
    cased: tuple[str, ...]  # the word codes of the case-sensitive ones
    needles: tuple[str, ...]  # what a coordination of each would hold (`ellipsis.needles`)

    @classmethod
    def of(
        cls, terms: Iterable[Term], lang: str, term_key: Callable[[str, bool], str] | None
    ) -> Wanted:
        """From a concept's approved terms (preferred first), for a `lang` target; `term_key`
        codes a spaced language's term (None for Chinese, where texts are compared)."""
        fitting = [(text, cased, form) for tl, text, cased, form in terms if tag_fits(tl, lang)]
        renderings = [text for text, _, form in fitting if not form]
        listed = ", ".join(map(repr, renderings))
        if term_key is None:
            return cls(listed, tuple(text for text, _, _ in fitting), (), ())
        plain: list[str] = []
        cased: list[str] = []
        for text, case_sensitive, _ in fitting:
            key = term_key(text, case_sensitive)
            if key:
                (cased if case_sensitive else plain).append(key)
        return cls(listed, tuple(plain), tuple(cased), needles(renderings))

    def record(self) -> str:
        """A spaced language's Wanted as one string: its word codes, case-insensitive and
        case-sensitive, its needles and its list, in that order (`split_record`)."""
        return FIELD.join(
            (ITEM.join(self.plain), ITEM.join(self.cased), ITEM.join(self.needles), self.listed)
        )


def split_record(record: str) -> Wanted:
    """A record taken apart again (the check splits records itself, where it needs them)."""
    plain, cased, coordinations, listed = record.split(FIELD)
    return Wanted(
        listed,
        tuple(plain.split(ITEM)) if plain else (),
        tuple(cased.split(ITEM)) if cased else (),
        tuple(coordinations.split(ITEM)) if coordinations else (),
    )


def table_state(
    renderings: dict[str, tuple[Term, ...]], primary: str, term_key: Callable[[str, bool], str]
) -> tuple[Any, ...]:
    """The records of a spaced language's concepts whose terms are all tagged with the bare
    language (`en`: they serve every variant of it), and the concepts left out (their tags
    differ), which are made for the target language when asked for. A concept in neither has
    no rendering in the language."""
    records: dict[str, str] = {}
    others: list[str] = []
    for cid, terms in renderings.items():
        if all(tag == primary for tag, _, _, _ in terms):
            wanted = Wanted.of(terms, primary, term_key)
            if wanted.listed:
                records[cid] = wanted.record()
        else:
            others.append(cid)
    return (records, others)


class WantedTable:
    """The records of one spaced target language."""

    def __init__(self, state: tuple[Any, ...], slow: Callable[[str], Wanted]) -> None:
        self.records: dict[str, str] = state[0]
        self.others = frozenset(state[1])
        self._slow = slow

    def get(self, cid: str) -> str | None:
        """The record of `cid`; None when the concept has no rendering here."""
        record = self.records.get(cid)
        if record is None and cid in self.others:
            wanted = self._slow(cid)
            if wanted.listed:
                record = self.records[cid] = wanted.record()
        return record
