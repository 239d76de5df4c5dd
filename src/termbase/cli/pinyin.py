"""`termbase pinyin`: pinyin for Chinese text, with the term base's own readings first."""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from termbase.cli._app import TermbaseOption, app, bad_input, termbase_paths


class Style(StrEnum):
    """A copy of termbase.pinyin.Style, so that --help imports nothing heavy."""

    MARKS = "marks"
    NUMBERS = "numbers"
    NONE = "none"
    INITIALS = "initials"


@app.command()
def pinyin(
    text: Annotated[str, typer.Argument(help="Chinese text, or - to read lines from stdin.")],
    style: Annotated[
        Style,
        typer.Option(
            "--style",
            "-s",
            help="marks (xiǎoyuàn, the default), numbers (xiao3yuan4), none (xiaoyuan) or "
            "initials (xy).",
        ),
    ] = Style.MARKS,
    syllables: Annotated[
        bool,
        typer.Option("--syllables", help="One syllable at a time instead of GB/T 16159 words."),
    ] = False,
    all_readings: Annotated[
        bool,
        typer.Option("--all", help="Also list every reading of each ambiguous character."),
    ] = False,
    no_terms: Annotated[
        bool, typer.Option("--no-terms", help="Do not use the term base's pinyin.")
    ] = False,
    termbase: TermbaseOption = None,
) -> None:
    """Write Chinese text in Hanyu pinyin.

    Terms of the term base come out as the term base writes them (GB/T 16159: words joined,
    Bó'áo, proper nouns capitalised); the rest from pypinyin with termbase's table of readings
    it gets wrong (长臂管辖 is cháng, 重塑 chóng). Traditional text is read through its
    Simplified form, so 重慶 is Chóngqìng.
    """
    from termbase import pinyin as py

    with bad_input():
        terms: dict[str, str] = {}
        if not no_terms:
            from termbase import store

            tb = store.load_termbase(termbase_paths(termbase))
            terms = py.term_readings(tb)
        lines = sys.stdin.read().splitlines() if text == "-" else [text]
        for line in lines:
            written = py.transliterate(
                line, py.Style(style.value), words=not syllables, terms=terms
            )
            typer.echo(written)
            if all_readings:
                for ch, readings in py.heteronyms(line):
                    typer.echo(f"  {ch}: {' '.join(readings)}")
