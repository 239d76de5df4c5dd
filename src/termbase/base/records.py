"""Concepts, sources and settings as plain JSON data and back: the shape of the JSON export
(`termbase-json/1`) and of the copy of the base the look-up index keeps, so that an export
reads the index instead of parsing every TOML file again.

`where=True` keeps what the model knows of where a concept stands (its file and line, each
term's line): an export names them when a value stops it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from termbase import model
from termbase.model import Concept, Settings, Source, Term


def term_data(t: Term, *, where: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
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
    if t.inflect is not None:
        data["inflect"] = t.inflect
    if t.context is not None:
        data["context"] = t.context
    if t.context_source is not None:
        data["context_source"] = t.context_source
    for key, day in (("valid_from", t.valid_from), ("valid_to", t.valid_to)):
        if day is not None:
            data[key] = day.isoformat()
    if t.replaced_by is not None:
        data["replaced_by"] = t.replaced_by
    if where:
        data["line"] = t.line
    return data


def concept_data(c: Concept, *, where: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": c.id,
        "subject": c.subject,
        "definition": dict(c.definition),
        "note": c.note,
        "sources": list(c.sources),
        "see_also": list(c.see_also),
        "replaced_by": c.replaced_by,
        "terms": [term_data(t, where=where) for t in c.terms],
    }
    if c.lookup_only:
        data["lookup_only"] = True
    if where:
        data["path"] = str(c.path) if c.path is not None else None
        data["line"] = c.line
    return data


def term_from(t: dict[str, Any]) -> Term:
    return Term(
        t["lang"],
        t["text"],
        model.Status(t["status"]),
        t["pinyin"],
        model.PartOfSpeech(t["part_of_speech"]) if t["part_of_speech"] else None,
        model.TermType(t["term_type"]) if t["term_type"] else None,
        t["usage_note"],
        t["case_sensitive"],
        tuple(t["forms"]),
        tuple(t["not_in"]),
        tuple(t["sources"]),
        model.Origin(t["origin"]),
        t.get("line", 0),
        t.get("inflect"),
        t.get("context"),
        t.get("context_source"),
        _day(t.get("valid_from")),
        _day(t.get("valid_to")),
        t.get("replaced_by"),
    )


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@lru_cache(maxsize=1024)
def _path(text: str) -> Path:
    return Path(text)  # one Path a file, not one a concept


def concept_from(c: dict[str, Any]) -> Concept:
    path = c.get("path")
    return Concept(
        c["id"],
        tuple(map(term_from, c["terms"])),
        c["subject"],
        dict(c["definition"]),
        c["note"],
        tuple(c["sources"]),
        tuple(c["see_also"]),
        c["replaced_by"],
        _path(path) if path is not None else None,
        c.get("line", 0),
        bool(c.get("lookup_only")),
    )


def settings_data(s: Settings) -> dict[str, Any]:
    return {
        "name": s.name,
        "source_language": s.source_language,
        "languages": list(s.languages),
        "working_language": s.working_language,
    }


def settings_from(s: dict[str, Any]) -> Settings:
    return Settings(s["name"], s["source_language"], tuple(s["languages"]), s["working_language"])


def source_data(s: Source) -> dict[str, Any]:
    return {
        "title": s.title,
        "publisher": s.publisher,
        "date": s.date.isoformat() if s.date else None,
        "url": s.url,
        "note": s.note,
    }


def source_from(sid: str, v: dict[str, Any]) -> Source:
    date = dt.date.fromisoformat(v["date"]) if v["date"] else None
    return Source(sid, v["title"], v["publisher"], date, v["url"], v["note"])
