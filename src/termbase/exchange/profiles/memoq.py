"""memoQ term base CSV (UTF-8 with a BOM) or XLSX: a header row memoQ maps by name, one row per
concept and target term, with the forbidden flag (memoQ's own model has forbidden terms).
Language codes are memoQ's three-letter ones (zho-CN, zho-TW, eng). A spreadsheet opens this
file, so formula-like cells are escaped with a leading apostrophe (CSV) or stored as text
(XLSX) rather than refused. memoQ has one forbidden flag: on import, a forbidden term comes back
as forbidden (a deprecated one exported as forbidden too)."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange import tabular as tab
from termbase.model import Status, TermBase


def _columns(langs: tab.Languages) -> list[tab.TermColumns]:
    return [
        tab.TermColumns(lang, PROFILE.code(lang), forbidden=f"{PROFILE.code(lang)}_Forbidden")
        for lang in (langs.source, langs.target)
    ]


def header(langs: tab.Languages) -> tab.Row:
    s, t = _columns(langs)
    return [s.text, f"{s.forbidden}", t.text, f"{t.forbidden}", "Entry_Subject", "Entry_Note"]


def rows(tb: TermBase, langs: tab.Languages) -> Iterator[tuple[str, tab.Row]]:
    for c in tb.concepts:
        sources = [t for t in c.terms if t.lang == langs.source]
        targets = [t for t in c.terms if t.lang == langs.target]
        if not sources or not targets:
            continue
        src = next((t for t in sources if t.status is Status.PREFERRED), sources[0])
        for tgt in targets:
            forbidden = "Yes" if tgt.status in (Status.FORBIDDEN, Status.DEPRECATED) else "No"
            concept = [c.subject or "", c.definition.get("en", "")]
            yield c.id, [src.text, "No", tgt.text, forbidden, *concept]


def read(sheet: tab.Sheet, langs: tab.Languages) -> Iterator[tab.Draft]:
    columns = _columns(langs)
    return tab.read_columns(sheet, PROFILE, lambda _: columns, required=[c.text for c in columns])


PROFILE = tab.Profile(
    "memoq",
    tab.Layout(rows, header, read),
    ("csv", "xlsx"),
    traits=tab.CAT_TOOL | tab.Trait.BOM,
    term_cells=(0, 2),
    codes={
        "zh-Hans": "zho-CN",
        "zh-CN": "zho-CN",
        "zh-Hant": "zho-TW",
        "zh-TW": "zho-TW",
        "zh-HK": "zho-HK",
        "en": "eng",
        "en-GB": "eng-GB",
        "en-US": "eng-US",
    },
    concept_columns={"subject": "entry_subject", "definition": "entry_note"},
)
