"""`termbase diff` and `termbase impact`: a change of the term base, as a pull request shows it."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from termbase.cli._app import TermbaseOption, app, bad_input, termbase_paths

DiffFormat = StrEnum("DiffFormat", [("TEXT", "text"), ("MARKDOWN", "markdown"), ("JSON", "json")])


FormatOption = Annotated[
    DiffFormat, typer.Option("--format", "-f", help="text, markdown (a PR comment) or json.")
]


FailOn = StrEnum("FailOn", [("NEW_ERRORS", "new-errors"), ("NEVER", "never")])


@app.command()
def diff(
    old: Annotated[
        str, typer.Argument(help="The earlier state: a git revision (main, HEAD~1) or a folder.")
    ],
    new: Annotated[
        str | None,
        typer.Argument(
            help="The later state (default: the files as they are now).", show_default=False
        ),
    ] = None,
    fmt: FormatOption = DiffFormat.TEXT,
    changelog: Annotated[
        bool,
        typer.Option("--changelog", help="A CHANGELOG entry: Added, Changed, Deprecated, Removed."),
    ] = False,
    termbase: TermbaseOption = None,
) -> None:
    """Show what changed in meaning between two states of the term base.

    Concepts added, removed and renamed, terms added and removed, status changes, pinyin,
    definitions, sources and notes; never the line noise of a layout change (`termbase fmt`).
    Git revisions are of the repository that holds the term base. Exit 0 (also with changes).
    """
    from termbase.base import store
    from termbase.evolution import history

    with bad_input():
        paths = termbase_paths(termbase)
        with history.state(old, paths) as before, history.state(new, paths) as after:
            changes = history.compare(store.load_termbase(before), store.load_termbase(after))
        if changelog:
            typer.echo(history.render_changelog(changes), nl=False)
        elif fmt is DiffFormat.MARKDOWN:
            title = f"Term base changes {old}..{new or 'working tree'}"
            typer.echo(history.render_markdown(changes, title), nl=False)
        elif fmt is DiffFormat.JSON:
            typer.echo(history.render_json(changes), nl=False)
        else:
            typer.echo(history.render_text(changes), nl=False)
            typer.echo(f"{len(changes)} change(s)", err=True)


@app.command()
def impact(
    args: Annotated[
        list[str],
        typer.Argument(
            help="REV1 [REV2] PATH...: the earlier state, the later one (a git revision; default: "
            "the files as they are now) and the translation files or folders to lint.",
            show_default=False,
        ),
    ],
    fmt: FormatOption = DiffFormat.TEXT,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="new-errors: exit 1 when the change adds error findings."),
    ] = FailOn.NEW_ERRORS,
    termbase: TermbaseOption = None,
) -> None:
    """Show which translations a change of the term base breaks or fixes.

    Lints the files against both states and reports the findings that appear and disappear,
    by concept, with the change that caused them; the files are read once. The lint settings
    are those `termbase lint` uses for the same files.
    """
    from termbase.errors import TermbaseError
    from termbase.evolution import history
    from termbase.finding import Severity
    from termbase.lint import collect
    from termbase.lint.segment import ReadOptions
    from termbase.lint.setup import resolve

    with bad_input():
        if len(args) < 2:
            raise TermbaseError("impact needs REV1 [REV2] and at least one translation file")
        old, rest = args[0], args[1:]
        new = None
        if len(rest) > 1 and not Path(rest[0]).exists():
            new, rest = rest[0], rest[1:]
        named = [Path(p) for p in rest]
        for p in named:
            if not p.exists():
                raise TermbaseError(f"{p}: no such file or folder")
        setup = resolve(termbase, None, named)
        files = collect(named, setup.settings)
        if not files:
            raise TermbaseError(f"no files to lint in {', '.join(map(str, named))}")
        paths = setup.termbase.paths if termbase is None else termbase_paths(termbase)
        with history.state(old, paths) as before, history.state(new, paths) as after:
            result = history.impact(before, after, files, setup.settings, ReadOptions())
        typer.echo(history.render_impact(result, fmt.value), nl=False)
        added_errors = [f for f in result.new if f.severity is Severity.ERROR]
        typer.echo(
            f"{len(result.new)} new finding(s) ({len(added_errors)} error(s)), "
            f"{len(result.fixed)} fixed",
            err=True,
        )
    if added_errors and fail_on is FailOn.NEW_ERRORS:
        raise typer.Exit(1)
