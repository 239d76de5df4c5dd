"""Lokalise glossary CSV: semicolons, a header of term;description;casesensitive;translatable;
forbidden;tags;<lang>;<lang>_description, UTF-8. Codes as Lokalise writes them (zh_CN, zh_TW)."""

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
    preferred,
    require,
    yes,
)
from termbase.model import Status, Term, TermBase

CODES = {"zh-Hans": "zh_CN", "zh-CN": "zh_CN", "zh-Hant": "zh_TW", "zh-TW": "zh_TW"}
FIXED = ["term", "description", "casesensitive", "translatable", "forbidden", "tags"]


def _code(lang: str) -> str:
    return CODES.get(lang, lang.replace("-", "_"))


def header(langs: Languages) -> Row:
    t = _code(langs.target)
    return [*FIXED, t, f"{t}_description"]


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    for c in tb.concepts:
        src, tgt = preferred(c, langs.source), preferred(c, langs.target)
        if src is None or tgt is None:
            continue
        case = "yes" if tgt.case_sensitive else "no"
        yield (
            c.id,
            [
                src.text,
                c.definition.get("en", ""),
                case,
                "yes",
                "no",
                c.subject or "",
                tgt.text,
                tgt.usage_note or "",
            ],
        )


def read(sheet: Sheet, langs: Languages) -> Iterator[Draft]:
    names, body = header_map(sheet)
    t = _code(langs.target)
    require(names, ["term", t], "lokalise")
    for line, row in body:
        forbidden = yes(cell(row, names.get("forbidden")))
        target = cell(row, names[t.casefold()])
        usage = cell(row, names.get(f"{t}_description".casefold())) or None
        case = cell(row, names.get("casesensitive"))
        terms = [Term(langs.source, cell(row, names["term"]), Status.PREFERRED)]
        if target:
            terms.append(
                Term(
                    langs.target,
                    target,
                    Status.FORBIDDEN if forbidden else Status.PREFERRED,
                    usage_note=usage,
                    case_sensitive=True if yes(case) else None,
                )
            )
        yield PROFILE.draft(terms, row, names, line)


PROFILE = Profile(
    "lokalise",
    rows,
    ("csv",),
    header=header,
    read=read,
    delimiter=";",
    machine_bound=False,
    term_cells=(0, 6),
    codes=CODES,
    concept_columns={"subject": "tags", "definition": "description"},
)
