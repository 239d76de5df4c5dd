"""Checking files: which files a run lints, reading them into segments, checking every segment
with one Linter (remembering segments already checked, for an editor), the settings' severities
and the order of the findings."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from termbase.catalog import RULES, finding
from termbase.finding import Finding
from termbase.lint.linter import Linter
from termbase.lint.segment import (
    EXTENSIONS,
    InputError,
    InputFormat,
    ReadOptions,
    Segment,
    UsageError,
    detect,
    iter_read,
    read,
)
from termbase.lint.settings import LintSettings

# Segments checked together (`Linter.check_many`): enough to pay the batch's set-up many times
# over, few enough that a batch's codes stay small.
BATCH = 2048


@dataclass
class LintResult:
    findings: list[Finding]
    files: int = 0
    segments: int = 0
    explained: list[str] = field(default_factory=list)


def collect(paths: Sequence[Path], settings: LintSettings) -> list[Path]:
    """Files named, and files of known formats below folders named, minus exclusions."""
    from termbase.errors import TermbaseError

    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if not f.is_file() or any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                if f.suffix.lower() in EXTENSIONS and settings.included(f, p):
                    out.append(f)
        elif p.is_file():
            # a file named on the command line is linted unless excluded (pre-commit passes
            # the files it changed, and an excluded folder stays excluded)
            if not settings.excluded(p):
                out.append(p)
        else:
            raise TermbaseError(f"{p}: no such file or folder")
    return list(dict.fromkeys(out))


@dataclass
class Inputs:
    """Translation files read into segments (and what could not be read), to be checked by one
    linter or several (`termbase impact` checks the same segments against two term bases)."""

    segments: list[Segment]
    problems: list[Finding]
    files: int


def read_inputs(
    files: Sequence[Path],
    options: ReadOptions,
    *,
    pairs: Sequence[tuple[Path, Path]] = (),
    fmt: InputFormat | None = None,
) -> Inputs:
    """Read the files and pairs into segments; a file that cannot be read is an LT001 finding."""
    problems: list[Finding] = []
    inputs: list[tuple[Path, list[Segment], list[Finding]]] = []
    for path in files:
        try:
            kind = fmt or detect(path, path.read_bytes()[:512])
            if kind is None:
                known = ", ".join(sorted({f.value for f in InputFormat}))
                raise UsageError(path, 0, f"unknown format; name it with --input-format ({known})")
            inputs.append((path, read(path, kind, options), []))
        except InputError as e:
            problems.append(finding("LT001", e.path, e.line, e.detail))
        except OSError as e:
            problems.append(finding("LT001", path, 0, f"cannot read: {e.strerror or e}"))
    from termbase.lint import pairs as pair_reader

    for src, tgt in pairs:
        try:
            segs, found = pair_reader.read_pair(src, tgt, options)
            inputs.append((tgt, segs, found))
        except InputError as e:
            problems.append(finding("LT001", e.path, e.line, e.detail))
    segments: list[Segment] = []
    for _, segs, found in inputs:
        problems.extend(found)
        segments.extend(segs)
    return Inputs(segments, problems, len(inputs))


class SegmentMemo:
    """The findings of segments already checked, by their text: an editor lints the whole
    document again after each keystroke, and all its lines but one are as they were. Valid for
    one linter (one term base and one set of settings)."""

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.found: dict[tuple[object, ...], list[Finding]] = {}

    def check(self, linter: Linter, seg: Segment) -> list[Finding]:
        key = (seg.target, seg.source, seg.notes, seg.source_lang, seg.target_lang, seg.path)
        found = self.found.get(key)
        if found is None:
            if len(self.found) >= self.limit:
                self.found.clear()
            found = self.found[key] = linter.check(seg, None)
            return found
        if all(f.line == seg.line and f.segment == seg.id for f in found):
            return found
        import dataclasses

        return [dataclasses.replace(f, line=seg.line, segment=seg.id) for f in found]


def check_inputs(
    linter: Linter,
    inputs: Inputs,
    explain: str | None = None,
    memo: SegmentMemo | None = None,
    *,
    sort: bool = True,
) -> LintResult:
    """Check every segment; findings come back sorted, with the settings' severities. With a
    `memo`, a segment checked before (same text, notes and languages) is not checked again."""
    result = LintResult(list(inputs.problems))
    result.files = inputs.files
    result.segments = len(inputs.segments)
    if explain is not None:
        for seg in inputs.segments:
            trace: list[str] | None = [] if seg.id == explain else None
            result.findings.extend(linter.check(seg, trace))
            if trace:
                result.explained.extend(trace)
    elif memo is not None:
        for seg in inputs.segments:
            result.findings.extend(memo.check(linter, seg))
    else:
        result.findings.extend(_check_batches(linter, iter(inputs.segments))[0])
    if sort:
        result.findings = _sorted(_apply_severities(result.findings, linter.settings))
    return result


def _sorted(findings: list[Finding]) -> list[Finding]:
    """In `Finding.sort_key` order (path, line, column, code, message), with the path compared
    once per file rather than once per finding."""
    by_path: dict[Path | None, list[Finding]] = {}
    for f in findings:
        group = by_path.get(f.path)
        if group is None:
            group = by_path[f.path] = []
        group.append(f)
    within = attrgetter("line", "column", "code", "message")
    out: list[Finding] = []
    for path in sorted(by_path, key=lambda p: str(p or "")):
        group = by_path[path]
        group.sort(key=within)
        out.extend(group)
    return out


def lint_files(
    linter: Linter,
    files: Sequence[Path],
    options: ReadOptions,
    *,
    pairs: Sequence[tuple[Path, Path]] = (),
    fmt: InputFormat | None = None,
    explain: str | None = None,
) -> LintResult:
    """Read the files and pairs and check every segment; findings come back sorted. Files
    of the formats read line by line are checked a batch of segments at a time as they are
    read (memory for a batch, not for the file); the others are read whole."""
    from termbase.base.parallel import paused_gc

    with paused_gc():  # a check makes many small objects beside a large term base
        return _lint_files(linter, files, options, pairs, fmt, explain)


def _lint_files(
    linter: Linter,
    files: Sequence[Path],
    options: ReadOptions,
    pairs: Sequence[tuple[Path, Path]],
    fmt: InputFormat | None,
    explain: str | None,
) -> LintResult:
    if explain is not None:
        return check_inputs(linter, read_inputs(files, options, pairs=pairs, fmt=fmt), explain)
    streamed: list[tuple[Path, InputFormat]] = []
    whole: list[Path] = []
    problems: list[Finding] = []
    kinds: dict[Path, str] = {}
    for path in files:
        try:
            kind = fmt or detect(path, _head(path))
        except OSError as e:
            problems.append(finding("LT001", path, 0, f"cannot read: {e.strerror or e}"))
            continue
        if kind is not None:
            kinds[path] = kind.value
        if kind in STREAMED:
            streamed.append((path, kind))
        else:
            whole.append(path)
    inputs = read_inputs(whole, options, pairs=pairs, fmt=fmt)
    inputs.problems[:0] = problems
    result = check_inputs(linter, inputs, sort=False)
    for path, kind in streamed:
        try:
            found, count = _check_batches(linter, iter_read(path, kind, options))
        except InputError as e:
            # as when the file is read whole: the problem, and nothing checked in the file
            result.findings.append(finding("LT001", e.path, e.line, e.detail))
            continue
        result.findings.extend(found)
        result.segments += count
        result.files += 1
    from termbase.lint.positions import file_findings

    result.findings = file_findings(result.findings, kinds)
    result.findings = _sorted(_apply_severities(result.findings, linter.settings))
    return result


# Formats read line by line (`segment.iter_read`), checked as they are read.
STREAMED = frozenset({InputFormat.CSV, InputFormat.TSV, InputFormat.TEXT, InputFormat.MARKDOWN})


def _head(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(512)


def _check_batches(linter: Linter, segments: Iterator[Segment]) -> tuple[list[Finding], int]:
    """Every segment checked, `BATCH` at a time (`Linter.check_many`): the findings and the
    number of segments."""
    found: list[Finding] = []
    count = 0
    while batch := list(itertools.islice(segments, BATCH)):
        count += len(batch)
        for some in linter.check_many(batch):
            found.extend(some)
    return found, count


def _apply_severities(findings: list[Finding], settings: LintSettings) -> list[Finding]:
    import dataclasses

    codes = {f.code for f in findings}
    if all(code in RULES and settings.severity(code) is RULES[code].severity for code in codes):
        return findings  # no setting changes a severity here
    out = []
    for f in findings:
        sev = settings.severity(f.code)
        if sev is None:
            continue
        out.append(f if sev is f.severity else dataclasses.replace(f, severity=sev))
    return out
