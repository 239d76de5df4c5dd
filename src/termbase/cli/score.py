"""`termbase score`: how well MT or LLM output keeps its terms, per system and per term."""

import functools
import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from termbase.cli._app import PairsOption, TermbaseOption, TermSet, app, bad_input, open_index

ScoreInput = StrEnum(
    "ScoreInput",
    [
        ("WMT25", "wmt25"),
        ("WMT21", "wmt21"),
        ("CONSTRAINTS", "constraints"),
        ("TERMBASE", "termbase"),
    ],
)


Direction = StrEnum("Direction", [("ZHEN", "zhen"), ("ENZH", "enzh")])


@app.command()
def score(
    systems: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="SYSTEM...",
            help="The systems' outputs (WMT25 jsonl: one document a line; WMT21 SGML; with the "
            "term base: bilingual files, XLIFF, PO, TMX, CSV/TSV); the reference file itself "
            "may be one (the gold check).",
            show_default=False,
        ),
    ] = None,
    references: Annotated[
        Path | None,
        typer.Option("--references", help="wmt25: the reference file with the term constraints."),
    ] = None,
    source_file: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help="wmt21: the source SGML with its <term src tgt> annotations; with "
            "--constraints: the source text, a segment a line.",
        ),
    ] = None,
    constraints: Annotated[
        Path | None,
        typer.Option(
            "--constraints",
            help="WMT23 style: a JSON list of {SRC: term, TGT: rendering} a line, beside "
            "--source; the systems' outputs a segment a line; needs --direction.",
        ),
    ] = None,
    direction: Annotated[
        Direction | None,
        typer.Option("--direction", help="wmt25: zhen (Chinese to English) or enzh."),
    ] = None,
    fmt: Annotated[
        ScoreInput | None,
        typer.Option(
            "--format",
            help="wmt25 (track 2 jsonl, with --references); wmt21 (SGML, every annotated term "
            "required, with --source); termbase (the term base's concepts are the constraints, "
            "on bilingual files or --pair). Default: from the options given.",
            show_default=False,
        ),
    ] = None,
    pair: PairsOption = None,
    termbase: TermbaseOption = None,
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
    html_file: Annotated[
        Path | None,
        typer.Option(
            "--html",
            help="Also write the scores as one self-contained page: a bar for each system, "
            "every term's row in a table sorted by a click on its header.",
        ),
    ] = None,
) -> None:
    """Score how well MT or LLM output keeps the terms, per system and per term.

    Success rate over the required (document, term) pairs (the term in the source, a rendering
    in the reference), pairs missed, consistency within documents, and each term's own rate.
    Occurrences are exclusive (nested terms are not counted twice), English renderings match on
    word boundaries with their verb forms and without a leading article, tokenised Chinese as if
    untokenised. Exit 0 with the scores; 2 when a file cannot be read or does not match the
    references."""

    if fmt is None:
        fmt = (
            ScoreInput.WMT25
            if references
            else ScoreInput.CONSTRAINTS
            if constraints
            else ScoreInput.WMT21
            if source_file
            else ScoreInput.TERMBASE
        )
    with bad_input():
        if fmt is ScoreInput.TERMBASE:
            results = _termbase_scores(systems or [], pair or [], termbase)
        else:
            given = (references or constraints, source_file)
            results = _file_scores(fmt, systems or [], given, direction, terms, fold_script)
        if html_file is not None:
            from termbase.base.atomic import write_atomic
            from termbase.evolution.score_page import render

            write_atomic(html_file, render(results))
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


def _termbase_scores(files: list[Path], pairs: list[str], termbase: list[Path] | None) -> list[Any]:
    """Scores of bilingual files (and --pair files) with the term base as the constraints."""
    from termbase.cli.lint import _split_pair
    from termbase.errors import TermbaseError
    from termbase.evolution import score as scorer
    from termbase.lint import Linter, read_inputs
    from termbase.lint.segment import ReadOptions
    from termbase.lint.setup import resolve

    split = [_split_pair(p) for p in pairs]
    if not files and not split:
        raise TermbaseError("give bilingual files or --pair SOURCE:TARGET to score")
    setup = resolve(termbase, None, [*files, *(t for _, t in split)], None, None, [])
    linter = Linter.from_index(open_index(setup.termbase.paths, use_cache=True), setup.settings)
    inputs = read_inputs(files, ReadOptions(), pairs=split)
    for problem in inputs.problems:
        if problem.code == "LT001":
            raise TermbaseError(f"{problem.location}: {problem.message}")
    results = scorer.termbase_scores(linter, inputs.segments)
    if not results:
        named = ", ".join(map(str, [*files, *(t for _, t in split)]))
        raise TermbaseError(f"{named}: no segment with a source and a translation to score")
    return results


def _file_scores(
    fmt: ScoreInput,
    systems: list[Path],
    given: tuple[Path | None, Path | None],
    direction: Direction | None,
    terms: TermSet,
    fold_script: bool,
) -> list[Any]:
    """Scores of system files against a WMT reference or annotated source."""
    from termbase.errors import TermbaseError
    from termbase.evolution import score as scorer

    if not systems:
        raise TermbaseError("name the systems' output files to score")
    references, source_file = given
    outputs: Callable[[Path], list[str]]
    if fmt is ScoreInput.CONSTRAINTS:
        if references is None or source_file is None or direction is None:
            raise TermbaseError("--constraints needs --source and --direction")
        source, target = ("zh", "en") if direction is Direction.ZHEN else ("en", "zh")
        docs = scorer.read_constraints(references, source_file, source, target)
        outputs = functools.partial(scorer.read_lines, count=len(docs))
    elif fmt is ScoreInput.WMT21:
        if source_file is None:
            raise TermbaseError("--format wmt21 needs --source (the annotated source SGML)")
        ids, docs = scorer.read_wmt21(source_file)
        outputs = functools.partial(scorer.read_sgm_outputs, ids=ids)
    else:
        if references is None or direction is None:
            raise TermbaseError("--format wmt25 needs --references and --direction")
        source, target = ("zh", "en") if direction is Direction.ZHEN else ("en", "zh")
        docs = scorer.read_wmt25(references, source, target, terms.value)
        outputs = functools.partial(scorer.read_outputs, target=target, count=len(docs))
    reference = scorer.Reference(docs, fold_script=fold_script)  # read and matched once
    return [reference.score(str(path), outputs(path)) for path in systems]
