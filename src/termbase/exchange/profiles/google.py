"""Google Cloud Translation unidirectional glossary: CSV, no header, source and target."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from termbase.exchange.tabular import Draft, Languages, Profile, Row, Sheet, pair_rows, preferred
from termbase.model import TermBase


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    seen: set[str] = set()
    for c in tb.concepts:
        src, tgt = preferred(c, langs.source), preferred(c, langs.target)
        if src is None or tgt is None or src.text in seen:
            continue
        seen.add(src.text)
        yield c.id, [src.text, tgt.text]


def read(sheet: Sheet, langs: Languages) -> Iterable[Draft]:
    return pair_rows(sheet, langs)


PROFILE = Profile("google", rows, ("csv", "tsv"), read=read, max_file_bytes=10_000_000)
