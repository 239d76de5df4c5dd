"""The term base as values: frozen dataclasses with no I/O.

A term base is a set of concepts. A concept has terms in any number of languages (BCP 47 tags),
each with a status that tells a translator whether to use it. Where a value came from
(`path`, `line`) is kept for messages but takes no part in equality, so a concept read back
from an export equals the one that was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class Status(StrEnum):
    """How a translator may use a term."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"

    @property
    def approved(self) -> bool:
        """Preferred and admitted terms satisfy a check; the others must not be used."""
        return self in (Status.PREFERRED, Status.ADMITTED)

    @property
    def rank(self) -> int:
        """Sort key: preferred first, forbidden last."""
        return _STATUS_ORDER.index(self)


_STATUS_ORDER = (Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN)


class PartOfSpeech(StrEnum):
    """TBX-Basic's partOfSpeech picklist."""

    NOUN = "noun"
    VERB = "verb"
    ADJECTIVE = "adjective"
    ADVERB = "adverb"
    OTHER = "other"


class TermType(StrEnum):
    """TBX-Basic's termType picklist, written in kebab case."""

    FULL_FORM = "full-form"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"
    SHORT_FORM = "short-form"
    VARIANT = "variant"
    PHRASE = "phrase"


class Origin(StrEnum):
    """Who wrote a term: a person (the default), a machine that a person has yet to check, or a
    person whose term's pinyin a machine filled in (only the pinyin awaits review)."""

    HUMAN = "human"
    MACHINE = "machine"
    MACHINE_PINYIN = "machine-pinyin"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def rank(self) -> int:
        return 0 if self is Severity.ERROR else 1


def _by_init(self: Any) -> tuple[Any, tuple[Any, ...]]:
    """`__reduce__` of the frozen dataclasses: rebuilt by their own __init__ from the fields
    in order. Pickle's default for a frozen dataclass with slots looks up its fields for every
    object (`dataclasses.fields`): the validation cache loaded 125,000 concepts in 9 s that way."""
    return (type(self), tuple(getattr(self, name) for name in type(self).__dataclass_fields__))


@dataclass(frozen=True, slots=True)
class Term:
    """One designation of a concept in one language."""

    __reduce__ = _by_init

    lang: str
    text: str
    status: Status
    pinyin: str | None = None
    part_of_speech: PartOfSpeech | None = None
    term_type: TermType | None = None
    usage_note: str | None = None
    case_sensitive: bool | None = None
    forms: tuple[str, ...] = ()
    not_in: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    origin: Origin = Origin.HUMAN
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Concept:
    """A unit of meaning with its terms in every language."""

    __reduce__ = _by_init

    id: str
    terms: tuple[Term, ...]
    subject: str | None = None
    definition: Mapping[str, str] = field(default_factory=dict)
    note: str | None = None
    sources: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    replaced_by: str | None = None
    path: Path | None = field(default=None, compare=False)
    line: int = field(default=0, compare=False)

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.lang == lang)

    def preferred(self, lang: str) -> Term | None:
        """The first preferred term in `lang`, if there is one."""
        return next((t for t in self.terms_in(lang) if t.status is Status.PREFERRED), None)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.lang for t in self.terms))


@dataclass(frozen=True, slots=True)
class Source:
    """A document that a concept or a rendering comes from, cited by id."""

    __reduce__ = _by_init

    id: str
    title: str
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None
    note: str | None = None
    line: int = field(default=0, compare=False)

    def citation(self) -> str:
        """One line for people: publisher, title, date, address."""
        parts = [p for p in (self.publisher, self.title) if p]
        if self.date:
            parts.append(self.date.isoformat())
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Settings:
    """The `[termbase]` table of `termbase.toml`."""

    name: str | None = None
    source_language: str = "zh-Hans"
    languages: tuple[str, ...] = ()
    working_language: str = "en"
    lint: Mapping[str, Any] = field(default_factory=dict, compare=False)  # the raw [lint] table


@dataclass(frozen=True, slots=True)
class TermBase:
    concepts: tuple[Concept, ...]
    sources: Mapping[str, Source] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)
    files: tuple[Path, ...] = ()

    def concept(self, concept_id: str) -> Concept | None:
        return next((c for c in self.concepts if c.id == concept_id), None)

    def by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found in data: a value, never an exception."""

    __reduce__ = _by_init

    path: Path | None
    line: int
    code: str
    severity: Severity
    message: str
    concept: str | None = None
    column: int = 0
    hint: str | None = None
    segment: str | None = None  # lint: the segment's id in its file
    source: str | None = None  # lint: the source text of the segment
    target: str | None = None  # lint: the target text of the segment

    @property
    def location(self) -> str:
        where = str(self.path) if self.path else "<termbase>"
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (str(self.path or ""), self.line, self.column, self.code, self.message)


# A Finding made without its __init__, each field set through its slot: half the time of the
# frozen dataclass's __init__, which goes through object.__setattr__ once a field. For lint's
# hot path, which makes tens of thousands a megabyte; a test checks it equals `Finding(...)`.
_NEW = object.__new__
(_PATH, _LINE, _CODE, _SEV, _MSG, _CONCEPT, _COLUMN, _HINT, _SEGMENT, _SOURCE, _TARGET) = (
    Finding.__dict__[name].__set__ for name in Finding.__slots__
)


def quick_finding(
    path: Path | None,
    line: int,
    code: str,
    severity: Severity,
    message: str,
    concept: str | None,
    column: int,
    hint: str | None,
    segment: str | None,
    source: str | None,
    target: str | None,
) -> Finding:
    """`Finding(...)` with every field given, in half the time."""
    f: Finding = _NEW(Finding)
    _PATH(f, path)
    _LINE(f, line)
    _CODE(f, code)
    _SEV(f, severity)
    _MSG(f, message)
    _CONCEPT(f, concept)
    _COLUMN(f, column)
    _HINT(f, hint)
    _SEGMENT(f, segment)
    _SOURCE(f, source)
    _TARGET(f, target)
    return f


class Counted:
    """Error and warning counts for a result that holds `findings`."""

    __slots__ = ()
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)
