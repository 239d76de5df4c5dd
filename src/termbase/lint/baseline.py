"""Baselines: the findings a project has accepted, written once and left out of later runs."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from termbase.finding import Finding


def _segment(f: Finding) -> str:
    """A segment as a baseline knows it: its id, or where the id is a row or line number
    (CSV, TSV, Markdown, text: a row added above would shift it) its texts' digest."""
    if f.segment is None:
        return ""
    if not f.segment.isdigit():
        return f.segment
    import hashlib

    texts = f"{f.source or ''}\0{f.target or ''}".encode()
    return "text:" + hashlib.blake2b(texts, digest_size=10).hexdigest()


def _row(f: Finding) -> tuple[str, str, str, str]:
    return (f.path.as_posix() if f.path else "", _segment(f), f.concept or "", f.code)


def baseline_key(f: Finding) -> str:
    """What identifies a finding across edits: file, segment (by its content where its id is
    a row number), concept, rule (not the line)."""
    return "\0".join(_row(f))


def baseline_keys(f: Finding) -> tuple[str, str]:
    """The key, and the key a baseline of version 1 (segments by row number) has."""
    positional = (f.path.as_posix() if f.path else "", f.segment or "", f.concept or "", f.code)
    return baseline_key(f), "\0".join(positional)


def write_baseline(findings: Iterable[Finding]) -> str:
    rows = sorted({_row(f) for f in findings})
    data = {
        "termbase-baseline": 2,
        "findings": [
            dict(zip(("path", "segment", "concept", "code"), r, strict=True)) for r in rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: Path) -> set[str]:
    from termbase.errors import TermbaseError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            "\0".join((r["path"], r["segment"], r["concept"], r["code"])) for r in data["findings"]
        }
    except OSError as e:
        raise TermbaseError(f"{path}: cannot read the baseline: {e.strerror or e}") from e
    except (ValueError, KeyError, TypeError) as e:
        raise TermbaseError(f"{path}: not a termbase baseline ({e})") from e
