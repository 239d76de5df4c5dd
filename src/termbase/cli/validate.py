"""`termbase validate` and `termbase rules`."""

from pathlib import Path
from typing import Annotated

import typer

from termbase.cli._app import (
    EXIT_FINDINGS,
    QuietOption,
    ReportOption,
    TermbaseOption,
    app,
    bad_input,
    count,
    err,
    termbase_paths,
    write_output,
)
from termbase.report import Format

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Term-base files or folders. Default: $TERMBASE, ./terms, the folder holding "
        "./termbase.toml, else the bundled term base.",
        show_default=False,
    ),
]


@app.command()
def validate(
    paths: PathsArg = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="text, json, github (workflow commands), sarif (2.1.0) or junit."
        ),
    ] = Format.TEXT,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 on warnings too, not only errors.")
    ] = False,
    output: ReportOption = "-",
    quiet: QuietOption = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read and check every file again; do not use or keep the results of earlier "
            "runs (kept beside the look-up index, keyed by each file's content).",
        ),
    ] = False,
    termbase: TermbaseOption = None,
) -> None:
    """Check the term base: TOML syntax, fields and values, links between concepts, Chinese
    script, pinyin and stray characters.

    Each finding is one line: path:line, severity, rule code, concept and what to do.
    Exit 0 when there is no error, 1 when there is one (with --strict: any warning), 2 when the
    term base cannot be read.
    """
    from termbase.checks import validate_cache
    from termbase.report import renderer

    with bad_input():
        chosen = [*(paths or []), *(termbase or [])] or None
        if no_cache:
            from termbase.checks.validation import validate as run

            full = run(chosen)
            result = validate_cache.Summary(
                full.findings, len(full.termbase.concepts), len(full.termbase.files)
            )
        else:
            result = validate_cache.validate(chosen)
        write_output(renderer(fmt)(result.findings), output)
    from termbase.base.transaction import folders_of, tracked_write_state

    for name in tracked_write_state(folders_of(termbase_paths(chosen))):
        err(f"warning: {name}: a termbase journal or temporary is tracked by git; git rm it")
    if not quiet:
        files, concepts = result.files, result.concepts
        err(
            f"{count(result.errors, 'error')}, {count(result.warnings, 'warning')} "
            f"in {count(concepts, 'concept')} from {count(files, 'file')}"
        )
    if result.errors or (strict and result.warnings):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("rules")
def list_rules() -> None:
    """List every validation rule: code, name, default severity and what it catches."""
    from termbase.catalog import RULES

    for r in RULES.values():
        typer.echo(f"{r.code}  {r.name:<28} {r.severity.value:<8} {r.summary}")
