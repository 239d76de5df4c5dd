"""Google Cloud Translation unidirectional glossary: CSV, no header, source and target."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange.tabular import Languages, Profile, Row, preferred
from termbase.model import TermBase


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    seen: set[str] = set()
    for c in tb.concepts:
        src, tgt = preferred(c, langs.source), preferred(c, langs.target)
        if src is None or tgt is None or src.text in seen:
            continue
        seen.add(src.text)
        yield c.id, [src.text, tgt.text]


PROFILE = Profile("google", ",", rows)
