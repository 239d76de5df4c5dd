"""`termbase convert`: Simplified to Traditional and back, with the term base's own forms."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer

from termbase.cli._app import TermbaseOption, app, bad_input, err, open_index, termbase_paths

if TYPE_CHECKING:
    from termbase.chinese.convert import Format, Simplifier, TermAwareConverter


# The script to write (a copy of termbase.chinese.convert.Target: --help imports nothing).
Target = StrEnum(
    "Target",
    [("ZH_HANT", "zh-Hant"), ("ZH_TW", "zh-TW"), ("ZH_HK", "zh-HK"), ("ZH_HANS", "zh-Hans")],
)


# The script of Traditional input (a copy of termbase.chinese.convert's region tags).
Region = StrEnum(
    "Region", [("AUTO", "auto"), ("ZH_TW", "zh-TW"), ("ZH_HK", "zh-HK"), ("ZH_HANT", "zh-Hant")]
)


QuoteStyle = StrEnum("QuoteStyle", [("CJK", "cjk"), ("KEEP", "keep")])


ReportFormat = StrEnum("ReportFormat", [("TEXT", "text"), ("JSON", "json")])


FormatChoice = StrEnum(
    "FormatChoice",
    [("AUTO", "auto"), ("TEXT", "text"), ("PO", "po"), ("XLIFF", "xliff"), ("JSON", "json")],
)


CONFIG_NAMES = (
    *("s2t", "s2tw", "s2twp", "s2hk", "s2hkp", "t2s"),
    *("tw2s", "tw2sp", "hk2s", "hk2sp", "t2tw", "t2hk"),
)


@app.command()
def convert(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Files to convert; none or - reads stdin.", show_default=False),
    ] = None,
    to: Annotated[
        Target | None,
        typer.Option(
            "--to",
            help="The script to write: zh-Hant (OpenCC s2t), zh-TW (s2twp, with Taiwan "
            "phrases), zh-HK (s2hkp, with Hong Kong phrases) or zh-Hans (tw2sp or hk2sp, by "
            "--from). Default: zh-Hant.",
            show_default=False,
        ),
    ] = None,
    region: Annotated[
        Region,
        typer.Option(
            "--from",
            help="--to zh-Hans: the region of the Traditional input, whose phrases are read "
            "back (zh-TW: 軟體 -> 软件; zh-HK; zh-Hant: characters only). auto: Hong Kong where "
            "a text has more of Hong Kong's marks (裏, 綫, 本港) than of Taiwan's, else Taiwan.",
        ),
    ] = Region.AUTO,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            help=f"An OpenCC configuration instead of --to: {', '.join(CONFIG_NAMES)}.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically); - is stdout."),
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", "-i", help="Replace each file with its conversion.")
    ] = False,
    no_terms: Annotated[
        bool, typer.Option("--no-terms", help="Plain OpenCC (and corrections), no term forms.")
    ] = False,
    no_corrections: Annotated[
        bool, typer.Option("--no-corrections", help="Leave out termbase's correction table.")
    ] = False,
    quotes: Annotated[
        QuoteStyle,
        typer.Option(
            "--quotes",
            help="cjk writes the marks the target's readers use: for zh-TW and zh-HK “” and ‘’ "
            "around Chinese text become 「」 and 『』, for zh-Hans 「」 and 『』 become “” and ‘’; "
            "keep leaves them.",
        ),
    ] = QuoteStyle.CJK,
    standard_forms: Annotated[
        bool,
        typer.Option(
            "--standard-forms",
            help="zh-Hant: OpenCC's standard forms (爲, 峯, 審覈, 羣) instead of those in common "
            "use in Taiwan and Hong Kong (為, 峰, 審核, 群). --config s2t always writes them.",
        ),
    ] = False,
    report: Annotated[
        ReportFormat | None,
        typer.Option(
            "--report", help="List the term forms and corrections applied, on stderr: text or json."
        ),
    ] = None,
    fmt: Annotated[
        FormatChoice,
        typer.Option(
            "--format",
            "-f",
            help="auto (by extension: .po, .xlf/.xliff, .json, else text), text, po, xliff "
            "or json. Structured files keep their structure: only translations are converted, "
            "never ids, keys, tags or placeholders.",
        ),
    ] = FormatChoice.AUTO,
    encoding: Annotated[
        str, typer.Option("--encoding", help="The encoding of the input files.")
    ] = "utf-8",
    termbase: TermbaseOption = None,
) -> None:
    """Convert Chinese text between Simplified and Traditional (Taiwan, Hong Kong) script.

    Where the text holds a term of the term base, the term base's own form in the target
    script wins over OpenCC (人工智能 becomes 人工智慧 for zh-TW if the term base says so);
    known errors in OpenCC's dictionaries are corrected. Plain text streams line by line, so
    files of any size take little memory. Nothing is written if an input cannot be read.
    """
    import codecs

    from termbase.chinese.convert import (
        READER_OF_REGION,
        Simplifier,
        TermAwareConverter,
        config_for,
        report_json,
        report_lines,
    )

    if config is not None and config not in CONFIG_NAMES:
        raise typer.BadParameter(
            f"{config!r} is not one of {', '.join(CONFIG_NAMES)}", param_hint="--config"
        )
    if config is not None and to is not None:
        raise typer.BadParameter("give --to or --config, not both", param_hint="--config")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise typer.BadParameter(
            f"unknown encoding {encoding!r}", param_hint="--encoding"
        ) from None
    inputs = [f for f in (files or []) if str(f) != "-"]
    reads_stdin = not files or any(str(f) == "-" for f in files)
    if in_place and (output is not None or reads_stdin):
        raise typer.BadParameter("--in-place needs files and no --output", param_hint="--in-place")
    from termbase.chinese.convert import Target as LibTarget

    chosen = config_for(LibTarget(to.value) if to else None, config)
    with bad_input():
        # from the look-up index's copy of the base (kept between runs): a fifth of the TOML
        tb = None if no_terms else open_index(termbase_paths(termbase), use_cache=True).termbase()
        options = {
            "use_corrections": not no_corrections,
            "quotes": quotes is not QuoteStyle.KEEP,
            "common_forms": not standard_forms and config is None,
        }
        conv: TermAwareConverter | Simplifier
        if to is Target.ZH_HANS and region is Region.AUTO:
            conv = Simplifier(tb, **options)
        elif to is Target.ZH_HANS:
            conv = TermAwareConverter(READER_OF_REGION[region.value], tb, **options)
        else:
            conv = TermAwareConverter(chosen, tb, **options)
        job = _Job(conv, fmt, encoding)
        for path in inputs:
            _check_readable(path, encoding)
        if in_place:
            for path in inputs:
                job.all_to(path, [path], reads_stdin=False)
        elif output is not None and str(output) != "-":
            job.all_to(output, inputs, reads_stdin)
        else:
            job.all(inputs, reads_stdin, sys.stdout)
    if report is ReportFormat.JSON:
        err(report_json(conv.applied()))
    elif report is ReportFormat.TEXT:
        for line in report_lines(conv.applied()) or ["no term forms or corrections applied"]:
            err(line)


def _check_readable(path: Path, encoding: str) -> None:
    """Fail before anything is written: the file exists, is a regular file (a FIFO would be
    read twice, /dev/zero never end) and decodes."""
    from termbase.base.files import regular_file
    from termbase.chinese.convert import iter_text
    from termbase.errors import TermbaseError

    regular_file(path, "termbase converts regular files (or - for standard input)")
    try:
        with path.open("rb") as f:
            for _ in iter_text(f, str(path), encoding):
                pass
    except OSError as e:
        raise TermbaseError(f"{path}: cannot read: {e.strerror or e}") from e


class _Job:
    """One conversion run: the converter, the format choice and the input encoding."""

    def __init__(
        self, conv: "TermAwareConverter | Simplifier", fmt: "FormatChoice", encoding: str
    ) -> None:
        self.conv = conv
        self.fmt = fmt
        self.encoding = encoding

    def kind(self, path: Path | None) -> "Format":
        from termbase.chinese.convert import Format, detect_format

        return detect_format(path) if self.fmt is FormatChoice.AUTO else Format(self.fmt.value)

    def one(self, source: IO[bytes], name: str, path: Path | None, sink: IO[str]) -> None:
        from termbase.chinese.convert import (
            Format,
            Simplifier,
            convert_stream,
            convert_structured,
            iter_text,
            target_language,
        )
        from termbase.errors import TermbaseError

        kind = self.kind(path)
        if kind is Format.TEXT:
            convert_stream(source, sink.write, self.conv.convert, name, self.encoding)
            return
        text = "".join(iter_text(source, name, self.encoding))
        language = target_language(self.conv.config)
        # one region for a whole file read in segments
        conv = self.conv.pinned(text) if isinstance(self.conv, Simplifier) else self.conv
        try:
            sink.write(convert_structured(text, kind, conv.convert, language))
        except TermbaseError as e:
            raise TermbaseError(f"{name}: {e}") from e

    def all(self, inputs: list[Path], reads_stdin: bool, sink: IO[str]) -> None:
        if reads_stdin:
            self.one(sys.stdin.buffer, "<stdin>", None, sink)
        for path in inputs:
            with path.open("rb") as f:
                self.one(f, str(path), path, sink)
        sink.flush()

    def all_to(self, target: Path, inputs: list[Path], reads_stdin: bool) -> None:
        """Write to a temporary file beside `target`, then rename it: all or nothing."""
        from termbase.base.atomic import atomic_writer

        with atomic_writer(target) as sink:
            self.all(inputs, reads_stdin, sink)
