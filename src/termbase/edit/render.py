"""Concepts and terms written as TOML text, in the canonical layout."""

from __future__ import annotations

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


def render_concept(c: Concept) -> str:
    """A concept in the canonical layout (the layout `fmt` produces)."""
    lines = [f"[{_key(c.id)}]"]
    if c.subject:
        lines.append(f"subject = {_quote(c.subject)}")
    for lang, text in c.definition.items():
        lines.append(f"definition.{_key(lang)} = {_quote(text)}")
    if c.note:
        lines.append(f"note = {_quote(c.note)}")
    if c.sources:
        lines.append(f"sources = [{', '.join(_quote(s) for s in c.sources)}]")
    if c.see_also:
        lines.append(f"see-also = [{', '.join(_quote(s) for s in c.see_also)}]")
    if c.replaced_by:
        lines.append(f"replaced-by = {_quote(c.replaced_by)}")
    for t in c.terms:
        lines += ["", f"[[{_key(c.id)}.term]]", *render_term_lines(t)]
    return "\n".join(lines) + "\n"


def render_term_lines(t: Term) -> list[str]:
    lines = [
        f"lang = {_quote(t.lang)}",
        f"text = {_quote(t.text)}",
        f"status = {_quote(t.status.value)}",
    ]
    if t.pinyin:
        lines.append(f"pinyin = {_quote(t.pinyin)}")
    if t.part_of_speech:
        lines.append(f"part-of-speech = {_quote(t.part_of_speech.value)}")
    if t.term_type:
        lines.append(f"term-type = {_quote(t.term_type.value)}")
    if t.usage_note:
        lines.append(f"usage-note = {_quote(t.usage_note)}")
    if t.case_sensitive is not None:
        lines.append(f"case-sensitive = {'true' if t.case_sensitive else 'false'}")
    if t.inflect is not None:
        lines.append(f"inflect = {'true' if t.inflect else 'false'}")
    for key, values in (("forms", t.forms), ("not-in", t.not_in), ("sources", t.sources)):
        if values:
            lines.append(f"{key} = [{', '.join(_quote(v) for v in values)}]")
    if t.origin.value != "human":
        lines.append(f'origin = "{t.origin.value}"')
    if t.context:
        lines.append(f"context = {_quote(t.context)}")
    if t.context_source:
        lines.append(f"context-source = {_quote(t.context_source)}")
    for key, day in (("valid-from", t.valid_from), ("valid-to", t.valid_to)):
        if day is not None:
            lines.append(f"{key} = {day.isoformat()}")
    if t.replaced_by:
        lines.append(f"replaced-by = {_quote(t.replaced_by)}")
    return lines
