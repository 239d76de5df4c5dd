"""One line per finding: ``path:line:col: severity CODE concept: message; hint``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from termbase.finding import Finding

# Characters that would break a finding over two lines (str.splitlines splits at each).
_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})
_BREAK = re.compile(f"[{''.join(map(chr, _BREAKS))}]")  # any of them


def escaped(text: str) -> str:
    """The text on one line: line breaks written as escapes (\\n, \\u2028). Most texts have
    none, and are given back after one search (translating a text beyond ASCII looks every
    character up in the table: 6 us for a message)."""
    return text.translate(_BREAKS) if _BREAK.search(text) else text


def line(f: Finding) -> str:
    """One finding on exactly one line, whatever its texts hold."""
    return _Lines().line(f)


class _Lines:
    """Findings as lines, the snippets of a segment's texts made once for all the findings of
    the segment (a segment full of missing terms has dozens, each with the same texts) and
    each file's name escaped once."""

    def __init__(self) -> None:
        self.source: str | None = None
        self.target: str | None = None
        self.pair = ""

    def line(self, f: Finding) -> str:
        who = f" {escaped(f.concept)}:" if f.concept else ":"
        hint = f"; {escaped(f.hint)}" if f.hint else ""
        where = _path_text(f.path)
        if f.line:
            where += f":{f.line}:{f.column}" if f.column else f":{f.line}"
        text = f"{where}: {f.severity.value} {f.code}{who} {escaped(f.message)}{hint}"
        if f.segment is not None:
            if f.source is not self.source or f.target is not self.target:
                self.source, self.target = f.source, f.target
                self.pair = (
                    _snippet(f.target)
                    if f.source is None
                    else f"{_snippet(f.source)} => {_snippet(f.target)}"
                )
            text += f" [segment {escaped(f.segment)}: {self.pair}]"
        return text


@lru_cache(maxsize=1024)
def _path_text(path: Path | None) -> str:
    """Where a finding is, before its line (`Finding.location`), escaped."""
    return escaped(str(path)) if path else "<termbase>"


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
        lines = _Lines()
        yield "".join(lines.line(f) + "\n" for f in findings[at : at + size])
