"""Renderings of mined candidates from aligned English: the English n-grams seen with a
candidate in the same aligned segments, ranked by association (Dice)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from termbase.english import singular


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
        # more prepositions and conjunctions, and small numbers (above the statutory minimum
        # requirement, carry trade activities amid, three note-issuing banks: mine_wmt25.py)
        *("above", "below", "amid", "among", "across", "along", "around", "beyond", "despite"),
        *("toward", "towards", "without", "throughout", "since", "until", "because", "whether"),
        *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        # titles before a name (Mr Norman Chan is Norman Chan)
        "mr",
        "mrs",
        "ms",
        "dr",
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


_ZH_END = re.compile(r"(?<=[。！？；])")
_EN_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(“\"‘])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One Chinese sentence of a unit with the English sentence aligned to it (or the whole
    unit where the two sides do not have as many sentences)."""

    unit: int
    chinese: str
    english: str | None


def sentences(chinese: Sequence[str], english: Sequence[str | None]) -> list[Sentence]:
    """Units split into sentence pairs where both sides have as many sentences."""
    out: list[Sentence] = []
    for i, (zh, en) in enumerate(zip(chinese, english, strict=True)):
        if en:
            zs = [s for s in _ZH_END.split(zh) if s.strip()]
            es = [s for s in _EN_END.split(en) if s.strip()]
            if len(zs) == len(es) > 1:
                out.extend(Sentence(i, z, e) for z, e in zip(zs, es, strict=True))
                continue
        out.append(Sentence(i, zh, en))
    return out


def content_words(text: str) -> list[str]:
    """The English words of `text` that are not stop words, lower case."""
    return [singular(t) for t in _words(text) if t not in _EN_STOP]


def english_index(units: Sequence[Aligned], *, brackets: bool = False) -> dict[int, set[str]]:
    """Unit index -> the English n-grams of its aligned text; with `brackets`, also those that
    hold a whole bracketed group and numbers, for a Chinese term with brackets of its own
    (金融機構（處置機制）條例: Financial Institutions (Resolution) Ordinance)."""
    out: dict[int, set[str]] = {}
    for i, unit in enumerate(units):
        if unit.english:
            grams: set[str] = set()
            for chunk in _BREAK.split(unit.english):
                toks = _words(chunk)
                stop = [t in _EN_STOP for t in toks]
                for a, b in ngram_spans(len(toks), stop.__getitem__, MAX_WORDS):
                    grams.add(_key(toks[a:b]))
            if brackets:
                grams.update(_bracketed(unit.english))
            out[i] = grams
    return out


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _EN_WORD.findall(text)]


def _key(toks: Sequence[str]) -> str:
    return " ".join((*toks[:-1], singular(toks[-1])))


_BRACKETED_BREAK = re.compile(r"[\[\]{},;:!?。，；：“”\"]|\.(?:\s|$)")
_BRACKETED_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+|[()（）]")
MAX_BRACKETED = 14  # words of a name with bracketed parts, the brackets' words included


def _bracketed(text: str) -> Iterator[str]:
    """The n-grams of `text` that hold a whole bracketed group, neither starting nor ending
    inside one; the brackets themselves are not words of the key."""
    for chunk in _BRACKETED_BREAK.split(text):
        toks = [t.lower().replace("’", "'") for t in _BRACKETED_TOKEN.findall(chunk)]
        if "(" not in toks and "（" not in toks:
            continue
        depth = []
        level = 0
        for t in toks:
            level += t in "(（"
            level -= t in ")）"
            depth.append(level)
        edge = [t in _EN_STOP or t in "()（）" or d != 0 for t, d in zip(toks, depth, strict=True)]
        for a, b in ngram_spans(len(toks), edge.__getitem__, MAX_BRACKETED):
            inner = toks[a:b]
            if any(t in "(（" for t in inner) and depth[b - 1] == 0:
                yield _key([t for t in inner if t not in "()（）"])


def segment_counts(english: dict[int, set[str]]) -> Counter[str]:
    """In how many segments each n-gram of an `english_index` stands."""
    return Counter(g for grams in english.values() for g in grams)


def renderings(
    units: list[int],
    english: dict[int, set[str]],
    size: int,
    limit: int = 3,
    texts: Sequence[str | None] | None = None,
    weight: Callable[[str], float] | None = None,
    counts: Mapping[str, int] | None = None,
    names: Mapping[str, list[str]] | None = None,
) -> tuple[Rendering, ...]:
    """The English n-grams seen with the candidate in two aligned segments at least, by Dice;
    equal scores (n-grams that occur in exactly the same segments) go to the n-gram whose
    length is nearest the candidate's number of words (`size`), then to the longer. Each is
    extended to the longest n-gram around it that stands in most of the same segments
    (stored value -> stored value facilities), and with `texts` (each unit's English) written
    as the text writes it (Financial Institutions (Resolution) Ordinance). An n-gram that stands
    inside a name wherever it stands is that name (stored value facilities ordinance: Payment
    Systems and Stored Value Facilities Ordinance); `names` is `name_parts` of the names the
    texts define an abbreviation by."""
    aligned = [i for i in units if i in english]
    if len(aligned) < 2:
        return ()
    together: Counter[str] = Counter(g for i in aligned for g in english[i])
    frequent = {g: c for g, c in together.items() if c >= 2}
    if not frequent:
        return ()
    seen_in = counts if counts is not None else segment_counts(english)

    def dice(g: str) -> float:
        return 2 * frequent[g] / (len(aligned) + seen_in[g])

    def scored(g: str) -> float:
        return dice(g) * (weight(g) if weight is not None else 1.0)

    def rank(g: str) -> tuple[float, int, int, int, str]:
        n = g.count(" ") + 1
        return (-round(scored(g), 6), -frequent[g], abs(n - size), -n, g)

    out: list[Rendering] = []
    kept: list[str] = []
    seen = [texts[i] or "" for i in aligned] if texts is not None else []
    for ranked in sorted(frequent, key=rank):
        g = _longest(ranked, frequent, scored)
        name = _holding_name(g, names, seen) if names else None
        key = _key(_words(name)) if name else g
        if any(key == k or f" {key} " in f" {k} " for k in kept):
            continue
        kept.append(key)
        written = name or (surface(g, seen, whole_name=True) if seen else None)
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


@lru_cache(maxsize=4096)
def gram_pattern(gram: str) -> re.Pattern[str]:
    """An n-gram of `english_index` (lower-cased words) in running text: any case, the words
    apart by spaces or the punctuation the index skipped (AML/CFT, Hong Kong's)."""
    words = [re.escape(w).replace("'", "['’]") for w in gram.split()]
    last = words[-1]
    words[-1] = f"(?:{last}|{last}e?s|{last[:-1]}ies)" if last.endswith("y") else f"{last}(?:e?s)?"
    body = r"[\W_]+".join(words)
    return re.compile(r"(?<![\w])" + body + r"(?![\w])", re.IGNORECASE)


_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")
# the words of a name before it: capitalised, no acronym, no possessive (HKMA, China's); in a
# heading in capitals, any word in capitals
_NAME_HEAD = re.compile(r"(?:\b[A-Z][a-z][\w-]*\s+){1,3}$")
_CAPITALS_HEAD = re.compile(r"(?:\b[A-Z][A-Z-]*\s+){1,3}$")


def surface(gram: str, texts: Iterable[str], *, whole_name: bool = False) -> str | None:
    """The n-gram as the first text that holds it writes it, in a heading's capitals only
    where no other text writes it (banking sector, not BANKING SECTOR). Where it is the tail of
    a name (Kong's monetary ... in Hong Kong's monetary ...): None, or with `whole_name` the
    name's words before it too where every text that holds it has them (Hong Kong's monetary
    ...)."""
    pattern = gram_pattern(gram)
    first: list[str] = []  # the first occurrence with the words before it, as written
    heads: list[list[str]] = []  # the words before each occurrence, lower case
    found = [(text, m) for text in texts for m in pattern.finditer(text)]
    found.sort(key=lambda tm: tm[1].group(0).isupper())  # stable: headings last
    for text, m in found:
        before = _NAME_BEFORE.search(text, 0, m.start())
        tail = (
            before is not None
            and m.group(0)[:1].isupper()
            and before.group(0).split()[0].lower() not in _EN_STOP  # The LERS, In Hong Kong
        )
        if not first and not tail:
            return m.group(0)
        if not whole_name:
            return None
        heading = _CAPITALS_HEAD if m.group(0).isupper() else _NAME_HEAD
        head = heading.search(text, 0, m.start()) if tail else None
        words = head.group(0).split() if head else []
        first = first or [*words, m.group(0)]
        heads.append([w.lower() for w in words])
    n = 0  # how many words before it every occurrence has alike
    while all(len(h) > n for h in heads) and len({h[-1 - n] for h in heads}) == 1:
        n += 1
    while n and heads[0][-n] in _EN_STOP:
        n -= 1
    return " ".join(first[-1 - n :]) if first and n else None


# A name and the abbreviation it defines in brackets: "Linked Exchange Rate System (LERS)"
_DEFINED = re.compile(r"((?:[A-Za-z][\w'’-]*[ ]+){1,12})\(([A-Z][A-Za-z&]*[A-Z])s?\)")
_LINKS = frozenset({"and", "of", "for", "the", "on", "in", "&", "to", "versus"})


def defined_names(texts: Iterable[str]) -> dict[str, str]:
    """The names the `texts` define an abbreviation by, as first written: the shortest run of
    words before "(ABBR)" whose initials spell the abbreviation (`_spellings`: Payment Systems
    and Stored Value Facilities Ordinance (PSSVFO), loan-to-value (LTV))."""
    out: dict[str, str] = {}
    for text in texts:
        for m in _DEFINED.finditer(text):
            letters = m.group(2).upper().replace("&", "")
            ws = m.group(1).split()
            for a in range(len(ws) - 1, -1, -1):
                name = ws[a:]
                if name[0].lower() in _LINKS:
                    continue
                if letters in _spellings(name):
                    written = " ".join(name)
                    out.setdefault(_key(_words(written)), written)
                    break
    return out


def _spellings(name: Sequence[str]) -> set[str]:
    """What the initials of a name's words spell: of every word or with the links aside, of
    each word or of each part of a hyphenated one (Delivery versus Payment: DVP and DP)."""
    kept = [w for w in name if w.lower() not in _LINKS]
    out = set()
    for ws in (list(name), kept):
        out.add("".join(w[0] for w in ws).upper())
        out.add("".join(p[0] for w in ws for p in w.split("-") if p).upper())
    return out


# An n-gram is that name where this share of its occurrences stands inside the name
NAME_SHARE = 0.75


def name_parts(names: Mapping[str, str]) -> dict[str, list[str]]:
    """Every n-gram key inside one of `names` (`defined_names`) -> the names that hold it."""
    out: dict[str, list[str]] = {}
    for key, written in names.items():
        toks = key.split()
        for a in range(len(toks)):
            for b in range(a + 1, len(toks) + 1):
                part = _key(toks[a:b])
                if part != key and written not in out.setdefault(part, []):
                    out[part].append(written)
    return out


def _holding_name(gram: str, parts: Mapping[str, list[str]], texts: Sequence[str]) -> str | None:
    """The name that holds `gram` wherever (NAME_SHARE) `gram` stands in `texts`."""
    holding = parts.get(gram)
    if not holding:
        return None
    hits = sum(len(gram_pattern(gram).findall(t)) for t in texts)
    for name in holding:
        whole = gram_pattern(_key(_words(name)))
        if hits and sum(len(whole.findall(t)) for t in texts) >= NAME_SHARE * hits:
            return name
    return None
