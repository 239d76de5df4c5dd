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

from termbase.finding import _by_init
from termbase.langtags import DEFAULT_SOURCE_LANGUAGE


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
    # English: false keeps the rendering's verb in the form written (no interfere for
    # interfering in); None is the default, inflected
    inflect: bool | None = None
    # An example of the term in use (TBX's context), and the source it was taken from
    context: str | None = None
    context_source: str | None = None
    # When this rendering was right: from valid_from (that day included) until valid_to (that
    # day excluded: the day its replacement, replaced_by, took effect). Either may be open.
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    replaced_by: str | None = None  # the text of the term of this concept and language

    def valid_on(self, day: dt.date) -> bool:
        """Whether the rendering was right on `day` (a term without dates always is)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_to is not None


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
    lookup_only: bool = False

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
    source_language: str = DEFAULT_SOURCE_LANGUAGE
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
