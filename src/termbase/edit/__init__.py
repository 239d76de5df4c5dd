"""Changing the term base safely: add, set, rm, mv, fill, fmt and import.

This is the writing half of the store: the only package besides `termbase.base.store` that uses
tomlkit, and tomlkit types do not leave it. A command parses with tomlkit only the file it
changes, so its cost does not grow with the term base. Every change is written atomically
(`termbase.transaction`: locked, verified, all files or none), keeps every comment and every
byte it did not mean to change, and is refused if the file changed on disk after termbase
read it. Nothing is written when the change would add a validation error.

One module per operation (add, set, remove, move, fill, format, merge for import) over one
shared mechanism (change: read, change one concept, keep every other byte, check, write;
render: TOML text of concepts). May import: the bottom modules, `base`, `chinese`, `checks`
and `report`.
"""

from __future__ import annotations

from termbase.edit.add import add
from termbase.edit.change import (
    Edit,
    EditError,
    FileChange,
    RefusedError,
    all_ids,
    check_concept,
    concept_files,
    locate,
    read_change,
    referrers,
)
from termbase.edit.fill import fill, fill_terms
from termbase.edit.format import fmt, format_text
from termbase.edit.merge import NewBase, import_concepts, sources_change
from termbase.edit.move import move
from termbase.edit.remove import remove
from termbase.edit.render import render_concept, render_term_lines
from termbase.edit.set import set_field

__all__ = [
    "Edit",
    "EditError",
    "FileChange",
    "NewBase",
    "RefusedError",
    "add",
    "all_ids",
    "check_concept",
    "concept_files",
    "fill",
    "fill_terms",
    "fmt",
    "format_text",
    "import_concepts",
    "locate",
    "move",
    "read_change",
    "referrers",
    "remove",
    "render_concept",
    "render_term_lines",
    "set_field",
    "sources_change",
]
