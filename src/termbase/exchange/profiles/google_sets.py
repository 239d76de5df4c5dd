"""Google Cloud Translation equivalent term sets (the Translator Toolkit layout): CSV with a
header of Google's language codes (zh-CN, zh-TW, en), then `pos` and `description`; one
preferred term a language in each row. Google tells zh-CN and zh-TW apart, so both scripts may
share the file (`--lang` chooses which languages go in)."""

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
)
from termbase.model import PartOfSpeech, Status, Term, TermBase

CODES = {"zh-Hans": "zh-CN", "zh-CN": "zh-CN", "zh-Hant": "zh-TW", "zh-TW": "zh-TW"}
POS = {PartOfSpeech.NOUN: "noun", PartOfSpeech.VERB: "verb", PartOfSpeech.ADJECTIVE: "adj"}


def _columns(tb: TermBase, langs: Languages) -> dict[str, list[str]]:
    """Google's codes, source and target first, each with our tags in the order to try: the
    zh-TW column takes a Taiwan form where there is one, else the Traditional one."""
    present = dict.fromkeys(t.lang for c in tb.concepts for t in c.terms)
    ordered = dict.fromkeys(
        lang for lang in (langs.source, langs.target, *present) if lang in present
    )
    columns: dict[str, list[str]] = {}
    for lang in ordered:
        columns.setdefault(CODES.get(lang, lang), []).append(lang)
    for tags in columns.values():
        tags.sort(key=lambda tag: tag not in ("zh-TW", "zh-CN"))
    return columns


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    columns = _columns(tb, langs)
    yield "", [*columns, "pos", "description"]
    for c in tb.concepts:
        terms = [
            next((t for t in map(c.preferred, tags) if t is not None), None)
            for tags in columns.values()
        ]
        if sum(t is not None for t in terms) < 2:
            continue
        src = c.preferred(langs.source)
        pos = POS.get(src.part_of_speech, "") if src and src.part_of_speech else ""
        yield c.id, [t.text if t else "" for t in terms] + [pos, c.definition.get("en", "")]


def read(sheet: Sheet, langs: Languages) -> Iterator[Draft]:
    names, body = header_map(sheet)
    columns = {n: PROFILE.tag(k) for k, n in names.items() if k not in ("pos", "description")}
    if len(columns) < 2:
        raise RowError(1, "not a google-sets file: the header needs two language codes")
    for line, row in body:
        terms = [
            Term(lang, cell(row, n), Status.PREFERRED)
            for n, lang in columns.items()
            if cell(row, n)
        ]
        description = cell(row, names.get("description"))
        yield Draft.of(terms, definition=description, line=line)


PROFILE = Profile("google-sets", rows, ("csv",), read=read, max_file_bytes=10_000_000, codes=CODES)
