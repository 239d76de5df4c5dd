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
from collections.abc import Callable, Iterable, Iterator
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


Hit = tuple[int, int, int]  # (pattern number, start, end) in the original text


class PatternTable:
    """Patterns by number, kept as columns: quick to load from the cache, and the checks read
    the concept and status of a hit without making an object for it."""

    __slots__ = ("_made", "cased", "concepts", "langs", "not_in", "statuses", "texts")

    def __init__(
        self,
        concepts: list[str],
        langs: list[str],
        texts: list[str],
        statuses: list[str],
        not_in: dict[int, tuple[str, ...]],
        cased: set[int],
    ) -> None:
        self.concepts = concepts
        self.langs = langs
        self.texts = texts
        self.statuses = statuses
        self.not_in = not_in
        self.cased = cased
        self._made: dict[int, Pattern] = {}

    @classmethod
    def of(cls, patterns: Iterable[Pattern]) -> PatternTable:
        table = cls([], [], [], [], {}, set())
        for p in patterns:
            table.append(p)
        return table

    def append(self, p: Pattern) -> None:
        k = len(self.concepts)
        self.concepts.append(p.concept)
        self.langs.append(p.lang)
        self.texts.append(p.text)
        self.statuses.append(p.status)
        if p.not_in:
            self.not_in[k] = p.not_in
        if p.case_sensitive:
            self.cased.add(k)

    def __len__(self) -> int:
        return len(self.concepts)

    def __getitem__(self, k: int) -> Pattern:
        p = self._made.get(k)
        if p is None:
            p = self._made[k] = Pattern(
                self.concepts[k],
                self.langs[k],
                self.texts[k],
                self.statuses[k],
                self.not_in.get(k, ()),
                k in self.cased,
            )
        return p

    def state(self) -> tuple[Any, ...]:
        return (self.concepts, self.langs, self.texts, self.statuses, self.not_in, self.cased)

    @classmethod
    def from_state(cls, state: tuple[Any, ...]) -> PatternTable:
        return cls(*state)

    @lru_cache(maxsize=64)  # noqa: B019 - a handful of tables live for the whole run
    def misfits(self, lang: str) -> frozenset[int]:
        """The patterns whose language does not serve text in `lang` (an en-GB term in en-US
        text); usually none, so that hits need no filtering."""
        bad = {tag for tag in set(self.langs) if not fits(tag, lang)}
        if not bad:
            return frozenset()
        return frozenset(k for k, tag in enumerate(self.langs) if tag in bad)


@lru_cache(maxsize=4096)
def tag_fits(term_lang: str, lang: str) -> bool:
    """Does a term in `term_lang` serve text in `lang`? en serves en-GB; zh-Hans serves zh-CN."""
    a, b = term_lang.lower(), lang.lower()
    if a == b or b.startswith(a + "-") or a.startswith(b + "-"):
        return True
    return _CHINESE_FAMILY.get(a) == _CHINESE_FAMILY.get(b) is not None


_CHINESE_FAMILY = {
    "zh-hans": "hans",
    "zh-cn": "hans",
    "zh-sg": "hans",
    "zh-my": "hans",
    "zh": "hans",
    "zh-hant": "hant",
    "zh-tw": "hant",
    "zh-hk": "hant",
    "zh-mo": "hant",
}


@lru_cache(maxsize=4096)
def fits(term_lang: str, lang: str) -> bool:
    """Chinese matching already folds scripts: any Chinese term counts in Chinese text."""
    if is_chinese_tag(lang):
        return is_chinese_tag(term_lang)
    return tag_fits(term_lang, lang)


@lru_cache(maxsize=256)
def is_chinese_tag(lang: str) -> bool:
    return lang.split("-", maxsplit=1)[0].lower() in ("zh", "cmn", "yue", "lzh")


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
        self.keys = keys
        self._contexts = {
            k: tuple(self.fold(c) for c in ctx) for k, ctx in self.table.not_in.items()
        }
        self._keyed = {keys[k]: k for k in self._contexts}  # keys that have contexts
        self.automaton: Any = automaton

    def state(self) -> tuple[Any, ...]:
        return (self.keys, self.table.state(), _saved(self.automaton))

    @classmethod
    def from_state(cls, state: tuple[Any, ...], fold: dict[int, str]) -> ChineseMatcher:
        self = cls.__new__(cls)
        self.fold_table = {**fold, **{k: chr(v) for k, v in _WIDE.items()}}
        keys, table, automaton = state
        self.table = PatternTable.from_state(table)
        self._setup(keys, _loaded(automaton))
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

    def scan(self, coded: str) -> list[tuple[int, int, int]]:
        if self.automaton is None:
            return []
        return [(k, a, b) for a, b, k in self.automaton.find(coded)]


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
        known: tuple[dict[str, str], dict[str, str]],
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
        self._known = known  # the key of every term of the matcher, made when it was built

    def _choose(self, k: int, written: list[str]) -> int:
        """Among a hit's pattern and its alternates, the one written as the text has it."""
        candidates = [k, *self.alternates[k]]
        text = " ".join(written)
        for c in candidates:
            if self.exact[c] == (text if c in self.table.cased else text.casefold()):
                return c
        return k

    def state(self) -> tuple[Any, ...]:
        return (
            self.vocab,
            self.trie.state(),
            self.cased_vocab,
            self.cased_trie.state(),
            self.offset,
            self.table.state(),
            self.alternates,
            self.exact,
            self._known,
        )

    @classmethod
    def from_state(cls, state: tuple[Any, ...]) -> WordMatcher:
        self = cls.__new__(cls)
        vocab, nodes, cased_vocab, cased_nodes, offset, table, alternates, exact, known = state
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
        )
        return self

    def _code(self, word: str, keep_case: bool) -> str:
        codes = self._cased_codes if keep_case else self._codes
        code = codes.get(word)
        if code is None:
            vocab = self.cased_vocab if keep_case else self.vocab
            code = vocab.get(normalise_word(word, keep_case=keep_case), OTHER_WORD)
            if len(codes) < 1_000_000:
                codes[word] = code
        return code

    def hits(self, text: str, protected: list[tuple[int, int]] | None = None) -> list[Hit]:
        spans = protected if protected is not None else protected_spans(text)
        if spans:
            return self._hits_around(text, spans)
        tokens: list[str] = _WORD.findall(text)
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
            codes = list(map((self._cased_codes if keep_case else self._codes).get, tokens))
            if None in codes:  # words not seen before in this run
                code = self._code
                codes = [c or code(w, keep_case) for c, w in zip(codes, tokens, strict=True)]
            coded = self._coded[keep_case] = "".join(codes)  # type: ignore[arg-type]
            out += [(k + offset, a, b) for k, a, b in trie.scan(coded)]
        if not out:
            return out
        if self.alternates:
            alt = self.alternates
            out = [(self._choose(k, tokens[a:b]) if k in alt else k, a, b) for k, a, b in out]
        bounds = [m.span() for m in _WORD.finditer(text)]  # word offsets, for hits only
        found = [(k, bounds[a][0], bounds[b - 1][1]) for k, a, b in out]
        return _without_overlaps(found) if self.cased_trie else found

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
            state = self.cache.get(f"words-{primary}")
            if state is not None:
                self._spaced[primary] = WordMatcher.from_state(state)
            else:
                self._spaced[primary] = WordMatcher(
                    p for p in self.patterns if p.lang.split("-")[0].lower() == primary
                )
                self.cache.put(f"words-{primary}", self._spaced[primary].state())
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
        return m.table, found

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
