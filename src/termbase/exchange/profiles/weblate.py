"""Weblate glossary: a CSV file for each target language (Weblate takes the language from the
file name: `en.csv`, `zh_Hans.csv`, `zh_Hant.csv`), with Weblate's header
`source,target,context,developer_comments`. The context is the concept id, which keeps two
concepts with the same source apart; the developer comment carries the definition, the pinyin
and the renderings not to use. Weblate keeps source, target and context from a CSV glossary;
for forbidden flags and explanations give it the `tbx2` export."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from termbase.exchange.tabular import (
    NOT,
    Draft,
    Languages,
    Profile,
    Row,
    Sheet,
    cell,
    header_map,
    parse_comment,
    pinyin_part,
    preferred,
    require,
)
from termbase.model import Status, Term, TermBase

CODES = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "zh-TW": "zh_Hant_TW", "zh-HK": "zh_Hant_HK"}


def header(langs: Languages) -> Row:
    return ["source", "target", "context", "developer_comments"]


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    for c in tb.concepts:
        src, tgt = preferred(c, langs.source), preferred(c, langs.target)
        if src is None or tgt is None:
            continue
        banned = [t.text for t in c.terms_in(langs.target) if not t.status.approved]
        comment = [c.definition.get("en", ""), pinyin_part(src.pinyin) if src.pinyin else ""]
        if banned:
            comment.append(NOT + "; ".join(banned))
        yield c.id, [src.text, tgt.text, c.id, " | ".join(x for x in comment if x)]


def read(sheet: Sheet, langs: Languages) -> Iterator[Draft]:
    names, body = header_map(sheet)
    require(names, ["source", "target"], "weblate")
    for line, row in body:
        terms = [Term(langs.source, cell(row, names["source"]), Status.PREFERRED)]
        target = cell(row, names["target"])
        if target:
            terms.append(Term(langs.target, target, Status.PREFERRED))
        comment = parse_comment(cell(row, names.get("developer_comments")))
        if comment.pinyin:
            terms[0] = dataclasses.replace(terms[0], pinyin=comment.pinyin)
        terms += [Term(langs.target, x, Status.DEPRECATED) for x in comment.banned]
        rest = " | ".join(comment.rest)
        yield PROFILE.draft(terms, row, names, line, definition=rest)


PROFILE = Profile(
    "weblate",
    rows,
    ("csv",),
    header=header,
    read=read,
    per_target=True,
    codes=CODES,
    concept_columns={"id": "context"},
)
