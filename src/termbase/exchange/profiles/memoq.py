"""memoQ term base CSV (UTF-8 with a BOM) or XLSX: a header row memoQ maps by name, one row per
concept and target term, with the forbidden flag (memoQ's own model has forbidden terms).
Language codes are memoQ's three-letter ones (zho-CN, zho-TW, eng). A spreadsheet opens this
file, so formula-like cells are escaped with a leading apostrophe (CSV) or stored as text
(XLSX) rather than refused. memoQ has one forbidden flag: on import, a forbidden term comes back
as forbidden (a deprecated one exported as forbidden too)."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange.tabular import (
    Draft,
    Languages,
    Profile,
    Row,
    Sheet,
    cell,
    header_map,
    require,
    yes,
)
from termbase.model import Status, Term, TermBase

CODES = {
    "zh-Hans": "zho-CN",
    "zh-CN": "zho-CN",
    "zh-Hant": "zho-TW",
    "zh-TW": "zho-TW",
    "zh-HK": "zho-HK",
    "en": "eng",
    "en-GB": "eng-GB",
    "en-US": "eng-US",
}


def header(langs: Languages) -> Row:
    s, t = PROFILE.code(langs.source), PROFILE.code(langs.target)
    return [s, f"{s}_Forbidden", t, f"{t}_Forbidden", "Entry_Subject", "Entry_Note"]


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    for c in tb.concepts:
        sources = [t for t in c.terms if t.lang == langs.source]
        targets = [t for t in c.terms if t.lang == langs.target]
        if not sources or not targets:
            continue
        src = next((t for t in sources if t.status is Status.PREFERRED), sources[0])
        for tgt in targets:
            forbidden = "Yes" if tgt.status in (Status.FORBIDDEN, Status.DEPRECATED) else "No"
            yield (
                c.id,
                [
                    src.text,
                    "No",
                    tgt.text,
                    forbidden,
                    c.subject or "",
                    c.definition.get("en", ""),
                ],
            )


def read(sheet: Sheet, langs: Languages) -> Iterator[Draft]:
    names, body = header_map(sheet)
    s, t = PROFILE.code(langs.source), PROFILE.code(langs.target)
    require(names, [s, t], "memoq")
    for line, row in body:
        terms = []
        for code, lang in ((s, langs.source), (t, langs.target)):
            text = cell(row, names[code.casefold()])
            if text:
                bad = yes(cell(row, names.get(f"{code}_forbidden".casefold())))
                terms.append(Term(lang, text, Status.FORBIDDEN if bad else Status.PREFERRED))
        yield PROFILE.draft(terms, row, names, line)


PROFILE = Profile(
    "memoq",
    rows,
    ("csv", "xlsx"),
    header=header,
    read=read,
    bom=True,
    machine_bound=False,
    holds_banned=True,
    term_cells=(0, 2),
    codes=CODES,
    concept_columns={"subject": "entry_subject", "definition": "entry_note"},
)
