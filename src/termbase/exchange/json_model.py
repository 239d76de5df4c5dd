"""The whole model as JSON, for scripts: every concept, term, field, source and setting.

Shape (stable; `"format": "termbase-json/1"`):

    {"format": "termbase-json/1",
     "settings": {"name", "source_language", "languages", "working_language"},
     "sources": {ID: {"title", "publisher", "date", "url", "note"}},
     "concepts": [{"id", "subject", "definition": {LANG: TEXT}, "note", "sources", "see_also",
                   "replaced_by",
                   "terms": [{"lang", "text", "status", "pinyin", "part_of_speech",
                              "term_type", "usage_note", "case_sensitive", "forms", "not_in",
                              "sources", "origin"}]}]}

Fields without a value are null (or empty lists). `read` turns it back into the model.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from termbase.exchange import ExportOptions
from termbase.model import (
    Concept,
    Origin,
    PartOfSpeech,
    Settings,
    Source,
    Status,
    Term,
    TermBase,
    TermType,
)

FORMAT = "termbase-json/1"


def _term(t: Term) -> dict[str, Any]:
    return {
        "lang": t.lang,
        "text": t.text,
        "status": t.status.value,
        "pinyin": t.pinyin,
        "part_of_speech": t.part_of_speech.value if t.part_of_speech else None,
        "term_type": t.term_type.value if t.term_type else None,
        "usage_note": t.usage_note,
        "case_sensitive": t.case_sensitive,
        "forms": list(t.forms),
        "not_in": list(t.not_in),
        "sources": list(t.sources),
        "origin": t.origin.value,
    }


def as_data(tb: TermBase) -> dict[str, Any]:
    s = tb.settings
    return {
        "format": FORMAT,
        "settings": {
            "name": s.name,
            "source_language": s.source_language,
            "languages": list(s.languages),
            "working_language": s.working_language,
        },
        "sources": {
            sid: {
                "title": src.title,
                "publisher": src.publisher,
                "date": src.date.isoformat() if src.date else None,
                "url": src.url,
                "note": src.note,
            }
            for sid, src in tb.sources.items()
        },
        "concepts": [
            {
                "id": c.id,
                "subject": c.subject,
                "definition": dict(c.definition),
                "note": c.note,
                "sources": list(c.sources),
                "see_also": list(c.see_also),
                "replaced_by": c.replaced_by,
                "terms": [_term(t) for t in c.terms],
            }
            for c in tb.concepts
        ],
    }


def export(tb: TermBase, options: ExportOptions) -> str:
    return json.dumps(as_data(tb), ensure_ascii=False, indent=2) + "\n"


def read(text: str) -> TermBase:
    """The model from this module's JSON (raises ValueError, KeyError or TypeError if it is not)."""
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"not {FORMAT}")
    s = data["settings"]
    settings = Settings(
        s["name"], s["source_language"], tuple(s["languages"]), s["working_language"]
    )
    sources = {
        sid: Source(
            sid,
            v["title"],
            v["publisher"],
            dt.date.fromisoformat(v["date"]) if v["date"] else None,
            v["url"],
            v["note"],
        )
        for sid, v in data["sources"].items()
    }
    concepts = tuple(
        Concept(
            c["id"],
            tuple(
                Term(
                    t["lang"],
                    t["text"],
                    Status(t["status"]),
                    t["pinyin"],
                    PartOfSpeech(t["part_of_speech"]) if t["part_of_speech"] else None,
                    TermType(t["term_type"]) if t["term_type"] else None,
                    t["usage_note"],
                    t["case_sensitive"],
                    tuple(t["forms"]),
                    tuple(t["not_in"]),
                    tuple(t["sources"]),
                    Origin(t["origin"]),
                )
                for t in c["terms"]
            ),
            c["subject"],
            dict(c["definition"]),
            c["note"],
            tuple(c["sources"]),
            tuple(c["see_also"]),
            c["replaced_by"],
        )
        for c in data["concepts"]
    )
    return TermBase(concepts, sources, settings)
