"""Reading one TOML file of a term base: its text and data, and the problems of reading it (a
byte order mark, bytes that are not UTF-8, CRLF line endings, invalid TOML) as findings. Light
to import: `termbase lint` reads the term base's termbase.toml through it without the model."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from termbase.base import tomlread
from termbase.catalog import finding
from termbase.errors import ReadError
from termbase.finding import Finding

# The findings that mean a file could not be parsed at all.
UNREADABLE = frozenset({"TB001", "TB002"})


def read_toml(path: Path) -> tuple[str | None, dict[str, Any] | None, list[Finding]]:
    """The file's text (None if it is not UTF-8), its data (None if it does not parse) and
    the problems found; a file that cannot be read at all raises `ReadError`."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ReadError(f"{path}: cannot read: {e.strerror or e}") from e
    findings: list[Finding] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        findings.append(
            finding(
                "TB003",
                path,
                1,
                "file starts with a UTF-8 byte order mark",
                hint="save the file as UTF-8 without BOM",
            )
        )
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        bad = raw[e.start : e.start + 1].hex()
        findings.append(
            finding(
                "TB002",
                path,
                line,
                f"not valid UTF-8: byte 0x{bad} at offset {e.start}",
                column=col,
                hint="save the file as UTF-8",
            )
        )
        return None, None, findings
    if "\r\n" in text:
        findings.append(
            finding(
                "TB004",
                path,
                text.count("\n", 0, text.index("\r\n")) + 1,
                "CRLF line endings",
                hint="save the file with LF line endings (git: core.autocrlf=input)",
            )
        )
    try:
        data = tomlread.loads(text)
    except tomlread.TOMLDecodeError as e:
        line, col, msg = tomlread.error_position(e)
        findings.append(finding("TB001", path, line, f"invalid TOML: {msg}", column=col))
        return text, None, findings
    return text, data, findings


def raise_unreadable(findings: Iterable[Finding]) -> None:
    """Stop at the first file that could not be parsed: a command that uses the term base
    must not go on with part of it. The message starts with file:line:column."""
    for f in findings:
        if f.code in UNREADABLE:
            raise ReadError(f"{f.location}: {f.message}")
