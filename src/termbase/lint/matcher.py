"""Finding terms in running text, in Chinese and in spaced languages, with offsets in the original:
one TermMatcher for a term base, with a matcher per language built when first needed or loaded
from the cache kept beside the look-up index (termbase.index). The matchers themselves:
`termbase.lint.chinese` (characters, either script) and `termbase.lint.words` (word by word);
what they share: `termbase.lint.patterns`.

Placeholders ({0}, {name}, %s, %(x)s), inline tags, URLs and code spans never match."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import Any

from termbase.lint.chinese import ChineseMatcher
from termbase.lint.patterns import (
    PROTECTED,
    Hit,
    Match,
    Pattern,
    PatternTable,
    fits,
    is_chinese_tag,
    protected_spans,
    tag_fits,
    term_texts,
)
from termbase.lint.words import OTHER_WORD, WordMatcher, WordTrie, normalise_word, words

__all__ = [
    "OTHER_WORD",
    "PROTECTED",
    "ChineseMatcher",
    "Hit",
    "Match",
    "MatcherCache",
    "Pattern",
    "PatternTable",
    "TermMatcher",
    "WordMatcher",
    "WordTrie",
    "fits",
    "is_chinese_tag",
    "iter_patterns",
    "normalise_word",
    "protected_spans",
    "tag_fits",
    "words",
]


class MatcherCache:
    """Where compiled matchers are kept between runs (see termbase.index); `None` from `get`
    when there is nothing valid to load."""

    def get(self, name: str) -> tuple[Any, ...] | None:
        return None

    def put(self, name: str, state: tuple[Any, ...]) -> None:
        return None


class TermMatcher:
    """Every term of a term base, ready to be found in text of any language. Each language's
    matcher is built when first needed, or loaded from `cache`."""

    def __init__(
        self,
        patterns: Iterable[Pattern] | Callable[[], Iterable[Pattern]],
        fold: dict[int, str],
        cache: MatcherCache | None = None,
    ) -> None:
        self._patterns = patterns
        self._all: list[Pattern] | None = None
        self._fold = fold
        self.cache = cache or MatcherCache()
        self._chinese: ChineseMatcher | None = None
        self._spaced: dict[str, WordMatcher] = {}

    @property
    def patterns(self) -> list[Pattern]:
        if self._all is None:
            source = self._patterns() if callable(self._patterns) else self._patterns
            self._all = list(source)
        return self._all

    def chinese(self) -> ChineseMatcher:
        if self._chinese is None:
            state = self.cache.get("zh")
            if state is not None:
                self._chinese = ChineseMatcher.from_state(state, self._fold)
            else:
                self._chinese = ChineseMatcher(
                    (p for p in self.patterns if is_chinese_tag(p.lang)), self._fold
                )
                self.cache.put("zh", self._chinese.state())
        return self._chinese

    def spaced(self, lang: str) -> WordMatcher:
        primary = lang.split("-", maxsplit=1)[0].lower()
        if primary not in self._spaced:
            name = f"words-{primary}"
            state = self.cache.get(name)
            if state is not None:
                known = functools.partial(self.cache.get, f"{name}-keys")
                self._spaced[primary] = WordMatcher.from_state(state, known)
            else:
                m = self._spaced[primary] = WordMatcher(
                    p for p in self.patterns if p.lang.split("-")[0].lower() == primary
                )
                self.cache.put(name, m.state())
                self.cache.put(f"{name}-keys", m.known_state())
        return self._spaced[primary]

    def hits(self, text: str, lang: str) -> tuple[PatternTable, list[Hit]]:
        """Terms serving `lang` (any script of it, for Chinese) in `text`, as raw hits."""
        protected = protected_spans(text) if _MAYBE_PROTECTED.search(text) else []
        if is_chinese_tag(lang):
            m: ChineseMatcher | WordMatcher = self.chinese()
        else:
            m = self.spaced(lang)
        found = m.hits(text, protected)
        bad = m.table.misfits(lang)
        if bad and found:
            found = [h for h in found if h[0] not in bad]
        if isinstance(m, WordMatcher) and m.table.not_in and found:
            found = outside_contexts(m.table.not_in, text, found)
        return m.table, found

    def scan_many(
        self, texts: list[str], lang: str
    ) -> tuple[PatternTable, list[list[Hit]], list[str | None]]:
        """`hits` of each text, found in one pass over the texts without protected spans (the
        others one by one), and for a spaced language each text's word codes (None where
        the text has protected spans)."""
        m: ChineseMatcher | WordMatcher = (
            self.chinese() if is_chinese_tag(lang) else self.spaced(lang)
        )
        # the texts where a protected span may start, from one search of all of them
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        joined = "\n".join(texts)
        maybe = {
            bisect_right(starts, x.start()) - 1
            for search in _MAYBE_PROTECTED_PARTS
            for x in search.finditer(joined)
        }
        batch = [i for i in range(len(texts)) if i not in maybe]
        clean = [texts[i] for i in batch]
        coded: list[str | None] = [None] * len(texts)
        if isinstance(m, WordMatcher):
            got, codes = m.scan_many(clean)
            for i, code in zip(batch, codes, strict=True):
                coded[i] = code
        else:
            got = m.hits_many(clean)
        done = dict(zip(batch, got, strict=True))
        bad = m.table.misfits(lang)
        out: list[list[Hit]] = []
        for i, text in enumerate(texts):
            found = done.get(i)
            if found is None:
                found = self.hits(text, lang)[1]
            else:
                if bad and found:
                    found = [h for h in found if h[0] not in bad]
                if found and isinstance(m, WordMatcher) and m.table.not_in:
                    found = outside_contexts(m.table.not_in, text, found)
            out.append(found)
        return m.table, out, coded

    def contains(self, text: str, lang: str, term: str, case_sensitive: bool = False) -> bool:
        """Whether `term` is in `text` as matching reads both, even inside a longer term (the
        hits of `hits` do not overlap, so a shorter term inside a longer one is not among
        them)."""
        if is_chinese_tag(lang):
            return self.chinese().contains(text, term)
        return self.spaced(lang).contains(text, term, case_sensitive)

    def find(self, text: str, lang: str) -> list[Match]:
        table, found = self.hits(text, lang)
        return [Match(table[k], s, e) for k, s, e in found]


# The characters every protected span starts with: most segments have none, and skip the regex.
_MAYBE_PROTECTED = re.compile(r"[{%$<`@\ufffc]|https?:|www\.")
# The same as three searches, each of which runs through a long text several times faster than
# the alternation does (a megabyte: 5 ms, not 18).
_MAYBE_PROTECTED_PARTS = (
    re.compile(r"[{%$<`@\ufffc]"),
    re.compile(r"https?:"),
    re.compile(r"www\."),
)


def iter_patterns(cards: Iterable[dict[str, Any]]) -> Iterator[Pattern]:
    """Patterns from concept cards (`termbase.search.lookup.card`): each term and each of its forms,
    approved terms first so that they win over a banned term with the same folded text.
    A look-up-only concept gives none: it is there to be looked up, not checked."""
    for card in cards:
        if card.get("lookup_only"):
            continue
        terms = sorted(card["terms"], key=lambda t: _RANK[t["status"]])
        for t in terms:
            not_in = tuple(t.get("not_in") or ())
            for text, cs, _ in term_texts(t):
                yield Pattern(card["id"], t["lang"], text, t["status"], not_in, cs)


_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2, "forbidden": 3}


def outside_contexts(
    contexts: dict[int, tuple[str, ...]], text: str, found: list[Hit]
) -> list[Hit]:
    """The hits of a spaced language that no `not-in` context of theirs covers in `text`
    ("Chairman Xi Jinping" inside "CMC Chairman Xi Jinping"), compared without case and with
    runs of spaces as one."""
    low = text.casefold()
    if len(low) != len(text):
        low = text  # a character whose case folds to more than one: compare as written
    out = []
    for k, s, e in found:
        ctx = contexts.get(k)
        if ctx and any(_covers(low, " ".join(c.split()).casefold(), s, e) for c in ctx):
            continue
        out.append((k, s, e))
    return out


def _covers(text: str, context: str, s: int, e: int) -> bool:
    start = text.find(context, max(0, e - len(context)))
    while start != -1 and start <= s:
        if start + len(context) >= e:
            return True
        start = text.find(context, start + 1)
    return False
