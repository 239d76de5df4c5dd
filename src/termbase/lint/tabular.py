"""Bilingual CSV and TSV: a source and a target column, by header name or by position."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from termbase.lint.segment import InputError, InputFormat, ReadOptions, Segment, read_text
from termbase.store import canonical_tag

_SOURCE_NAMES = ("source", "src", "source text", "原文")
_TARGET_NAMES = ("target", "tgt", "target text", "translation", "译文")


def read(path: Path, fmt: object, options: ReadOptions) -> list[Segment]:
    text = read_text(path)
    delimiter = "\t" if fmt == InputFormat.TSV else _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as e:
        raise InputError(path, reader.line_num, f"malformed {fmt}: {e}") from e
    if not rows:
        return []
    header = rows[0][1]
    src_col, tgt_col, has_header = _columns(path, header, options)
    src_lang = options.source_lang
    tgt_lang = options.target_lang
    if has_header:
        src_lang = src_lang or _header_lang(header[src_col])
        tgt_lang = tgt_lang or _header_lang(header[tgt_col])
        rows = rows[1:]
    width = len(header)
    out: list[Segment] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise InputError(
                path, line, f"ragged row: {len(row)} cells where the first row has {width}"
            )
        out.append(Segment(path, line, str(line), row[tgt_col], row[src_col], src_lang, tgt_lang))
    return out


def _header_lang(cell: str) -> str | None:
    """A header cell that is a language tag (zh-Hans, en, zh_CN), else None."""
    tag = canonical_tag(cell.strip().replace("_", "-"))
    if tag is None or not 2 <= len(tag.split("-")[0]) <= 3:
        return None
    return tag


def _sniff(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


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
                raise InputError(
                    path, 1, f"no column {want!r} (the header has {', '.join(header)})"
                )
        has_header = not all(w.isdigit() for w in options.columns)
        if any(c >= len(header) or c < 0 for c in cols):
            raise InputError(path, 1, f"the file has {len(header)} columns")
        return cols[0], cols[1], has_header
    for i, name in enumerate(names):
        if name in _SOURCE_NAMES:
            j = next((k for k, n in enumerate(names) if n in _TARGET_NAMES), None)
            if j is not None:
                return i, j, True
    tags = [canonical_tag(h.strip()) for h in header[:2]]
    if (
        len(header) >= 2
        and all(tags)
        and all(h.strip() == t for h, t in zip(header, tags, strict=False))
    ):
        return 0, 1, True  # a header of language tags: zh-Hans, en
    if len(header) < 2:
        raise InputError(path, 1, "a bilingual file needs two columns: source and target")
    return 0, 1, False
