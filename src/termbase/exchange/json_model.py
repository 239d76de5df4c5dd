"""The whole model as JSON, for scripts: every concept, term, field, source and setting.

Shape (stable; `"format": "termbase-json/1"`):

    {"format": "termbase-json/1",
     "settings": {"name", "source_language", "languages", "working_language"},
     "sources": {ID: {"title", "publisher", "date", "url", "note"}},
     "concepts": [{"id", "subject", "definition": {LANG: TEXT}, "note", "sources", "see_also",
                   "replaced_by", and only when true "lookup_only",
                   "terms": [{"lang", "text", "status", "pinyin", "part_of_speech",
                              "term_type", "usage_note", "case_sensitive", "forms", "not_in",
                              "sources", "origin", and only when set "inflect",
                              "context", "context_source"}]}]}

Fields without a value are null (or empty lists). `read` turns it back into the model.
"""

from __future__ import annotations

import json
from typing import Any

from termbase.base.records import (
    concept_data,
    concept_from,
    settings_data,
    settings_from,
    source_data,
    source_from,
)
from termbase.exchange import ExportOptions
from termbase.model import TermBase

FORMAT = "termbase-json/1"


def as_data(tb: TermBase) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "settings": settings_data(tb.settings),
        "sources": {sid: source_data(src) for sid, src in tb.sources.items()},
        "concepts": [concept_data(c) for c in tb.concepts],
    }


def export(tb: TermBase, options: ExportOptions) -> str:
    return json.dumps(as_data(tb), ensure_ascii=False, indent=2) + "\n"


def read(text: str) -> TermBase:
    """The model from this module's JSON (raises ValueError, KeyError or TypeError if it is not)."""
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"not {FORMAT}")
    sources = {sid: source_from(sid, v) for sid, v in data["sources"].items()}
    concepts = tuple(concept_from(c) for c in data["concepts"])
    return TermBase(concepts, sources, settings_from(data["settings"]))
