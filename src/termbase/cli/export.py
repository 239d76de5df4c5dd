"""`termbase export`: the term base in a format other tools read."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from termbase.cli._app import (
    OutputOption,
    StatusChoice,
    TermbaseOption,
    app,
    bad_input,
    complete_languages,
    editing,
    open_index,
    termbase_paths,
)
from termbase.formats import ExportFormat

ExportChoice = ExportFormat  # the enum only: --help imports no writer


PROFILES = (
    "deepl, omegat (tsv); google (csv/tsv); google-sets, amazon, lokalise, weblate (csv); "
    "memoq, crowdin (csv/xlsx); trados (xlsx/csv); phrase (xlsx)"
)
PROFILE_NAMES = (
    *("deepl", "omegat", "google", "google-sets", "amazon", "lokalise", "weblate", "memoq"),
    *("crowdin", "trados", "phrase"),
)


def _complete_profiles(incomplete: str) -> list[str]:
    return [p for p in PROFILE_NAMES if p.startswith(incomplete)]


PROFILE_HELP = (
    f"csv/tsv/xlsx: the tool's layout: {PROFILES}. weblate writes one file for each target "
    "language: give -o a folder."
)


@app.command()
def export(
    fmt: Annotated[
        ExportChoice,
        typer.Option(
            "--format",
            "-f",
            help="html: a glossary page; tbx: TBX-Basic v3 (ISO 30042:2019) for CAT tools; "
            "tbx2: TBX-Basic v2 (martif) for OmegaT, Weblate, older MultiTerm; "
            "json: the whole model, for scripts; csv, tsv, xlsx: a tool's glossary layout, with "
            "--profile; textlint, prh, vale (-o FOLDER/): the English renderings not to use, for "
            "those writing tools.",
        ),
    ],
    output: OutputOption = "-",
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
        typer.Option(
            "--lang",
            "-l",
            help="Only terms in this language.",
            show_default=False,
            autocompletion=complete_languages,
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The page's title.")] = None,
    profile: Annotated[
        str | None,
        typer.Option("--profile", help=PROFILE_HELP, autocompletion=_complete_profiles),
    ] = None,
    fallback: Annotated[
        bool,
        typer.Option(
            "--fallback/--no-fallback",
            help="A regional language (zh-TW, zh-HK) falls back, concept by concept, to zh-Hant "
            "where the concept has no regional term (zh-CN, zh-SG to zh-Hans).",
        ),
    ] = True,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="csv/tsv/xlsx: source language (default: the term base's; --lang zh-Hant "
            "--lang en makes a Traditional file).",
        ),
    ] = None,
    target: Annotated[
        str | None, typer.Option("--target", help="csv/tsv/xlsx: target language (default: en).")
    ] = None,
    termbase: TermbaseOption = None,
) -> None:
    """Export the term base. html: one self-contained page (no network requests, works from
    file://) with every concept as a card and a search box that matches like `termbase
    lookup`; open it in a browser or host it anywhere. tbx: TBX-Basic v3 (DCA style), valid
    against the official RELAX NG schema, for CAT tools. csv/tsv/xlsx --profile TOOL: the
    layout, language codes and limits of that tool; values the tool would refuse stop the
    export with the concept named, and nothing is written."""
    from termbase.base import atomic
    from termbase.errors import TermbaseError
    from termbase.exchange import (
        BINARY,
        ExportFormat,
        ExportOptions,
        export_binary,
        export_chunks,
        export_files,
    )
    from termbase.model import Status

    with bad_input():
        # from the look-up index's copy of the base (kept between runs), not a parse of the TOML
        tb = open_index(termbase_paths(termbase), use_cache=True).termbase()
        options = ExportOptions(
            tuple(subject or ()),
            tuple(Status(s.value) for s in status or ()),
            tuple(lang or ()),
            title,
            profile,
            source,
            target,
            fallback=fallback,
        )
        kind = ExportFormat(fmt.value)
        if kind in (ExportFormat.CSV, ExportFormat.TSV, ExportFormat.XLSX) and profile:
            import dataclasses

            from termbase.exchange import delimited, select

            asked = dataclasses.replace(options, format=kind.value)
            note = delimited.banned_note(select(tb, asked), asked)
            if note:
                typer.echo(f"termbase: note: {note}", err=True)
        if output != "-" and (Path(output).is_dir() or output.endswith("/")):
            folder = Path(output)
            files = export_files(tb, kind, options)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise TermbaseError(f"{folder}: cannot make the folder: {e.strerror or e}") from e
            for name, text in files:
                written = folder / name  # names are the module's own: never absolute, never ..
                written.parent.mkdir(parents=True, exist_ok=True)
                atomic.write_atomic(written, text)
                typer.echo(f"wrote {written}", err=True)
            return
        if kind in BINARY:
            data = export_binary(tb, kind, options)
            if output == "-":
                import sys

                if sys.stdout.isatty():
                    raise TermbaseError(f"{kind.value} is a binary file: give -o FILE")
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            else:
                atomic.write_atomic_bytes(Path(output), data)
            return
        from termbase.cli._progress import progress

        pieces = progress(export_chunks(tb, kind, options), len(tb.concepts) + 2, "exporting")
        if output == "-":
            import sys

            for piece in pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
        else:
            with atomic.atomic_writer(Path(output)) as f:
                for piece in pieces:
                    f.write(piece)


ImportChoice = StrEnum(
    "ImportChoice",
    [("TBX", "tbx"), ("TBX2", "tbx2"), ("CSV", "csv"), ("TSV", "tsv"), ("XLSX", "xlsx")],
)


SUFFIXES = {".tbx": "tbx", ".csv": "csv", ".tsv": "tsv", ".txt": "tsv", ".xlsx": "xlsx"}


@app.command("import")
def import_command(
    file: Annotated[
        Path, typer.Argument(help="A TBX file (v3 or v2), or a CSV/TSV/XLSX glossary.")
    ],
    fmt: Annotated[
        ImportChoice | None,
        typer.Option(
            "--format", "-f", help="tbx, tbx2, csv, tsv or xlsx (default: from the file's suffix)."
        ),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            help=f"csv/tsv/xlsx: the tool that wrote the file: {PROFILES}.",
            autocompletion=_complete_profiles,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", help="csv/tsv/xlsx: the file's source language (default: the term base's)."
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            help="csv/tsv/xlsx: the file's target language (default: en, "
            "or the file's name for weblate).",
        ),
    ] = None,
    into: Annotated[
        Path | None, typer.Option("--into", help="The term-base file new concepts go to.")
    ] = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Change concepts that already exist (TBX: replace them; a glossary: add its "
            "terms and statuses to them).",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Show the change as a diff; write nothing.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="TBX: refuse a file that breaks TBX-Basic's rules (data categories, their "
            "levels, picklists); without it the import says how many problems it has.",
        ),
    ] = False,
    termbase: TermbaseOption = None,
) -> None:
    """Import a TBX file or another tool's glossary. Concepts are matched by id (TBX, or a
    glossary's concept id column) or by their source term; new ones are appended (to --into),
    existing ones that the file would change are listed as conflicts unless --update. Written
    through the same atomic, comment-keeping store as the editing commands; run `termbase
    validate` (and `termbase fill` for pinyin and Traditional forms) afterwards."""
    import sys

    from termbase import edit
    from termbase.errors import TermbaseError

    with bad_input():  # the file first: one that cannot be read makes no term base folder
        from termbase.base.files import regular_file

        # a FIFO would hang, /dev/zero never end: regular files only
        regular_file(file, "termbase imports regular files")
        kind = fmt.value if fmt else SUFFIXES.get(file.suffix.casefold())
        if kind is None:
            raise TermbaseError(f"{file}: cannot tell the format from the suffix: give --format")
        read_tbx = None
        if kind in ("tbx", "tbx2"):
            from termbase.exchange import tbx_read

            read_tbx = tbx_read.read_file(file)
            _say_what_tbx_breaks(file, read_tbx.problems, strict)
    with editing(_import_base(termbase, into)) as paths:
        sources = None
        new_base = None
        current = None
        dropped: dict[str, int] = {}
        if read_tbx is not None:
            concepts, dropped = read_tbx.concepts, read_tbx.dropped
            sources = read_tbx.sources
            new_base = edit.NewBase(read_tbx.title, read_tbx.languages)
            unchanged = 0
        else:
            from termbase.base import store
            from termbase.exchange import tabular, tabular_read

            if profile is None:
                raise TermbaseError(
                    f"--format {kind} needs --profile: {', '.join(tabular.PROFILES)}"
                )
            p = tabular.profile(profile)
            tb = store.load_termbase(paths, allow_empty=True)
            langs = tabular.Languages(
                source or tb.settings.source_language,
                target or tabular_read.language_of(file, p) or "en",
            )
            read = tabular_read.read(file, kind, p, langs)
            resolved = tabular_read.resolve(read, tb, langs.source, full_status=p.full_status)
            concepts, unchanged = resolved.concepts, resolved.unchanged
            current = tb.concepts
        result = edit.import_concepts(
            paths,
            concepts,
            into,
            update=update,
            unchanged=unchanged,
            sources=sources,
            new_base=new_base,
            current=current,
        )
        if dry_run:
            sys.stdout.write(result.diff())
        else:
            for path in result.write():
                typer.echo(f"changed {path}", err=True)
        for note in result.notes:
            typer.echo(note, err=True)
        if dropped:
            left = "; ".join(f"{what} x{n}" for what, n in dropped.items())
            typer.echo(f"{file}: not kept (the format has no field for them): {left}", err=True)


def _say_what_tbx_breaks(file: Path, problems: tuple[str, ...], strict: bool) -> None:
    """A TBX file that breaks TBX-Basic's rules: refused under --strict, else said."""
    from termbase.errors import TermbaseError

    if not problems:
        return
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    if strict:
        raise TermbaseError(f"{problems[0]}{more}; --strict: nothing was imported")
    typer.echo(
        f"{file}: {len(problems)} problem(s) against TBX-Basic, imported anyway; the first: "
        f"{problems[0]}; --strict refuses such a file",
        err=True,
    )


def _import_base(given: list[Path] | None, into: Path | None) -> list[Path] | None:
    """The term base an import goes to: the one given (-t, $TERMBASE, settings, ./terms), or,
    where none of those holds the --into file, the --into file's folder (made if need be): an
    import into terms/all.toml in an empty folder makes a term base there, never a change to
    the bundled one."""
    import os

    from termbase.cli._app import termbase_paths
    from termbase.errors import TermbaseError

    if given or into is None:
        return given
    if os.environ.get("TERMBASE"):
        return None
    try:
        chosen = termbase_paths(None)
    except TermbaseError:
        chosen = []
    target = into.resolve()
    for p in chosen:
        root = p.resolve()
        if target == root or root in target.parents:
            return None
    try:
        into.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise TermbaseError(f"{into.parent}: cannot make the folder: {e.strerror or e}") from e
    return [into.parent]
