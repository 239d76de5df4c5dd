"""Parsing XML inputs safely: no external entities, no DTD loading, no entity expansion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from termbase.lint.segment import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse(path: Path) -> Any:
    """An lxml tree of `path`; a malformed or hostile file is an InputError with its line."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=False,
    )
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(path, 0, f"cannot read: {e.strerror or e}") from e
    head = raw[:4096]
    if b"<!ENTITY" in head.upper() or b"<!ENTITY" in raw[:200_000]:
        line = raw.count(b"\n", 0, raw.find(b"<!ENTITY")) + 1
        raise InputError(path, line, "entity declarations are not accepted (XXE, entity bombs)")
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as e:
        line = e.lineno or 0
        raise InputError(path, line, f"malformed XML: {e.msg}") from e


def local(tag: Any) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def text_of(el: Any, containers: frozenset[str]) -> str:
    """The text of an element. Inline elements that wrap text (g, mrk, pc) give their text;
    codes and placeholders (x, ph, bpt, ept, it, sc, ec) give nothing: the words around a
    code read as the translator wrote them (`small <x/>yard` is "small yard")."""
    parts = [el.text or ""]
    for child in el:
        name = local(child.tag)
        if name in containers:
            parts.append(text_of(child, containers))
        parts.append(child.tail or "")
    return "".join(parts)
