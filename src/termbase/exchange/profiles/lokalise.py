"""Lokalise glossary CSV: semicolons, a header of term;description;casesensitive;translatable;
forbidden;tags;<lang>;<lang>_description, UTF-8. Codes as Lokalise writes them (zh_CN, zh_TW)."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange import tabular as tab
from termbase.model import TermBase

FIXED = ["term", "description", "casesensitive", "translatable", "forbidden", "tags"]


def _target(langs: tab.Languages) -> tab.TermColumns:
    code = PROFILE.code(langs.target).replace("-", "_")
    return tab.TermColumns(
        langs.target, code, forbidden="forbidden", usage=f"{code}_description", case="casesensitive"
    )


def header(langs: tab.Languages) -> tab.Row:
    t = _target(langs)
    return [*FIXED, t.text, f"{t.usage}"]


def rows(tb: TermBase, langs: tab.Languages) -> Iterator[tuple[str, tab.Row]]:
    for c in tb.concepts:
        src, tgt = tab.preferred(c, langs.source), tab.preferred(c, langs.target)
        if src is None or tgt is None:
            continue
        case = "yes" if tgt.case_sensitive else "no"
        concept = [c.definition.get("en", ""), case, "yes", "no", c.subject or ""]
        yield c.id, [src.text, *concept, tgt.text, tgt.usage_note or ""]


def read(sheet: tab.Sheet, langs: tab.Languages) -> Iterator[tab.Draft]:
    columns = [tab.TermColumns(langs.source, "term"), _target(langs)]
    return tab.read_columns(sheet, PROFILE, lambda _: columns, required=["term", columns[1].text])


PROFILE = tab.Profile(
    "lokalise",
    tab.Layout(rows, header, read),
    ("csv",),
    delimiter=";",
    traits=tab.Trait.FOR_PEOPLE,
    term_cells=(0, 6),
    codes={"zh-Hans": "zh_CN", "zh-CN": "zh_CN", "zh-Hant": "zh_TW", "zh-TW": "zh_TW"},
    concept_columns={"subject": "tags", "definition": "description"},
)
