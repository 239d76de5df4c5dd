"""`termbase add`, `set`, `rm`, `mv`, `fill` and `fmt`: changing the term base safely."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from termbase.cli._app import (
    EXIT_FINDINGS,
    ConceptId,
    StatusChoice,
    TermbaseOption,
    app,
    complete_languages,
    editing,
    err,
)

if TYPE_CHECKING:
    from termbase.edit import Edit

DryRun = Annotated[
    bool, typer.Option("--dry-run", "-n", help="Show the change as a diff and write nothing.")
]


def _finish(edit: "Edit", dry_run: bool) -> None:
    """Show or write the change, and say which files changed (on stderr)."""
    if dry_run:
        sys.stdout.write(edit.diff())
        for note in edit.notes:
            err(note)
        err("dry run: nothing written")
        return
    written = edit.write()
    for note in edit.notes:
        err(note)
    for path in written:
        err(f"changed {path}")
    if not written:
        err("nothing to change")


def _split(pair: str, option: str) -> tuple[str, str]:
    lang, sep, text = pair.partition("=")
    if not sep or not lang or not text:
        raise typer.BadParameter(f"{pair!r}: write LANG=TEXT", param_hint=option)
    return lang.strip(), text


@app.command()
def add(
    concept_id: Annotated[str, typer.Argument(metavar="ID", help="A new concept id (a slug).")],
    term: Annotated[
        list[str] | None,
        typer.Option("--term", help="A term as LANG=TEXT; repeat for more.", show_default=False),
    ] = None,
    status: Annotated[StatusChoice, typer.Option("--status", help="Status of the terms.")] = (
        StatusChoice.PREFERRED
    ),
    definition: Annotated[
        list[str] | None,
        typer.Option("--definition", help="LANG=TEXT, or TEXT for English.", show_default=False),
    ] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="Subject field.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note for translators.")] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="A source id from termbase.toml.", show_default=False),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="The file to add to (needed if several).")
    ] = None,
    no_fill: Annotated[
        bool, typer.Option("--no-fill", help="Do not fill in pinyin and the Traditional form.")
    ] = False,
    dry_run: DryRun = False,
    termbase: TermbaseOption = None,
) -> None:
    """Add a concept. Pinyin and the Traditional form are filled in (marked origin = "machine"
    for review) unless given. The new concept is validated first: if it would add an error,
    nothing is written and the exit code is 1. On a terminal, asks for what is missing."""
    from termbase import edit
    from termbase.model import Status, Term

    terms = [_split(t, "--term") for t in term or []]
    defs = dict(_split(d, "--definition") if "=" in d[:12] else ("en", d) for d in definition or [])
    if sys.stdin.isatty():
        if not any(lang == "en" for lang, _ in terms):
            answer = typer.prompt("English term (empty to skip)", default="", show_default=False)
            if answer:
                terms.append(("en", answer))
        if not defs:
            answer = typer.prompt(
                "Definition in English (empty to skip)", default="", show_default=False
            )
            if answer:
                defs["en"] = answer
    with editing(termbase) as paths:
        made = [Term(lang, text, Status(status.value)) for lang, text in terms]
        languages = _languages(paths)
        result = edit.add(
            paths,
            concept_id,
            made,
            subject=subject,
            definition=defs,
            note=note,
            sources=source or [],
            file=file,
            fill=not no_fill,
            languages=languages,
        )
        _finish(result, dry_run)


def _languages(paths: list[Path]) -> list[str]:
    from termbase.base.files import discover
    from termbase.base.store import read_file

    for f in discover(paths):
        if f.name == "termbase.toml":
            part = read_file(f)
            if part.settings is not None:
                return list(part.settings.languages)
    return []


TermSelect = Annotated[
    str | None, typer.Option("--term", help="With --lang: the term to act on (its text).")
]
LangSelect = Annotated[
    str | None,
    typer.Option("--lang", help="With --term: its language.", autocompletion=complete_languages),
]


@app.command("set")
def set_command(
    concept_id: ConceptId,
    field: Annotated[
        str,
        typer.Argument(
            help="A concept field (subject, note, definition.en, see-also, replaced-by, "
            "sources) or, with --lang and --term, a term field (status, pinyin, usage-note, ...)."
        ),
    ],
    value: Annotated[str, typer.Argument(help="The new value; lists are comma-separated.")],
    lang: LangSelect = None,
    term: TermSelect = None,
    dry_run: DryRun = False,
    termbase: TermbaseOption = None,
) -> None:
    """Change one field of a concept or of one of its terms. Only that file is read and
    rewritten; everything else in it, comments included, stays as it is."""
    from termbase import edit

    with editing(termbase) as paths:
        result = edit.set_field(paths, concept_id, field, value, lang=lang, term=term)
        _finish(result, dry_run)


@app.command("rm")
def rm_command(
    concept_id: ConceptId,
    lang: LangSelect = None,
    term: TermSelect = None,
    field: Annotated[
        str | None, typer.Option("--field", help="Remove this field instead (note, definition.en).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Remove a concept even if others still name it.")
    ] = False,
    dry_run: DryRun = False,
    termbase: TermbaseOption = None,
) -> None:
    """Remove a concept, one of its terms (--lang and --term) or a field (--field). A concept
    that other concepts name in see-also or replaced-by stays unless --force."""
    from termbase import edit

    with editing(termbase) as paths:
        result = edit.remove(
            paths,
            concept_id,
            lang=lang,
            term=term,
            field_name=field,
            force=force,
        )
        _finish(result, dry_run)


@app.command("mv")
def mv_command(
    concept_id: ConceptId,
    new_id: Annotated[str, typer.Argument(metavar="NEW_ID")],
    dry_run: DryRun = False,
    termbase: TermbaseOption = None,
) -> None:
    """Rename a concept and rewrite every see-also and replaced-by that names it."""
    from termbase import edit

    with editing(termbase) as paths:
        _finish(edit.move(paths, concept_id, new_id), dry_run)


Check = Annotated[
    bool, typer.Option("--check", help="Change nothing; exit 1 and list what would change.")
]


def _check(result: "Edit", what: str, *, notes: bool = True) -> None:
    """--check: list the files that would change (and with `notes`, how), write nothing."""
    changed = [c for c in result.changes if c.changed]
    for c in changed:
        typer.echo(f"{c.path}: {what}")
    for note in result.notes if notes else ():
        err(note)
    if changed:
        raise typer.Exit(EXIT_FINDINGS)


@app.command("fill")
def fill_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Term-base files or folders.", show_default=False)
    ] = None,
    check: Check = False,
    dry_run: DryRun = False,
    termbase: TermbaseOption = None,
) -> None:
    """Fill in missing zh-Hant terms (and zh-TW / zh-HK where termbase.toml lists them and
    they differ) and missing pinyin, marked origin = "machine" so that validate can list what
    a person still has to review. Never overwrites a value a person wrote."""
    from termbase import edit

    with editing([*(paths or []), *(termbase or [])] or None) as chosen:
        result = edit.fill(chosen, _languages(chosen))
        if check:
            _check(result, "would be filled")
            return
        _finish(result, dry_run)


@app.command("fmt")
def fmt_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Term-base files or folders.", show_default=False)
    ] = None,
    check: Check = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show what would change; write nothing.")
    ] = False,
    sort: Annotated[bool, typer.Option("--sort", help="Also order concepts by id.")] = False,
    termbase: TermbaseOption = None,
) -> None:
    """Give the files the canonical layout: key order, double quotes, one blank line between
    tables, comments kept with the line below them. --check for CI."""
    from termbase import edit

    with editing([*(paths or []), *(termbase or [])] or None) as chosen:
        result = edit.fmt(chosen, sort=sort)
        if check:
            _check(result, "not formatted", notes=False)  # its notes say "formatted"
            return
        _finish(result, diff)
