"""Concepts and terms written as TOML text, in the canonical layout."""

from __future__ import annotations

import datetime as dt
import json
import re

from termbase.model import Concept, Term


def _quote(value: str) -> str:
    """A TOML basic string. JSON's escapes are TOML's, but JSON leaves DEL (U+007F) raw, which
    TOML forbids."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(value: str) -> str:
    """A TOML key: bare where TOML allows it, else quoted (an id or a tag with a dot or a
    space must not become a dotted or broken key)."""
    return value if _BARE_KEY.fullmatch(value) else _quote(value)


Value = str | bool | dt.date | tuple[str, ...] | None


def _line(key: str, value: Value) -> str | None:
    """`key = value` as TOML writes it; None for an absent value (None, "" or ())."""
    if isinstance(value, bool):
        return f"{key} = {'true' if value else 'false'}"
    if not value:
        return None
    if isinstance(value, dt.date):
        return f"{key} = {value.isoformat()}"
    if isinstance(value, tuple):
        return f"{key} = [{', '.join(_quote(v) for v in value)}]"
    return f"{key} = {_quote(value)}"


def _lines(fields: list[tuple[str, Value]]) -> list[str]:
    return [line for key, value in fields if (line := _line(key, value)) is not None]


def render_concept(c: Concept) -> str:
    """A concept in the canonical layout (the layout `fmt` produces)."""
    definitions = [(f"definition.{_key(lang)}", text) for lang, text in c.definition.items()]
    fields: list[tuple[str, Value]] = [("subject", c.subject), *definitions, ("note", c.note)]
    fields += [("sources", c.sources), ("see-also", c.see_also), ("replaced-by", c.replaced_by)]
    fields.append(("lookup-only", True if c.lookup_only else None))
    lines = [f"[{_key(c.id)}]", *_lines(fields)]
    for t in c.terms:
        lines += ["", f"[[{_key(c.id)}.term]]", *render_term_lines(t)]
    return "\n".join(lines) + "\n"


def render_term_lines(t: Term) -> list[str]:
    """A term's keys in the canonical order (termbase.base.store.TERM_KEYS)."""
    return _lines(
        [
            ("lang", t.lang),
            ("text", t.text),
            ("status", t.status.value),
            ("pinyin", t.pinyin),
            ("part-of-speech", t.part_of_speech.value if t.part_of_speech else None),
            ("term-type", t.term_type.value if t.term_type else None),
            ("usage-note", t.usage_note),
            ("case-sensitive", t.case_sensitive),
            ("inflect", t.inflect),
            ("forms", t.forms),
            ("not-in", t.not_in),
            ("sources", t.sources),
            ("origin", None if t.origin.value == "human" else t.origin.value),
            ("context", t.context),
            ("context-source", t.context_source),
            ("valid-from", t.valid_from),
            ("valid-to", t.valid_to),
            ("replaced-by", t.replaced_by),
        ]
    )
