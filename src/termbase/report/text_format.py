"""One line per finding: ``path:line:col: severity CODE concept: message; hint``."""

from __future__ import annotations

from collections.abc import Sequence

from termbase.model import Finding


def line(f: Finding) -> str:
    who = f" {f.concept}:" if f.concept else ":"
    hint = f"; {f.hint}" if f.hint else ""
    return f"{f.location}: {f.severity.value} {f.code}{who} {f.message}{hint}"


def render(findings: Sequence[Finding]) -> str:
    return "".join(line(f) + "\n" for f in findings)
