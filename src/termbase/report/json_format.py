"""A JSON array of findings, one object each, with a stable set of keys."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
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


def _one_encoder() -> Callable[[Any], str]:
    """`_ENCODER.encode`, without the C encoder it makes again at each call (most of the
    time of a small object such as a finding): the json module's C encoder made once, with
    the same settings (its check for circular references left out: a finding has none)."""
    from json import encoder

    make = getattr(encoder, "c_make_encoder", None)
    if make is None:  # a Python without the json module's C part
        return _ENCODER.encode
    c_encode = make(
        None, _ENCODER.default, encoder.encode_basestring, None, ": ", ", ", False, False, True
    )
    return lambda obj: "".join(c_encode(obj, 0))


_encode = _one_encoder()


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
    """Each finding as `as_dict` encoded, its segment's texts encoded once for all the findings
    of the segment (a segment full of missing terms has dozens, each with the same excerpts:
    encoding them again took most of the time)."""

    def __init__(self) -> None:
        self.source: str | None = None
        self.target: str | None = None
        self.tail = ""

    def line(self, f: Finding) -> str:
        if f.segment is None:
            return "  " + _encode(as_dict(f))
        if f.source is not self.source or f.target is not self.target:
            self.source, self.target = f.source, f.target
            self.tail = f', "source": {_encode(f.source)}, "target": {_encode(f.target)}}}'
        head = _encode({**_head(f), "segment": f.segment})
        return "  " + head[:-1] + self.tail
