"""A JSON array of findings, one object each, with a stable set of keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from json import encoder
from pathlib import Path
from typing import Any

from termbase.catalog import RULES
from termbase.finding import Finding, Severity


@lru_cache(maxsize=1024)
def _posix(path: Path) -> str:
    return path.as_posix()


# A JSON string as json.dumps(..., ensure_ascii=False) writes it (the json module's C function
# where there is one); the SARIF writer formats with these too.
json_string: Callable[[str], str] = encoder.encode_basestring


def json_text(value: str | None) -> str:
    """A string or None as json.dumps(..., ensure_ascii=False) writes it."""
    return "null" if value is None else json_string(value)


@lru_cache(maxsize=1024)
def _path_text(path: Path | None) -> str:
    return json_text(_posix(path) if path else None)


@lru_cache(maxsize=256)
def _rule_text(code: str, severity: Severity) -> str:
    """The "code", "rule" and "severity" members, the same for every finding of a rule."""
    rule = RULES[code].name if code in RULES else None
    level = json_string(severity.value)
    return f'"code": {json_string(code)}, "rule": {json_text(rule)}, "severity": {level}'


def as_dict(f: Finding) -> dict[str, Any]:
    return {
        **_head(f),
        **(
            {"segment": f.segment, "source": f.source, "target": f.target}
            if f.segment is not None
            else {}
        ),
    }


def _head(f: Finding) -> dict[str, Any]:
    return {
        "path": _posix(f.path) if f.path else None,
        "line": f.line or None,
        "column": f.column or None,
        "concept": f.concept,
        "code": f.code,
        "rule": RULES[f.code].name if f.code in RULES else None,
        "severity": f.severity.value,
        "message": f.message,
        "hint": f.hint,
    }


def render(findings: Sequence[Finding]) -> str:
    """A JSON array with one finding a line: easy to grep in a CI log, and written by the
    json module's C encoder (an indented dump goes through its pure-Python one, several
    times slower on tens of thousands of findings)."""
    return "".join(chunks(findings))


def chunks(findings: Sequence[Finding], size: int = 1000) -> Iterator[str]:
    """`render` a thousand findings at a time: the whole report is never one string (420,000
    findings of a 10 MB file made a 300 MB one)."""
    if not findings:
        yield "[]\n"
        return
    yield "[\n"
    texts = _Texts()
    for at in range(0, len(findings), size):
        last = at + size >= len(findings)
        body = ",\n".join(map(texts.line, findings[at : at + size]))
        yield body + ("\n]\n" if last else ",\n")


class _Texts:
    """Each finding as json.dumps writes `as_dict` (a test compares them byte for byte), made
    by formatting, each string encoded by the json module's C function: a tenth of the time of
    encoding a dict a finding. Its segment's texts are encoded once for all the findings of the
    segment (a segment full of missing terms has dozens, each with the same excerpts)."""

    def __init__(self) -> None:
        self.source: str | None = None
        self.target: str | None = None
        self.tail = ""

    def line(self, f: Finding) -> str:
        line, column, concept, hint = f.line, f.column, f.concept, f.hint
        head = (
            f'  {{"path": {_path_text(f.path)}, '
            f'"line": {int.__repr__(line) if line else "null"}, '
            f'"column": {int.__repr__(column) if column else "null"}, '
            f'"concept": {"null" if concept is None else json_string(concept)}, '
            f"{_rule_text(f.code, f.severity)}, "
            f'"message": {json_string(f.message)}, '
            f'"hint": {"null" if hint is None else json_string(hint)}'
        )
        if f.segment is None:
            return head + "}"
        if f.source is not self.source or f.target is not self.target:
            self.source, self.target = f.source, f.target
            self.tail = f', "source": {json_text(f.source)}, "target": {json_text(f.target)}}}'
        return f'{head}, "segment": {json_string(f.segment)}{self.tail}'
