"""`termbase stats`: what a corpus says about each concept of the term base."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from termbase.cli._app import (
    OutputOption,
    PairsOption,
    TermbaseOption,
    TermSet,
    app,
    bad_input,
    err,
    open_index,
    write_output,
)

StatsFormat = StrEnum(
    "StatsFormat", [("TEXT", "text"), ("JSON", "json"), ("CSV", "csv"), ("HTML", "html")]
)
Period = StrEnum("Period", [("YEAR", "year"), ("MONTH", "month")])


# The Chinese characters the candidates are mined from, at most (about 6 MB of text: mining holds
# every word and run of its input, some 55 MB a megabyte)
SAMPLE = 2_000_000


@app.command()
def stats(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Translations (XLIFF, PO, TMX, CSV/TSV, text, Markdown) or folders of them.",
            show_default=False,
        ),
    ] = None,
    pair: PairsOption = None,
    fmt: Annotated[
        StatsFormat,
        typer.Option("--format", "-f", help="text, json, csv, or html (one self-contained page)."),
    ] = StatsFormat.TEXT,
    output: OutputOption = "-",
    by: Annotated[
        Period, typer.Option("--by", help="The period renderings are counted by over time.")
    ] = Period.YEAR,
    git: Annotated[
        bool,
        typer.Option(
            "--git",
            help="Count every committed version of each file, each on its commit's date: how "
            "the renderings changed over the history (a file's version is a document).",
        ),
    ] = False,
    candidates: Annotated[
        int,
        typer.Option(
            "--candidates",
            help="Also list this many frequent Chinese source phrases that are not in the term "
            "base, as termbase mine ranks them (0: none).",
        ),
    ] = 20,
    wmt25: Annotated[
        TermSet | None,
        typer.Option(
            "--wmt25",
            metavar="proper|random",
            help="The files are WMT25 terminology-track files (full_data_YEAR.jsonl): the "
            "concepts are their term lists, not the term base's, each file counted in the year "
            "of its name; renderings not listed are found by alignment (zh->en).",
            show_default=False,
        ),
    ] = None,
    system: Annotated[
        list[Path] | None,
        typer.Option(
            "--system",
            help="With --wmt25: a system's outputs of the same documents (WMT25 jsonl, the year "
            "in its name as in the references file's): its renderings instead of the "
            "reference's.",
            show_default=False,
        ),
    ] = None,
    termbase: TermbaseOption = None,
) -> None:
    """Show what a corpus says about each concept: occurrences and documents, the renderings
    used and how often (preferred, admitted, deprecated, forbidden, none), the compliance
    rate, first and last seen and the counts per year (each file's date as lint --as-of auto
    reads it: its own date, else its last commit, else today). With --git, every committed
    version of each file, on its commit's date.

    One pass over the files, a file at a time. Exit 0 with the figures, 2 when nothing could be
    read."""
    import sys

    from termbase.cli.lint import _split_pair
    from termbase.errors import TermbaseError
    from termbase.evolution import stats as counting
    from termbase.lint import Linter, collect
    from termbase.lint.dated import AsOf
    from termbase.lint.setup import resolve

    with bad_input():
        split = [_split_pair(p) for p in pair or []]
        named = list(paths or [])
        if wmt25 is not None:
            result = _term_lists(
                named, bool(split or git), wmt25.value, by.value, candidates, system or []
            )
            write_output(_render(result, fmt), output)
            err(
                f"{len(result.concepts)} listed term(s) in {result.segments} paragraph(s) "
                f"from {result.files} file(s)"
            )
            return
        if system:
            raise TermbaseError("--system goes with --wmt25: a system's outputs of its files")
        if not named and not split:
            raise TermbaseError("give translation files or folders, or --pair SOURCE:TARGET")
        setup = resolve(termbase, None, [*named, *(t for _, t in split)], None, None, [])
        index = open_index(setup.termbase.paths, use_cache=True)
        linter = Linter.from_index(index, setup.settings)
        files = collect(named, linter.settings)
        if not files and not split:
            raise TermbaseError(f"{', '.join(map(str, named))}: no translation file to read")
        sources: list[Any] = []
        dates = AsOf()
        on_terminal = sys.stderr.isatty()

        def progress(done: int) -> None:
            if on_terminal:
                sys.stderr.write(f"\r{done} file(s) read")

        keep = sources if candidates else None
        if git:
            if split:
                raise TermbaseError("--git reads files in a git repository, not --pair")
            segments, dates = _history(files, keep)
        else:
            segments = _segments(files, split, keep)
        result = counting.gather(linter, segments, dates, by.value, progress)
        if on_terminal:
            sys.stderr.write("\n")
        if not result.segments:
            raise TermbaseError("no segment in the files given: nothing was counted")
        if candidates and sources:
            from termbase.evolution.mine import units_from_segments

            units, size = [], 0
            for unit in units_from_segments(sources):
                size += len(unit.chinese)
                if size > SAMPLE:
                    break  # a sample: flat memory whatever the corpus
                units.append(unit)
            known = [t.text for c in index.termbase().concepts for t in c.terms]
            result.candidates = counting.candidates(units, known, candidates)
        text = _render(result, fmt)
    write_output(text, output)
    err(
        f"{len(result.concepts)} concept(s) in {result.segments} segment(s) "
        f"from {result.files} file(s)"
    )


def _term_lists(
    paths: list[Path], other: bool, terms: str, by: str, candidates: int, systems: list[Path]
) -> Any:
    """`--wmt25`: the figures of the files' own term lists (with `systems`, as they render
    them)."""
    from termbase.errors import TermbaseError
    from termbase.evolution import stats as counting
    from termbase.evolution import term_lists
    from termbase.lint.dated import AsOf

    if other:
        raise TermbaseError("--wmt25 reads the WMT25 files named, not --pair or --git")
    if not paths or not all(p.is_file() for p in paths):
        raise TermbaseError("--wmt25: give the WMT25 files (full_data_YEAR.jsonl) to read")
    paired = term_lists.pair_systems(paths, systems)
    result = term_lists.gather(paths, AsOf(), terms=terms, by=by, systems=paired)
    if candidates:
        units, known = term_lists.units(paths, terms, SAMPLE)
        result.candidates = counting.candidates(units, known, candidates)
    return result


def _segments(files: list[Path], pairs: list[tuple[Path, Path]], keep: list[Any] | None) -> Any:
    """Each file's segments, read as lint reads them, one file at a time; `keep` collects the
    segments with Chinese sources for the candidates."""
    from termbase.errors import TermbaseError
    from termbase.lint import pairs as pair_reader
    from termbase.lint.segment import InputError, ReadOptions, detect, iter_read

    options = ReadOptions()
    held = [0]  # characters of the sources kept: the candidates come from a sample

    def kept(segments: Any) -> Any:
        try:
            for seg in segments:
                if keep is not None and seg.source and held[0] <= SAMPLE:
                    keep.append(seg)
                    held[0] += len(seg.source)
                yield seg
        except InputError as e:  # the counts of a file read in part would mislead
            raise TermbaseError(f"{e.path}:{e.line}: {e.detail}") from None

    for path in files:
        with path.open("rb") as f:
            kind = detect(path, f.read(512))
        if kind is None:
            raise TermbaseError(f"{path}: unknown format; stats reads what lint reads")
        yield path, kept(iter_read(path, kind, options))
    for src, tgt in pairs:
        try:
            segs, _ = pair_reader.read_pair(src, tgt, options)
        except InputError as e:
            raise TermbaseError(f"{e.path}:{e.line}: {e.detail}") from None
        yield tgt, kept(iter(segs))


def _history(files: list[Path], keep: list[Any] | None) -> tuple[Any, Any]:
    """Every committed version of the files, read as lint reads them, and the date of each:
    its commit's."""
    import tempfile

    from termbase.evolution import revisions

    days: dict[Path, Any] = {}

    def versions() -> Any:
        with tempfile.TemporaryDirectory(prefix="termbase-stats-") as tmp:
            for n, rev in enumerate(revisions.history(files)):
                copy = Path(tmp) / str(n) / rev.path.name
                copy.parent.mkdir()
                copy.write_bytes(revisions.content(rev))
                days[rev.label] = rev.day
                for _, segments in _segments([copy], [], keep):
                    yield rev.label, segments

    return versions(), days.__getitem__


def _render(result: Any, fmt: StatsFormat) -> str:
    from termbase.evolution import stats as counting

    if fmt is StatsFormat.JSON:
        return counting.to_json(result)
    if fmt is StatsFormat.CSV:
        return counting.to_csv(result)
    if fmt is StatsFormat.HTML:
        from termbase.evolution.stats_page import render

        return render(result)
    return counting.to_text(result)
