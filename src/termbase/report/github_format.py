"""GitHub Actions workflow commands: ``::error file=...,line=...,title=...::message``."""

from __future__ import annotations

from collections.abc import Sequence

from termbase.finding import Finding, Severity


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def line(f: Finding) -> str:
    kind = "error" if f.severity is Severity.ERROR else "warning"
    props = []
    if f.path:
        props.append(f"file={_prop(f.path.as_posix())}")
    if f.line:
        props.append(f"line={f.line}")
    if f.column:
        props.append(f"col={f.column}")
    title = f"{f.code} {f.concept}" if f.concept else f.code
    props.append(f"title={_prop(title)}")
    hint = f"; {f.hint}" if f.hint else ""
    return f"::{kind} {','.join(props)}::{_data(f.message + hint)}"


def render(findings: Sequence[Finding]) -> str:
    return "".join(line(f) + "\n" for f in findings)
