"""Crowdin glossary CSV or XLSX with the column names Crowdin detects by itself:
`Term [zh-CN]`, `Description [en]`, `Part of Speech [en]`, `Concept Definition`,
`Concept Subject`, `Concept Note`, and `Status [en]` (Crowdin's term statuses: preferred,
admitted, not recommended, obsolete); one concept a row with its preferred terms, then a row for
each rendering not to use (deprecated: not recommended; forbidden: obsolete), so that Crowdin
shows it with its status. Crowdin codes are zh-CN and zh-TW. For every synonym, give Crowdin the
TBX export instead."""

from __future__ import annotations

import re
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
    preferred,
)
from termbase.model import PartOfSpeech, Status, Term, TermBase

CODES = {"zh-Hans": "zh-CN", "zh-CN": "zh-CN", "zh-Hant": "zh-TW", "zh-TW": "zh-TW"}
COLUMN = re.compile(r"^(term|description|part of speech|status) \[([^\]]+)\]$")
STATUS = {
    Status.PREFERRED: "preferred",
    Status.ADMITTED: "admitted",
    Status.DEPRECATED: "not recommended",
    Status.FORBIDDEN: "obsolete",
}
FROM_STATUS = {v: k for k, v in STATUS.items()}
POS = {p.value: p for p in PartOfSpeech}


def header(langs: Languages) -> Row:
    s, t = PROFILE.code(langs.source), PROFILE.code(langs.target)
    return [
        f"Term [{s}]",
        f"Part of Speech [{s}]",
        f"Term [{t}]",
        f"Description [{t}]",
        f"Part of Speech [{t}]",
        f"Status [{t}]",
        "Concept Definition",
        "Concept Subject",
        "Concept Note",
    ]


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    for c in tb.concepts:
        src, tgt = preferred(c, langs.source), preferred(c, langs.target)
        if src is None or tgt is None:
            continue
        src_pos = src.part_of_speech.value if src.part_of_speech else ""
        concept = [c.definition.get("en", ""), c.subject or "", c.note or ""]
        banned = [t for t in c.terms_in(langs.target) if not t.status.approved]
        for t in [tgt, *banned]:
            pos = t.part_of_speech.value if t.part_of_speech else ""
            cells = [t.text, t.usage_note or "", pos, STATUS[t.status]]
            yield c.id, [src.text, src_pos, *cells, *concept]


def read(sheet: Sheet, langs: Languages) -> Iterator[Draft]:
    names, body = header_map(sheet)
    columns: dict[str, dict[str, int]] = {}
    for name, n in names.items():
        m = COLUMN.match(name)
        if m:
            columns.setdefault(m.group(2), {})[m.group(1)] = n
    codes = [code for code, kinds in columns.items() if "term" in kinds]
    if not codes:
        raise RowError(1, "not a crowdin file: the header has no 'Term [language]' column")
    for line, row in body:
        terms = []
        for code in codes:
            text = cell(row, columns[code]["term"])
            if text:
                pos = POS.get(cell(row, columns[code].get("part of speech")).casefold())
                usage = cell(row, columns[code].get("description")) or None
                said = cell(row, columns[code].get("status")).casefold()
                terms.append(
                    Term(
                        PROFILE.tag(code),
                        text,
                        FROM_STATUS.get(said, Status.PREFERRED),
                        part_of_speech=pos,
                        usage_note=usage,
                    )
                )
        yield PROFILE.draft(terms, row, names, line)


PROFILE = Profile(
    "crowdin",
    rows,
    ("csv", "xlsx"),
    header=header,
    read=read,
    machine_bound=False,
    holds_banned=True,
    term_cells=(0, 2),
    codes=CODES,
    concept_columns={
        "subject": "concept subject",
        "definition": "concept definition",
        "note": "concept note",
    },
)
