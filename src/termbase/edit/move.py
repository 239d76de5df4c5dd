"""`termbase mv`: a concept renamed, with every reference to it, in one change."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from termbase.base.store import ID_PATTERN
from termbase.base.tomlread import split_lines
from termbase.edit.change import (
    Edit,
    EditError,
    FileChange,
    _parse,
    all_ids,
    concept_files,
    locate,
    read_change,
)


def move(paths: Sequence[Path], old: str, new: str) -> Edit:
    """Rename a concept and rewrite every reference to it, in every file."""
    if not ID_PATTERN.fullmatch(new):
        raise EditError(f"concept id {new!r} must be lower-case ASCII letters, digits and hyphens")
    home = locate(paths, old)
    if new in all_ids(paths):
        raise EditError(f"concept {new!r} already exists")
    header = re.compile(rf"^([ \t]*\[\[?[ \t]*){re.escape(old)}(?=[ \t]*[.\]])", re.M)
    ref = re.compile(rf'(?<=["\']){re.escape(old)}(?=["\'])')
    edit = Edit(notes=[f"renamed {old} to {new}"])
    for f in concept_files(paths):
        change = read_change(f)
        text = change.old
        if f == home:
            text = header.sub(lambda m: m.group(1) + new, text)
        doc = _parse(FileChange(f, text, text))
        touched = False
        for body in doc.values():
            if not hasattr(body, "get"):
                continue
            if old in list(body.get("see-also", [])) or body.get("replaced-by") == old:
                touched = True
        if touched:
            # Rewrite the quoted id only inside see-also and replaced-by lines.
            text = "".join(
                ref.sub(new, line) if re.match(r"\s*(see-also|replaced-by)\s*=", line) else line
                for line in split_lines(text, keepends=True)
            )
            edit.notes.append(f"rewrote references in {f}")
        change.new = text
        if change.changed:
            edit.changes.append(change)
    return edit
