"""`termbase fill`: pinyin and Traditional forms added where they are missing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from termbase.base.store import read_file
from termbase.base.tomlread import split_lines
from termbase.edit.change import Edit, EditError, _dumps, _parse, concept_files, read_change
from termbase.edit.render import _key, render_term_lines
from termbase.model import Term


def fill_terms(terms: list[Term], *, languages: Iterable[str] = ()) -> tuple[list[Term], list[str]]:
    """Missing zh-Hant (and configured zh-TW / zh-HK) terms and missing pinyin, marked as made
    by a machine. Never changes a value a person wrote. Returns the terms and what was added."""
    import dataclasses

    from termbase.chinese import pinyin_text
    from termbase.chinese.convert import TermAwareConverter
    from termbase.langtags import is_chinese
    from termbase.model import Origin

    notes: list[str] = []
    out = list(terms)
    for i, t in enumerate(out):
        if is_chinese(t.lang) and not t.pinyin:
            written = pinyin_text.transliterate(t.text)
            # The text is the person's: only the pinyin is the machine's.
            origin = Origin.MACHINE if t.origin is Origin.MACHINE else Origin.MACHINE_PINYIN
            out[i] = dataclasses.replace(t, pinyin=written, origin=origin)
            notes.append(f"pinyin {written!r} for {t.lang} {t.text!r}")
    simplified = [t for t in out if t.lang == "zh-Hans"]
    have = {t.lang for t in out}
    wanted = ["zh-Hant", *(lang for lang in languages if lang in ("zh-TW", "zh-HK"))]
    # Variants only (s2tw, not s2twp): regional vocabulary such as 人工智慧 only a person can
    # choose, and s2twp would rewrite proper names (世界互联网大会 is not 世界網際網路大會).
    # A regional form comes from the zh-Hant term (a person's, once reviewed: 夥 stays 夥), with
    # t2tw / t2hk; from zh-Hans only where the concept has no zh-Hant term.
    from_hant = {"zh-TW": "t2tw", "zh-HK": "t2hk"}
    from_hans = {"zh-Hant": "s2t", "zh-TW": "s2tw", "zh-HK": "s2hk"}
    for lang in wanted:
        if lang in have:
            continue
        hant_terms = [t for t in out if t.lang == "zh-Hant"]
        base = hant_terms if lang in from_hant and hant_terms else simplified
        if not base:
            continue
        conv = TermAwareConverter(from_hant[lang] if base is hant_terms else from_hans[lang])
        hant = {t.text for t in hant_terms}
        for s in base:
            text = conv.convert(s.text)
            if lang != "zh-Hant" and text in hant:
                continue  # regional terms only where they differ from zh-Hant
            new = Term(lang, text, s.status, s.pinyin, origin=Origin.MACHINE)
            out.append(new)
            notes.append(f"{lang} term {text!r} from {s.text!r}")
    return out, notes


def fill(paths: Sequence[Path], languages: Iterable[str] = ()) -> Edit:
    """Missing Traditional terms and pinyin everywhere, marked origin = "machine" (a new term)
    or "machine-pinyin" (a person's term whose pinyin was filled in)."""
    edit = Edit()
    langs = list(languages)
    for f in concept_files(paths):
        part = read_file(f)
        change = read_change(f)
        doc = None
        additions: dict[str, list[Term]] = {}
        for c in part.concepts:
            filled, notes = fill_terms(list(c.terms), languages=langs)
            if not notes:
                continue
            doc = doc if doc is not None else _parse(change)
            tables = doc[c.id]["term"]
            for i, (old, new) in enumerate(zip(c.terms, filled, strict=False)):
                if old.pinyin is None and new.pinyin is not None:
                    tables[i]["pinyin"] = new.pinyin
                    tables[i]["origin"] = new.origin.value
            if len(filled) > len(c.terms):
                additions[c.id] = filled[len(c.terms) :]
            edit.notes += [f"{c.id}: {n}" for n in notes]
        if doc is not None:
            text = _dumps(doc, change.old)
            for cid, terms in additions.items():
                text = _insert_terms(text, cid, terms)
            change.new = text
            edit.changes.append(change)
    return edit


def _insert_terms(text: str, concept_id: str, terms: list[Term]) -> str:
    """New [[id.term]] tables after the concept's last table, before any blank or comment
    lines that lead into the next table."""
    lines = split_lines(text, keepends=True)
    header = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]\s.]+)")
    last = -1
    inside = False
    for n, line in enumerate(lines):
        m = header.match(line)
        if m:
            inside = m.group(1) == concept_id
        if inside:
            last = n
    if last < 0:
        raise EditError(f"cannot find where {concept_id} ends")
    while last > 0 and (not lines[last].strip() or lines[last].lstrip().startswith("#")):
        last -= 1
    block = "".join(
        "\n" + "\n".join([f"[[{_key(concept_id)}.term]]", *render_term_lines(t)]) + "\n"
        for t in terms
    )
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines.insert(last + 1, block)
    return "".join(lines)
