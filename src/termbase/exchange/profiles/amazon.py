"""Amazon Translate custom terminology: CSV with a header of Amazon's language codes (zh for
Simplified, zh-TW for Traditional), terms at most 200 bytes, file at most 10 MB; cells starting
with = + - @ are refused."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange.tabular import Languages, Profile, Row, preferred
from termbase.model import TermBase

CODES = {"zh-Hans": "zh", "zh-CN": "zh", "zh-Hant": "zh-TW", "zh-TW": "zh-TW"}


def header(langs: Languages) -> Row:
    return [CODES.get(langs.source, langs.source), CODES.get(langs.target, langs.target)]


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    seen: set[str] = set()
    for c in tb.concepts:
        src, tgt = preferred(c, langs.source), preferred(c, langs.target)
        if src is None or tgt is None or src.text in seen:
            continue
        seen.add(src.text)
        yield c.id, [src.text, tgt.text]


PROFILE = Profile("amazon", ",", rows, header=header, max_term_bytes=200, max_file_bytes=10_000_000)
