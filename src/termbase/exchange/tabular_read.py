"""`termbase import --format csv|tsv|xlsx --profile P`: a tool's glossary file read back into
concepts and matched to the term base. Rows with a concept id (Phrase's CID, Weblate's context,
our own Concept ID column) are matched by id when it is one of ours; the others by their source
term; what matches nothing becomes a new concept with an id made from its English (or its
source) term. A matched concept is merged: new terms are added, a term already there takes the
file's status and notes, and its other fields stay."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import zlib
from collections.abc import Iterable
from pathlib import Path

from termbase.base.store import ID_PATTERN
from termbase.errors import TermbaseError
from termbase.exchange.tabular import (
    FORMULA_START,
    Languages,
    Profile,
    RowError,
    Sheet,
    check_format,
    gather,
)
from termbase.model import Concept, Status, Term, TermBase

FORMATS = ("csv", "tsv", "xlsx")


def read_sheet(path: Path, fmt: str, p: Profile) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise TermbaseError(f"{path}: cannot read: {e.strerror or e}") from e
    if fmt == "xlsx":
        from termbase.exchange import xlsx

        return xlsx.read_sheet(str(path), data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise TermbaseError(
            f"{path}:{line}: not UTF-8 (byte {data[e.start]:#04x} at offset {e.start}); save "
            "the file as UTF-8"
        ) from e
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=p.delimiter_for(fmt), strict=True)
    sheet: Sheet = []
    width = 0
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num - text_lines(row) + 1
            if width and len(row) != width and not _short_tail(row, width):
                raise TermbaseError(
                    f"{path}:{line}: {len(row)} cells where the first row has {width} (a "
                    "ragged row: check the quoting and the delimiter)"
                )
            width = width or len(row)
            for n, value in enumerate(row):
                if would_run(value):
                    raise TermbaseError(
                        f"{path}:{line}: cell {n + 1} ({value[:30]!r}) starts with {value[0]!r}: "
                        "a spreadsheet would run it as a formula. Nothing was imported; write "
                        "it as '" + value[:30] + " if it is meant as text"
                    )
            sheet.append((line, row))
    except csv.Error as e:
        raise TermbaseError(f"{path}:{reader.line_num}: {e}") from e
    return sheet


def would_run(value: str) -> bool:
    """A cell a spreadsheet would run as a formula (= + - @ first, and not a plain number).
    Our own spreadsheet-bound files write such text with an apostrophe first, which is fine."""
    if not value.startswith(FORMULA_START):
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False


def text_lines(row: list[str]) -> int:
    """How many physical lines a row took (quoted cells may hold line breaks)."""
    return 1 + sum(cell.count("\n") for cell in row)


def _short_tail(row: list[str], width: int) -> bool:
    """A row may leave out empty cells at its end (OmegaT's optional comment)."""
    return len(row) < width and len(row) >= 2


def read(path: Path, fmt: str, p: Profile, langs: Languages) -> list[Concept]:
    if not path.is_file():
        raise TermbaseError(f"{path}: no such file")
    check_format(p, fmt, "reads")
    assert p.read is not None
    sheet = read_sheet(path, fmt, p)
    try:
        return gather(p.read(sheet, langs), langs.source)
    except RowError as e:
        raise TermbaseError(f"{path}:{e.line}: {e.detail}") from e


def make_id(c: Concept, taken: set[str]) -> str:
    english = next((t.text for t in c.terms if t.lang.split("-")[0] == "en"), "")
    slug = re.sub(r"[^a-z0-9]+", "-", english.casefold()).strip("-")
    if len(slug) > 48:
        slug = slug[:48].rsplit("-", 1)[0]
    if not slug or not slug[0].isalpha():
        first = c.terms[0].text
        slug = f"term-{zlib.crc32(first.encode()):08x}"
    new, n = slug, 2
    while new in taken:
        new, n = f"{slug}-{n}", n + 1
    taken.add(new)
    return new


SCRIPTS = {
    "zh-Hans": "zh-Hans",
    "zh-CN": "zh-Hans",
    "zh-SG": "zh-Hans",
    "zh-Hant": "zh-Hant",
    "zh-TW": "zh-Hant",
    "zh-HK": "zh-Hant",
    "zh-MO": "zh-Hant",
}


def _key(t: Term) -> tuple[str, str]:
    """A term is the same term in zh-TW and zh-Hant when its characters are (a tool that has one
    Traditional column gives back what we wrote from either)."""
    return SCRIPTS.get(t.lang, t.lang), t.text


def merge(old: Concept, new: Concept, *, full_status: bool = True) -> Concept:
    """`old` with the terms of `new` added or updated; other fields kept where the file has
    none. Without `full_status` a term keeps its status unless the file moves it between
    approved (preferred, admitted) and not (deprecated, forbidden)."""
    terms = list(old.terms)
    where = {_key(t): n for n, t in enumerate(terms)}

    def preferred_in(lang: str) -> int | None:
        return next(
            (i for i, x in enumerate(terms) if x.lang == lang and x.status is Status.PREFERRED),
            None,
        )

    for given in new.terms:
        t = given
        n = where.get(_key(t))
        if n is None:
            if (
                t.status is Status.PREFERRED
                and not full_status
                and preferred_in(t.lang) is not None
            ):
                # A glossary row names one rendering per concept; a new one beside the
                # preferred one the base has is admitted, unless the file says preferred.
                t = dataclasses.replace(t, status=Status.ADMITTED)
            where[_key(t)] = len(terms)
            terms.append(t)
            continue
        have = terms[n]
        status = t.status
        if not full_status and status.approved == have.status.approved:
            status = have.status
        promoted = status is Status.PREFERRED and have.status is not Status.PREFERRED
        if promoted and not full_status and preferred_in(have.lang) is not None:
            status = Status.ADMITTED
        terms[n] = dataclasses.replace(
            have,
            status=status,
            pinyin=t.pinyin or have.pinyin,
            usage_note=t.usage_note or have.usage_note,
            part_of_speech=t.part_of_speech or have.part_of_speech,
            case_sensitive=t.case_sensitive
            if t.case_sensitive is not None
            else have.case_sensitive,
        )
    return dataclasses.replace(
        old,
        terms=tuple(terms),
        subject=new.subject or old.subject,
        definition={**old.definition, **new.definition},
        note=new.note or old.note,
    )


@dataclasses.dataclass(frozen=True, slots=True)
class Resolved:
    concepts: list[Concept]  # new ones, and merged existing ones that changed
    unchanged: int


def resolve(
    incoming: Iterable[Concept], tb: TermBase, source: str, *, full_status: bool = True
) -> Resolved:
    """Each concept read from a glossary matched to the base's concepts: by id where the file
    has one, else by its source term. Where several concepts share that term (a glossary without
    ids gathers their rows into one), each rendering goes to the concept that has it, and a new
    one to the concept sharing most of the row's terms: concepts that share a Chinese term never
    receive each other's renderings."""
    by_id = tb.by_id()
    by_term: dict[tuple[str, str], list[str]] = {}
    for c in tb.concepts:
        for t in c.terms:
            ids = by_term.setdefault(_key(t), [])
            if not ids or ids[-1] != c.id:
                ids.append(c.id)
    taken = set(by_id)
    out: dict[str, Concept] = {}
    unchanged: set[str] = set()  # concepts, not rows: a concept can have a row per rendering
    for c in incoming:
        cid = c.id if c.id in by_id or (c.id and ID_PATTERN.fullmatch(c.id)) else ""
        parts = [(cid, c)]
        if not cid:
            first = next((t for t in c.terms if t.lang == source), None)
            if first is not None:
                candidates = by_term.get(_key(first), [])
                parts = _share(c, first, [out.get(x) or by_id[x] for x in candidates])
        for cid, part in parts:
            base = out.get(cid) or by_id.get(cid)
            if base is not None:
                merged = merge(base, part, full_status=full_status)
                if merged == by_id.get(cid):
                    unchanged.add(cid)
                else:
                    out[cid] = merged
                continue
            new_id = cid or make_id(part, taken)
            taken.add(new_id)
            out[new_id] = dataclasses.replace(part, id=new_id)
    return Resolved(list(out.values()), len(unchanged - out.keys()))


def _share(c: Concept, first: Term, candidates: list[Concept]) -> list[tuple[str, Concept]]:
    """`c` cut among the concepts that have its source term `first`: each term to a concept that
    has it, the others to the concept sharing most of the row's terms; among equals, the one
    whose concept fields (subject, definition, note) and reading are the row's, then the
    first. The fields go with the part of the row's first rendering."""
    if len(candidates) <= 1:
        return [(candidates[0].id if candidates else "", c)]
    keys = {_key(t) for t in c.terms}
    held = [{_key(t) for t in x.terms} for x in candidates]

    def rank(n: int) -> tuple[int, int, int]:
        x = candidates[n]
        fields = (x.subject == c.subject) + (x.note == c.note)
        fields += all(x.definition.get(k) == v for k, v in c.definition.items())
        fields += any(t.pinyin == first.pinyin for t in x.terms if _key(t) == _key(first))
        return len(keys & held[n]), fields, -n

    order = sorted(range(len(candidates)), key=rank, reverse=True)
    groups: dict[str, list[Term]] = {}
    for t in c.terms:
        if _key(t) != _key(first):
            n = next((n for n in order if _key(t) in held[n]), order[0])
            groups.setdefault(candidates[n].id, []).append(t)
    best = candidates[order[0]].id
    lead = next(iter(groups), best)
    bare = dataclasses.replace(c, subject=None, definition={}, note=None)
    return [
        (cid, dataclasses.replace(c if cid == lead else bare, terms=(first, *terms)))
        for cid, terms in (groups or {best: []}).items()
    ]


def language_of(path: Path, p: Profile) -> str | None:
    """A per-language file names its language (Weblate's en.csv, zh_Hant.csv)."""
    return p.tag(path.stem) if p.per_target else None
