"""A JSON array of findings, one object each, with a stable set of keys."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from termbase.catalog import RULES
from termbase.model import Finding


@lru_cache(maxsize=1024)
def _posix(path: Path) -> str:
    return path.as_posix()


# One encoder for all findings: json.dumps with an option makes a new one at each call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def as_dict(f: Finding) -> dict[str, Any]:
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
        **(
            {"segment": f.segment, "source": f.source, "target": f.target}
            if f.segment is not None
            else {}
        ),
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
    encode = _ENCODER.encode
    yield "[\n"
    for at in range(0, len(findings), size):
        last = at + size >= len(findings)
        body = ",\n".join("  " + encode(as_dict(f)) for f in findings[at : at + size])
        yield body + ("\n]\n" if last else ",\n")
