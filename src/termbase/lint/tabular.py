"""Bilingual CSV and TSV: a source and a target column, by header name or by position."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from termbase.langtags import canonical_tag
from termbase.lint.segment import (
    InputError,
    InputFormat,
    ReadOptions,
    Segment,
    UsageError,
    han_share,
    iter_lines,
    quick_segment,
)

_SOURCE_NAMES = ("source", "src", "source text", "原文")
_THREE_LETTER = frozenset({"yue", "cmn", "lzh", "zho", "chi", "eng", "fil", "haw"})
_TARGET_NAMES = ("target", "tgt", "target text", "translation", "译文")
_SAMPLE = 200  # segments whose text tells whether the columns' languages are right


def read(path: Path, fmt: object, options: ReadOptions) -> list[Segment]:
    return list(iter_read(path, fmt, options))


def iter_read(path: Path, fmt: object, options: ReadOptions) -> Iterator[Segment]:
    """The file's segments, row by row: the columns by header or position, a row whose width
    differs from the first row's an InputError, the columns' languages checked on the first 200
    segments before any is given out."""
    lines = iter_lines(path)
    first = next(lines, None)
    if first is None:
        return
    delimiter = "\t" if fmt == InputFormat.TSV else _sniff(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    rows = _rows(path, fmt, reader)
    line, header = next(rows)
    src_col, tgt_col, has_header = _columns(path, header, options)
    src_lang, tgt_lang = options.source_lang, options.target_lang
    if has_header:
        src_lang = src_lang or _header_lang(header[src_col])
        tgt_lang = tgt_lang or _header_lang(header[tgt_col])
    else:
        rows = itertools.chain([(line, header)], rows)
    width = len(header)
    sample: list[Segment] = []
    for line, row in rows:
        if not any(map(str.strip, row)):
            continue
        if len(row) != width:
            raise InputError(
                path, line, f"ragged row: {len(row)} cells where the first row has {width}"
            )
        seg = quick_segment(
            path, line, str(line), row[tgt_col], row[src_col], src_lang, tgt_lang, ()
        )
        if sample is not None and len(sample) < _SAMPLE:
            sample.append(seg)
            continue
        if sample is not None:
            _check_languages(path, header if has_header else None, (src_col, tgt_col), sample)
            yield from sample
            sample = None  # type: ignore[assignment]
        yield seg
    if sample is not None:
        _check_languages(path, header if has_header else None, (src_col, tgt_col), sample)
        yield from sample


def _rows(path: Path, fmt: object, reader: Any) -> Iterator[tuple[int, list[str]]]:
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as e:
        raise InputError(path, reader.line_num, f"malformed {fmt}: {e}") from e


def _header_lang(cell: str) -> str | None:
    """A header cell that is a language tag (zh-Hans, en, zh_CN), else None."""
    tag = canonical_tag(cell.strip().replace("_", "-"))
    if tag is None:
        return None
    primary = tag.split("-")[0]
    # three letters alone are as likely a word (key, ref) as a language: only known ones
    if len(primary) == 2 or "-" in tag or primary.lower() in _THREE_LETTER:
        return tag
    return None


def _sniff(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _seen(header: list[str]) -> str:
    return ", ".join(repr(h) for h in header)


def _columns(path: Path, header: list[str], options: ReadOptions) -> tuple[int, int, bool]:
    names = [h.strip().lower() for h in header]
    if options.columns:
        cols = []
        for want in options.columns:
            if want.isdigit():
                cols.append(int(want) - 1)
            elif want.lower() in names:
                cols.append(names.index(want.lower()))
            else:
                raise UsageError(
                    path, 1, f"--columns: no column {want!r}; the header has {_seen(header)}"
                )
        if any(c >= len(header) or c < 0 for c in cols):
            raise UsageError(path, 1, f"--columns: the file has {len(header)} columns")
        # positions: the first row is still a header where its chosen cells name languages or
        # columns (zh-Hans, en, source, target), not a segment to check
        has_header = not all(w.isdigit() for w in options.columns) or all(
            _header_lang(names[c]) or names[c] in (*_SOURCE_NAMES, *_TARGET_NAMES) for c in cols
        )
        return cols[0], cols[1], has_header
    for i, name in enumerate(names):
        if name in _SOURCE_NAMES:
            j = next((k for k, n in enumerate(names) if n in _TARGET_NAMES), None)
            if j is not None:
                return i, j, True
    tags = [_header_lang(h) for h in header]
    tagged = [k for k, t in enumerate(tags) if t]
    if len(tagged) == 2:
        return tagged[0], tagged[1], True  # a header of language tags: key, zh-Hans, en
    if len(header) < 2:
        raise UsageError(path, 1, "a bilingual file needs two columns: source and target")
    if len(header) == 2 and _looks_like_text(header):
        return 0, 1, False  # no header: the first row is a segment
    raise UsageError(
        path,
        1,
        f"cannot tell the source and target columns from the first row ({_seen(header)}); "
        "name them with --columns SOURCE,TARGET (header names or 1-based positions), or give "
        "the columns headers such as source/target or language tags (zh-Hans, en)",
    )


def _looks_like_text(row: list[str]) -> bool:
    """A first row that is a segment rather than a header: Chinese on one side, other letters
    on the other (a header such as Chinese,English has no Chinese in it)."""
    shares = [han_share(cell) for cell in row]
    return (shares[0] > 0.3) != (shares[1] > 0.3)


def _check_languages(
    path: Path, header: list[str] | None, cols: tuple[int, int], segments: list[Segment]
) -> None:
    """A column whose text is not in its language (Han text in an "en" column, or none in a
    Chinese one) means the columns were mistaken: stop rather than check the wrong text."""
    sample = segments[:_SAMPLE]
    if not sample:
        return
    shares = {
        "source": han_share("".join(seg.source or "" for seg in sample)),
        "target": han_share("".join(seg.target for seg in sample)),
    }
    if sample[0].source_lang is None and shares["source"] < 0.1 and shares["target"] > 0.5:
        # nothing declared, and the target is the Chinese side: the base's Chinese terms would
        # be looked for in the other language's text and none found ("0 errors")
        raise UsageError(
            path,
            1,
            "the source column has no Chinese and the target column is mostly Chinese: the "
            "columns look reversed; name them with --columns SOURCE,TARGET"
            + (f" (the header has {_seen(header)})" if header else ""),
        )
    for side, col in (("source", cols[0]), ("target", cols[1])):
        lang = sample[0].source_lang if side == "source" else sample[0].target_lang
        if lang is None:
            if side == "source" or shares["source"] <= 0.3:
                continue
            lang = "en"  # what a Chinese source is checked against unless --target says
        chinese = lang.split("-")[0].lower() in ("zh", "yue", "lzh", "cmn")
        share = shares[side]
        texts = sample[0].source if side == "source" else sample[0].target
        if texts is None or (chinese and share > 0.1) or (not chinese and share < 0.5):
            continue
        name = repr(header[col]) if header else str(col + 1)
        what = "has no Chinese" if chinese else "is mostly Chinese"
        raise UsageError(
            path,
            1,
            f"the {side} column {name} is read as {lang} but its text {what}; "
            "name the columns with --columns SOURCE,TARGET and the languages with "
            "--source/--target" + (f" (the header has {_seen(header)})" if header else ""),
        )
