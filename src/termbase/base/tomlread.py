"""Parsing TOML text with the standard library, safely: a document nested so deeply that the
parser runs out of stack (about 500 brackets, a 1 KB file) is a syntax error like any other,
never a RecursionError traceback."""

from __future__ import annotations

import re
import tomllib
from typing import Any

TOMLDecodeError = tomllib.TOMLDecodeError


def loads(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise TOMLDecodeError("arrays or tables nested too deeply") from None


def split_lines(text: str, *, keepends: bool = False) -> list[str]:
    """The lines of a TOML document: split at LF (CRLF) only. `str.splitlines` also splits
    at U+2028, U+2029, U+0085 and others, which TOML strings may hold."""
    parts = text.split("\n")
    if keepends:
        out = [p + "\n" for p in parts[:-1]]
        if parts[-1]:
            out.append(parts[-1])
        return out
    if parts and parts[-1] == "":
        parts.pop()
    return [p[:-1] if p.endswith("\r") else p for p in parts]


_POSITION = re.compile(r"^(?P<msg>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")
_END = re.compile(r"^(?P<msg>.*?) \(at end of document\)$")


def error_position(e: TOMLDecodeError) -> tuple[int, int, str]:
    text = str(e)
    m = _POSITION.match(text)
    if m:
        return int(m["line"]), int(m["col"]), _lower_first(m["msg"])
    m = _END.match(text)
    if m:
        return 0, 0, _lower_first(m["msg"]) + " at end of file"
    return 0, 0, _lower_first(text)


_TUPLE = re.compile(r"\((?:'[^']*',? ?)+\)")


def _lower_first(s: str) -> str:
    # tomllib names tables as Python tuples: ('a', 'b') reads better as [a.b]
    s = _TUPLE.sub(lambda m: "[" + ".".join(re.findall(r"'([^']*)'", m.group())) + "]", s)
    return s[:1].lower() + s[1:]
