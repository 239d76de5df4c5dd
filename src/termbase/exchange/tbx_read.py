"""Reading TBX back: TBX-Basic v3 (DCA) and v2 (martif), as termbase writes them and as other
tools do. XML is parsed with external entities, DTD loading and entity expansion off; a file
with entity declarations is refused."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termbase.errors import TermbaseError
from termbase.exchange.tbx import SOURCE_RECORD, STATUS, TERM_TYPE
from termbase.model import Concept, Origin, PartOfSpeech, Source, Status, Term, TermType

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS = {v: k for k, v in STATUS.items()}
_STATUS["deprecatedTerm-admn-sts"] = Status.FORBIDDEN
_TERM_TYPE = {v: k for k, v in TERM_TYPE.items()}
_ORIGINS = frozenset(o.value for o in Origin)


def _local(tag: Any) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Any, *names: str) -> list[Any]:
    return [c for c in el if _local(c.tag) in names]


@dataclass(frozen=True, slots=True)
class TbxFile:
    """What a TBX file holds for a term base: its concepts, the sources they cite (every id a
    concept or term cites is one of them), its title and the languages of its content."""

    concepts: list[Concept]
    sources: dict[str, Source] = field(default_factory=dict)
    title: str | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for c in self.concepts:
            for t in c.terms:
                seen.setdefault(t.lang)
        return tuple(seen)


def read(path: Path) -> list[Concept]:
    return read_file(path).concepts


def read_file(path: Path) -> TbxFile:
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
    sources = _Sources(_header_sources(root))
    concepts = [_concept(path, e, ids, sources) for e in entries]
    title = next(
        (" ".join(t.itertext()).strip() for t in root.iter() if _local(t.tag) == "title"), None
    )
    return TbxFile(concepts, sources.used(), title or None)


def _header_sources(root: Any) -> dict[str, Source]:
    """The source records termbase writes in the header's sourceDesc."""
    found: dict[str, Source] = {}
    for p in root.iter():
        if _local(p.tag) != "p" or not (p.text or "").startswith(SOURCE_RECORD):
            continue
        try:
            data = json.loads(p.text[len(SOURCE_RECORD) :])
            sid, title = str(data["id"]), str(data["title"])
            date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        except (ValueError, KeyError, TypeError):
            continue
        found[sid] = Source(
            sid,
            title,
            publisher=data.get("publisher"),
            date=date,
            url=data.get("url"),
            note=data.get("note"),
        )
    return found


class _Sources:
    """The file's sources: its own records, and one made for each free-text source (a title,
    an address) that the file cites, so that no id is left undefined."""

    def __init__(self, records: dict[str, Source]) -> None:
        self.records = records
        self.by_text: dict[str, str] = {}
        self.cited: dict[str, Source] = {}

    def cite(self, text: str, title: str | None = None) -> str:
        """The id for `text`: a record's id, or (with the `title` a termbase export wrote
        beside it) that id defined with the title, or a new source titled `text`."""
        if text in self.records:
            self.cited[text] = self.records[text]
            return text
        if title is not None:
            self.cited.setdefault(text, Source(text, title))
            return text
        if text in self.by_text:
            return self.by_text[text]
        from termbase.base.store import slug

        base = slug(text)[:40].strip("-") or "source"
        if not base[0].isalpha():
            base = f"source-{base}"
        sid, n = base, 2
        while sid in self.records or sid in self.cited:
            sid, n = f"{base}-{n}", n + 1
        url = text if text.startswith(("http://", "https://")) else None
        self.cited[sid] = Source(sid, text, url=url)
        self.by_text[text] = sid
        return sid

    def used(self) -> dict[str, Source]:
        """Every record of the file (cited or not: a round trip keeps them), then the made ones."""
        return {**self.records, **self.cited}


def _ids(path: Path, entries: list[Any]) -> dict[str, str]:
    """Each entry's id as a concept id of ours: kept where it is one (a termbase export), else
    made into one ("C 1.2" -> "c-1-2"), never the same for two entries."""
    from termbase.base.store import ID_PATTERN, slug

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


def _concept(path: Path, entry: Any, ids: dict[str, str], known: _Sources) -> Concept:
    cid = ids[entry.get("id")]
    subject = note = replaced_by = None
    definition: dict[str, str] = {}
    sources: list[str] = []
    citations: list[str] = []  # admin source: a citation, or free text from another tool
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
        elif name == "admin" and el.get("type") == "source" and text:
            citations.append(text)
        elif name == "ref" and el.get("type") == "crossReference":
            target = el.get("target") or ""
            if text == "replaced-by":
                replaced_by = ids.get(target, target)
            else:
                see_also.append(ids.get(target, target))
    terms: list[Term] = []
    for lang_el in _children(entry, "langSec", "langSet"):
        lang = _language(path, lang_el)
        for el in _children(lang_el, "descrip"):
            if el.get("type") == "definition":
                definition[lang] = (el.text or "").strip()
        for term_el in _children(lang_el, "termSec", "tig", "ntig"):
            terms.append(_term(lang, term_el, known))
    return Concept(
        cid,
        tuple(terms),
        subject=subject,
        definition=definition,
        note=note,
        sources=_cited(sources, citations, known),
        see_also=tuple(see_also),
        replaced_by=replaced_by,
    )


def _language(path: Path, lang_el: Any) -> str:
    """The language of a langSec as BCP 47 writes it (`zh_Hans` -> zh-Hans, `eng` -> en);
    `TermbaseError` naming the tag where it is none."""
    from termbase.langtags import normalize_tag, not_a_tag

    given = lang_el.get(XML_LANG)
    where = f"{path}:{lang_el.sourceline}" if lang_el.sourceline else str(path)
    if not given:
        raise TermbaseError(f"{where}: a <{_local(lang_el.tag)}> without xml:lang")
    tag = normalize_tag(given)
    if tag is None:
        raise TermbaseError(f"{where}: <{_local(lang_el.tag)}> xml:lang: {not_a_tag(given)}")
    return tag


def _termbase_note(text: str) -> tuple[str | None, str]:
    if text.startswith("termbase:") and "=" in text:
        key, _, value = text[len("termbase:") :].partition("=")
        return key, value
    return None, text


def _cited(ids: list[str], citations: list[str], known: _Sources) -> tuple[str, ...]:
    """The ids termbase wrote (`termbase:source=` notes; their admin elements are the same
    sources as citations), else each free-text source as a source of its own."""
    if ids:
        # An export without the header's records: each note's citation stands beside it.
        titled = dict(zip(ids, citations, strict=False))
        return tuple(known.cite(i, titled.get(i)) for i in ids)
    return tuple(dict.fromkeys(known.cite(c) for c in citations))


# Where a TBX says a Chinese term is used (Microsoft's Terminology Collection writes Taiwan terms
# as zh-Hant with geographicalUsage TWN): the regional tag termbase keeps them under.
_REGIONS = {
    **dict.fromkeys(("TWN", "TW", "ZH-TW"), "zh-TW"),
    **dict.fromkeys(("HKG", "HK", "ZH-HK"), "zh-HK"),
}


def _term(lang: str, el: Any, known: _Sources) -> Term:
    text = ""
    status = Status.ADMITTED  # a term without a status: usable, not preferred
    pinyin = usage = None
    pos: PartOfSpeech | None = None
    term_type: TermType | None = None
    forms: list[str] = []
    not_in: list[str] = []
    sources: list[str] = []
    citations: list[str] = []
    case: bool | None = None
    inflect: bool | None = None
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
            elif kind == "geographicalUsage" and lang.startswith("zh-Hant"):
                lang = _REGIONS.get(value.upper().replace("_", "-"), lang)
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
            elif key == "inflect":
                inflect = rest == "true"
            elif key == "origin" and rest in _ORIGINS:
                origin = Origin(rest)
            elif key == "source":
                sources.append(rest)
            elif key is None:
                usage = value
        elif name == "admin" and child.get("type") == "source" and value:
            citations.append(value)
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
        _cited(sources, citations, known),
        origin,
        inflect=inflect,
    )
