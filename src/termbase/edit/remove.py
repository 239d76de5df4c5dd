"""`termbase rm`: a concept (or one of its terms) removed, the rest of the file as it was."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from termbase.edit.change import (
    Edit,
    EditError,
    _ConceptPart,
    _guard,
    referrers,
)
from termbase.edit.layout import _blocks
from termbase.edit.set import _term_index


def remove(
    paths: Sequence[Path],
    concept_id: str,
    *,
    lang: str | None = None,
    term: str | None = None,
    field_name: str | None = None,
    force: bool = False,
) -> Edit:
    """Remove a concept, one of its terms (--lang and --term) or one of its fields (--field)."""
    part = _ConceptPart.of(paths, concept_id, (lang, term), "remove")
    change, doc = part.change, part.doc
    if lang is not None and term is not None:
        terms = doc[concept_id]["term"]
        i = _term_index(doc, concept_id, lang, term)
        if len(terms) == 1:
            raise EditError(f"{concept_id} has no other term; remove the concept instead")
        del terms[i]
        what = f"removed the {lang} term {term!r} of {concept_id}"
    elif field_name is not None:
        name, _, sub = field_name.partition(".")
        table = doc[concept_id]
        if name == "definition" and sub:
            if sub not in table.get("definition", {}):
                raise EditError(f"{concept_id} has no definition.{sub}")
            del table["definition"][sub]
        elif name in table and name != "term":
            del table[name]
        else:
            raise EditError(f"{concept_id} has no field {field_name!r}")
        what = f"removed {field_name} of {concept_id}"
    else:
        refs = referrers(paths, concept_id)
        if refs and not force:
            names = ", ".join(f"{cid} ({p})" for p, cid in refs)
            raise EditError(
                f"{concept_id} is still named by {names}; change them first or use --force"
            )
        change.new = _drop_concept_text(change.new, concept_id)
        return Edit([change], [f"removed {concept_id} from {change.path}"])
    _guard(paths, change, concept_id, part.write_back())
    return Edit([change], [what])


def _drop_concept_text(text: str, concept_id: str) -> str:
    """Remove a concept's block from the text: its tables and the comment lines right above
    them, as `layout._blocks` cuts the file. Comments cut off from it by a blank line belong
    to the file or to the concept before, and stay."""
    blocks = _blocks(text, keepends=True)
    kept = [lines if cid != concept_id else _trailing_comments(lines) for cid, lines in blocks]
    result = "".join(line for lines in kept for line in lines)
    if blocks and blocks[-1][0] == concept_id:  # it ended the file: no blank lines left after
        stripped = result.rstrip("\r\n")
        result = stripped + (("\r\n" if text.endswith("\r\n") else "\n") if stripped else "")
    return re.sub(r"\n{3,}", "\n\n", result)


def _trailing_comments(lines: list[str]) -> list[str]:
    """Of a removed block, the comments after its last table line with a blank line between
    (at the end of a file, `_blocks` gives them to the last concept; they are the file's)."""
    last = max((i for i, x in enumerate(lines) if x.strip() and not x.lstrip().startswith("#")),
               default=-1)  # fmt: skip
    tail = lines[last + 1 :]
    blank = next((i for i, x in enumerate(tail) if not x.strip()), None)
    if blank is None or not any(x.lstrip().startswith("#") for x in tail[blank:]):
        return []
    return tail[blank:]
