"""One line per finding: ``path:line:col: severity CODE concept: message; hint``."""

from __future__ import annotations

from collections.abc import Sequence

from termbase.model import Finding


def line(f: Finding) -> str:
    who = f" {f.concept}:" if f.concept else ":"
    hint = f"; {f.hint}" if f.hint else ""
    text = f"{f.location}: {f.severity.value} {f.code}{who} {f.message}{hint}"
    if f.segment is not None:
        pair = (
            _snippet(f.target)
            if f.source is None
            else f"{_snippet(f.source)} => {_snippet(f.target)}"
        )
        text += f" [segment {f.segment}: {pair}]"
    return text


def _snippet(text: str | None, width: int = 60) -> str:
    if text is None:
        return "-"
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render(findings: Sequence[Finding]) -> str:
    return "".join(line(f) + "\n" for f in findings)
