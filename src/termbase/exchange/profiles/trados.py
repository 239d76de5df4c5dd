"""Trados Studio / MultiTerm through the Glossary Converter spreadsheet layout (XLSX, or CSV
with a BOM): the first row holds language names the converter recognises ("Chinese (PRC)",
"English") and entry-level fields marked `>>E<<`; a language cell holds all its approved terms
separated by `|`, preferred first (a `|` inside a term is written `\\|`). Renderings not to
use go in the `>>E<<Deprecated` and `>>E<<Forbidden` fields, the pinyin in `>>E<<Pinyin`, and
our concept id in `>>E<<Concept ID` (MultiTerm numbers its entries itself).

Not confirmed: that these exact language names are in the converter's list of known names
(its documentation says names are matched case-insensitively and that an unknown one is asked
for in a dialog); check a sample conversion."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange import tabular as tab
from termbase.model import Status, Term, TermBase

CODES = {
    "zh-Hans": "Chinese (PRC)",
    "zh-CN": "Chinese (PRC)",
    "zh-Hant": "Chinese (Taiwan)",
    "zh-TW": "Chinese (Taiwan)",
    "zh-HK": "Chinese (Hong Kong S.A.R.)",
    "en": "English",
    "en-US": "English (United States)",
    "en-GB": "English (United Kingdom)",
}
FIELDS = ["Concept ID", "Subject", "Definition", "Pinyin", "Deprecated", "Forbidden"]


def header(langs: tab.Languages) -> tab.Row:
    return [PROFILE.code(langs.source), PROFILE.code(langs.target)] + [f">>E<<{f}" for f in FIELDS]


def _join(terms: list[Term]) -> str:
    return tab.join(t.text for t in sorted(terms, key=lambda t: t.status.rank))


def rows(tb: TermBase, langs: tab.Languages) -> Iterator[tuple[str, tab.Row]]:
    for c in tb.concepts:
        src = [t for t in c.terms_in(langs.source) if t.status.approved]
        tgt = c.terms_in(langs.target)
        ok = [t for t in tgt if t.status.approved]
        if not src or not ok:
            continue
        pinyin = "|".join(t.pinyin or "" for t in sorted(src, key=lambda t: t.status.rank))
        yield (
            c.id,
            [
                _join(src),
                _join(ok),
                c.id,
                c.subject or "",
                c.definition.get("en", ""),
                pinyin if pinyin.strip("|") else "",
                tab.join(t.text for t in tgt if t.status is Status.DEPRECATED),
                tab.join(t.text for t in tgt if t.status is Status.FORBIDDEN),
            ],
        )


def _terms(lang: str, texts: list[str], pinyin: list[str] | None = None) -> list[Term]:
    return [
        Term(
            lang,
            text,
            Status.PREFERRED if n == 0 else Status.ADMITTED,
            pinyin=(pinyin[n] or None) if pinyin and n < len(pinyin) else None,
        )
        for n, text in enumerate(texts)
    ]


def read(sheet: tab.Sheet, langs: tab.Languages) -> Iterator[tab.Draft]:
    names, body = tab.header_map(sheet)
    s, t = PROFILE.code(langs.source), PROFILE.code(langs.target)
    tab.require(names, [s, t], "trados")

    def field(row: tab.Row, name: str) -> str:
        return tab.cell(row, names.get(f">>e<<{name}".casefold(), names.get(name.casefold())))

    for line, row in body:
        pinyin = field(row, "Pinyin").split("|") if field(row, "Pinyin") else None
        terms = _terms(langs.source, tab.split(tab.cell(row, names[s.casefold()])), pinyin)
        terms += _terms(langs.target, tab.split(tab.cell(row, names[t.casefold()])))
        for status in (Status.DEPRECATED, Status.FORBIDDEN):
            terms += [
                Term(langs.target, x, status) for x in tab.split(field(row, status.value.title()))
            ]
        definition = field(row, "Definition")
        yield tab.Draft.of(
            terms,
            id=field(row, "Concept ID"),
            subject=field(row, "Subject"),
            definition=definition,
            line=line,
        )


PROFILE = tab.Profile(
    "trados",
    tab.Layout(rows, header, read),
    ("xlsx", "csv"),
    traits=tab.CAT_TOOL | tab.Trait.BOM,
    codes=CODES,
)
