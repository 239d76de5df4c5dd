"""`termbase lint`: check translations against the term base."""

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from termbase.formats import InputFormat

if TYPE_CHECKING:
    from termbase.lint.setup import Setup

from termbase.cli._app import (
    EXIT_FINDINGS,
    Align,
    AlignOption,
    PairsOption,
    QuietOption,
    ReportOption,
    TermbaseOption,
    app,
    bad_input,
    complete_languages,
    complete_rules,
    count,
    err,
    open_index,
    write_output,
)

LintFormat = StrEnum(
    "LintFormat",
    [
        ("TEXT", "text"),
        ("JSON", "json"),
        ("GITHUB", "github"),
        ("SARIF", "sarif"),
        ("JUNIT", "junit"),
    ],
)


InputChoice = InputFormat  # the enum only: --help imports no reader


@app.command()
def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders: XLIFF, PO, TMX, CSV/TSV (bilingual); text, Markdown, JSON "
            "(checked for deprecated and forbidden renderings only).",
            show_default=False,
        ),
    ] = None,
    pair: PairsOption = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="Source language, where the file does not say.",
            autocompletion=complete_languages,
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            help="Target language, where the file does not say.",
            autocompletion=complete_languages,
        ),
    ] = None,
    input_format: Annotated[
        InputChoice | None,
        typer.Option("--input-format", help="Read every file as this format."),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            metavar="SOURCE,TARGET",
            help="CSV/TSV columns, by header name or 1-based position. Default: the first two, "
            "or the columns named source and target, or two language-tag headers.",
        ),
    ] = None,
    align: AlignOption = Align.LINE,
    fmt: Annotated[
        LintFormat,
        typer.Option("--format", "-f", help="text, json, github, sarif (2.1.0) or junit."),
    ] = LintFormat.TEXT,
    output: ReportOption = "-",
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report only findings not in this baseline file."),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Write all current findings to a baseline file."),
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="SEGMENT-ID",
            help="Show how one segment was normalised, which terms were found and why each "
            "check passed or failed.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE|auto",
            help="Judge each text on a date (YYYY-MM-DD): a rendering right on that day (its "
            "valid-from, valid-to) is accepted, one that was not is deprecated. auto: each "
            "file's own date (TMX, PO, XLIFF, front matter), else its last commit, else today.",
        ),
    ] = None,
    enable: Annotated[
        list[str] | None,
        typer.Option(
            "--enable",
            help="Turn on a rule that is off by default (LT104).",
            autocompletion=complete_rules,
        ),
    ] = None,
    quiet: QuietOption = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read the term base's files, not the index cache.")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="The settings file to use (.termbase.toml, termbase.toml or pyproject.toml) "
            "instead of the nearest one above the linted files.",
        ),
    ] = None,
    show_settings: Annotated[
        bool,
        typer.Option(
            "--show-settings",
            help="Print the settings in force, and where each came from, then exit.",
        ),
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            help="With -: the file name to report (and to tell the format by).",
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    termbase: TermbaseOption = None,
) -> None:
    """Check translations against the term base.

    For each segment: is an approved rendering in the target wherever a term of the term base
    is in the source (LT101)? Is a deprecated (LT102) or forbidden (LT103) rendering used? Is
    Chinese text in the right script (LT105)? With --enable LT106: does a zh-TW or zh-HK
    target use a general form where the region has its own term? Suppress a finding with
    `termbase-ignore: CONCEPT-ID -- reason` in the segment's note or comment. `-` reads
    standard input. Settings come from the command line, then the nearest .termbase.toml,
    termbase.toml or pyproject.toml [tool.termbase.lint] above the linted files, then the
    term base's own [lint]. Exit 0 clean, 1 on errors (--strict: warnings too), 2 if it
    cannot run.
    """
    from termbase import lint as linting
    from termbase.lint.segment import InputFormat, ReadOptions
    from termbase.report import Format, streamer

    if not paths and not pair and not show_settings:
        raise typer.BadParameter("give files or folders to lint, or --pair", param_hint="PATHS")
    pairs = [_split_pair(p) for p in pair or []]
    cols = None
    if columns is not None:
        parts = [c.strip() for c in columns.split(",")]
        if len(parts) != 2 or not all(parts):
            raise typer.BadParameter("give two columns: SOURCE,TARGET", param_hint="--columns")
        cols = (parts[0], parts[1])
    from termbase.langtags import normalize_tag, not_a_tag

    for option, tag in (("--source", source), ("--target", target)):
        if tag is not None and normalize_tag(tag) is None:
            raise typer.BadParameter(not_a_tag(tag), param_hint=option)
    stdin = [p for p in paths or [] if str(p) == "-"]
    if stdin and input_format is None and stdin_filename is None:
        raise typer.BadParameter(
            "reading standard input needs --input-format or --stdin-filename", param_hint="-"
        )
    from termbase.base.parallel import paused_gc
    from termbase.lint.setup import resolve

    # one run, whose objects (the term base's tables, the findings) live until it ends: the
    # cyclic garbage collector would only walk them again and again
    with bad_input(), paused_gc(), _stdin_file(bool(stdin), stdin_filename) as stdin_path:
        named = [stdin_path if stdin_path and str(p) == "-" else p for p in paths or []]
        where = [p for p in paths or [] if str(p) != "-"] + [t for _, t in pairs]
        if stdin_filename:
            where.append(Path(stdin_filename))
        setup = resolve(termbase, config, where, source, target, enable or [])
        if show_settings:
            typer.echo(_settings_report(setup))
            return
        index = open_index(setup.termbase.paths, use_cache=not no_cache)
        if index.errors():
            from termbase.base.files import describe

            in_base = count(index.errors(), "error")
            err(
                f"termbase: warning: {describe(setup.termbase.paths)}: the term base has "
                f"{in_base}; a concept with one may not be checked as meant: run termbase validate"
            )
        linter = linting.Linter.from_index(index, setup.settings)
        dates = None
        if as_of is not None:
            from termbase.errors import TermbaseError
            from termbase.lint.dated import AsOf

            try:
                dates = linter.as_of = AsOf.parse(as_of)
            except ValueError:
                raise TermbaseError(
                    f"--as-of {as_of!r}: give a date as YYYY-MM-DD, or auto"
                ) from None
        files = linting.collect(named, linter.settings)
        if not files and not pairs:
            _nothing_to_lint(named, setup)
        options = ReadOptions(source, target, cols, align.value)
        result = linting.lint_files(
            linter,
            files,
            options,
            pairs=pairs,
            fmt=InputFormat(input_format.value) if input_format else None,
            explain=explain,
        )
        findings = result.findings
        if result.files and not result.segments and not any(f.code == "LT001" for f in findings):
            from termbase.errors import TermbaseError

            raise TermbaseError(
                f"{(files or [t for _, t in pairs])[0]}: no segment to check: the file is empty "
                "or has no translation in the languages given; nothing was checked"
            )
        if stdin_path is not None:
            findings = _renamed(findings, stdin_path, Path(stdin_filename or "<stdin>"))
        if write_baseline is not None:
            from termbase.base.atomic import write_atomic

            write_atomic(write_baseline, linting.write_baseline(findings))
            err(f"wrote {count(len(findings), 'finding')} to the baseline {write_baseline}")
            raise typer.Exit(0)
        if baseline is not None:
            known = linting.read_baseline(baseline)
            findings = [f for f in findings if known.isdisjoint(linting.baseline_keys(f))]
        if explain is not None:
            if not result.explained:
                err(f"no segment {explain!r} in the files linted")
                raise typer.Exit(2)
            typer.echo("\n".join([*(dates.explain() if dates else []), *result.explained]))
        else:
            write_output(streamer(Format(fmt.value), strict=strict)(findings), output)
    errors = sum(1 for f in findings if f.severity.value == "error")
    warnings = len(findings) - errors
    if not quiet:
        err(
            f"{count(errors, 'error')}, {count(warnings, 'warning')} in "
            f"{count(result.segments, 'segment')} from {count(result.files, 'file')}"
        )
    if (errors or (strict and warnings)) and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _nothing_to_lint(named: list[Path], setup: "Setup") -> None:
    """No file to lint: a folder with nothing in it cannot pass (exit 2); files named by a hook
    that the settings exclude are a clean run, said on stderr."""
    from termbase.errors import TermbaseError

    folders = [p for p in named if p.is_dir()]
    where = setup.settings.origins.get("exclude") or setup.settings.origins.get("include")
    because = f" (the include/exclude patterns of {where})" if where else ""
    if folders:
        raise TermbaseError(f"{folders[0]}: no files to lint{because}")
    err(f"termbase: every file named is excluded{because}; nothing to lint")
    raise typer.Exit(0)


def _split_pair(text: str) -> tuple[Path, Path]:
    if ":" not in text:
        raise typer.BadParameter(f"{text!r}: write SOURCE:TARGET", param_hint="--pair")
    src, tgt = text.rsplit(":", 1)
    return Path(src), Path(tgt)


@contextmanager
def _stdin_file(wanted: bool, name: str | None) -> Iterator[Path | None]:
    """Standard input as a temporary file that the readers can open, named like --stdin-filename
    so that its suffix tells the format."""
    if not wanted:
        yield None
        return
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="termbase-stdin-") as folder:
        path = Path(folder) / (Path(name).name if name else "stdin")
        path.write_bytes(sys.stdin.buffer.read())
        yield path


def _renamed(findings: list[Any], tmp: Path, shown: Path) -> list[Any]:
    import dataclasses

    return [dataclasses.replace(f, path=shown) if f.path == tmp else f for f in findings]


def _settings_report(setup: "Setup") -> str:
    from termbase.lint.settings import describe

    lines = [
        f"settings file: {setup.settings_file.path if setup.settings_file else '(none found)'}",
        f"term base: {', '.join(map(str, setup.termbase.paths))}  ({setup.termbase.origin})",
    ]
    rows = describe(setup.settings)
    width = max(len(name) for name, _, _ in rows)
    value_width = max(len(value) for _, value, _ in rows)
    for name, value, origin in rows:
        lines.append(f"{name:<{width}}  {value:<{value_width}}  {origin}")
    return "\n".join(lines)
