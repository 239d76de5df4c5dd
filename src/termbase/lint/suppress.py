"""Suppressions: a note of a segment (an XLIFF note, a PO comment, a Markdown HTML comment)
that says `termbase-ignore: CONCEPT -- reason` drops that concept's findings in the segment
(`*`: all of them). A suppression without a reason is LT201; one that suppresses nothing, LT202.
Baselines, which suppress findings known before, are `termbase.lint.baseline`."""

from __future__ import annotations

import re

from termbase.catalog import finding
from termbase.finding import Finding
from termbase.lint.segment import Segment, excerpt

_IGNORE = re.compile(r"termbase-ignore:\s*([A-Za-z0-9*][\w*-]*)\s*(?:--\s*(\S.*?))?\s*$")


def segment_finding(
    code: str,
    seg: Segment,
    column: int,
    message: str,
    concept: str | None,
    hint: str | None = None,
) -> Finding:
    """A finding in `seg`, with the excerpts of its texts around `column`."""
    return finding(
        code,
        seg.path,
        seg.line,
        message,
        concept=concept,
        column=column,
        hint=hint,
        segment=seg.id,
        source=excerpt(seg.source, column),
        target=excerpt(seg.target, column),
    )


def suppress(seg: Segment, found: list[Finding]) -> list[Finding]:
    """The findings of `seg` less those its notes suppress, with LT201 and LT202 for the
    suppressions that give no reason or suppress nothing."""
    ignores: list[tuple[str, str | None]] = []
    for note in seg.notes:
        for line in note.splitlines():
            m = _IGNORE.search(line)
            if m:
                ignores.append((m.group(1), m.group(2)))
    if not ignores:
        return found
    out: list[Finding] = []
    used: set[str] = set()
    for f in found:
        hit = next((c for c, _ in ignores if f.concept and c in (f.concept, "*")), None)
        if hit is not None:
            used.add(hit)
            continue
        out.append(f)
    for cid, reason in ignores:
        concept = None if cid == "*" else cid
        if not reason:
            out.append(
                segment_finding(
                    "LT201",
                    seg,
                    0,
                    f"termbase-ignore: {cid} gives no reason",
                    concept,
                    hint=f"write termbase-ignore: {cid} -- why the term does not apply here",
                )
            )
        if cid not in used:
            out.append(
                segment_finding(
                    "LT202",
                    seg,
                    0,
                    f"termbase-ignore: {cid} suppresses nothing in this segment",
                    concept,
                    hint="remove it",
                )
            )
    return out
