"""Terms of spaced languages in running text, word by word: each word case-folded (unless the
term is case-sensitive), put in the singular and stripped of a possessive ('s); hyphens, commas
and spaces between words do not count. Each distinct word is one character (a word code), so
the automaton matches whole words only: "AI" never matches inside "MAIN", and "developed
countries" never passes for "developing countries" (no stemmer).

Over the house's ~500 lines: the word coder and its tables are one hot path, measured as one.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count, pairwise, repeat
from operator import itemgetter, not_
from typing import Any

from termbase.english import singular
from termbase.lint.chinese import _automaton, _loaded, _saved
from termbase.lint.patterns import (
    _WORD,
    Hit,
    Pattern,
    PatternTable,
    _overlaps,
    protected_spans,
)
from termbase.lint.tokens import Words


@dataclass
class _Vocabulary:
    """Each distinct normalised word as one private-use character."""

    chars: dict[str, str] = field(default_factory=dict)

    def char(self, word: str) -> str:
        c = self.chars.get(word)
        if c is None:
            c = self.chars[word] = word_code(len(self.chars))
        return c


def word_code(n: int) -> str:
    """The `n`th word's one-character code: from U+0100 up, past the surrogates and the
    private-use area that holds OTHER_WORD. Small code points keep the automaton's character
    table small (daachorse maps every code point up to the largest)."""
    n += 0x100
    if n >= 0xD800:
        n += 0xF900 - 0xD800
    return chr(n)


OTHER_WORD = "\ue000"  # a word no term has
_FIRST, _THIRD = itemgetter(0), itemgetter(2)


@lru_cache(maxsize=1 << 17)
def normalise_word(word: str, *, keep_case: bool) -> str:
    if not word.isascii():  # NFKC leaves ASCII as it is
        word = unicodedata.normalize("NFKC", word).replace("’", "'")
    if not keep_case:
        word = word.casefold()
    return singular(word)


def words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


class WordTrie:
    """Keys of word codes (one character a word), found leftmost-longest without overlaps by
    one daachorse automaton (a test checks it against ahocorasick-rs); saved with the other
    matchers and loaded in milliseconds."""

    __slots__ = ("automaton",)

    def __init__(self, automaton: Any) -> None:
        self.automaton = automaton

    @classmethod
    def of(cls, keys: Iterable[str]) -> WordTrie:
        return cls(_automaton(list(keys)))

    def __bool__(self) -> bool:
        return self.automaton is not None

    def state(self) -> bytes | None:
        return _saved(self.automaton)

    @classmethod
    def from_state(cls, data: bytes | None) -> WordTrie:
        return cls(_loaded(data))

    def find(self, coded: str) -> list[tuple[int, int, int]]:
        """The hits as the automaton gives them: (start, end, key)."""
        if self.automaton is None:
            return []
        found: list[tuple[int, int, int]] = self.automaton.find(coded)
        return found

    def scan(self, coded: str) -> list[tuple[int, int, int]]:
        """The hits as (key, start, end)."""
        return [(k, a, b) for a, b, k in self.find(coded)]


class WordMatcher:
    """Leftmost-longest matching of terms in spaced languages, word by word. Case-insensitive
    and case-sensitive terms have a trie each; their patterns share one table, the
    case-sensitive ones after the others.

    Two terms can fold to the same words ("International Telecommunication Union", preferred,
    and "International Telecommunications Union", deprecated): the first (approved) one is in
    the trie, the others are its alternates, and a hit takes the one written exactly as the
    text has it, so a misspelling that differs only in a plural is still caught."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        vocab, cased_vocab = _Vocabulary(), _Vocabulary()
        groups: dict[tuple[bool, str], list[Pattern]] = {}  # key -> its patterns, best first
        known: tuple[dict[str, str], dict[str, str]] = ({}, {})  # each term's key, by case
        for p in patterns:
            tokens = [w for w, _, _ in words(p.text)]
            if not tokens:
                continue
            v = cased_vocab if p.case_sensitive else vocab
            key = "".join(v.char(normalise_word(w, keep_case=p.case_sensitive)) for w in tokens)
            known[p.case_sensitive].setdefault(p.text, key)
            group = groups.setdefault((p.case_sensitive, key), [])
            if all(
                _exact(q.text, q.case_sensitive) != _exact(p.text, p.case_sensitive) for q in group
            ):
                group.append(p)
        plain = [(k, g) for (cased, k), g in groups.items() if not cased]
        cased = [(k, g) for (cased, k), g in groups.items() if cased]
        firsts = [g[0] for _, g in plain] + [g[0] for _, g in cased]
        table = PatternTable.of(firsts)
        alternates: dict[int, list[int]] = {}
        exact: dict[int, str] = {}
        for n, (_, g) in enumerate(plain + cased):
            if len(g) > 1:
                exact[n] = _exact(g[0].text, g[0].case_sensitive)
                for p in g[1:]:
                    exact[len(table)] = _exact(p.text, p.case_sensitive)
                    alternates.setdefault(n, []).append(len(table))
                    table.append(p)
        variants = (_spellings(vocab.chars), _spellings(cased_vocab.chars))
        self._setup(
            vocab.chars,
            WordTrie.of(k for k, _ in plain),
            cased_vocab.chars,
            WordTrie.of(k for k, _ in cased),
            len(plain),
            table,
            alternates,
            exact,
            known,
            variants,
        )

    def _setup(
        self,
        vocab: dict[str, str],
        trie: WordTrie,
        cased_vocab: dict[str, str],
        cased_trie: WordTrie,
        offset: int,
        table: PatternTable,
        alternates: dict[int, list[int]],
        exact: dict[int, str],
        known: tuple[dict[str, str], dict[str, str]] | Callable[[], tuple[Any, ...] | None],
        variants: tuple[dict[str, str], dict[str, str]],
    ) -> None:
        self.vocab, self.trie = vocab, trie
        self.cased_vocab, self.cased_trie = cased_vocab, cased_trie
        self.offset = offset  # the number of the first case-sensitive pattern
        self.table = table
        self.alternates = alternates
        self.exact = exact
        self._codes: dict[str, str] = {}  # a word of the text to its code
        self._cased_codes: dict[str, str] = {}
        self._coded_for: str | None = None  # the text `contains` last coded, and its codes
        self._coded: dict[bool, str] = {}
        self._term_keys: dict[tuple[str, bool], str] = {}
        # the key of every term of the matcher, made when it was built; from a cache, loaded
        # when first asked for (only LT101's slow path and `contains` ask)
        self._known_state = known
        self.variants = variants

    def _choose(self, k: int, written: list[str]) -> int:
        """Among a hit's pattern and its alternates, the one written as the text has it."""
        candidates = [k, *self.alternates[k]]
        text = " ".join(written)
        for c in candidates:
            if self.exact[c] == (text if c in self.table.cased else text.casefold()):
                return c
        return k

    @property
    def _known(self) -> tuple[dict[str, str], dict[str, str]]:
        known = self._known_state
        if callable(known):
            loaded = known()
            # without the file, `term_key` makes each key when first asked, as for any text
            known = self._known_state = (loaded[0], loaded[1]) if loaded else ({}, {})
        return known

    def state(self) -> tuple[Any, ...]:
        """What `from_state` loads; the terms' keys apart (`known_state`): few runs need them."""
        return (
            self.vocab,
            self.trie.state(),
            self.cased_vocab,
            self.cased_trie.state(),
            self.offset,
            self.table.state(),
            self.alternates,
            self.exact,
            self.variants,
        )

    def known_state(self) -> tuple[Any, ...]:
        return self._known

    @classmethod
    def from_state(
        cls, state: tuple[Any, ...], known: Callable[[], tuple[Any, ...] | None]
    ) -> WordMatcher:
        """`known`: loads `known_state` when first needed (None: each key is made when asked)."""
        self = cls.__new__(cls)
        (
            vocab,
            nodes,
            cased_vocab,
            cased_nodes,
            offset,
            table,
            alternates,
            exact,
            variants,
        ) = state
        self._setup(
            vocab,
            WordTrie.from_state(nodes),
            cased_vocab,
            WordTrie.from_state(cased_nodes),
            offset,
            PatternTable.from_state(table),
            alternates,
            exact,
            known,
            variants,
        )
        return self

    def _code(self, word: str, keep_case: bool) -> str:
        codes = self._cased_codes if keep_case else self._codes
        code = codes.get(word)
        if code is None:
            if word.isascii():  # every spelling that can become a term word is in the table
                spelled = word if keep_case else word.lower()
                code = self.variants[keep_case].get(spelled, OTHER_WORD)
            else:
                vocab = self.cased_vocab if keep_case else self.vocab
                code = vocab.get(normalise_word(word, keep_case=keep_case), OTHER_WORD)
            if len(codes) < 1_000_000:
                codes[word] = code
        return code

    def hits(self, text: str, protected: list[tuple[int, int]] | None = None) -> list[Hit]:
        spans = protected if protected is not None else protected_spans(text)
        if spans:
            return self._hits_around(text, spans)
        plain = text.isascii()
        split = Words(text, plain)
        tokens = split.tokens
        if not tokens:
            return []
        out: list[tuple[int, int, int]] = []
        self._coded_for, self._coded = text, {}  # kept for `contains` on the same text
        for trie, keep_case, offset in (
            (self.trie, False, 0),
            (self.cased_trie, True, self.offset),
        ):
            if not trie:
                continue
            coded = self._coded_words(tokens, keep_case, plain)
            self._coded[keep_case] = coded
            out += [(k + offset, a, b) for k, a, b in trie.scan(coded)]
        if not out:
            return out
        if self.alternates:
            alt = self.alternates
            out = [(self._choose(k, tokens[a:b]) if k in alt else k, a, b) for k, a, b in out]
        places = split.spans([(a, b) for _, a, b in out])
        found = [(k, s, e) for (k, _, _), (s, e) in zip(out, places, strict=True)]
        return _without_overlaps(found) if self.cased_trie else found

    def scan_many(self, texts: list[str]) -> tuple[list[list[Hit]], list[str]]:
        """`hits` of each text, and each text's case-insensitive word codes (`coded`), found in
        one pass over all of them: joined by a separator word that no term and no text has,
        coded at once, scanned once, the hits then cut back into the texts. The same hits and
        codes as text by text (a test says so); texts with protected spans are the caller's to
        check one by one."""
        if not texts:
            return [], []
        ascii_ = [t.isascii() for t in texts]
        if not all(ascii_) and any(ascii_):
            # ASCII texts are coded from the table of spellings, in C; the others word by word:
            # two batches, so that one accented word does not slow all the rest
            merged: list[list[Hit]] = [[]] * len(texts)
            codes: list[str] = [""] * len(texts)
            for flag in (True, False):
                group = [i for i, a in enumerate(ascii_) if a is flag]
                got, coded = self.scan_many([texts[i] for i in group])
                for i, hits, code in zip(group, got, coded, strict=True):
                    merged[i], codes[i] = hits, code
            return merged, codes
        sep, joined = self._joined(texts)
        glue = f" {sep} "
        plain = joined.isascii()
        # ASCII text without case-sensitive terms: lower case at once, not word by word
        lowered = plain and not self.cased_trie
        split = Words(joined.lower() if lowered else joined, plain)
        tokens = split.tokens
        # where each text's words start among the tokens, and where its text is in `joined`
        starts, offsets = [0], [0]
        at = 0
        for text in texts[:-1]:
            at = tokens.index(sep, at) + 1
            starts.append(at)
            offsets.append(offsets[-1] + len(text) + len(glue))
        limits = [*starts[1:], len(tokens)]  # where each text's words end
        coded_plain = self._coded_words(tokens, False, plain, lowered)
        codes = [coded_plain[a : b - 1] for a, b in pairwise(starts)]
        codes.append(coded_plain[starts[-1] :])
        out: list[list[Hit]] = [[] for _ in texts]
        cased_in: set[int] = set()  # the texts with a case-sensitive hit
        alt = self.alternates
        for trie, keep_case, offset in (
            (self.trie, False, 0),
            (self.cased_trie, True, self.offset),
        ):
            if not trie or (keep_case and plain and not self._may_hold_cased(joined)):
                continue
            found = trie.find(self._coded_words(tokens, True, plain) if keep_case else coded_plain)
            if not found:
                continue
            # the hits come in order: each text's are a run of them, cut out by bisection
            places = split.spans(found)
            hit_starts: list[int] = list(map(_FIRST, found))
            choose = bool(alt) and not alt.keys().isdisjoint(
                map(offset.__add__, map(_THIRD, found))
            )
            lo = 0
            while lo < len(found):
                i = bisect.bisect_right(starts, hit_starts[lo]) - 1
                hi = bisect.bisect_left(hit_starts, limits[i], lo)
                base = offsets[i]
                run = zip(found[lo:hi], places[lo:hi], strict=True)
                if choose:  # among a hit's pattern and its alternates, the one written
                    out[i] += [
                        (
                            self._choose(k, tokens[a:b]) if (k := key + offset) in alt else k,
                            s - base,
                            e - base,
                        )
                        for (a, b, key), (s, e) in run
                    ]
                else:
                    out[i] += [(key + offset, s - base, e - base) for (_, _, key), (s, e) in run]
                if keep_case:
                    cased_in.add(i)
                lo = hi
        # where a case-sensitive hit is among the others, the longer of two that overlap
        for i in cased_in:
            out[i] = _without_overlaps(out[i])
        return out, codes

    def _coded_words(
        self, tokens: list[str], keep_case: bool, plain: bool, lowered: bool = False
    ) -> str:
        """The words as one string of word codes: each ASCII word's code from the table of
        spellings, in C, with no word normalised (lower case first where case does not count,
        unless the words are `lowered` already; for an ASCII word that keeps it where it was);
        in other text (not `plain`), each word that is not ASCII normalised, once in a run."""
        spelled = tokens if keep_case or lowered else list(map(str.lower, tokens))
        codes = list(map(self.variants[keep_case].get, spelled, repeat(OTHER_WORD)))
        if not plain:  # the words that are not ASCII, picked out in C, one by one
            code = self._code
            for i in compress(count(), map(not_, map(str.isascii, tokens))):
                codes[i] = code(tokens[i], keep_case)
        return "".join(codes)

    def _may_hold_cased(self, text: str) -> bool:
        """False only when no word of a case-sensitive term can be in `text`: none of their
        (few) ASCII spellings stands in it even as part of a word. For ASCII text only: NFKC
        makes ASCII words of others (ＣＰＣ)."""
        spellings = self.variants[True]
        if len(spellings) > 64:
            return True  # many: the scan is cheaper than looking for each
        return any(w in text for w in spellings)

    def _joined(self, texts: list[str]) -> tuple[str, str]:
        """The texts joined by a separator word that codes to no term word and stands in none
        of them (it stands in the joined text only where it was put), and that word."""
        n = 0
        while True:
            sep = f"qzxsep{n}"
            if sep not in self.variants[False] and sep not in self.variants[True]:
                joined = f" {sep} ".join(texts)
                if joined.count(sep) == len(texts) - 1:
                    return sep, joined
            n += 1

    def _hits_around(self, text: str, spans: list[tuple[int, int]]) -> list[Hit]:
        """Hits in text with placeholders, tags or URLs: their words match nothing."""
        self._coded_for, self._coded = None, {}
        tokens = words(text)
        out: list[Hit] = []
        for trie, keep_case, offset in (
            (self.trie, False, 0),
            (self.cased_trie, True, self.offset),
        ):
            if not trie:
                continue
            coded = "".join(
                OTHER_WORD if _overlaps(s, e, spans) else self._code(w, keep_case)
                for w, s, e in tokens
            )
            out += [(k + offset, tokens[a][1], tokens[b - 1][2]) for k, a, b in trie.scan(coded)]
        return _without_overlaps(out) if self.cased_trie else out

    def contains(self, text: str, term: str, case_sensitive: bool) -> bool:
        """Whether the words of `term` stand in `text` one after another, as the matcher reads
        words (plurals, hyphens, case), inside a longer term or not; words in placeholders,
        tags and URLs do not count."""
        key = self.term_key(term, case_sensitive)
        return bool(key) and key in self.coded(text, case_sensitive)

    def term_key(self, term: str, case_sensitive: bool) -> str:
        """`term` as word codes; "" when one of its words is in no term (it cannot match)."""
        key = self._known[case_sensitive].get(term)
        if key is not None:
            return key
        key = self._term_keys.get((term, case_sensitive))
        if key is None:
            vocab = self.cased_vocab if case_sensitive else self.vocab
            key = "".join(
                vocab.get(normalise_word(w, keep_case=case_sensitive), OTHER_WORD)
                for w, _, _ in words(term)
            )
            if OTHER_WORD in key:
                key = ""
            self._term_keys[term, case_sensitive] = key
        return key

    def coded(self, text: str, case_sensitive: bool) -> str:
        """`text` as word codes (placeholders, tags and URLs as OTHER_WORD); the codes of the
        text `hits` read last are kept."""
        if self._coded_for is not text:
            self._coded_for, self._coded = text, {}
        coded = self._coded.get(case_sensitive)
        if coded is None:
            spans = protected_spans(text)
            coded = self._coded[case_sensitive] = "".join(
                OTHER_WORD if spans and _overlaps(s, e, spans) else self._code(w, case_sensitive)
                for w, s, e in words(text)
            )
        return coded


def _spellings(vocab: dict[str, str]) -> dict[str, str]:
    """Every ASCII spelling that `normalise_word` turns into a vocabulary word, with that
    word's code: the word, its plural (+s, +es, y -> ies) and the possessive of each, each
    kept only if `singular` gives the word back. Complete: `singular` drops one possessive and
    then changes an ending, in one pass, only in those ways, so a spelling missing here
    normalises to no vocabulary word (for ASCII, normalising is `singular` of the word, in
    lower case unless case counts). Texts are coded by looking their words up here, none
    normalised."""
    out: dict[str, str] = {}
    for word, code in vocab.items():
        if not word.isascii():
            continue
        stems = [word, word + "s", word + "es"]
        if word.endswith("y"):
            stems.append(word[:-1] + "ies")
        for stem in stems:
            # singular drops one possessive, then changes an ending in one pass: each
            # spelling is checked whole ("e's's" gives "e's", and "e's" alone gives "e")
            for spelling in (stem, stem + "'s"):
                if singular(spelling) == word:
                    out.setdefault(spelling, code)
    return out


def _exact(text: str, case_sensitive: bool) -> str:
    """A term's words as written (case-folded unless the case counts), for telling apart
    terms that fold to the same words."""
    joined = " ".join(w for w, _, _ in words(text))
    return joined if case_sensitive else joined.casefold()


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Where a case-sensitive and a case-insensitive match overlap, keep the longer."""
    hits.sort(key=lambda h: (h[1], h[1] - h[2]))
    out: list[Hit] = []
    for h in hits:
        if out and h[1] < out[-1][2]:
            if h[2] - h[1] > out[-1][2] - out[-1][1]:
                out[-1] = h
            continue
        out.append(h)
    return out
