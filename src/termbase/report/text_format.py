"""One line per finding: ``path:line:col: severity CODE concept: message; hint``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termbase.model import Finding

# Characters that would break a finding over two lines (str.splitlines splits at each).
_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def escaped(text: str) -> str:
    """The text on one line: line breaks written as escapes (\\n, \\u2028)."""
    return text.translate(_BREAKS)


def line(f: Finding) -> str:
    """One finding on exactly one line, whatever its texts hold."""
    who = f" {escaped(f.concept)}:" if f.concept else ":"
    hint = f"; {escaped(f.hint)}" if f.hint else ""
    text = f"{escaped(f.location)}: {f.severity.value} {f.code}{who} {escaped(f.message)}{hint}"
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
    return "".join(chunks(findings))


def chunks(findings: Sequence[Finding], size: int = 1000) -> Iterator[str]:
    """`render` a thousand findings at a time: the whole report is never one string."""
    for at in range(0, len(findings), size):
        yield "".join(line(f) + "\n" for f in findings[at : at + size])
