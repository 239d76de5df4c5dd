"""Segments: the units a linter checks, and how each input format turns into them."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from termbase.errors import TermbaseError
from termbase.formats import InputFormat as InputFormat  # noqa: PLC0414 (re-exported)


class InputError(TermbaseError):
    """A file that cannot be read as its format: becomes an LT001 finding, linting goes on."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        message = one_line(message)
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path = path
        self.line = line
        self.detail = message


class UsageError(TermbaseError):
    """An input that the options given cannot make sense of (an unknown format, a column that
    is not there, a header that names no language): linting stops with exit 2, because going on
    would check the wrong text and pass."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        message = one_line(message)
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


def one_line(message: str) -> str:
    """A parser's message (lxml's may span lines) as one line."""
    return (
        " ".join(message.split())
        if any(c in message for c in "\n\r\v\f\x85\u2028\u2029")
        else message
    )


@dataclass(frozen=True, slots=True)
class Segment:
    """A source text and its translation (or, in a monolingual file, a text alone)."""

    path: Path
    line: int
    id: str
    target: str
    source: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    notes: tuple[str, ...] = ()


# A Segment made without its __init__, each field set through its slot (as
# `finding.quick_finding`): a third of the time of the frozen dataclass's __init__, for the
# readers of line-based files, which make one a line; a test checks it equals `Segment(...)`.
_SLOTS = tuple(Segment.__dict__[name].__set__ for name in Segment.__slots__)
(_PATH, _LINE, _ID, _TARGET, _SOURCE, _SOURCE_LANG, _TARGET_LANG, _NOTES) = _SLOTS


def quick_segment(
    path: Path,
    line: int,
    id: str,
    target: str,
    source: str | None,
    source_lang: str | None,
    target_lang: str | None,
    notes: tuple[str, ...],
) -> Segment:
    """`Segment(...)` with every field given."""
    seg: Segment = object.__new__(Segment)
    _PATH(seg, path)
    _LINE(seg, line)
    _ID(seg, id)
    _TARGET(seg, target)
    _SOURCE(seg, source)
    _SOURCE_LANG(seg, source_lang)
    _TARGET_LANG(seg, target_lang)
    _NOTES(seg, notes)
    return seg


@dataclass(frozen=True, slots=True)
class ReadOptions:
    source_lang: str | None = None
    target_lang: str | None = None
    columns: tuple[str, str] | None = None  # CSV/TSV: source and target column (name or 1-based)
    align: str = "line"  # text pairs: line or paragraph


@dataclass(slots=True)
class Document:
    segments: list[Segment] = field(default_factory=list)


# One module per format, each with `read(path, options) -> list[Segment]`.
READERS: dict[InputFormat, str] = {
    InputFormat.XLIFF: "termbase.lint.xliff",
    InputFormat.PO: "termbase.lint.po",
    InputFormat.TMX: "termbase.lint.tmx",
    InputFormat.CSV: "termbase.lint.tabular",
    InputFormat.TSV: "termbase.lint.tabular",
    InputFormat.TEXT: "termbase.lint.plain",
    InputFormat.MARKDOWN: "termbase.lint.plain",
    InputFormat.JSON: "termbase.lint.plain",
}

EXTENSIONS = {
    ".xlf": InputFormat.XLIFF,
    ".xliff": InputFormat.XLIFF,
    ".sdlxliff": InputFormat.XLIFF,
    ".mqxliff": InputFormat.XLIFF,
    ".po": InputFormat.PO,
    ".pot": InputFormat.PO,
    ".tmx": InputFormat.TMX,
    ".csv": InputFormat.CSV,
    ".tsv": InputFormat.TSV,
    ".tab": InputFormat.TSV,
    ".txt": InputFormat.TEXT,
    ".text": InputFormat.TEXT,
    ".md": InputFormat.MARKDOWN,
    ".markdown": InputFormat.MARKDOWN,
    ".json": InputFormat.JSON,
}


def detect(path: Path, head: bytes) -> InputFormat | None:
    """The format by extension, else by the first bytes."""
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is not None:
        return fmt
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:400].lower()
    if b"<xliff" in text:
        return InputFormat.XLIFF
    if b"<tmx" in text:
        return InputFormat.TMX
    if text.startswith((b"msgid", b"#")) and b"msgid" in text:
        return InputFormat.PO
    return None


def read(path: Path, fmt: InputFormat, options: ReadOptions) -> list[Segment]:
    module = importlib.import_module(READERS[fmt])
    segments: list[Segment] = module.read(path, fmt, options)
    check_sides(path, segments)
    return segments


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def han_share(text: str) -> float:
    """The share of Han characters among the letters of `text`."""
    letters = sum(map(str.isalpha, text))  # counted in C: a sample is thousands of characters
    return len(_HAN.findall(text)) / letters if letters else 0.0


def check_sides(path: Path, segments: list[Segment], sample: int = 200) -> None:
    """`UsageError` when a bilingual file's text is in the other languages than it declares
    (a reversed XLIFF: source-language zh-Hans over English sources and Chinese targets): the
    term base's terms would be looked for in the wrong text and none found ("0 errors")."""
    pairs = [s for s in segments[:sample] if s.source]
    if not pairs:
        return
    source = han_share("".join(s.source or "" for s in pairs))
    target = han_share("".join(s.target for s in pairs))
    lang = pairs[0].source_lang
    from termbase.langtags import is_chinese, normalize_tag

    chinese = lang is None or is_chinese(normalize_tag(lang) or lang)
    if chinese and source < 0.1 and target > 0.5:
        if lang is None:
            raise UsageError(
                path,
                0,
                "the file names no source language, its source text has no Chinese and its "
                "target text is mostly Chinese: give the languages (for English into Chinese: "
                "--source en --target zh-Hans); nothing was checked",
            )
        raise UsageError(
            path,
            0,
            f"the file declares {lang} as its source, but its source text has no Chinese and "
            "its target text is mostly Chinese: the languages look reversed; nothing was checked",
        )
    if not chinese and source > 0.5 and target < 0.1:
        raise UsageError(
            path,
            0,
            f"the file declares {lang} as its source, but its source text is mostly Chinese "
            "and its target text has none: the languages look reversed; nothing was checked",
        )


def iter_read(path: Path, fmt: InputFormat, options: ReadOptions) -> Iterator[Segment]:
    """The file's segments as they are read: line by line for the formats whose reader can
    (CSV, TSV, text, Markdown), so that checking a large file takes memory for a batch of
    segments, not for the file; all at once for the others. Raises InputError as `read` does
    (for a streamed file, when the reader comes to the problem)."""
    module = importlib.import_module(READERS[fmt])
    streamed = getattr(module, "iter_read", None)
    if streamed is None:
        yield from read(path, fmt, options)
    else:
        yield from streamed(path, fmt, options)


def iter_lines(path: Path) -> Iterator[str]:
    """The file's lines with their endings as `read_text` would give the text: UTF-8, a BOM
    dropped, a decoding error the same InputError (line and byte offset)."""
    try:
        f = path.open(encoding="utf-8-sig", newline="")
    except OSError as e:
        raise InputError(path, 0, f"cannot read: {e.strerror or e}") from e
    with f:
        try:
            yield from f
        except UnicodeDecodeError:
            read_text(path)  # the error as the whole text gives it, with its line and offset
            raise


def read_text(path: Path) -> str:
    """A file's text: UTF-8 (a BOM is dropped); anything else is an InputError with the offset."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(path, 0, f"cannot read: {e.strerror or e}") from e
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise InputError(
            path,
            line,
            f"not valid UTF-8: byte 0x{raw[e.start : e.start + 1].hex()} at offset {e.start}",
        ) from e


# A finding carries its segment's texts; a longer segment (a whole file on one line) is cut
# to this many characters around the finding, so that a report grows with the findings, never
# with findings times the segment's length.
EXCERPT = 400


def excerpt(text: str | None, column: int) -> str | None:
    """The text, or, if longer than EXCERPT, the EXCERPT characters around `column` (1-based)
    with "…" where it was cut."""
    if text is None or len(text) <= EXCERPT:
        return text
    start = max(0, min(column - 1 - EXCERPT // 2, len(text) - EXCERPT))
    end = start + EXCERPT
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
