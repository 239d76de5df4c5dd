"""XLIFF 1.2 (trans-unit) and 2.0 (unit/segment) files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from termbase.lint import _xml
from termbase.lint.segment import InputError, ReadOptions, Segment

CONTAINERS = frozenset({"g", "mrk", "pc", "sub"})
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _texts(el: Any) -> tuple[str | None, str | None, int, list[str]]:
    """A trans-unit's (or segment's) source and target text, the target's line (else the
    element's), and its notes."""
    source = target = None
    notes: list[str] = []
    line = el.sourceline or 0
    for child in el:
        name = _xml.local(child.tag)
        if name == "source":
            source = _xml.text_of(child, CONTAINERS)
        elif name == "target":
            target = _xml.text_of(child, CONTAINERS)
            line = child.sourceline or line
        elif name == "note":
            notes.append(child.text or "")
    return source, target, line, notes


def read(path: Path, fmt: object, options: ReadOptions) -> list[Segment]:
    root = _xml.parse(path)
    if _xml.local(root.tag) != "xliff":
        raise InputError(
            path, root.sourceline or 0, f"not XLIFF: the root is <{_xml.local(root.tag)}>"
        )
    version = root.get("version", "1.2")
    if version.startswith("2"):
        return _read_2(path, root, options)
    return _read_1(path, root, options)


def _read_1(path: Path, root: Any, options: ReadOptions) -> list[Segment]:
    out: list[Segment] = []
    for file_el in (e for e in root.iter() if _xml.local(e.tag) == "file"):
        src_lang = options.source_lang or file_el.get("source-language")
        tgt_lang = options.target_lang or file_el.get("target-language")
        for unit in (e for e in file_el.iter() if _xml.local(e.tag) == "trans-unit"):
            source, target, line, notes = _texts(unit)
            if target is None:
                continue  # untranslated
            out.append(
                Segment(
                    path,
                    line,
                    unit.get("id", str(len(out) + 1)),
                    target,
                    source or "",
                    src_lang,
                    tgt_lang,
                    tuple(notes),
                )
            )
    return out


def _read_2(path: Path, root: Any, options: ReadOptions) -> list[Segment]:
    src_lang = options.source_lang or root.get("srcLang")
    tgt_lang = options.target_lang or root.get("trgLang")
    out: list[Segment] = []
    for unit in (e for e in root.iter() if _xml.local(e.tag) == "unit"):
        notes = [n.text or "" for n in unit.iter() if _xml.local(n.tag) == "note"]
        n = 0
        for seg in (e for e in unit if _xml.local(e.tag) in ("segment", "ignorable")):
            n += 1
            source, target, line, _ = _texts(seg)
            if target is None:
                continue
            seg_id = seg.get("id") or f"{unit.get('id', '')}#{n}"
            out.append(
                Segment(path, line, seg_id, target, source or "", src_lang, tgt_lang, tuple(notes))
            )
    return out
