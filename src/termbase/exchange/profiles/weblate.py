"""Weblate glossary: a CSV file for each target language (Weblate takes the language from the
file name: `en.csv`, `zh_Hans.csv`, `zh_Hant.csv`), with Weblate's header
`source,target,context,developer_comments`. The context is the concept id, which keeps two
concepts with the same source apart; the developer comment carries the definition, the pinyin
and the renderings not to use. Weblate keeps source, target and context from a CSV glossary;
for forbidden flags and explanations give it the `tbx2` export."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from termbase.exchange import tabular as tab
from termbase.model import Status, Term, TermBase

HEADER = ["source", "target", "context", "developer_comments"]


def header(langs: tab.Languages) -> tab.Row:
    return list(HEADER)


def rows(tb: TermBase, langs: tab.Languages) -> Iterator[tuple[str, tab.Row]]:
    for c in tb.concepts:
        src, tgt = tab.preferred(c, langs.source), tab.preferred(c, langs.target)
        if src is None or tgt is None:
            continue
        banned = [t.text for t in c.terms_in(langs.target) if not t.status.approved]
        comment = [c.definition.get("en", ""), tab.pinyin_part(src.pinyin) if src.pinyin else ""]
        if banned:
            comment.append(tab.NOT + "; ".join(banned))
        yield c.id, [src.text, tgt.text, c.id, " | ".join(x for x in comment if x)]


def read(sheet: tab.Sheet, langs: tab.Languages) -> Iterator[tab.Draft]:
    columns = [tab.TermColumns(langs.source, "source"), tab.TermColumns(langs.target, "target")]
    for draft in tab.read_columns(sheet, PROFILE, lambda _: columns, required=HEADER[:2]):
        comment = tab.parse_comment(draft.note or "")
        terms = draft.terms
        if comment.pinyin and terms and terms[0].lang == langs.source:
            terms[0] = dataclasses.replace(terms[0], pinyin=comment.pinyin)
        terms += [Term(langs.target, x, Status.DEPRECATED) for x in comment.banned]
        rest = " | ".join(comment.rest)
        draft.note = None
        draft.definition = {"en": rest} if rest else {}
        yield draft


PROFILE = tab.Profile(
    "weblate",
    tab.Layout(rows, header, read),
    ("csv",),
    traits=tab.Trait.PER_TARGET,
    codes={
        "zh-Hans": "zh_Hans",
        "zh-Hant": "zh_Hant",
        "zh-TW": "zh_Hant_TW",
        "zh-HK": "zh_Hant_HK",
    },
    concept_columns={"id": "context", "note": "developer_comments"},
)
