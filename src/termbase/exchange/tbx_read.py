"""Reading TBX back: TBX-Basic v3 (DCA) and v2 (martif), as termbase writes them and as other
tools do. XML is parsed with external entities, DTD loading and entity expansion off; a file
with entity declarations is refused."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
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
    # What the format has no field for, per data category: how many were left out
    dropped: dict[str, int] = field(default_factory=dict)
    # Where the file breaks TBX-Basic's rules (termbase.exchange.tbx_check), `path:line: ...`
    problems: tuple[str, ...] = ()

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
    from termbase.exchange.tbx_check import problems

    entries = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    ids = _ids(path, entries)
    sources = _Sources(_header_sources(root))
    reader = _Reader(path, ids, sources, own=_own_export(root))
    concepts = [reader.concept(e) for e in entries]
    title = next(
        (" ".join(t.itertext()).strip() for t in root.iter() if _local(t.tag) == "title"), None
    )
    for el in root.iter():
        if _local(el.tag) in ("refObjectSec", "refObjectList"):
            reader.dropped["back matter (refObjectSec: the people and objects it lists)"] += 1
        elif _local(el.tag) == "p" and not _kept_header_text(el):
            reader.dropped["header text (publicationStmt, sourceDesc, encodingDesc ...)"] += 1
    return TbxFile(
        concepts, sources.used(), title or None, dict(reader.dropped), problems(path, root)
    )


_OWN_EXPORT = "Exported by termbase."


def _own_export(root: Any) -> bool:
    return any(_local(p.tag) == "p" and p.text == _OWN_EXPORT for p in root.iter())


def _kept_header_text(p: Any) -> bool:
    """termbase's own header lines, the source records and v2's XCS name (no data)."""
    text = p.text or ""
    return text == _OWN_EXPORT or text.startswith(SOURCE_RECORD) or p.get("type") == "XCSURI"


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


# What termbase's format has no field for, as the import reports it (per data category).
TRANSACTIONS = "transacGrp (dates and responsible party: git keeps a term base's history)"
TERM_PARTS = "termCompList (the parts of a term)"


@dataclass
class _ConceptFields:
    subject: str | None = None
    definition: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # termbase:source= notes
    citations: list[str] = field(default_factory=list)  # admin source
    see_also: list[str] = field(default_factory=list)
    replaced_by: str | None = None
    lookup_only: bool = False


@dataclass
class _TermFields:
    text: str = ""
    status: Status = Status.ADMITTED  # a term without a status: usable, not preferred
    pinyin: str | None = None
    pos: PartOfSpeech | None = None
    term_type: TermType | None = None
    usage: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    not_in: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    case: bool | None = None
    inflect: bool | None = None
    origin: Origin = Origin.HUMAN
    context: str | None = None
    context_ids: list[str] = field(default_factory=list)
    context_citations: list[str] = field(default_factory=list)
    dates: dict[str, dt.date | None] = field(default_factory=dict)
    replaced_by: str | None = None


class _Reader:
    """Turns entries into concepts, keeping every data category the format can hold (a field,
    or a line of a note) and counting, per category, what it cannot."""

    def __init__(self, path: Path, ids: dict[str, str], known: _Sources, *, own: bool) -> None:
        self.path, self.ids, self.known, self.own = path, ids, known, own
        self.dropped: Counter[str] = Counter()

    def text(self, el: Any) -> str:
        """An element's text. Another tool's file is indented: runs of white space (tabs and
        line breaks included) are one space there; termbase's own exports keep theirs."""
        raw = "".join(el.itertext())
        return raw.strip() if self.own else " ".join(raw.split())

    def concept(self, entry: Any) -> Concept:
        c = _ConceptFields()
        terms: list[Term] = []
        for el in entry:
            if _local(el.tag) not in ("langSec", "langSet"):
                self.aux(el, c, None)
                continue
            lang = _language(self.path, el)
            for child in el:
                if _local(child.tag) in ("termSec", "tig", "ntig"):
                    terms.append(self.term(lang, child, c))
                else:
                    self.aux(child, c, lang)
        sources = _cited(c.ids, c.citations, self.known)
        return Concept(
            self.ids[entry.get("id")],
            tuple(terms),
            subject=c.subject,
            definition=c.definition,
            note="\n".join(c.notes) or None,
            sources=tuple(dict.fromkeys(sources)),
            see_also=tuple(dict.fromkeys(c.see_also)),
            replaced_by=c.replaced_by,
            lookup_only=c.lookup_only,
        )

    def aux(self, el: Any, c: _ConceptFields, lang: str | None) -> None:
        """One element of a conceptEntry or langSec that is not a term."""
        name, kind = _local(el.tag), el.get("type")
        if not name:  # a comment or processing instruction
            return
        value = self.text(el)
        if name == "descripGrp":
            for child in el:
                self.aux(child, c, lang)
        elif name == "descrip" and kind == "subjectField" and c.subject in (None, value):
            c.subject = value
        elif name == "descrip" and kind == "definition":
            where = el.get(XML_LANG) or lang or "en"
            if c.definition.setdefault(where, value) != value:
                c.notes.append(f"definition ({where}): {value}")
        elif name == "note":
            key, rest = _termbase_note(value)
            if key == "source":
                c.ids.append(rest)
            elif key == "see-also":
                c.see_also.append(self.ids.get(rest, rest))
            elif key == "replaced-by":
                c.replaced_by = self.ids.get(rest, rest)
            elif key == "lookup-only" and rest in ("true", "false"):
                c.lookup_only = rest == "true"
            elif value:
                c.notes.append(value if lang is None else f"({lang}) {value}")
        elif name == "admin" and kind == "source" and value:
            c.citations.append(value)
        elif name == "ref" and kind == "crossReference":
            target = self.ids.get(el.get("target") or "", el.get("target") or "")
            if value == "replaced-by":
                c.replaced_by = target
            elif target:
                c.see_also.append(target)
        elif name == "transacGrp":
            self.dropped[TRANSACTIONS] += 1
        elif name in ("descrip", "admin", "xref", "ref") and value:
            c.notes.append(_labelled(kind or name, value, el.get("target")))
        else:
            self.dropped[f"<{name}{f' type={kind!r}' if kind else ''}> in a concept"] += 1

    def term(self, lang: str, el: Any, c: _ConceptFields) -> Term:
        f = _TermFields()
        for child in el:
            lang = self.term_part(lang, child, f, c)
        known = self.known
        context_source = _cited(f.context_ids, f.context_citations, known)
        return Term(
            lang,
            f.text,
            f.status,
            f.pinyin,
            f.pos,
            f.term_type,
            "\n".join(f.usage) or None,
            f.case,
            tuple(f.forms),
            tuple(f.not_in),
            _cited(f.ids, f.citations, known),
            f.origin,
            inflect=f.inflect,
            context=f.context,
            context_source=context_source[0] if context_source else None,
            valid_from=f.dates.get("valid-from"),
            valid_to=f.dates.get("valid-to"),
            replaced_by=f.replaced_by,
        )

    def term_part(self, lang: str, el: Any, f: _TermFields, c: _ConceptFields) -> str:
        """One element of a termSec (or tig); returns the term's language, which Microsoft's
        geographicalUsage makes regional."""
        name, kind = _local(el.tag), el.get("type")
        if not name:
            return lang
        value = self.text(el)
        if name == "term":
            f.text = value
        elif name in ("termNoteGrp", "descripGrp") and not _children(el, "descrip", "termNote"):
            self.dropped[f"<{name}> without its element"] += 1
        elif name == "termNoteGrp":
            for child in el:
                lang = self.term_part(lang, child, f, c)
        elif name == "termNote":
            lang = self.term_note(lang, kind, value, f)
        elif name == "note" and el.get(XML_LANG) == "zh-Latn-pinyin":
            f.pinyin = value
        elif name == "note":
            self.term_note_text(value, f)
        elif name == "admin" and kind == "source" and value:
            f.citations.append(value)
        elif name == "descripGrp":
            self.term_descrip_grp(lang, el, f, c)
        elif name == "descrip" and kind == "context" and f.context is None:
            f.context = value
        elif name == "descrip" and kind == "definition" and lang not in c.definition:
            c.definition[lang] = value  # TBX-Basic puts it in the langSec; kept where it fits
        elif name == "ref" and kind == "crossReference" and el.get("target"):
            c.see_also.append(self.ids.get(el.get("target"), el.get("target")))
        elif name == "transacGrp":
            self.dropped[TRANSACTIONS] += 1
        elif name in ("termCompList", "termCompGrp"):
            self.dropped[TERM_PARTS] += 1
        elif name in ("admin", "descrip", "xref", "ref") and value:
            f.usage.append(_labelled(kind or name, value, el.get("target")))
        else:
            self.dropped[f"<{name}{f' type={kind!r}' if kind else ''}> in a term"] += 1
        return lang

    def term_note(self, lang: str, kind: str | None, value: str, f: _TermFields) -> str:
        if kind == "administrativeStatus" and value in _STATUS:
            f.status = _STATUS[value]
        elif kind == "partOfSpeech" and value in {p.value for p in PartOfSpeech}:
            f.pos = PartOfSpeech(value)
        elif kind == "termType" and value in _TERM_TYPE:
            f.term_type = TermType(_TERM_TYPE[value])
        elif kind == "geographicalUsage" and lang.startswith("zh-Hant") and _region(value):
            return _region(value) or lang
        elif value:
            f.usage.append(f"{kind}: {value}")
        return lang

    def term_note_text(self, value: str, f: _TermFields) -> None:
        key, rest = _termbase_note(value)
        if key == "forms":
            f.forms.append(rest)
        elif key == "not-in":
            f.not_in.append(rest)
        elif key == "case-sensitive":
            f.case = rest == "true"
        elif key == "inflect":
            f.inflect = rest == "true"
        elif key == "origin" and rest in _ORIGINS:
            f.origin = Origin(rest)
        elif key == "source":
            f.ids.append(rest)
        elif key == "context-source":
            f.context_ids.append(rest)
        elif key in ("valid-from", "valid-to") and _iso_day(rest) is not None:
            f.dates[key] = _iso_day(rest)
        elif key == "replaced-by":
            f.replaced_by = rest
        elif value:
            f.usage.append(value)

    def term_descrip_grp(self, lang: str, el: Any, f: _TermFields, c: _ConceptFields) -> None:
        """A context with its source (or another descrip with what belongs to it)."""
        descrip = _children(el, "descrip")[0]
        if descrip.get("type") != "context" or f.context is not None:
            for child in el:
                self.term_part(lang, child, f, c)
            return
        f.context = self.text(descrip)
        for child in el:
            name, value = _local(child.tag), self.text(child)
            if child is descrip or not name:
                continue
            if name == "admin" and child.get("type") == "source" and value:
                f.context_citations.append(value)
            else:
                self.term_part(lang, child, f, c)


def _iso_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _labelled(kind: str, value: str, target: str | None) -> str:
    """A data category the format has no field for, as a line of a note."""
    return f"{kind}: {value}" + (f" ({target})" if target and target != value else "")


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


def _region(value: str) -> str | None:
    return _REGIONS.get(value.upper().replace("_", "-"))
