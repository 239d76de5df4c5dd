"""Phrase TMS term base XLSX (Phrase takes no CSV for term bases). `CID` and the `concept_*`
columns are the names Phrase's help lists for its XLSX layout; each language has a column named
by its code (Phrase accepts zh_cn and zh-CN alike) followed by term attribute columns named after
Phrase's attributes (`<code>_usage`, `_note`, `_forbidden`, `_preferred`, `_case`), with
TRUE/FALSE as spreadsheet booleans. A concept takes as many rows as its largest language has
terms: row n holds the n-th term of each language, preferred first, under the same CID.

Statuses: preferred is preferred=TRUE; admitted is both FALSE; deprecated and forbidden are
forbidden=TRUE, and a deprecated one says so in its note (Phrase has no such state).

Not confirmed: the term attribute columns' exact names (Phrase's help page, as stored, lists
the concept columns and stops at the language code). Phrase maps unknown columns in its import
dialog; check a sample import before relying on the attributes."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange import tabular as tab
from termbase.model import Status, Term, TermBase

CODES = {"zh-Hans": "zh_cn", "zh-CN": "zh_cn", "zh-Hant": "zh_tw", "zh-TW": "zh_tw", "en": "en"}
CONCEPT = ["CID", "concept_domain", "concept_definition", "concept_note"]
ATTRIBUTES = ["usage", "note", "forbidden", "preferred", "case"]
DEPRECATED = "deprecated"


def header(langs: tab.Languages) -> tab.Row:
    out = list(CONCEPT)
    for lang in (langs.source, langs.target):
        code = PROFILE.code(lang)
        out += [code, *(f"{code}_{a}" for a in ATTRIBUTES)]
    return out


def _term_cells(t: Term | None) -> tab.Row:
    if t is None:
        return [""] * (1 + len(ATTRIBUTES))
    forbidden = t.status in (Status.DEPRECATED, Status.FORBIDDEN)
    return [
        t.text,
        t.usage_note or "",
        DEPRECATED if t.status is Status.DEPRECATED else "",
        "TRUE" if forbidden else "FALSE",
        "TRUE" if t.status is Status.PREFERRED else "FALSE",
        "TRUE" if t.case_sensitive else "FALSE",
    ]


def rows(tb: TermBase, langs: tab.Languages) -> Iterator[tuple[str, tab.Row]]:
    for c in tb.concepts:
        columns = [
            sorted(c.terms_in(lang), key=lambda t: t.status.rank)
            for lang in (langs.source, langs.target)
        ]
        if not all(columns):
            continue
        for n in range(max(len(col) for col in columns)):
            first = n == 0
            row = [
                c.id,
                (c.subject or "") if first else "",
                c.definition.get("en", "") if first else "",
                (c.note or "") if first else "",
            ]
            for col in columns:
                row += _term_cells(col[n] if n < len(col) else None)
            yield c.id, row


def _status(row: tab.Row, names: dict[str, int], code: str) -> Status:
    if tab.yes(tab.cell(row, names.get(f"{code}_forbidden"))):
        note = tab.cell(row, names.get(f"{code}_note"))
        return Status.DEPRECATED if note == DEPRECATED else Status.FORBIDDEN
    if tab.yes(tab.cell(row, names.get(f"{code}_preferred"))):
        return Status.PREFERRED
    return Status.ADMITTED


def read(sheet: tab.Sheet, langs: tab.Languages) -> Iterator[tab.Draft]:
    names, body = tab.header_map(sheet)
    fields = {f"{c}_{a}" for c in names for a in ATTRIBUTES} | {n.casefold() for n in CONCEPT}
    codes = [code for code in names if code not in fields]
    if not codes:
        raise tab.RowError(1, "not a phrase file: the header has no language column")
    for line, row in body:
        terms = []
        for code in codes:
            text = tab.cell(row, names[code])
            if text:
                case = tab.yes(tab.cell(row, names.get(f"{code}_case")))
                terms.append(
                    Term(
                        PROFILE.tag(code),
                        text,
                        _status(row, names, code),
                        usage_note=tab.cell(row, names.get(f"{code}_usage")) or None,
                        case_sensitive=True if case else None,
                    )
                )
        yield PROFILE.draft(terms, row, names, line)


PROFILE = tab.Profile(
    "phrase",
    tab.Layout(rows, header, read),
    ("xlsx",),
    traits=tab.CAT_TOOL | tab.Trait.FULL_STATUS,
    term_cells=(4, 10),
    codes=CODES,
    concept_columns={
        "id": "cid",
        "subject": "concept_domain",
        "definition": "concept_definition",
        "note": "concept_note",
    },
)
