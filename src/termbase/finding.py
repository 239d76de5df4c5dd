"""A problem found in data (a term base, a translation): a `Finding`, a value and never an
exception, with its `Severity`. Its own module, light to import: `termbase lint` makes and
reports findings without the term base's model classes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any


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
