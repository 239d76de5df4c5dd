"""The `termbase` command: parses arguments, calls the library, prints what it returns.

Exit codes: 0 clean, 1 findings, 2 could not run. Data goes to stdout, diagnostics to stderr.
Heavy libraries (pypinyin, OpenCC) are imported inside the commands that need them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from termbase import __version__
from termbase.errors import TermbaseError
from termbase.report import Format

app = typer.Typer(
    name="termbase",
    help="Keep a multilingual term base as TOML files in git: validate it, look terms up, "
    "lint translations against it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's formatter costs more than typer's import
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _err(message: str) -> None:
    typer.echo(message, err=True)


@contextmanager
def _bad_input() -> Iterator[None]:
    """Bad input ends the command with its one-line message and exit code 2, not a traceback."""
    try:
        yield
    except TermbaseError as e:
        _err(f"termbase: {e}")
        raise typer.Exit(e.exit_code) from None


def _write(text: str, output: str) -> None:
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from termbase.store import write_atomic

        write_atomic(Path(output), text)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"termbase {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Keep a multilingual term base as TOML files in git."""


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
        typer.Option("--format", "-f", help="text, json, github (workflow commands) or sarif."),
    ] = Format.TEXT,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 on warnings too, not only errors.")
    ] = False,
    output: Annotated[
        str, typer.Option("--output", "-o", help="Write the report to a file; - is stdout.")
    ] = "-",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Check the term base: TOML syntax, fields and values, links between concepts, Chinese
    script, pinyin and stray characters.

    Each finding is one line: path:line, severity, rule code, concept and what to do.
    Exit 0 when there is no error, 1 when there is one (with --strict: any warning), 2 when the
    term base cannot be read.
    """
    from termbase.report import renderer
    from termbase.validation import validate as run

    with _bad_input():
        result = run(paths or None)
        _write(renderer(fmt)(result.findings), output)
    if not quiet:
        files = len(result.termbase.files)
        concepts = len(result.termbase.concepts)
        _err(
            f"{_count(result.errors, 'error')}, {_count(result.warnings, 'warning')} "
            f"in {_count(concepts, 'concept')} from {_count(files, 'file')}"
        )
    if result.errors or (strict and result.warnings):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("rules")
def list_rules() -> None:
    """List every validation rule: code, name, default severity and what it catches."""
    from termbase.rules import RULES

    for r in RULES.values():
        typer.echo(f"{r.code}  {r.name:<28} {r.severity.value:<8} {r.summary}")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def main() -> None:
    app()
