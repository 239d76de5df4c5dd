"""TBX-Basic v3 (ISO 30042:2019, DCA style) for CAT tools.

Mapping (docs/format.md): concept id -> conceptEntry/@id; subject -> descrip subjectField;
definitions -> descrip definition in the language's langSec (at conceptEntry level, with
xml:lang, when the concept has no term in that language); note -> note; sources -> admin source
(a citation); see-also and replaced-by -> ref crossReference with the text "see-also" or
"replaced-by"; status -> termNote administrativeStatus (preferred: preferredTerm-admn-sts,
admitted: admittedTerm-admn-sts, deprecated: supersededTerm-admn-sts, forbidden:
deprecatedTerm-admn-sts, as TBX-Basic has no "forbidden"); pinyin -> note
xml:lang="zh-Latn-pinyin"; part of speech and term type -> termNote; usage note -> note; context
-> descripGrp with descrip context and its source as admin source; the
fields TBX-Basic has no category for (forms, not-in, case-sensitive, origin, valid-from,
valid-to, replaced-by) -> notes starting with "termbase:". Only values of TBX-Basic's
picklists are written: the official Schematron never checks some of them, so this module does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from xml.sax.saxutils import escape, quoteattr

from termbase.exchange import ExportOptions
from termbase.model import Concept, Source, Status, Term, TermBase

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
# A source of the term base, in the header's sourceDesc: this prefix, then the record as JSON
# (id, title, publisher, date, url, note), so that an import defines every source it cites.
SOURCE_RECORD = "termbase:source-record="
STATUS = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "supersededTerm-admn-sts",
    Status.FORBIDDEN: "deprecatedTerm-admn-sts",
}
PART_OF_SPEECH = frozenset({"adjective", "noun", "verb", "adverb", "other"})
TERM_TYPE = {
    "full-form": "fullForm",
    "acronym": "acronym",
    "abbreviation": "abbreviation",
    "short-form": "shortForm",
    "variant": "variant",
    "phrase": "phrase",
}


class PicklistError(ValueError):
    """A value TBX-Basic does not allow; the exporter refuses to write it."""


def refuse_xml_illegal_anywhere(tb: TermBase) -> None:
    """Before the first byte: a character XML cannot carry stops the export (TB405 in
    validate) rather than leaving half a file on stdout."""
    for c in tb.concepts:
        refuse_xml_illegal(c)


def refuse_xml_illegal(c: Concept) -> None:
    from termbase.checks.rules import concept_texts, xml_problem
    from termbase.errors import TermbaseError

    for name, text, _ in concept_texts(c):
        bad = xml_problem(text)
        if bad:
            raise TermbaseError(
                f"{c.id}: the {name} {text!r} contains {bad}, which XML cannot carry; "
                "nothing was exported (termbase validate reports it as TB405)"
            )


def _text(s: str) -> str:
    """Element text: & < > escaped, and a carriage return as a character reference (XML reads
    a raw one as a line feed: the term would come back changed)."""
    return escape(s, {"\r": "&#13;"})


# Element names: TBX v3 (ISO 30042:2019) and TBX v2 (martif).
V3 = {"entry": "conceptEntry", "lang": "langSec", "term": "termSec"}
V2 = {"entry": "termEntry", "lang": "langSet", "term": "tig"}


def _term(
    t: Term, pad: str, names: dict[str, str] = V3, sources: Mapping[str, Source] | None = None
) -> list[str]:
    sources = sources or {}
    lines = [f"{pad}<{names['term']}>", f"{pad}  <term>{_text(t.text)}</term>"]
    lines.append(f'{pad}  <termNote type="administrativeStatus">{STATUS[t.status]}</termNote>')
    if t.part_of_speech is not None:
        if t.part_of_speech.value not in PART_OF_SPEECH:
            raise PicklistError(f"part of speech {t.part_of_speech.value!r} is not TBX-Basic's")
        lines.append(f'{pad}  <termNote type="partOfSpeech">{t.part_of_speech.value}</termNote>')
    if t.term_type is not None:
        lines.append(f'{pad}  <termNote type="termType">{TERM_TYPE[t.term_type.value]}</termNote>')
    if t.pinyin:
        lines.append(f'{pad}  <note xml:lang="zh-Latn-pinyin">{_text(t.pinyin)}</note>')
    if t.usage_note:
        lines.append(f"{pad}  <note>{_text(t.usage_note)}</note>")
    for key, values in (("forms", t.forms), ("not-in", t.not_in)):
        for v in values:
            lines.append(f"{pad}  <note>termbase:{key}={_text(v)}</note>")
    if t.case_sensitive is not None:
        lines.append(f"{pad}  <note>termbase:case-sensitive={str(t.case_sensitive).lower()}</note>")
    if t.inflect is not None:
        lines.append(f"{pad}  <note>termbase:inflect={str(t.inflect).lower()}</note>")
    if t.origin.value != "human":
        lines.append(f"{pad}  <note>termbase:origin={t.origin.value}</note>")
    for key, day in (("valid-from", t.valid_from), ("valid-to", t.valid_to)):
        if day is not None:
            lines.append(f"{pad}  <note>termbase:{key}={day.isoformat()}</note>")
    if t.replaced_by:
        lines.append(f"{pad}  <note>termbase:replaced-by={_text(t.replaced_by)}</note>")
    for sid in t.sources:
        lines.extend(_source_lines(sid, sources, pad + "  "))
    if t.context:
        lines.append(f"{pad}  <descripGrp>")
        lines.append(f'{pad}    <descrip type="context">{_text(t.context)}</descrip>')
        if t.context_source:  # v2's DTD allows only admin beside the descrip
            cited = _text(citation(t.context_source, sources))
            lines.append(f'{pad}    <admin type="source">{cited}</admin>')
        lines.append(f"{pad}  </descripGrp>")
        if t.context_source:
            lines.append(f"{pad}  <note>termbase:context-source={_text(t.context_source)}</note>")
    lines.append(f"{pad}</{names['term']}>")
    return lines


def _source_lines(sid: str, sources: Mapping[str, Source], pad: str) -> list[str]:
    """A source as TBX-Basic cites it (admin source) with termbase's id of it beside it."""
    return [
        f'{pad}<admin type="source">{_text(citation(sid, sources))}</admin>',
        f"{pad}<note>termbase:source={_text(sid)}</note>",
    ]


def citation(sid: str, sources: Mapping[str, Source]) -> str:
    source = sources.get(sid)
    return source.citation() if source is not None else sid


def source_records(tb: TermBase) -> list[str]:
    """The header's `<p>` lines: a note on the export, then one record for each source."""
    lines = ["        <p>Exported by termbase.</p>"]
    for s in tb.sources.values():
        record = {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url}
        record["date"] = s.date.isoformat() if s.date else None
        record["note"] = s.note
        data = json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False)
        lines.append(f"        <p>{_text(SOURCE_RECORD + data)}</p>")
    return lines


def concept_lines(c: Concept, tb: TermBase, ids: set[str], names: dict[str, str] = V3) -> list[str]:
    """One concept as TBX lines (v3 or, with `V2`, martif). `chunks` has checked every concept
    for characters XML cannot carry (TB405) before writing the first byte."""
    lines = [f"      <{names['entry']} id={quoteattr(c.id)}>"]
    pad = "        "
    if c.subject:
        lines.append(f'{pad}<descrip type="subjectField">{_text(c.subject)}</descrip>')
    languages = c.languages
    for lang, text in c.definition.items():
        if lang not in languages:
            lang_attr = quoteattr(lang)
            lines.append(
                f'{pad}<descrip type="definition" xml:lang={lang_attr}>{_text(text)}</descrip>'
            )
    for sid in c.sources:
        lines.extend(_source_lines(sid, tb.sources, pad))
    if c.note:
        lines.append(f"{pad}<note>{_text(c.note)}</note>")
    if c.lookup_only:
        lines.append(f"{pad}<note>termbase:lookup-only=true</note>")
    links = [("see-also", r) for r in c.see_also]
    if c.replaced_by:
        links.append(("replaced-by", c.replaced_by))
    for kind, ref in links:
        if ref in ids:
            lines.append(f'{pad}<ref type="crossReference" target={quoteattr(ref)}>{kind}</ref>')
        else:  # not in this export: an IDREF to it would make the file invalid
            lines.append(f"{pad}<note>termbase:{kind}={_text(ref)}</note>")
    for lang in languages:
        lines.append(f"{pad}<{names['lang']} xml:lang={quoteattr(lang)}>")
        if lang in c.definition:
            lines.append(f'{pad}  <descrip type="definition">{_text(c.definition[lang])}</descrip>')
        for t in c.terms_in(lang):
            lines.extend(_term(t, pad + "  ", names, tb.sources))
        lines.append(f"{pad}</{names['lang']}>")
    lines.append(f"      </{names['entry']}>")
    return lines


def export(tb: TermBase, options: ExportOptions) -> str:
    return "".join(chunks(tb, options))


def chunks(tb: TermBase, options: ExportOptions) -> Iterator[str]:
    """The file in pieces, one concept at a time, so that a large base streams."""
    root = (
        f'<tbx xmlns="{NAMESPACE}" type="TBX-Basic" style="dca" '
        f"xml:lang={quoteattr(tb.settings.working_language)}>"
    )
    return stream(tb, options, [root], ("tbxHeader", []), V3, "tbx")


def stream(
    tb: TermBase,
    options: ExportOptions,
    opening: list[str],
    header: tuple[str, list[str]],
    names: dict[str, str],
    root: str,
) -> Iterator[str]:
    """A TBX file of either version in pieces: its opening lines, the header (its element and
    what follows the fileDesc), every concept, the close. A character XML cannot carry stops
    the export before the first byte."""
    title = options.title or tb.settings.name or "termbase export"
    refuse_xml_illegal_anywhere(tb)
    ids = {c.id for c in tb.concepts}
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        *opening,
        f"  <{header[0]}>",
        "    <fileDesc>",
        f"      <titleStmt><title>{_text(title)}</title></titleStmt>",
        "      <sourceDesc>",
        *source_records(tb),
        "      </sourceDesc>",
        "    </fileDesc>",
        *header[1],
        f"  </{header[0]}>",
        "  <text>",
        "    <body>",
    ]
    yield "\n".join(head) + "\n"
    for c in tb.concepts:
        yield "\n".join(concept_lines(c, tb, ids, names)) + "\n"
    yield f"    </body>\n  </text>\n</{root}>\n"
