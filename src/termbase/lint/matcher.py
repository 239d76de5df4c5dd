"""Finding terms in running text, in Chinese and in spaced languages, with offsets in the original.

Chinese: the text and the terms are folded the same way (NFC, full-width to half-width, case,
Traditional and variant characters to Simplified, one character for one, so offsets stay) and
matched leftmost-longest without overlaps by one Aho-Corasick automaton. A term's `not-in`
contexts cancel a match inside them (和音 inside 和音乐).

Spaced languages: the text is cut into words; each word is case-folded (unless the term is
case-sensitive), put in the singular and stripped of a possessive ('s), and hyphens, commas and
spaces between words do not count. Each distinct word becomes one private-use character, so the
automaton matches whole words only: "AI" never matches inside "MAIN", and "developed
countries" never passes for "developing countries" (no stemmer).

Placeholders ({0}, {name}, %s, %(x)s), inline tags, URLs and code spans never match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from termbase.lookup import singular

# Placeholders, tags, URLs, e-mail addresses and code spans: never part of a match.
PROTECTED = re.compile(
    r"\{[^{}\n]*\}"  # {0} {name} {AI for Good}
    r"|%(?:\([^)\n]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z@]"  # %s %d %(x)s
    r"|%\d+\$[a-zA-Z]"  # %1$s
    r"|\$\{[^}\n]*\}"  # ${var}
    r"|</?[A-Za-z][^<>\n]*>"  # <b>, </g>
    r"|https?://\S+|www\.\S+"  # URLs
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"  # e-mail addresses
    r"|`[^`\n]+`"  # code spans
    r"|\ufffc"  # an inline code removed by a reader
)
# A word, or U+FFFC: an inline code a reader removed, which breaks a match like any other word.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\ufffc", re.UNICODE)
_WIDE = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_WIDE[0x3000] = 0x20


def protected_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PROTECTED.finditer(text)]


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


class Pattern(NamedTuple):
    """One term (or one of its forms) to find, with what it belongs to."""

    concept: str
    lang: str
    text: str  # the term as written (for messages)
    status: str  # preferred, admitted, deprecated, forbidden
    not_in: tuple[str, ...] = ()
    case_sensitive: bool = False


class Match(NamedTuple):
    pattern: Pattern
    start: int  # offsets in the original text
    end: int

    @property
    def concept(self) -> str:
        return self.pattern.concept


@lru_cache(maxsize=256)
def is_chinese_tag(lang: str) -> bool:
    return lang.split("-", maxsplit=1)[0].lower() in ("zh", "cmn", "yue", "lzh")


class ChineseMatcher:
    """Leftmost-longest matching of Chinese terms, either script, with exclusion contexts."""

    def __init__(self, patterns: Iterable[Pattern], fold: dict[int, str]) -> None:
        import ahocorasick_rs

        self.fold_table = {**fold, **{k: chr(v) for k, v in _WIDE.items()}}
        self.patterns: list[Pattern] = []
        keys: list[str] = []
        seen: dict[str, int] = {}
        for p in patterns:
            key = self.fold(p.text)
            if not key or key in seen:
                continue  # the first pattern for a folded text wins (patterns come best first)
            seen[key] = len(keys)
            keys.append(key)
            self.patterns.append(p)
        self.keys = keys
        self._contexts = [tuple(self.fold(c) for c in p.not_in) for p in self.patterns]
        self.automaton: Any = (
            ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            if keys
            else None
        )

    def fold(self, text: str) -> str:
        """Width, case and script folded, keeping the length (so offsets stay valid); NFC only
        where it keeps the length too."""
        nfc = unicodedata.normalize("NFC", text)
        base = nfc if len(nfc) == len(text) else text
        return _casefold_keep(base.translate(self.fold_table))

    def find(self, text: str, protected: list[tuple[int, int]] | None = None) -> list[Match]:
        if self.automaton is None or not text:
            return []
        folded = self.fold(text)
        spans = protected if protected is not None else protected_spans(text)
        out: list[Match] = []
        for k, s, e in self.automaton.find_matches_as_indexes(folded):
            if spans and _overlaps(s, e, spans):
                continue
            if self._excluded(folded, s, e, k):
                continue
            out.append(Match(self.patterns[k], s, e))
        return out

    def _excluded(self, folded: str, s: int, e: int, k: int) -> bool:
        key = self.keys[k]
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


@dataclass
class _Vocabulary:
    """Each distinct normalised word as one private-use character."""

    chars: dict[str, str] = field(default_factory=dict)

    def char(self, word: str) -> str:
        c = self.chars.get(word)
        if c is None:
            c = chr(0xF0000 + len(self.chars))
            self.chars[word] = c
        return c


OTHER_WORD = "\ue000"  # a word no term has


@lru_cache(maxsize=1 << 17)
def normalise_word(word: str, *, keep_case: bool) -> str:
    word = unicodedata.normalize("NFKC", word).replace("’", "'")
    if not keep_case:
        word = word.casefold()
    return singular(word)


def words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


class WordMatcher:
    """Leftmost-longest matching of terms in spaced languages, word by word."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        import ahocorasick_rs

        self.vocab = _Vocabulary()
        self.cased_vocab = _Vocabulary()
        self.patterns: list[Pattern] = []
        self.cased: list[Pattern] = []
        keys: list[str] = []
        cased_keys: list[str] = []
        seen: set[str] = set()
        seen_cased: set[str] = set()
        for p in patterns:
            tokens = [w for w, _, _ in words(p.text)]
            if not tokens:
                continue
            if p.case_sensitive:
                key = "".join(
                    self.cased_vocab.char(normalise_word(w, keep_case=True)) for w in tokens
                )
                if key not in seen_cased:
                    seen_cased.add(key)
                    cased_keys.append(key)
                    self.cased.append(p)
            else:
                key = "".join(self.vocab.char(normalise_word(w, keep_case=False)) for w in tokens)
                if key not in seen:
                    seen.add(key)
                    keys.append(key)
                    self.patterns.append(p)
        kind = ahocorasick_rs.MatchKind.LeftmostLongest
        self.automaton: Any = ahocorasick_rs.AhoCorasick(keys, matchkind=kind) if keys else None
        self.cased_automaton: Any = (
            ahocorasick_rs.AhoCorasick(cased_keys, matchkind=kind) if cased_keys else None
        )

    def find(self, text: str, protected: list[tuple[int, int]] | None = None) -> list[Match]:
        tokens = words(text)
        if not tokens:
            return []
        spans = protected if protected is not None else protected_spans(text)
        out: list[Match] = []
        for automaton, vocab, patterns, keep_case in (
            (self.automaton, self.vocab, self.patterns, False),
            (self.cased_automaton, self.cased_vocab, self.cased, True),
        ):
            if automaton is None:
                continue
            coded = "".join(
                OTHER_WORD
                if spans and _overlaps(s, e, spans)
                else vocab.chars.get(normalise_word(w, keep_case=keep_case), OTHER_WORD)
                for w, s, e in tokens
            )
            for k, a, b in automaton.find_matches_as_indexes(coded):
                out.append(Match(patterns[k], tokens[a][1], tokens[b - 1][2]))
        return _without_overlaps(out)


def _without_overlaps(matches: list[Match]) -> list[Match]:
    """Where a case-sensitive and a case-insensitive match overlap, keep the longer."""
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match] = []
    for m in matches:
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out


class TermMatcher:
    """Every term of a term base, ready to be found in text of any language."""

    def __init__(self, patterns: list[Pattern], fold: dict[int, str]) -> None:
        self.patterns = patterns
        self._fold = fold
        self._chinese: ChineseMatcher | None = None
        self._spaced: dict[str, WordMatcher] = {}

    def chinese(self) -> ChineseMatcher:
        if self._chinese is None:
            self._chinese = ChineseMatcher(
                (p for p in self.patterns if is_chinese_tag(p.lang)), self._fold
            )
        return self._chinese

    def spaced(self, lang: str) -> WordMatcher:
        primary = lang.split("-", maxsplit=1)[0].lower()
        if primary not in self._spaced:
            self._spaced[primary] = WordMatcher(
                p for p in self.patterns if p.lang.split("-")[0].lower() == primary
            )
        return self._spaced[primary]

    def find(self, text: str, lang: str) -> list[Match]:
        """Terms of `lang` (any script of it, for Chinese) in `text`."""
        protected = protected_spans(text)
        if is_chinese_tag(lang):
            return self.chinese().find(text, protected)
        return self.spaced(lang).find(text, protected)


def iter_patterns(cards: Iterable[dict[str, Any]]) -> Iterator[Pattern]:
    """Patterns from concept cards (`termbase.lookup.card`): each term and each of its forms,
    approved terms first so that they win over a banned term with the same folded text."""
    for card in cards:
        terms = sorted(card["terms"], key=lambda t: _RANK[t["status"]])
        for t in terms:
            not_in = tuple(t.get("not_in") or ())
            cs = bool(t.get("case_sensitive"))
            for text in (t["text"], *(t.get("forms") or ())):
                yield Pattern(card["id"], t["lang"], text, t["status"], not_in, cs)


_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2, "forbidden": 3}
