"""OmegaT glossary: TSV, no header, `source<TAB>target<TAB>comment`, one line for each approved
target; the comment gives the status, the pinyin and the renderings not to use."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from termbase.exchange import tabular as tab
from termbase.model import Status, Term, TermBase


def rows(tb: TermBase, langs: tab.Languages) -> Iterator[tuple[str, tab.Row]]:
    for c in tb.concepts:
        banned = [t.text for t in c.terms if t.lang == langs.target and not t.status.approved]
        for src in tab.approved(c, langs.source):
            for tgt in tab.approved(c, langs.target):
                parts = [] if tgt.status is Status.PREFERRED else [tgt.status.value]
                if src.pinyin:
                    parts.append(tab.pinyin_part(src.pinyin))
                if banned:
                    parts.append(tab.NOT + "; ".join(banned))
                yield c.id, [src.text, tgt.text, " | ".join(parts)]


def read(sheet: tab.Sheet, langs: tab.Languages) -> Iterator[tab.Draft]:
    """Each line is a pair; a comment written by `rows` gives back the status, the pinyin and
    the renderings not to use (as deprecated: the comment does not say which were forbidden).
    Lines starting with # are comments to OmegaT, and skipped here too."""
    lines = [(n, r) for n, r in sheet if r and not r[0].startswith("#")]
    for draft in tab.pair_rows(lines, langs, comment=True):
        text = draft.note or ""
        if text.split(" | ")[0] == Status.ADMITTED.value:
            draft.terms[1] = dataclasses.replace(draft.terms[1], status=Status.ADMITTED)
            text = text[len(Status.ADMITTED.value) :].removeprefix(" | ")
        comment = tab.parse_comment(text)
        if comment.pinyin:
            draft.terms[0] = dataclasses.replace(draft.terms[0], pinyin=comment.pinyin)
        draft.terms += [Term(langs.target, x, Status.DEPRECATED) for x in comment.banned]
        draft.note = " | ".join(comment.rest) or None
        yield draft


PROFILE = tab.Profile(
    "omegat", tab.Layout(rows, read=read), ("tsv",), traits=tab.Trait.HOLDS_BANNED
)
