"""Reading TBX back: TBX-Basic v3 (DCA) and v2 (martif), as termbase writes them and as other
tools do. XML is parsed with external entities, DTD loading and entity expansion off; a file
with entity declarations is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from termbase.errors import TermbaseError
from termbase.exchange.tbx import STATUS, TERM_TYPE
from termbase.model import Concept, Origin, PartOfSpeech, Status, Term, TermType

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS = {v: k for k, v in STATUS.items()}
_STATUS["deprecatedTerm-admn-sts"] = Status.FORBIDDEN
_TERM_TYPE = {v: k for k, v in TERM_TYPE.items()}


def _local(tag: Any) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Any, *names: str) -> list[Any]:
    return [c for c in el if _local(c.tag) in names]


def read(path: Path) -> list[Concept]:
    from termbase.lint import _xml
    from termbase.lint.segment import InputError

    try:
        root = _xml.parse(path)
    except InputError as e:
        raise TermbaseError(str(e)) from e
    if _local(root.tag) not in ("tbx", "martif"):
        raise TermbaseError(f"{path}: not TBX: the root is <{_local(root.tag)}>")
    entries = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    ids = _ids(path, entries)
    return [_concept(e, ids) for e in entries]


def _ids(path: Path, entries: list[Any]) -> dict[str, str]:
    """Each entry's id as a concept id of ours: kept where it is one (a termbase export), else
    made into one ("C 1.2" -> "c-1-2"), never the same for two entries."""
    from termbase.store import ID_PATTERN, slug

    ids: dict[str, str] = {}
    taken: set[str] = set()
    for entry in entries:
        raw = entry.get("id")
        if not raw:
            raise TermbaseError(f"{path}:{entry.sourceline}: a concept entry without an id")
        cid = raw if ID_PATTERN.fullmatch(raw) else (slug(raw) or "concept")
        base, n = cid, 2
        while cid in taken:
            cid, n = f"{base}-{n}", n + 1
        taken.add(cid)
        ids[raw] = cid
    return ids


def _concept(entry: Any, ids: dict[str, str]) -> Concept:
    cid = ids[entry.get("id")]
    subject = note = replaced_by = None
    definition: dict[str, str] = {}
    sources: list[str] = []
    see_also: list[str] = []
    for el in entry:
        name, text = _local(el.tag), (el.text or "").strip()
        if name == "descrip" and el.get("type") == "subjectField":
            subject = text
        elif name == "descrip" and el.get("type") == "definition":
            definition[el.get(XML_LANG) or "en"] = text
        elif name == "note":
            key, value = _termbase_note(text)
            if key == "source":
                sources.append(value)
            elif key == "see-also":
                see_also.append(ids.get(value, value))
            elif key == "replaced-by":
                replaced_by = ids.get(value, value)
            elif key is None:
                note = text
        elif name == "ref" and el.get("type") == "crossReference":
            target = el.get("target") or ""
            if text == "replaced-by":
                replaced_by = ids.get(target, target)
            else:
                see_also.append(ids.get(target, target))
    terms: list[Term] = []
    for lang_el in _children(entry, "langSec", "langSet"):
        lang = lang_el.get(XML_LANG) or ""
        for el in _children(lang_el, "descrip"):
            if el.get("type") == "definition":
                definition[lang] = (el.text or "").strip()
        for term_el in _children(lang_el, "termSec", "tig", "ntig"):
            terms.append(_term(lang, term_el))
    return Concept(
        cid,
        tuple(terms),
        subject=subject,
        definition=definition,
        note=note,
        sources=tuple(sources),
        see_also=tuple(see_also),
        replaced_by=replaced_by,
    )


def _termbase_note(text: str) -> tuple[str | None, str]:
    if text.startswith("termbase:") and "=" in text:
        key, _, value = text[len("termbase:") :].partition("=")
        return key, value
    return None, text


def _term(lang: str, el: Any) -> Term:
    text = ""
    status = Status.ADMITTED  # a term without a status: usable, not preferred
    pinyin = usage = None
    pos: PartOfSpeech | None = None
    term_type: TermType | None = None
    forms: list[str] = []
    not_in: list[str] = []
    sources: list[str] = []
    case: bool | None = None
    origin = Origin.HUMAN
    for child in el.iter():
        name, value = _local(child.tag), (child.text or "").strip()
        if name == "term":
            text = "".join(child.itertext()).strip()
        elif name == "termNote":
            kind = child.get("type")
            if kind == "administrativeStatus":
                status = _STATUS.get(value, Status.ADMITTED)
            elif kind == "partOfSpeech" and value in {p.value for p in PartOfSpeech}:
                pos = PartOfSpeech(value)
            elif kind == "termType" and value in _TERM_TYPE:
                term_type = TermType(_TERM_TYPE[value])
        elif name == "note":
            if child.get(XML_LANG) == "zh-Latn-pinyin":
                pinyin = value
                continue
            key, rest = _termbase_note(value)
            if key == "forms":
                forms.append(rest)
            elif key == "not-in":
                not_in.append(rest)
            elif key == "case-sensitive":
                case = rest == "true"
            elif key == "origin":
                origin = Origin(rest)
            elif key is None:
                usage = value
        elif name == "admin" and child.get("type") == "source":
            sources.append(value)
    return Term(
        lang,
        text,
        status,
        pinyin,
        pos,
        term_type,
        usage,
        case,
        tuple(forms),
        tuple(not_in),
        tuple(sources),
        origin,
    )
