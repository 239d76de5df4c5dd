"""Finding concepts by what a translator types: characters, pinyin, initials or English.

Every term is indexed under a few normalised keys:

- ``zh``: Chinese text folded to Simplified characters, so that 小院高牆 finds 小院高墙;
- ``lat``: other text, case-folded, hyphens and commas as spaces, each word in its singular
  ("digital divides" is "digital divide");
- ``py``: the pinyin's letters without tones, spaces or apostrophes ("xiaoyuangaoqiang");
- ``ini``: the first letter of each syllable ("xygq").

A query is normalised the same ways and matched exactly, then as a prefix, then as a
substring, then fuzzily (typos in English or pinyin). Results rank by that, then by the
status of the matching term (preferred first).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from termbase.english import singular

if TYPE_CHECKING:
    from termbase.model import Concept, Term

_SEPARATORS = re.compile(r"[\s\-‐‑–—,，、/.·'’‘\"“”()（）:;!?]+")
_PINYIN_NOISE = re.compile(r"[^a-z]")


class Level(IntEnum):
    """How well a key matched: the first part of a result's score."""

    FUZZY = 1
    SUBSTRING = 2
    PREFIX = 3
    EXACT = 4


def has_han(text: str) -> bool:
    """Whether `text` holds a Chinese character (a loop: a regular expression over these
    ranges takes milliseconds to compile, more than a look-up may spend starting)."""
    return any(
        "\u3400" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\U00020000" <= ch <= "\U0003134f"
        for ch in text
    )


def fold_latin(text: str) -> str:
    """'Small-Yard, High Fences' -> 'small yard high fence'."""
    words = _SEPARATORS.sub(" ", unicodedata.normalize("NFKC", text)).casefold().split()
    return " ".join(singular(w) for w in words)


def fold_chinese(text: str, table: dict[int, str] | None = None) -> str:
    """Chinese text in Simplified characters, without spaces or punctuation, width-folded.

    `table` is OpenCC's Traditional-to-Simplified character table (the index keeps a copy, so
    that a look-up need not load OpenCC).
    """
    if table is None:
        from termbase.chinese import script

        table = script.simplified_table()
    folded = unicodedata.normalize("NFKC", text).translate(table)
    return _SEPARATORS.sub("", folded).casefold()


def strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_pinyin(text: str) -> str:
    """'Xiǎoyuàn gāoqiáng', 'xiao3 yuan4', 'lǜ' -> 'xiaoyuangaoqiang', 'xiaoyuan', 'lu'."""
    plain = strip_tones(text).replace("v", "u").replace("u:", "u")
    return _PINYIN_NOISE.sub("", re.sub(r"[1-5]", "", plain))


def pinyin_initials(written: str) -> str:
    """'xiǎoyuàn gāoqiáng' -> 'xygq': the first letter of each syllable."""
    from termbase.chinese import pinyin

    try:
        tokens = pinyin.parse(written)
    except pinyin.PinyinError:
        return ""
    return "".join(t.base[:1] for t in tokens if not t.literal)


class Key(NamedTuple):
    kind: str  # zh, lat, py, ini
    key: str
    term: int  # index of the term in its concept


def keys_of(concept: Concept) -> Iterator[Key]:
    for n, t in enumerate(concept.terms):
        yield from term_keys(t, n)


def term_keys(t: Term, n: int) -> Iterator[Key]:
    from termbase.langtags import is_chinese

    if has_han(t.text) and is_chinese(t.lang):
        yield Key("zh", fold_chinese(t.text), n)
    else:
        yield Key("lat", fold_latin(t.text), n)
        for form in t.forms:
            yield Key("lat", fold_latin(form), n)
    if t.pinyin:
        yield Key("py", fold_pinyin(t.pinyin), n)
        initials = pinyin_initials(t.pinyin)
        if initials:
            yield Key("ini", initials, n)


class Query(NamedTuple):
    """The normalised forms of what was typed, one per key kind it may match."""

    text: str
    forms: dict[str, str]

    @classmethod
    def of(cls, text: str, table: dict[int, str] | None = None) -> Query:
        forms: dict[str, str] = {}
        if has_han(text):
            forms["zh"] = fold_chinese(text, table)
        else:
            lat = fold_latin(text)
            if lat:
                forms["lat"] = lat
            py = fold_pinyin(text)
            if py:
                forms["py"] = py
                forms["ini"] = py
        return cls(text, forms)


# Statuses by rank, as the index stores them: preferred first.
STATUS_NAMES = ("preferred", "admitted", "deprecated", "forbidden")


class Hit(NamedTuple):
    concept: str
    level: Level
    similarity: float  # 100 for non-fuzzy levels
    status: int  # rank: 0 preferred ... 3 forbidden
    term: int

    @property
    def score(self) -> float:
        """0..100: exact 100, prefix 80-90, substring 60-70, fuzzy below 50."""
        base = {Level.EXACT: 100.0, Level.PREFIX: 85.0, Level.SUBSTRING: 65.0}.get(self.level)
        if base is None:
            return round(self.similarity / 2, 1)
        return base - (2 * self.status if self.level is not Level.EXACT else 0)

    def sort_key(self) -> tuple[int, float, int, str]:
        return (-self.level, -self.similarity, self.status, self.concept)


def match_level(query: str, key: str) -> Level | None:
    if not query or not key:
        return None
    if key == query:
        return Level.EXACT
    if key.startswith(query):
        return Level.PREFIX
    if query in key:
        return Level.SUBSTRING
    return None


def best_hits(hits: Iterable[Hit]) -> list[Hit]:
    """The best hit of each concept, best concepts first."""
    best: dict[str, Hit] = {}
    for h in hits:
        cur = best.get(h.concept)
        if cur is None or h.sort_key() < cur.sort_key():
            best[h.concept] = h
    return sorted(best.values(), key=Hit.sort_key)


# Fuzzy matching applies to these kinds only: initials are too short to be fuzzy.
FUZZY_KINDS = ("lat", "py", "zh")  # zh: a wrong character (小院高强 finds 小院高墙)
FUZZY_CUTOFF = 75.0


def card(c: Concept) -> dict[str, Any]:
    """Everything a translator needs about one concept, as plain data (the --json schema).

    `sources` holds source ids; the index replaces them with the source records."""
    from termbase.model import Status

    preferred: dict[str, str] = {}
    for t in c.terms:
        if t.status is Status.PREFERRED:
            preferred.setdefault(t.lang, t.text)
    terms = []
    for t in c.terms:
        row: dict[str, Any] = {
            "lang": t.lang,
            "text": t.text,
            "status": t.status.value,
            "pinyin": t.pinyin,
        }
        if t.usage_note:
            row["usage_note"] = t.usage_note
        if t.part_of_speech:
            row["part_of_speech"] = t.part_of_speech.value
        if t.term_type:
            row["term_type"] = t.term_type.value
        if not t.status.approved and t.lang in preferred:
            row["use_instead"] = preferred[t.lang]
        if t.forms:
            row["forms"] = list(t.forms)
        if t.not_in:
            row["not_in"] = list(t.not_in)
        if t.case_sensitive is not None:  # false said: an acronym matched in any case
            row["case_sensitive"] = t.case_sensitive
        if t.context:
            row["context"] = t.context
            if t.context_source:
                row["context_source"] = t.context_source
        if t.dated:
            row["valid_from"] = t.valid_from.isoformat() if t.valid_from else None
            row["valid_to"] = t.valid_to.isoformat() if t.valid_to else None
            if t.replaced_by:
                row["replaced_by"] = t.replaced_by
        if t.inflect is False:
            row["inflect"] = False
        terms.append(row)
    found: dict[str, Any] = {
        "id": c.id,
        "subject": c.subject,
        "terms": terms,
        "definition": dict(c.definition),
        "note": c.note,
        "sources": list(c.sources),
        "see_also": list(c.see_also),
        "replaced_by": c.replaced_by,
    }
    if c.lookup_only:
        found["lookup_only"] = True
    return found
