"""Amazon Translate custom terminology: CSV with a header of Amazon's language codes (zh for
Simplified, zh-TW for Traditional), terms at most 200 bytes, file at most 10 MB; cells starting
with = + - @ are refused."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange import tabular as tab


def header(langs: tab.Languages) -> tab.Row:
    return [PROFILE.code(langs.source), PROFILE.code(langs.target)]


def read(sheet: tab.Sheet, langs: tab.Languages) -> Iterator[tab.Draft]:
    return tab.read_columns(
        sheet,
        PROFILE,
        lambda names: [tab.TermColumns(PROFILE.tag(code), code) for code in names],
        minimum=2,
        too_few="the header needs two language codes",
    )


PROFILE = tab.Profile(
    "amazon",
    tab.Layout(tab.pairs, header, read),
    ("csv",),
    max_term_bytes=200,
    max_file_bytes=10_000_000,
    codes={"zh-Hans": "zh", "zh-CN": "zh", "zh-Hant": "zh-TW", "zh-TW": "zh-TW"},
)
