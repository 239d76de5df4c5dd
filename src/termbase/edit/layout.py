"""A term-base file's text as blocks (a concept's tables and the lines before them), for
edits that change one concept's text and leave every other byte."""

from __future__ import annotations

import re

from termbase.base.tomlread import split_lines

_KEY_LINE = re.compile(r"^[ \t]*([A-Za-z0-9_.\"'-]+?)[ \t]*=[ \t]*(.*?)[ \t]*$")


_TABLE_LINE = re.compile(r"^[ \t]*(\[\[?)[ \t]*([^\]]+?)[ \t]*(\]\]?)[ \t]*(#.*)?$")


def _blocks(text: str, *, keepends: bool = False) -> list[tuple[str | None, list[str]]]:
    """The file cut into a head (comments before the first concept) and one block per concept
    (its tables, with the comment lines right above its first header). With `keepends` the
    lines keep their line ends and join back to exactly the text."""
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    pending: list[str] = []
    for line in split_lines(text, keepends=keepends):
        m = _TABLE_LINE.match(line)
        if m:
            cid = m.group(2).split(".")[0].strip().strip("\"'")
            # Comments right above a header go with it; a blank line cuts them off.
            blanks = [i for i, x in enumerate(pending) if not x.strip()]
            if blanks:
                blocks[-1][1].extend(pending[: blanks[-1] + 1])
                pending = pending[blanks[-1] + 1 :]
            if cid != blocks[-1][0]:
                blocks.append((cid, []))
            blocks[-1][1].extend(pending)
            pending = []
            blocks[-1][1].append(line)
        elif line.lstrip().startswith("#"):
            pending.append(line)
        elif not line.strip():
            if pending:
                pending.append(line)
            else:
                blocks[-1][1].append(line)
        else:
            blocks[-1][1].extend(pending)
            pending = []
            blocks[-1][1].append(line)
    blocks[-1][1].extend(pending)
    return blocks
