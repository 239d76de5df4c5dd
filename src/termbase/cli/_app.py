"""The `termbase` command: parses arguments, calls the library, prints what it returns.

Exit codes: 0 clean, 1 findings, 2 could not run. Data goes to stdout, diagnostics to stderr.
Heavy libraries (pypinyin, OpenCC) are imported inside the commands that need them.
"""

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from termbase import __version__
from termbase.errors import TermbaseError


def make_app() -> typer.Typer:
    """The Typer app with its settings and root options, but no commands yet."""
    new = typer.Typer(
        name="termbase",
        help="Keep a multilingual term base as TOML files in git: validate it, look terms up, "
        "lint translations against it.",
        no_args_is_help=True,
        # --install-completion / --show-completion for bash, zsh, fish and PowerShell
        add_completion=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help: rich's formatter costs more than typer's import
    )
    new.callback()(_root)
    return new


EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def err(message: str) -> None:
    typer.echo(message, err=True)


@contextmanager
def bad_input() -> Iterator[None]:
    """Bad input ends the command with its one-line message and exit code 2, not a traceback."""
    try:
        yield
    except TermbaseError as e:
        err(f"termbase: {e}")
        raise typer.Exit(e.exit_code) from None


@contextmanager
def editing(given: list[Path] | None) -> Iterator[list[Path]]:
    """The term base's paths, locked against other edits from reading to writing (see
    termbase.transaction); bad input ends the command with exit 2."""
    with bad_input():
        paths = termbase_paths(given)
        from termbase.base.files import bundled_path

        if not given and paths == [bundled_path()]:
            raise TermbaseError(
                f"{paths[0]}: no term base found here (no ./terms, no settings file naming "
                "one), and this is the copy installed with termbase; name the term base to "
                "edit with -t PATH (-t on this path edits the installed copy)"
            )
        from termbase.base.transaction import locked

        with locked(paths):
            yield paths


def open_index(paths: list[Path], use_cache: bool) -> Any:
    """The term base's look-up index; what it has to say about its cache (a damaged cache
    rebuilt) goes to stderr when the command ends."""
    import atexit

    from termbase.search.index import Index

    index = Index.open(paths, use_cache=use_cache)

    def report() -> None:
        for note in index.notes:
            err(f"termbase: note: {note}")

    atexit.register(report)
    return index


OutputOption = Annotated[
    str, typer.Option("--output", "-o", help="Write to this file (atomically); - is stdout.")
]
ReportOption = Annotated[
    str, typer.Option("--output", "-o", help="Write the report to a file; - is stdout.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")]


def write_output(text: str | Iterable[str], output: str) -> None:
    """Write `text` (or its pieces, one after the other) to stdout or, atomically, a file."""
    pieces = [text] if isinstance(text, str) else text
    if output == "-":
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
    else:
        from termbase.base.atomic import atomic_writer

        with atomic_writer(Path(output)) as f:
            for piece in pieces:
                f.write(piece)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"termbase {__version__}")
        raise typer.Exit


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Keep a multilingual term base as TOML files in git."""


app = make_app()


def count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def main() -> None:
    app()


def complete_concept_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of a concept id: the ids of the term base the command would use
    (its -t if given so far) that start with what is typed."""
    try:
        from termbase.search.index import Index

        given = ctx.params.get("termbase") or None
        index = Index.open(termbase_paths(given), use_cache=True)
        return [i for i in index.ids() if i.startswith(incomplete)][:200]
    except Exception:  # noqa: BLE001 - completion offers nothing rather than a traceback
        return []


# Offered after the term base's own languages
COMMON_TAGS = ("zh-Hans", "zh-Hant", "zh-TW", "zh-HK", "en", "en-GB", "en-US", "fr", "de", "es")


def complete_languages(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of a language tag: the term base's languages, then common tags."""
    try:
        from termbase.search.index import Index

        given = ctx.params.get("termbase") or None
        own = Index.open(termbase_paths(given), use_cache=True).languages()
    except Exception:  # noqa: BLE001 - completion offers the common tags rather than a traceback
        own = []
    tags = dict.fromkeys([*own, *COMMON_TAGS])
    return [t for t in tags if t.casefold().startswith(incomplete.casefold())]


def complete_rules(incomplete: str) -> list[str]:
    """Shell completion of a rule code (LT104, ...)."""
    from termbase.catalog import RULES

    return [code for code in RULES if code.casefold().startswith(incomplete.casefold())]


ConceptId = Annotated[
    str,
    typer.Argument(metavar="ID", help="The concept's id.", autocompletion=complete_concept_ids),
]


def termbase_paths(paths: list[Path] | None) -> list[Path]:
    """The paths given, or where commands look by default (see termbase.files)."""
    from termbase.base.config import default_paths

    return list(paths) if paths else default_paths()


TermbaseOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--termbase",
        "-t",
        help="The term base whose terms to use (files or folders; may be repeated). Default: "
        "$TERMBASE, ./terms, the folder of ./termbase.toml, else the bundled term base.",
        show_default=False,
    ),
]


# How two text files of a --pair align: line by line or paragraph by paragraph.
Align = StrEnum("Align", [("LINE", "line"), ("PARAGRAPH", "paragraph")])
# The WMT25 term lists: proper (reviewed) or random
TermSet = StrEnum("TermSet", [("PROPER", "proper"), ("RANDOM", "random")])


AlignOption = Annotated[Align, typer.Option("--align", help="How --pair text files align.")]
PairsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--pair",
        metavar="SOURCE:TARGET",
        help="A source file and its translation (JSON i18n files by key, text or Markdown by "
        "line or paragraph: --align), as SOURCE:TARGET. Repeat for more.",
        show_default=False,
    ),
]


# Term statuses as command-line choices (a copy of termbase.model.Status: --help imports no more).
StatusChoice = StrEnum(
    "StatusChoice",
    [
        ("PREFERRED", "preferred"),
        ("ADMITTED", "admitted"),
        ("DEPRECATED", "deprecated"),
        ("FORBIDDEN", "forbidden"),
    ],
)
