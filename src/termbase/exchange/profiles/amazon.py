"""Amazon Translate custom terminology: CSV with a header of Amazon's language codes (zh for
Simplified, zh-TW for Traditional), terms at most 200 bytes, file at most 10 MB; cells starting
with = + - @ are refused."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange.tabular import (
    Draft,
    Languages,
    Profile,
    Row,
    RowError,
    Sheet,
    cell,
    header_map,
    pairs,
)
from termbase.model import Status, Term

CODES = {"zh-Hans": "zh", "zh-CN": "zh", "zh-Hant": "zh-TW", "zh-TW": "zh-TW"}


def header(langs: Languages) -> Row:
    return [PROFILE.code(langs.source), PROFILE.code(langs.target)]


def read(sheet: Sheet, langs: Languages) -> Iterator[Draft]:
    names, body = header_map(sheet)
    if len(names) < 2:
        raise RowError(1, "not an amazon file: the header needs two language codes")
    columns = {n: PROFILE.tag(code) for code, n in names.items()}
    for line, row in body:
        terms = [Term(lang, cell(row, n), Status.PREFERRED) for n, lang in columns.items()]
        yield Draft.of([t for t in terms if t.text], line=line)


PROFILE = Profile(
    "amazon",
    pairs,
    ("csv",),
    header=header,
    read=read,
    max_term_bytes=200,
    max_file_bytes=10_000_000,
    codes=CODES,
)
