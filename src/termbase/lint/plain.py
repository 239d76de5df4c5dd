"""Monolingual text, Markdown and JSON: checked only for deprecated and forbidden renderings.

Markdown code blocks, inline code and HTML comments are skipped (an HTML comment may hold a
suppression: <!-- termbase-ignore: concept-id -- reason -->).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import compress, islice, repeat
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
    """`read`, a thousand lines at a time (JSON is read whole): the lines of a chunk with
    neither a fence nor a comment cut, numbered and kept (when not blank) in C, one call a
    segment; the others line by line."""
    if fmt == InputFormat.JSON:
        yield from read(path, fmt, options)
        return
    markdown = fmt == InputFormat.MARKDOWN
    in_fence = False
    lang = options.target_lang
    n = 0
    physical = iter_lines(path)
    while chunk := list(islice(physical, 1000)):
        text = "".join(chunk)
        # whole lines joined: cut as each line would be (a line ends in "\r" only where no
        # "\n" follows it, so no "\r\n" is made by the joining)
        lines = text.splitlines()
        if in_fence or (markdown and ("```" in text or "~~~" in text)) or "<!--" in text:
            for line in lines:
                n += 1
                if markdown and ("``" in line or "~~" in line) and _FENCE.match(line):
                    in_fence = not in_fence
                    continue
                if in_fence or not line.strip():
                    continue
                body, notes = without_comments(line) if "<!--" in line else (line, ())
                yield quick_segment(path, n, str(n), body, None, None, lang, notes)
            continue
        numbers = list(compress(range(n + 1, n + 1 + len(lines)), map(str.strip, lines)))
        n += len(lines)
        yield from map(
            quick_segment,
            repeat(path),
            numbers,
            map(str, numbers),
            compress(lines, map(str.strip, lines)),
            repeat(None),
            repeat(None),
            repeat(lang),
            repeat(()),
        )


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
