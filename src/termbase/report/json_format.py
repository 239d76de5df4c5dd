"""A JSON array of findings, one object each, with a stable set of keys."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from termbase.catalog import RULES
from termbase.model import Finding


def as_dict(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path.as_posix() if f.path else None,
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
    if not findings:
        return "[]\n"
    lines = ",\n".join("  " + json.dumps(as_dict(f), ensure_ascii=False) for f in findings)
    return "[\n" + lines + "\n]\n"
