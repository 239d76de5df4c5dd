"""Pairs of files: a source and its translation, aligned by JSON key or by line/paragraph."""

from __future__ import annotations

import json
import re
from pathlib import Path

from termbase.catalog import finding
from termbase.finding import Finding
from termbase.lint import plain
from termbase.lint.segment import (
    EXTENSIONS,
    InputError,
    InputFormat,
    ReadOptions,
    Segment,
    read_text,
)


def read_pair(
    source: Path, target: Path, options: ReadOptions
) -> tuple[list[Segment], list[Finding]]:
    fmt = EXTENSIONS.get(target.suffix.lower(), InputFormat.TEXT)
    if fmt == InputFormat.JSON:
        return _json_pair(source, target, options), []
    src_units = plain.lines(source, fmt, options.align)
    tgt_units = plain.lines(target, fmt, options.align)
    problems: list[Finding] = []
    if len(src_units) != len(tgt_units):
        problems.append(
            finding(
                "LT002",
                target,
                0,
                f"{len(tgt_units)} {options.align}s here but {len(src_units)} in {source}; "
                "only the first ones that pair up are checked",
                hint="align by paragraph (--align paragraph) or make the files match",
            )
        )
    segments = []
    for (_, s_raw), (t_line, t_raw) in zip(src_units, tgt_units, strict=False):
        s_text, s_notes = plain.without_comments(s_raw)
        t_text, t_notes = plain.without_comments(t_raw)
        segments.append(
            Segment(
                target,
                t_line,
                str(t_line),
                t_text,
                s_text,
                options.source_lang,
                options.target_lang,
                (*s_notes, *t_notes),
            )
        )
    return segments, problems


def _json_pair(source: Path, target: Path, options: ReadOptions) -> list[Segment]:
    src = dict(plain.flatten(_load(source)))
    tgt_text = read_text(target)
    tgt = plain.flatten(_load(target, tgt_text))
    out = []
    for key, value in tgt:
        if key in src:
            out.append(
                Segment(
                    target,
                    _line_of(tgt_text, key),
                    key,
                    value,
                    src[key],
                    options.source_lang,
                    options.target_lang,
                )
            )
    return out


def _load(path: Path, text: str | None = None) -> object:
    text = read_text(path) if text is None else text
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(path, e.lineno, f"invalid JSON: {e.msg}") from e


def _line_of(text: str, key: str) -> int:
    last = re.split(r"[.\[]", key)[-1].rstrip("]")
    at = text.find(f'"{last}"')
    return text.count("\n", 0, at) + 1 if at >= 0 else 0
