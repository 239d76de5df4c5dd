"""TMX translation memories: one segment per translation unit and target language."""

from __future__ import annotations

from pathlib import Path

from termbase.lint import _xml
from termbase.lint.segment import InputError, ReadOptions, Segment

CONTAINERS = frozenset({"hi", "sub"})


def read(path: Path, fmt: object, options: ReadOptions) -> list[Segment]:
    root = _xml.parse(path)
    if _xml.local(root.tag) != "tmx":
        raise InputError(
            path, root.sourceline or 0, f"not TMX: the root is <{_xml.local(root.tag)}>"
        )
    header = next((e for e in root if _xml.local(e.tag) == "header"), None)
    src_lang = options.source_lang or (header.get("srclang") if header is not None else None)
    if not src_lang or src_lang == "*all*":
        raise InputError(path, 0, "no source language: the header has no srclang; pass --source")
    out: list[Segment] = []
    for n, tu in enumerate((e for e in root.iter() if _xml.local(e.tag) == "tu"), 1):
        notes = tuple(e.text or "" for e in tu if _xml.local(e.tag) == "note")
        variants: list[tuple[str, str, int]] = []
        for tuv in (e for e in tu if _xml.local(e.tag) == "tuv"):
            lang = tuv.get(_xml.XML_LANG) or tuv.get("lang") or ""
            seg = next((e for e in tuv if _xml.local(e.tag) == "seg"), None)
            if seg is not None:
                variants.append((lang, _xml.text_of(seg, CONTAINERS), seg.sourceline or 0))
        source = next((t for lang, t, _ in variants if _same(lang, src_lang)), None)
        if source is None:
            continue
        for lang, text, line in variants:
            if _same(lang, src_lang):
                continue
            if options.target_lang and not _same(lang, options.target_lang):
                continue
            out.append(
                Segment(path, line, tu.get("tuid") or str(n), text, source, src_lang, lang, notes)
            )
    return out


def _same(a: str, b: str) -> bool:
    return a.replace("_", "-").lower() == b.replace("_", "-").lower()
