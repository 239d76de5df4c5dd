"""`termbase export`: the term base in a format other tools read."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from termbase.cli._app import (
    StatusChoice,
    TermbaseOption,
    app,
    bad_input,
    termbase_paths,
)


class ExportChoice(StrEnum):
    """A copy of termbase.exchange.ExportFormat, so that --help imports nothing heavy."""

    HTML = "html"
    TBX = "tbx"
    TBX2 = "tbx2"
    JSON = "json"
    CSV = "csv"
    TSV = "tsv"


@app.command()
def export(
    fmt: Annotated[
        ExportChoice,
        typer.Option(
            "--format",
            "-f",
            help="html: a glossary page; tbx: TBX-Basic v3 (ISO 30042:2019) for CAT tools; "
            "tbx2: TBX-Basic v2 (martif) for OmegaT, Weblate, older MultiTerm; "
            "json: the whole model, for scripts; csv, tsv: with --profile.",
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Write to this file (atomically); - is stdout.")
    ] = "-",
    subject: Annotated[
        list[str] | None,
        typer.Option("--subject", help="Only concepts of this subject.", show_default=False),
    ] = None,
    status: Annotated[
        list[StatusChoice] | None,
        typer.Option("--status", help="Only terms with this status.", show_default=False),
    ] = None,
    lang: Annotated[
        list[str] | None,
        typer.Option("--lang", "-l", help="Only terms in this language.", show_default=False),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The page's title.")] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            help="csv/tsv layout: deepl, omegat (tsv); google, amazon, memoq, lokalise (csv).",
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", help="csv/tsv: source language (zh-Hant for Traditional)."),
    ] = None,
    target: Annotated[
        str | None, typer.Option("--target", help="csv/tsv: target language.")
    ] = None,
    termbase: TermbaseOption = None,
) -> None:
    """Export the term base. html: one self-contained page (no network requests, works from
    file://) with every concept as a card and a search box that matches like `termbase
    lookup`; open it in a browser or host it anywhere. tbx: TBX-Basic v3 (DCA style), valid
    against the official RELAX NG schema, for CAT tools."""
    from termbase import store
    from termbase.exchange import ExportFormat, ExportOptions, export_chunks
    from termbase.model import Status

    with bad_input():
        tb = store.load(termbase_paths(termbase)).termbase
        options = ExportOptions(
            tuple(subject or ()),
            tuple(Status(s.value) for s in status or ()),
            tuple(lang or ()),
            title,
            profile,
            source,
            target,
        )
        pieces = export_chunks(tb, ExportFormat(fmt.value), options)
        if output == "-":
            import sys

            for piece in pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
        else:
            from termbase.store import atomic_writer

            with atomic_writer(Path(output)) as f:
                for piece in pieces:
                    f.write(piece)


class ImportChoice(StrEnum):
    TBX = "tbx"
    TBX2 = "tbx2"


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A TBX file (v3 or v2).")],
    fmt: Annotated[ImportChoice, typer.Option("--format", "-f", help="tbx or tbx2.")] = (
        ImportChoice.TBX
    ),
    into: Annotated[
        Path | None, typer.Option("--into", help="The term-base file new concepts go to.")
    ] = None,
    update: Annotated[
        bool, typer.Option("--update", help="Replace concepts whose id already exists.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show the change as a diff; write nothing.")
    ] = False,
    termbase: TermbaseOption = None,
) -> None:
    """Import a TBX file: new concepts are appended (to --into), existing ones are listed as
    conflicts unless --update. Written through the same atomic, comment-keeping store as the
    editing commands; run `termbase validate` afterwards."""
    import sys

    from termbase import edit
    from termbase.exchange import tbx_read

    with bad_input():
        concepts = tbx_read.read(file)
        result = edit.import_concepts(termbase_paths(termbase), concepts, into, update=update)
        if dry_run:
            sys.stdout.write(result.diff())
        else:
            for path in result.write():
                typer.echo(f"changed {path}", err=True)
        for note in result.notes:
            typer.echo(note, err=True)
