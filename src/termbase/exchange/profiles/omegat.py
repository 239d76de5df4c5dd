"""OmegaT glossary: TSV, no header, `source<TAB>target<TAB>comment`, one line for each approved
target; the comment gives the status, the pinyin and the renderings not to use."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange.tabular import Languages, Profile, Row, approved
from termbase.model import Status, TermBase


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    for c in tb.concepts:
        banned = [t.text for t in c.terms if t.lang == langs.target and not t.status.approved]
        for src in approved(c, langs.source):
            for tgt in approved(c, langs.target):
                parts = [] if tgt.status is Status.PREFERRED else [tgt.status.value]
                if src.pinyin:
                    parts.append(src.pinyin)
                if banned:
                    parts.append("not: " + "; ".join(banned))
                yield c.id, [src.text, tgt.text, " | ".join(parts)]


PROFILE = Profile("omegat", "\t", rows)
