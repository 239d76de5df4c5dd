"""`termbase add`: a new concept appended to a file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from termbase.base.store import ID_PATTERN
from termbase.edit.change import (
    Edit,
    EditError,
    _default_file,
    _guard,
    all_ids,
    locate,
    read_change,
)
from termbase.edit.fill import fill_terms
from termbase.edit.render import render_concept
from termbase.model import Concept, Term


def _in_the_base(paths: Sequence[Path], target: Path) -> None:
    """A concept written outside the term base's folders would not be part of it: refused."""
    where = target.resolve()
    for p in paths:
        root = p.resolve()
        if where == root or (root.is_dir() and root in where.parents):
            return
    raise EditError(
        f"{target} is not in the term base ({', '.join(map(str, paths))}): a concept there "
        "would not be part of it; give --file a path inside it"
    )


def add(
    paths: Sequence[Path],
    concept_id: str,
    terms: list[Term],
    *,
    subject: str | None = None,
    definition: dict[str, str] | None = None,
    note: str | None = None,
    sources: Sequence[str] = (),
    file: Path | None = None,
    fill: bool = True,
    languages: Iterable[str] = (),
) -> Edit:
    """A new concept, appended to `file` (or the term base's only concept file)."""
    if not ID_PATTERN.fullmatch(concept_id):
        raise EditError(
            f"concept id {concept_id!r} must be lower-case ASCII letters, digits and hyphens, "
            "starting with a letter"
        )
    if concept_id in all_ids(paths):
        raise EditError(f"concept {concept_id!r} already exists in {locate(paths, concept_id)}")
    if not terms:
        raise EditError("a concept needs at least one term: --term LANG=TEXT")
    target = file or _default_file(paths)
    _in_the_base(paths, target)
    notes: list[str] = []
    if fill:
        terms, notes = fill_terms(terms, languages=languages)
    concept = Concept(
        concept_id,
        tuple(terms),
        subject=subject,
        definition=dict(definition or {}),
        note=note,
        sources=tuple(sources),
    )
    change = read_change(target)
    sep = (
        ""
        if not change.old or change.old.endswith("\n\n")
        else ("\n" if change.old.endswith("\n") else "\n\n")
    )
    change.new = change.old + sep + render_concept(concept)
    _guard(paths, change, concept_id, (len(change.old) + len(sep), len(change.new)))
    return Edit([change], [f"added {concept_id} to {target}", *notes])
