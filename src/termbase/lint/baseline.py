"""Baselines: the findings a project has accepted, written once and left out of later runs."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from termbase.finding import Finding


def baseline_key(f: Finding) -> str:
    """What identifies a finding across edits: file, segment, concept, rule (not the line)."""
    return "\0".join(
        (f.path.as_posix() if f.path else "", f.segment or "", f.concept or "", f.code)
    )


def write_baseline(findings: Iterable[Finding]) -> str:
    rows = sorted(
        {
            (f.path.as_posix() if f.path else "", f.segment or "", f.concept or "", f.code)
            for f in findings
        }
    )
    data = {
        "termbase-baseline": 1,
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
