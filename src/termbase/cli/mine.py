"""`termbase mine`: candidate terms from new documents, for a terminologist to review."""

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from termbase.cli._app import (
    Align,
    AlignOption,
    PairsOption,
    TermbaseOption,
    app,
    bad_input,
    err,
    termbase_paths,
)

MineFormat = StrEnum("MineFormat", [("TEXT", "text"), ("JSON", "json"), ("TOML", "toml")])


@app.command()
def mine(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Chinese text or Markdown files, or bilingual files (XLIFF, PO, TMX, CSV, TSV) "
            "whose Chinese side is mined and whose English side suggests renderings.",
            show_default=False,
        ),
    ] = None,
    pair: PairsOption = None,
    align: AlignOption = Align.PARAGRAPH,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many candidates.")] = 50,
    min_count: Annotated[
        int,
        typer.Option(
            "--min-count",
            min=1,
            help="How often a word or a run of words must occur (a quoted phrase, a title, an "
            "enumeration or an idiom counts from its first use). 1 for a single short text.",
        ),
    ] = 2,
    fmt: Annotated[
        MineFormat,
        typer.Option(
            "--format",
            "-f",
            help='text; json; toml: concepts for review (origin = "machine", status admitted) '
            "to add to the term base.",
        ),
    ] = MineFormat.TEXT,
    termbase: TermbaseOption = None,
) -> None:
    """Find candidate terms in new documents: repeated words and set phrases not in the term base.

    Ranked by frequency, length, form (《titles》, “quotes”, enumerations with 、, idioms), how
    specialised the words are (the segmenter's dictionary frequencies filter general language)
    and how varied the text around them is, with up to three contexts each; with aligned
    English, the likeliest renderings (Dice over the aligned segments, which weighs in the
    rank). Exit 0 with candidates or without; 2 when the input holds no Chinese text.
    """
    from termbase import edit
    from termbase.base import store
    from termbase.cli.lint import _split_pair
    from termbase.errors import TermbaseError
    from termbase.evolution import mine as miner
    from termbase.evolution import mine_output
    from termbase.lint import read_inputs
    from termbase.lint.segment import ReadOptions

    with bad_input():
        if not paths and not pair:
            raise typer.BadParameter("give Chinese files to mine, or --pair", param_hint="PATHS")
        files: list[Path] = []
        for p in paths or []:
            if p.is_dir():
                raise TermbaseError(f"{p}: a folder; name the files to mine")
            if not p.is_file():
                raise TermbaseError(f"{p}: no such file")
            files.append(p)
        # read as English -> Chinese, so that each segment is located in the Chinese file
        pairs = [_split_pair(p)[::-1] for p in pair or []]
        miner.check_size([*files, *(f for two in pairs for f in two)])
        options = ReadOptions(align=align.value)
        inputs = read_inputs(files, options, pairs=pairs)
        for problem in inputs.problems:
            if problem.code == "LT001":  # a file that cannot be read
                raise TermbaseError(f"{problem.location}: {problem.message}")
            err(f"{problem.location}: {problem.message}")
        units = miner.units_from_segments(inputs.segments)
        if not units:
            named = ", ".join(str(p) for p in [*files, *(zh for _, zh in pairs)])
            raise TermbaseError(f"{named}: no Chinese text to mine")
        base = store.load_termbase(termbase_paths(termbase))
        known = [t.text for c in base.concepts for t in c.terms] + [
            f for c in base.concepts for t in c.terms for f in t.forms
        ]
        found = miner.mine(units, known, min_count=min_count, top=top)
        if fmt is MineFormat.JSON:
            typer.echo(json.dumps(mine_output.to_json(found), ensure_ascii=False, indent=2))
        elif fmt is MineFormat.TOML:
            concepts = mine_output.as_concepts(found, (c.id for c in base.concepts))
            header = (
                "# Candidate terms mined by `termbase mine`: machine-made, for review. Give each\n"
                "# a definition and English renderings, set the statuses, then move it into the\n"
                "# term base.\n"
            )
            typer.echo(header + "".join("\n" + edit.render_concept(c) for c in concepts), nl=False)
        else:
            typer.echo(mine_output.to_text(found), nl=False)
        err(f"{len(found)} candidate(s) from {len(units)} Chinese segment(s)")
