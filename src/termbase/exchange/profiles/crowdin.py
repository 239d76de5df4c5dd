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

from termbase.exchange import tabular as tab
from termbase.model import Status, TermBase

COLUMN = re.compile(r"^term \[([^\]]+)\]$")
STATUS = {
    Status.PREFERRED: "preferred",
    Status.ADMITTED: "admitted",
    Status.DEPRECATED: "not recommended",
    Status.FORBIDDEN: "obsolete",
}


def _language(code: str) -> tab.TermColumns:
    return tab.TermColumns(
        PROFILE.tag(code),
        f"Term [{code}]",
        status=f"Status [{code}]",
        usage=f"Description [{code}]",
        part_of_speech=f"Part of Speech [{code}]",
    )


def header(langs: tab.Languages) -> tab.Row:
    s, t = _language(PROFILE.code(langs.source)), _language(PROFILE.code(langs.target))
    concept = ["Concept Definition", "Concept Subject", "Concept Note"]
    target = [t.text, f"{t.usage}", f"{t.part_of_speech}", f"{t.status}"]
    return [s.text, f"{s.part_of_speech}", *target, *concept]


def rows(tb: TermBase, langs: tab.Languages) -> Iterator[tuple[str, tab.Row]]:
    for c in tb.concepts:
        src, tgt = tab.preferred(c, langs.source), tab.preferred(c, langs.target)
        if src is None or tgt is None:
            continue
        src_pos = src.part_of_speech.value if src.part_of_speech else ""
        concept = [c.definition.get("en", ""), c.subject or "", c.note or ""]
        banned = [t for t in c.terms_in(langs.target) if not t.status.approved]
        for t in [tgt, *banned]:
            pos = t.part_of_speech.value if t.part_of_speech else ""
            cells = [t.text, t.usage_note or "", pos, STATUS[t.status]]
            yield c.id, [src.text, src_pos, *cells, *concept]


def read(sheet: tab.Sheet, langs: tab.Languages) -> Iterator[tab.Draft]:
    def columns(names: dict[str, int]) -> list[tab.TermColumns]:
        return [_language(m.group(1)) for m in map(COLUMN.match, names) if m]

    return tab.read_columns(
        sheet, PROFILE, columns, too_few="the header has no 'Term [language]' column"
    )


PROFILE = tab.Profile(
    "crowdin",
    tab.Layout(rows, header, read),
    ("csv", "xlsx"),
    traits=tab.CAT_TOOL,
    term_cells=(0, 2),
    codes={"zh-Hans": "zh-CN", "zh-CN": "zh-CN", "zh-Hant": "zh-TW", "zh-TW": "zh-TW"},
    statuses={v: k for k, v in STATUS.items()},
    concept_columns={
        "subject": "concept subject",
        "definition": "concept definition",
        "note": "concept note",
    },
)
