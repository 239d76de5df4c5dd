"""`termbase pinyin`: pinyin for Chinese text, with the term base's own readings first."""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from termbase.cli._app import TermbaseOption, app, bad_input, termbase_paths

# A copy of termbase.chinese.pinyin.Style, so that --help imports nothing heavy.
Style = StrEnum(
    "Style",
    [("MARKS", "marks"), ("NUMBERS", "numbers"), ("NONE", "none"), ("INITIALS", "initials")],
)


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
    sandhi: Annotated[
        bool,
        typer.Option(
            "--sandhi",
            help="Mark the spoken tones of 一 and 不 (yídìng, búshì); GB/T writes the original "
            "tones (yīdìng, bùshì), the default.",
        ),
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
    """Write Chinese text in Hanyu pinyin, after GB/T 16159-2012.

    Terms of the term base come out as the term base writes them; the rest word by word (a
    segmenter's words, so 和服务时 is hé fúwù shí, never héfú), with readings by part of speech
    (都 dōu, 以…为 wéi) and termbase's table of readings pypinyin gets wrong (长臂管辖 is cháng,
    重塑 chóng); proper nouns and sentence starts capitalised (Zhōngguó, Xí Jìnpíng); a verb and
    its 了/着/过 together; 2+2 idioms with a hyphen (bùkě-huòquē). Traditional text is read
    through its Simplified form, so 重慶 is Chóngqìng.
    """
    from termbase.chinese import pinyin as py
    from termbase.chinese import pinyin_text

    with bad_input():
        terms: dict[str, str] = {}
        if not no_terms:
            from termbase.base import store

            tb = store.load_termbase(termbase_paths(termbase))
            terms = py.term_readings(tb)
        lines = _stdin_lines() if text == "-" else [text]
        # a document (lines of sentences) has headings; a list of terms, one a line, does not
        prose = len(lines) > 1 and any(ch in "。！？；，" for line in lines for ch in line)
        for line in lines:
            written = pinyin_text.transliterate(
                line,
                py.Style(style.value),
                words_joined=not syllables,
                terms=terms,
                sandhi=sandhi,
                line_of_prose=prose,
            )
            typer.echo(written)
            if all_readings:
                for ch, readings in py.heteronyms(line):
                    typer.echo(f"  {ch}: {' '.join(readings)}")


def _stdin_lines() -> list[str]:
    """Standard input as lines of UTF-8 text; anything else is exit 2 with where it went wrong."""
    from termbase.errors import TermbaseError

    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError as e:
        raise TermbaseError(f"<stdin>: not valid UTF-8 at byte {e.start}") from None
