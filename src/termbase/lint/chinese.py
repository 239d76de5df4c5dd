"""Chinese terms in running text: the text and the terms folded the same way (NFC, full-width
to half-width, case, Traditional and variant characters to Simplified, one character for one,
so offsets stay) and matched leftmost-longest without overlaps by one saved Aho-Corasick
automaton (daachorse). A term's `not-in` contexts cancel a match inside them (和音 inside
和音乐)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

from termbase.lint.patterns import (
    _WIDE,
    Hit,
    Pattern,
    PatternTable,
    _overlaps,
    protected_spans,
)


def _automaton(keys: list[str]) -> Any:
    """A leftmost-longest Aho-Corasick automaton (daachorse: a compact double array in Rust
    that can be saved and loaded in milliseconds, where ahocorasick-rs must be built again each
    run); None without keys."""
    import daachorse

    if not keys:
        return None
    return daachorse.CharwiseDoubleArrayAhoCorasick(
        keys, match_kind=daachorse.MATCH_KIND_LEFTMOST_LONGEST
    )


def _saved(automaton: Any) -> bytes | None:
    return None if automaton is None else bytes(automaton.serialize())


def _loaded(data: bytes | None) -> Any:
    import daachorse

    return None if data is None else daachorse.CharwiseDoubleArrayAhoCorasick.deserialize(data)


class ChineseMatcher:
    """Leftmost-longest matching of Chinese terms, either script, with exclusion contexts."""

    def __init__(self, patterns: Iterable[Pattern], fold: dict[int, str]) -> None:
        self.fold_table = {**fold, **{k: chr(v) for k, v in _WIDE.items()}}
        self.table = PatternTable.of([])
        keys: list[str] = []
        seen: set[str] = set()
        for p in patterns:
            key = self.fold(p.text)
            if not key or key in seen:
                continue  # the first pattern for a folded text wins (patterns come best first)
            seen.add(key)
            keys.append(key)
            self.table.append(p)
        self._setup(keys, _automaton(keys))

    def _setup(self, keys: list[str], automaton: Any) -> None:
        # the keys that have exclusion contexts (the others are in the automaton alone),
        # and whether any key holds a line break (`hits_many` joins texts with one)
        self._context_keys = {k: keys[k] for k in self.table.not_in}
        self._no_breaks = not any("\n" in k for k in keys)
        self._finish(automaton)

    def _finish(self, automaton: Any) -> None:
        self._contexts = {
            k: tuple(self.fold(c) for c in ctx) for k, ctx in self.table.not_in.items()
        }
        self._keyed = {key: k for k, key in self._context_keys.items()}
        self.automaton: Any = automaton
        self._joinable = self._no_breaks and not any(
            "\n" in c for ctx in self._contexts.values() for c in ctx
        )

    def state(self) -> tuple[Any, ...]:
        return (self._context_keys, self._no_breaks, self.table.state(), _saved(self.automaton))

    @classmethod
    def from_state(cls, state: tuple[Any, ...], fold: dict[int, str]) -> ChineseMatcher:
        self = cls.__new__(cls)
        self.fold_table = {**fold, **{k: chr(v) for k, v in _WIDE.items()}}
        self._context_keys, self._no_breaks, table, automaton = state
        self.table = PatternTable.from_state(table)
        self._finish(_loaded(automaton))
        return self

    def fold(self, text: str) -> str:
        """Width, case and script folded, keeping the length (so offsets stay valid); NFC only
        where it keeps the length too."""
        nfc = unicodedata.normalize("NFC", text)
        base = nfc if len(nfc) == len(text) else text
        return _casefold_keep(base.translate(self.fold_table))

    def hits(self, text: str, protected: list[tuple[int, int]] | None = None) -> list[Hit]:
        if self.automaton is None or not text:
            return []
        folded = self.fold(text)
        found: list[Hit] = [(k, a, b) for a, b, k in self.automaton.find(folded)]
        spans = protected if protected is not None else protected_spans(text)
        contexts = self._contexts
        if not spans and not contexts:
            return found
        return [
            (k, s, e)
            for k, s, e in found
            if not (spans and _overlaps(s, e, spans))
            and not (k in contexts and self._excluded(folded, s, k))
        ]

    def hits_many(self, texts: list[str]) -> list[list[Hit]]:
        """`hits` of each text without protected spans (the caller's to look for), found in one
        pass over all of them: joined by a line break, which no key and no exclusion context
        holds, folded at once (where folding the whole keeps each character one character, as
        folding each text does) and scanned once. The same hits as `hits` text by text (a test
        says so)."""
        if self.automaton is None or not texts:
            return [[] for _ in texts]
        joined = "\n".join(texts)
        if not self._joinable or not unicodedata.is_normalized("NFC", joined):
            return [self.hits(t, []) for t in texts]
        folded = joined.translate(self.fold_table)
        low = folded.casefold()
        if len(low) != len(folded):
            return [self.hits(t, []) for t in texts]
        out: list[list[Hit]] = [[] for _ in texts]
        ends = list(accumulate(len(t) + 1 for t in texts))  # where each text's break is
        contexts = self._contexts
        i, end, base = 0, ends[0], 0
        for a, b, k in self.automaton.find(low):
            while a >= end:
                base, i = end, i + 1
                end = ends[i]
            if k in contexts and self._excluded(low, a, k):
                continue
            out[i].append((k, a - base, b - base))
        return out

    def contains(self, text: str, term: str) -> bool:
        """Whether `term` is in `text` once both are folded, inside a longer term or not. A term
        with exclusion contexts counts only where a match of it would."""
        key = self.fold(term)
        if not key:
            return False
        folded = self.fold(text)
        if key not in folded:
            return False
        k = self._keyed.get(key)
        if k is None or k not in self._contexts:
            return True
        at = folded.find(key)
        while at >= 0:
            if not self._excluded(folded, at, k):
                return True
            at = folded.find(key, at + 1)
        return False

    def _excluded(self, folded: str, s: int, k: int) -> bool:
        key = self._context_keys[k]
        for ctx in self._contexts[k]:
            at = ctx.find(key)
            while at >= 0:
                start = s - at
                if start >= 0 and folded[start : start + len(ctx)] == ctx:
                    return True
                at = ctx.find(key, at + 1)
        return False


def _casefold_keep(text: str) -> str:
    """Case-fold only where it keeps the length (ß would become ss)."""
    folded = text.casefold()
    if len(folded) == len(text):
        return folded
    return "".join(ch.casefold() if len(ch.casefold()) == 1 else ch for ch in text)
