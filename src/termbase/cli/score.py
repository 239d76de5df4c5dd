"""`termbase score`: how well MT or LLM output keeps its terms, per system and per term."""

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from termbase.cli._app import app, bad_input


class ScoreInput(StrEnum):
    WMT25 = "wmt25"


class Direction(StrEnum):
    ZHEN = "zhen"
    ENZH = "enzh"


class TermSet(StrEnum):
    PROPER = "proper"
    RANDOM = "random"


@app.command()
def score(
    systems: Annotated[
        list[Path],
        typer.Argument(
            metavar="SYSTEM...",
            help="The systems' outputs (WMT25 jsonl: one document a line); the reference file "
            "itself may be one (the gold check).",
        ),
    ],
    references: Annotated[
        Path,
        typer.Option("--references", help="The reference file with the term constraints."),
    ],
    direction: Annotated[
        Direction, typer.Option("--direction", help="zhen: Chinese to English; enzh: back.")
    ],
    fmt: Annotated[
        ScoreInput, typer.Option("--format", help="The files' format: wmt25 (track 2 jsonl).")
    ] = ScoreInput.WMT25,
    terms: Annotated[
        TermSet, typer.Option("--terms", help="Which constraints: proper (reviewed) or random.")
    ] = TermSet.PROPER,
    fold_script: Annotated[
        bool,
        typer.Option(
            "--fold-script",
            help="Count a rendering in the other Chinese script (Simplified for Hong Kong "
            "Traditional) as found; by default it is missed, as the official metric has it.",
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON: every system, every term.")
    ] = False,
) -> None:
    """Score how well MT or LLM output keeps the terms, per system and per term.

    Success rate over the required (document, term) pairs (the term in the source, a rendering
    in the reference), pairs missed, consistency within documents, and each term's own rate.
    Occurrences are exclusive (nested terms are not counted twice), English renderings match on
    word boundaries with their verb forms and without a leading article, tokenised Chinese as if
    untokenised. Exit 0 with the scores; 2 when a file cannot be read or does not match the
    references."""
    from termbase.evolution import score as scorer

    source, target = ("zh", "en") if direction is Direction.ZHEN else ("en", "zh")
    with bad_input():
        docs = scorer.read_wmt25(references, source, target, terms.value)
        reference = scorer.Reference(docs, fold_script=fold_script)  # read and matched once
        results = [
            reference.score(str(path), scorer.read_outputs(path, target, len(docs)))
            for path in systems
        ]
    script = sum(r.script_misses for r in results)
    if script:
        typer.echo(
            f"{script} missed pair(s) have the rendering in the other Chinese script; "
            "--fold-script counts them",
            err=True,
        )
    if as_json:
        typer.echo(
            json.dumps({"systems": [r.as_dict() for r in results]}, ensure_ascii=False, indent=2)
        )
        return
    width = max(len(r.file) for r in results)
    typer.echo(f"{'system':<{width}}  success  required  missed  consistency")
    for r in results:
        cons = "-" if r.consistency is None else f"{r.consistency:.3f}"
        typer.echo(
            f"{r.file:<{width}}  {r.success_rate:7.3f}  {r.required:8d}  {r.missed:6d}  {cons:>11}"
        )
