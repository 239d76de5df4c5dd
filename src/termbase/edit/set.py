"""`termbase set`: one field of a concept or of one of its terms, the user's quote style kept."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termbase.base.store import CONCEPT_KEYS, TERM_KEYS
from termbase.edit.change import (
    Edit,
    EditError,
    _ConceptPart,
    _guard,
    _unknown,
)
from termbase.langtags import canonical_tag
from termbase.model import Status


def _term_index(doc: Any, concept_id: str, lang: str, text: str) -> int:
    terms = doc[concept_id].get("term", [])
    for i, t in enumerate(terms):
        if t.get("lang") == lang and t.get("text") == text:
            return i
    have = ", ".join(f"{t.get('lang')}={t.get('text')!r}" for t in terms)
    raise EditError(f"{concept_id} has no {lang} term {text!r} (it has {have})")


def set_field(
    paths: Sequence[Path],
    concept_id: str,
    field_name: str,
    value: str,
    *,
    lang: str | None = None,
    term: str | None = None,
) -> Edit:
    """Change one field of a concept, or of one of its terms (--lang and --term)."""
    part = _ConceptPart.of(paths, concept_id, (lang, term), "change")
    change, doc = part.change, part.doc
    if lang is not None and term is not None:
        if field_name not in TERM_KEYS:
            raise EditError(_unknown(field_name, TERM_KEYS, "term field"))
        table = doc[concept_id]["term"][_term_index(doc, concept_id, lang, term)]
        _assign(table, field_name, _typed(field_name, value))
        if field_name != "origin" and table.get("origin") == "machine":
            table["origin"] = "human"  # a person has now written this term
        if field_name == "pinyin" and table.get("origin") == "machine-pinyin":
            table["origin"] = "human"  # a person has now written its pinyin
    else:
        name, _, sub = field_name.partition(".")
        if name not in CONCEPT_KEYS or name == "term":
            raise EditError(
                _unknown(name, tuple(k for k in CONCEPT_KEYS if k != "term"), "concept field")
            )
        if name == "definition":
            if not sub or canonical_tag(sub) != sub:
                raise EditError(f"definition needs a language: definition.en, not {field_name!r}")
            doc[concept_id].setdefault("definition", {})
            defs = doc[concept_id]["definition"]
            _assign(defs, sub, value)
        else:
            _assign(doc[concept_id], name, _typed(name, value))
    _guard(paths, change, concept_id, part.write_back())
    return Edit(
        [change], [f"set {field_name} of {concept_id}" + (f" ({lang} {term!r})" if lang else "")]
    )


def _assign(table: Any, key: str, value: Any) -> None:
    """Set `key` of a tomlkit table, keeping the quote style the user wrote where the new value
    can be written in it ('literal' stays 'literal'; a value with a quote or a control character
    falls back to "basic"). Every tomlkit version behaves the same: 0.15 began keeping the style
    on its own, earlier ones wrote "basic" always."""
    from tomlkit.items import String, StringType

    old = table.get(key)
    if isinstance(value, str) and isinstance(old, String):
        style = getattr(old, "type", None) or old._t  # `type` since tomlkit 0.13
        literal = style in (StringType.SLL, StringType.MLL)
        multiline = style in (StringType.MLB, StringType.MLL)
        control = any((ord(ch) < 0x20 and ch not in "\t\n") or ord(ch) == 0x7F for ch in value)
        if multiline:
            kind = StringType.MLL if literal and "'''" not in value else StringType.MLB
        elif "\n" in value:
            kind = StringType.SLB
        else:
            kind = StringType.SLL if literal and "'" not in value else StringType.SLB
        if kind in (StringType.SLL, StringType.MLL) and control:
            kind = StringType.MLB if multiline else StringType.SLB
        table[key] = String.from_raw(value, kind)
        return
    table[key] = value


def _typed(name: str, value: str) -> Any:
    if name in ("see-also", "sources", "forms", "not-in"):
        return [v.strip() for v in value.split(",") if v.strip()]
    if name in ("case-sensitive", "inflect", "lookup-only"):
        if value.lower() not in ("true", "false"):
            raise EditError(f"{name} is true or false, not {value!r}")
        return value.lower() == "true"
    if name == "status" and value not in {s.value for s in Status}:
        raise EditError(_unknown(value, tuple(s.value for s in Status), "status"))
    if name == "lang" and canonical_tag(value) != value:
        raise EditError(f"{value!r} is not a BCP 47 language tag as written (zh-Hans, en, ...)")
    return value
