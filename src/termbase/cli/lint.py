"""`termbase lint`: check translations against the term base."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from termbase.cli._app import (
    EXIT_FINDINGS,
    TermbaseOption,
    app,
    bad_input,
    count,
    err,
    termbase_paths,
    write_output,
)


class LintFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"
    JUNIT = "junit"


class InputChoice(StrEnum):
    XLIFF = "xliff"
    PO = "po"
    TMX = "tmx"
    CSV = "csv"
    TSV = "tsv"
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


class Align(StrEnum):
    LINE = "line"
    PARAGRAPH = "paragraph"


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
    pair: Annotated[
        list[str] | None,
        typer.Option(
            "--pair",
            metavar="SOURCE:TARGET",
            help="A source file and its translation (JSON i18n files by key, text or Markdown "
            "by line or paragraph), as SOURCE:TARGET. Repeat for more.",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Source language, where the file does not say.")
    ] = None,
    target: Annotated[
        str | None, typer.Option("--target", help="Target language, where the file does not say.")
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
    align: Annotated[
        Align, typer.Option("--align", help="How --pair text files align.")
    ] = Align.LINE,
    fmt: Annotated[
        LintFormat,
        typer.Option("--format", "-f", help="text, json, github, sarif (2.1.0) or junit."),
    ] = LintFormat.TEXT,
    output: Annotated[
        str, typer.Option("--output", "-o", help="Write the report to a file; - is stdout.")
    ] = "-",
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
    enable: Annotated[
        list[str] | None,
        typer.Option("--enable", help="Turn on a rule that is off by default (LT104)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read the term base's files, not the index cache.")
    ] = False,
    termbase: TermbaseOption = None,
) -> None:
    """Check translations against the term base.

    For each segment: is an approved rendering in the target wherever a term of the term base
    is in the source (LT101)? Is a deprecated (LT102) or forbidden (LT103) rendering used? Is
    Chinese text in the right script (LT105)? Suppress a finding with
    `termbase-ignore: CONCEPT-ID -- reason` in the segment's note or comment. Exit 0 clean,
    1 on errors (--strict: warnings too), 2 if it cannot run.
    """
    from termbase import lint as linting
    from termbase.lint.segment import InputFormat, ReadOptions
    from termbase.report import Format, renderer

    if not paths and not pair:
        raise typer.BadParameter("give files or folders to lint, or --pair", param_hint="PATHS")
    pairs = [_split_pair(p) for p in pair or []]
    cols = None
    if columns is not None:
        parts = [c.strip() for c in columns.split(",")]
        if len(parts) != 2 or not all(parts):
            raise typer.BadParameter("give two columns: SOURCE,TARGET", param_hint="--columns")
        cols = (parts[0], parts[1])
    with bad_input():
        linter = _linter(termbase, no_cache, source, target, enable or [])
        files = linting.collect(paths or [], linter.settings)
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
        if write_baseline is not None:
            from termbase.store import write_atomic

            write_atomic(write_baseline, linting.write_baseline(findings))
        if baseline is not None:
            known = linting.read_baseline(baseline)
            findings = [f for f in findings if linting.baseline_key(f) not in known]
        if explain is not None:
            if not result.explained:
                err(f"no segment {explain!r} in the files linted")
                raise typer.Exit(2)
            typer.echo("\n".join(result.explained))
        else:
            write_output(renderer(Format(fmt.value))(findings), output)
    errors = sum(1 for f in findings if f.severity.value == "error")
    warnings = len(findings) - errors
    if not quiet:
        err(
            f"{count(errors, 'error')}, {count(warnings, 'warning')} in "
            f"{count(result.segments, 'segment')} from {count(result.files, 'file')}"
        )
    if errors or (strict and warnings):
        raise typer.Exit(EXIT_FINDINGS)


def _split_pair(text: str) -> tuple[Path, Path]:
    if ":" not in text:
        raise typer.BadParameter(f"{text!r}: write SOURCE:TARGET", param_hint="--pair")
    src, tgt = text.rsplit(":", 1)
    return Path(src), Path(tgt)


def _linter(
    termbase: list[Path] | None,
    no_cache: bool,
    source: str | None,
    target: str | None,
    enable: list[str],
) -> Any:
    import dataclasses

    from termbase import lint as linting
    from termbase.errors import TermbaseError
    from termbase.files import discover
    from termbase.index import Index
    from termbase.model import Severity
    from termbase.rules import RULES

    tb_paths = termbase_paths(termbase)
    settings = linting.LintSettings()
    for f in discover(tb_paths):
        if f.name == "termbase.toml":
            from termbase.store import read_file

            part = read_file(f)
            if part.settings is not None:
                table = dict(part.settings.lint)
                settings = linting.parse_settings(table, str(f))
                if part.settings.source_language and not settings.source_lang:
                    settings = dataclasses.replace(
                        settings, source_lang=part.settings.source_language
                    )
    for code in enable:
        if code not in RULES or not code.startswith("LT"):
            raise TermbaseError(f"--enable: {code!r} is not a lint rule")
        settings.severities.setdefault(code, RULES[code].severity or Severity.WARNING)
    if source or target:
        settings = dataclasses.replace(
            settings,
            source_lang=source or settings.source_lang,
            target_lang=target or settings.target_lang,
        )
    index = Index.open(tb_paths, use_cache=not no_cache)
    return linting.Linter.from_index(index, settings)
