"""Google Cloud Translation equivalent term sets (the Translator Toolkit layout): CSV with a
header of Google's language codes (zh-CN, zh-TW, en), then `pos` and `description`; one
preferred term a language in each row. Google tells zh-CN and zh-TW apart, so both scripts may
share the file (`--lang` chooses which languages go in)."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange import tabular as tab
from termbase.model import PartOfSpeech, TermBase

POS = {PartOfSpeech.NOUN: "noun", PartOfSpeech.VERB: "verb", PartOfSpeech.ADJECTIVE: "adj"}
FIELDS = ("pos", "description")


def _columns(tb: TermBase, langs: tab.Languages) -> dict[str, list[str]]:
    """Google's codes, source and target first, each with our tags in the order to try: the
    zh-TW column takes a Taiwan form where there is one, else the Traditional one."""
    present = dict.fromkeys(t.lang for c in tb.concepts for t in c.terms)
    ordered = dict.fromkeys(
        lang for lang in (langs.source, langs.target, *present) if lang in present
    )
    columns: dict[str, list[str]] = {}
    for lang in ordered:
        columns.setdefault(PROFILE.code(lang), []).append(lang)
    for tags in columns.values():
        tags.sort(key=lambda tag: tag not in ("zh-TW", "zh-CN"))
    return columns


def rows(tb: TermBase, langs: tab.Languages) -> Iterator[tuple[str, tab.Row]]:
    columns = _columns(tb, langs)
    yield "", [*columns, *FIELDS]
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


def read(sheet: tab.Sheet, langs: tab.Languages) -> Iterator[tab.Draft]:
    return tab.read_columns(
        sheet,
        PROFILE,
        lambda names: [tab.TermColumns(PROFILE.tag(k), k) for k in names if k not in FIELDS],
        minimum=2,
        too_few="the header needs two language codes",
    )


PROFILE = tab.Profile(
    "google-sets",
    tab.Layout(rows, read=read),
    ("csv",),
    max_file_bytes=10_000_000,
    codes={"zh-Hans": "zh-CN", "zh-CN": "zh-CN", "zh-Hant": "zh-TW", "zh-TW": "zh-TW"},
    concept_columns={"definition": "description"},
)
