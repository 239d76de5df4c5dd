"""Monolingual text, Markdown and JSON: checked only for deprecated and forbidden renderings.

Markdown code blocks, inline code and HTML comments are skipped (an HTML comment may hold a
suppression: <!-- termbase-ignore: concept-id -- reason -->).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from termbase.lint.segment import (
    InputError,
    InputFormat,
    ReadOptions,
    Segment,
    iter_lines,
    quick_segment,
    read_text,
)

_FENCE = re.compile(r"^\s*(```|~~~)")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def read(path: Path, fmt: object, options: ReadOptions) -> list[Segment]:
    text = read_text(path)
    if fmt == InputFormat.JSON:
        return _json(path, text, options)
    markdown = fmt == InputFormat.MARKDOWN
    out: list[Segment] = []
    in_fence = False
    comments = "<!--" in text
    lang = options.target_lang
    for n, line in enumerate(text.splitlines(), 1):
        if markdown and _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line.strip():
            continue
        body, notes = without_comments(line) if comments else (line, ())
        out.append(Segment(path, n, str(n), body, None, None, lang, notes))
    return out


def iter_read(path: Path, fmt: object, options: ReadOptions) -> Iterator[Segment]:
    """`read`, line by line (JSON is read whole)."""
    if fmt == InputFormat.JSON:
        yield from read(path, fmt, options)
        return
    markdown = fmt == InputFormat.MARKDOWN
    in_fence = False
    lang = options.target_lang
    n = 0
    for physical in iter_lines(path):
        for line in physical.splitlines() or [""]:  # as str.splitlines cuts the whole text
            n += 1
            # a fence holds three backticks or tildes: most lines need no regex
            if markdown and ("``" in line or "~~" in line) and _FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence or not line.strip():
                continue
            body, notes = without_comments(line) if "<!--" in line else (line, ())
            yield quick_segment(path, n, str(n), body, None, None, lang, notes)


def without_comments(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with its HTML comments blanked out (offsets kept), and what they say: a
    suppression comment is never part of the text that is checked."""
    notes = tuple(m.group(1).strip() for m in _COMMENT.finditer(text))
    if not notes:
        return text, ()
    return _COMMENT.sub(lambda m: " " * len(m.group()), text), notes


def lines(path: Path, fmt: InputFormat, align: str) -> list[tuple[int, str]]:
    """A text or Markdown file as units for aligning with its translation: lines or paragraphs
    (code blocks left out). Comments stay in: `without_comments` takes them out."""
    text = read_text(path)
    units: list[tuple[int, str]] = []
    in_fence = False
    para: list[str] = []
    start = 0
    for n, line in enumerate(text.splitlines(), 1):
        if fmt == InputFormat.MARKDOWN and _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if align == "line":
            if line.strip():
                units.append((n, line))
            continue
        if line.strip():
            if not para:
                start = n
            para.append(line)
        elif para:
            units.append((start, " ".join(para)))
            para = []
    if para:
        units.append((start, " ".join(para)))
    return units


def _json(path: Path, text: str, options: ReadOptions) -> list[Segment]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(path, e.lineno, f"invalid JSON: {e.msg}") from e
    return [
        Segment(path, 0, key, value, None, None, options.target_lang)
        for key, value in flatten(data)
    ]


def flatten(data: object, prefix: str = "") -> list[tuple[str, str]]:
    """String values of a JSON i18n file with their dotted keys."""
    out: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for k, v in data.items():
            out.extend(flatten(v, f"{prefix}.{k}" if prefix else str(k)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.extend(flatten(v, f"{prefix}[{i}]"))
    elif isinstance(data, str):
        out.append((prefix, data))
    return out
