"""What a corpus says about each concept of the term base: `termbase stats`.

One pass over the translations (XLIFF, PO, TMX, CSV/TSV, JSON and text pairs; text and
Markdown on their own), a file at a time (memory for one file, not for the corpus), matched with
lint's matchers. For each concept whose term is in a source: its occurrences (source segments)
and documents, the renderings its translations used and how often (by status: preferred,
admitted, deprecated, forbidden; "none" where the target has no rendering of it), the compliance
rate (occurrences rendered with an approved rendering and no banned one), first and last seen
(each file's date as `lint --as-of auto` reads it), and the same counts per period (year or
month), to show how the share of each rendering changed. Renderings found in texts without a
source (a Markdown file) count as uses, not occurrences.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NONE = "(none)"  # an occurrence whose translation has no rendering of the concept
# rendered, as lint judges, inside a longer term of another concept or by a coordinated ellipsis
WITHIN = "(within another rendering)"
APPROVED = ("preferred", "admitted")


@dataclass
class ConceptStats:
    """One concept's figures over the corpus."""

    concept: str
    occurrences: int = 0
    compliant: int = 0
    documents: set[str] = field(default_factory=set)
    renderings: Counter[tuple[str, str]] = field(default_factory=Counter)  # (text, status)
    periods: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None

    @property
    def compliance(self) -> float | None:
        return self.compliant / self.occurrences if self.occurrences else None

    def seen(self, day: dt.date) -> None:
        self.first_seen = min(self.first_seen or day, day)
        self.last_seen = max(self.last_seen or day, day)

    def as_dict(self) -> dict[str, Any]:
        return {
            "concept": self.concept,
            "occurrences": self.occurrences,
            "documents": len(self.documents),
            "compliance": None if self.compliance is None else round(self.compliance, 4),
            "renderings": [
                {"text": text, "status": status, "count": n}
                for (text, status), n in sorted(
                    self.renderings.items(), key=lambda kv: (-kv[1], kv[0])
                )
            ],
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "periods": {p: dict(sorted(c.items())) for p, c in sorted(self.periods.items())},
        }


@dataclass
class Stats:
    """The figures of every concept seen, and what the corpus was."""

    concepts: dict[str, ConceptStats] = field(default_factory=dict)
    files: int = 0
    segments: int = 0
    candidates: list[dict[str, Any]] = field(default_factory=list)

    def concept(self, cid: str) -> ConceptStats:
        found = self.concepts.get(cid)
        if found is None:
            found = self.concepts[cid] = ConceptStats(cid)
        return found

    def ordered(self) -> list[ConceptStats]:
        return sorted(self.concepts.values(), key=lambda c: (-c.occurrences, c.concept))

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "segments": self.segments,
            "concepts": [c.as_dict() for c in self.ordered()],
            "candidates": self.candidates,
        }


def period_of(day: dt.date, by: str) -> str:
    return f"{day.year}" if by == "year" else f"{day.year}-{day.month:02d}"


def add_segment(stats: Stats, linter: Any, seg: Any, day: dt.date, period: str) -> None:
    """Count one segment: each concept of its source, and what its target renders it with."""
    src_lang, tgt_lang = linter.languages(seg)
    table, hits = linter.matcher.hits(seg.target, tgt_lang)
    used: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k, s, e in hits:
        pattern = table[k]
        used[pattern.concept].append((seg.target[s:e], pattern.status))
    document = str(seg.path)
    wanted: Counter[str] = Counter()
    if seg.source is not None and src_lang is not None:
        src_table, src_hits = linter.matcher.hits(seg.source, src_lang)
        wanted.update(src_table[k].concept for k, _, _ in src_hits)
    # kept or not as lint judges it on the text's date (LT101, LT102, LT103), as score does
    findings = linter.check(seg, day=day) if wanted else []
    lost = {f.concept for f in findings if f.code in ("LT101", "LT102", "LT103")}
    missing = {f.concept for f in findings if f.code == "LT101"}
    for cid, count in wanted.items():
        c = stats.concept(cid)
        c.occurrences += count
        c.documents.add(document)
        c.seen(day)
        if cid not in lost:
            c.compliant += count
        found = used.get(cid) or [(NONE, "none") if cid in missing else (WITHIN, "approved")]
        for text, status in found:
            c.renderings[text, status] += 1
            c.periods[period][text] += 1
    for cid, found in used.items():  # uses without the concept in a source
        if cid in wanted:
            continue
        c = stats.concept(cid)
        c.documents.add(document)
        c.seen(day)
        for text, status in found:
            c.renderings[text, status] += 1
            c.periods[period][text] += 1


def gather(
    linter: Any,
    files: Iterable[tuple[Path, Iterator[Any]]],
    date_of: Callable[[Path], dt.date],
    by: str = "year",
    progress: Callable[[int], None] | None = None,
) -> Stats:
    """The figures of every file's segments, a file at a time."""
    stats = Stats()
    for path, segments in files:
        day = date_of(path)
        period = period_of(day, by)
        stats.files += 1
        for seg in segments:
            stats.segments += 1
            if seg.target:
                add_segment(stats, linter, seg, day, period)
        if progress is not None:
            progress(stats.files)
    return stats


# ------------------------------------------------------------------ reports

COLUMNS = (
    "concept",
    "occurrences",
    "documents",
    "compliance",
    "first_seen",
    "last_seen",
    "renderings",
)


def _renderings_cell(c: ConceptStats) -> str:
    """A concept's renderings in one CSV cell: text [status] count; ..."""
    return "; ".join(f"{text} [{status}] {n}" for (text, status), n in c.renderings.most_common())


def to_text(stats: Stats) -> str:
    lines = []
    for c in stats.ordered():
        rate = "-" if c.compliance is None else f"{c.compliance:.0%}"
        seen = f"{c.first_seen} .. {c.last_seen}" if c.first_seen else ""
        lines.append(
            f"{c.concept}  {c.occurrences} in {len(c.documents)} document(s), "
            f"compliance {rate}  {seen}".rstrip()
        )
        for (text, status), n in c.renderings.most_common():
            lines.append(f"    {n:>6}  {text}  [{status}]")
    if stats.candidates:
        lines.append("")
        lines.append("frequent source phrases not in the term base:")
        for cand in stats.candidates:
            lines.append(f"    {cand['count']:>6}  {cand['term']}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_json(stats: Stats) -> str:
    return json.dumps(stats.as_dict(), ensure_ascii=False, indent=2) + "\n"


def to_csv(stats: Stats) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in stats.ordered():
        rate = "" if c.compliance is None else f"{c.compliance:.4f}"
        writer.writerow(
            [
                c.concept,
                c.occurrences,
                len(c.documents),
                rate,
                c.first_seen or "",
                c.last_seen or "",
                _renderings_cell(c),
            ]
        )
    return out.getvalue()


def candidates(units: Sequence[Any], known: Iterable[str], top: int) -> list[dict[str, Any]]:
    """The corpus's frequent Chinese source phrases that the term base does not hold, as
    `termbase mine` ranks them."""
    from termbase.evolution.mine import mine

    found = mine(units, known, top=top, contexts=0)
    return [{"term": c.term, "count": c.frequency, "score": round(c.score, 3)} for c in found]
