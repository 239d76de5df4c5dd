"""`termbase fmt`: the canonical layout (key order, double quotes, spacing), comments kept."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from termbase.base.store import CONCEPT_KEYS, TERM_KEYS
from termbase.edit.change import Edit, EditError, concept_files, read_change
from termbase.edit.layout import _KEY_LINE, _TABLE_LINE, _blocks

_CONCEPT_ORDER = CONCEPT_KEYS


def fmt(paths: Sequence[Path], *, sort: bool = False) -> Edit:
    """The canonical layout: key order, double quotes, `key = value`, one blank line between
    tables; comments kept with the line they stand above. `sort` orders concepts by id."""
    edit = Edit()
    from termbase.base import tomlread

    for f in concept_files(paths):
        change = read_change(f)
        try:
            tomlread.loads(change.old)
        except tomlread.TOMLDecodeError as e:
            line, col, what = tomlread.error_position(e)
            where = f"{f}:{line}:{col}" if line else str(f)
            raise EditError(f"{where}: invalid TOML: {what}; fix it before formatting") from e
        try:
            new = format_text(change.old, sort=sort)
        except EditError as e:
            raise EditError(f"{f}: {e}") from e
        except RecursionError:
            raise EditError(f"{f}: tables nested too deeply to format") from None
        if new != change.old:
            change.new = new
            edit.changes.append(change)
            edit.notes.append(f"formatted {f}")
    return edit


def format_text(text: str, *, sort: bool = False) -> str:
    """Canonical layout of one concept file's text (see `fmt`)."""
    from termbase.base import tomlread

    if not text.strip():
        return text
    blocks = _blocks(text)
    if sort:
        head = [b for b in blocks if b[0] is None]
        body = sorted((b for b in blocks if b[0] is not None), key=lambda b: str(b[0]))
        blocks = head + body
    out: list[str] = []
    for _, lines in blocks:
        out.append(_format_block(lines))
    result = "\n\n".join(b.strip("\n") for b in out if b.strip()) + "\n"
    if tomlread.loads(result) != tomlread.loads(text):
        raise EditError("fmt would change the data of this file; please report it")
    return result


def _format_block(lines: list[str]) -> str:
    """Tables of one block: each header, then its keys in canonical order; comments travel
    with the key below them; one blank line between tables."""
    tables: list[tuple[list[str], str | None, list[tuple[str, list[str]]]]] = []
    lead: list[str] = []
    for line in lines:
        m = _TABLE_LINE.match(line)
        if m:
            header = f"{m.group(1)}{m.group(2).strip()}{m.group(3)}" + (
                f"  {m.group(4)}" if m.group(4) else ""
            )
            tables.append(([c for c in lead if c.strip()], header, []))
            lead = []
            continue
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            lead.append(line.strip())
            continue
        km = _KEY_LINE.match(line)
        if not tables:
            tables.append(([], None, []))
        if km:
            key = km.group(1)
            tables[-1][2].append((key, [*lead, f"{key} = {_requote(km.group(2))}"]))
        else:
            tables[-1][2].append(("\uffff", [*lead, line.rstrip()]))  # a continuation line
        lead = []
    parts = []
    for comments, head, keys in tables:
        order = _TERM_ORDER if head and head.startswith("[[") else _CONCEPT_ORDER
        if any(k == "\uffff" for k, _ in keys):
            ranked = list(enumerate(keys))  # a value over several lines: keep the order
        else:
            ranked = sorted(enumerate(keys), key=lambda kv: (_rank(kv[1][0], order), kv[0]))
        body = [line for _, (_, group) in ranked for line in group]
        parts.append("\n".join([*comments, *([head] if head else []), *body]))
    if lead:
        parts.append("\n".join(c.strip() for c in lead))
    return "\n\n".join(parts)


_TERM_ORDER = TERM_KEYS


def _rank(key: str, order: Sequence[str]) -> int:
    base = key.split(".", maxsplit=1)[0].strip("\"'")
    return order.index(base) if base in order else len(order)


def _requote(value: str) -> str:
    """'single' and "double" quoted one-line strings as "double"; everything else as it is."""
    m = re.fullmatch(r"'([^'\n]*)'(\s*#.*)?", value)
    if m and '"' not in m.group(1) and "\\" not in m.group(1):
        return f'"{m.group(1)}"' + (f" {m.group(2).strip()}" if m.group(2) else "")
    return value
