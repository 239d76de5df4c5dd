"""Lokalise glossary CSV: semicolons, a header of term;description;casesensitive;translatable;
forbidden;tags;<lang>;<lang>_description, UTF-8. Codes as Lokalise writes them (zh_CN, zh_TW)."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange.tabular import Languages, Profile, Row, preferred
from termbase.model import TermBase

CODES = {"zh-Hans": "zh_CN", "zh-CN": "zh_CN", "zh-Hant": "zh_TW", "zh-TW": "zh_TW"}


def header(langs: Languages) -> Row:
    t = CODES.get(langs.target, langs.target.replace("-", "_"))
    return [
        "term",
        "description",
        "casesensitive",
        "translatable",
        "forbidden",
        "tags",
        t,
        f"{t}_description",
    ]


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


PROFILE = Profile("lokalise", ";", rows, header=header, machine_bound=False)
