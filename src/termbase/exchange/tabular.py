"""CSV, TSV and XLSX glossaries in each tool's own layout. A profile (one small module each under
`termbase.exchange.profiles`) says which columns, header, delimiter, language codes and limits
the tool wants, and how to read its file back; this module writes the rows, checks them before
anything is written, and reads files into concepts.

Machine-bound files (MT glossaries, OmegaT) refuse a cell that a spreadsheet would run as a
formula (= + - @ at the start), naming the concept; they also refuse tabs, line breaks and
leading or trailing spaces in a term, and terms over the tool's byte limit. Files people open in
a spreadsheet escape such a cell with an apostrophe (CSV) or store it as text (XLSX).

Over the house's ~500 lines: it is the one engine of every profile, writing and reading
(`TermColumns`, `read_columns`); the profiles hold only their layouts.
"""

from __future__ import annotations

import csv
import enum
import importlib
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from termbase.errors import TermbaseError
from termbase.model import Concept, PartOfSpeech, Status, Term, TermBase

FORMULA_START = ("=", "+", "-", "@")


class ProfileError(TermbaseError):
    """A value the tool would refuse: nothing is written."""


class RowError(TermbaseError):
    """A row of a file being read that cannot be taken; the reader adds the file's name."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.detail = message


@dataclass(frozen=True, slots=True)
class Languages:
    source: str  # the term base's tags: zh-Hans, zh-Hant, en, ...
    target: str


Row = list[str]
Sheet = list[tuple[int, Row]]  # (line or spreadsheet row number, cells), header included


@dataclass(slots=True)
class Draft:
    """A concept as read from one row (or several rows that a profile ties together)."""

    terms: list[Term]
    id: str = ""  # empty: matched by its source term, or given a new id
    subject: str | None = None
    definition: dict[str, str] = field(default_factory=dict)
    note: str | None = None
    line: int = 0

    @classmethod
    def of(
        cls,
        terms: list[Term],
        *,
        line: int,
        id: str = "",
        subject: str = "",
        definition: str = "",
        note: str = "",
    ) -> Draft:
        """A draft from a row's cells: empty cells are absent values, a definition is English."""
        return cls(
            terms, id, subject or None, {"en": definition} if definition else {}, note or None, line
        )


class Trait(enum.Flag):
    """What a tool's file is, beyond its columns."""

    BOM = enum.auto()  # written with a byte order mark (Excel reads UTF-8 by it)
    # People open the file in a spreadsheet: a cell that would run as a formula is escaped
    # with an apostrophe. Without it the file is machine-bound (an MT glossary), and such a
    # cell is refused.
    FOR_PEOPLE = enum.auto()
    # The file carries the renderings not to use (memoQ's forbidden flag, Trados' Deprecated
    # and Forbidden fields, Phrase's status, OmegaT's comment); where it does not, the export
    # says how many it leaves out (see `left_out`).
    HOLDS_BANNED = enum.auto()
    PER_TARGET = enum.auto()  # one file for each target language (Weblate)
    # The file tells preferred from admitted and deprecated from forbidden (Phrase). Where it
    # does not, an import keeps a term's status unless the file moves it between "use" and
    # "do not use".
    FULL_STATUS = enum.auto()


NO_TRAITS = Trait(0)  # a machine-bound file that holds only what to use


# The usual traits of a CAT tool's glossary: opened by people, with the renderings not to use.
CAT_TOOL = Trait.FOR_PEOPLE | Trait.HOLDS_BANNED


@dataclass(frozen=True, slots=True)
class Layout:
    """How a tool's rows are written (`rows`, after `header`) and read back (`read`)."""

    rows: Callable[[TermBase, Languages], Iterable[tuple[str, Row]]]  # (concept id, cells)
    header: Callable[[Languages], Row] | None = None
    read: Callable[[Sheet, Languages], Iterable[Draft]] | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    layout: Layout
    formats: tuple[str, ...] = ("csv",)
    delimiter: str | None = None  # default: "," for csv, tab for tsv
    traits: Trait = NO_TRAITS
    max_term_bytes: int | None = None
    max_file_bytes: int | None = None
    term_cells: tuple[int, ...] = (0, 1)  # the cells that hold terms
    codes: Mapping[str, str] = field(default_factory=dict)  # our tags to the tool's codes
    # The tool's status words (case-folded) to ours, for a `TermColumns.status` column
    statuses: Mapping[str, Status] = field(default_factory=dict)
    # The concept fields read from named columns (header names, case-folded): {"subject":
    # "concept subject", "note": "concept note", ...}; see `draft`.
    concept_columns: Mapping[str, str] = field(default_factory=dict)

    @property
    def rows(self) -> Callable[[TermBase, Languages], Iterable[tuple[str, Row]]]:
        return self.layout.rows

    @property
    def header(self) -> Callable[[Languages], Row] | None:
        return self.layout.header

    @property
    def read(self) -> Callable[[Sheet, Languages], Iterable[Draft]] | None:
        return self.layout.read

    @property
    def bom(self) -> bool:
        return Trait.BOM in self.traits

    @property
    def machine_bound(self) -> bool:
        return Trait.FOR_PEOPLE not in self.traits

    @property
    def holds_banned(self) -> bool:
        return Trait.HOLDS_BANNED in self.traits

    @property
    def per_target(self) -> bool:
        return Trait.PER_TARGET in self.traits

    @property
    def full_status(self) -> bool:
        return Trait.FULL_STATUS in self.traits

    def code(self, lang: str) -> str:
        return self.codes.get(lang, lang)

    def tag(self, code: str) -> str:
        """The term base's tag for one of the tool's codes."""
        from termbase.langtags import canonical_tag

        for ours, theirs in self.codes.items():
            if theirs.casefold() == code.casefold():
                return ours
        tag = code.replace("_", "-")
        return canonical_tag(tag) or tag  # zh-hk (a header read case-folded) is zh-HK

    def draft(
        self, terms: list[Term], row: Row, names: Mapping[str, int], line: int, **given: str
    ) -> Draft:
        """A row read: its terms, and the concept fields of `concept_columns` (`given` wins)."""
        fields = {k: cell(row, names.get(column)) for k, column in self.concept_columns.items()}
        fields.update(given)
        return Draft.of(terms, line=line, **fields)

    def delimiter_for(self, fmt: str) -> str:
        return self.delimiter or ("\t" if fmt == "tsv" else ",")


PROFILES = (
    "deepl",
    "google",
    "google-sets",
    "amazon",
    "omegat",
    "memoq",
    "phrase",
    "trados",
    "crowdin",
    "lokalise",
    "weblate",
)


def profile(name: str) -> Profile:
    if name not in PROFILES:
        raise TermbaseError(f"unknown profile {name!r}; one of {', '.join(PROFILES)}")
    module = importlib.import_module(f"termbase.exchange.profiles.{name.replace('-', '_')}")
    found: Profile = module.PROFILE
    return found


def check_format(p: Profile, fmt: str | None, verb: str = "writes") -> str:
    if fmt not in p.formats:
        use = " or ".join(f"--format {f}" for f in p.formats)
        raise TermbaseError(f"the {p.name} profile {verb} {'/'.join(p.formats)}: use {use}")
    return fmt


def preferred(c: Concept, lang: str) -> Term | None:
    """The term a one-rendering tool gets: the preferred one, else the first admitted one (a
    concept whose only renderings are admitted, as the content policy records its own)."""
    terms = [t for t in c.terms if t.lang == lang]
    return next((t for t in terms if t.status is Status.PREFERRED), None) or next(
        (t for t in terms if t.status is Status.ADMITTED), None
    )


def approved(c: Concept, lang: str) -> list[Term]:
    return [t for t in c.terms if t.lang == lang and t.status.approved]


def _check(p: Profile, concept: str, cell: str, is_term: bool, *, escape: bool) -> str:
    """The cell as written: refused (machine-bound files) or escaped with an apostrophe
    (CSV files a spreadsheet opens) when it would run as a formula; checked against limits."""
    if cell.startswith(FORMULA_START):
        if p.machine_bound:
            raise ProfileError(
                f"{concept}: {cell!r} starts with {cell[0]!r}, which {p.name} refuses (a "
                "spreadsheet would run it as a formula)"
            )
        if escape:
            cell = "'" + cell
    if is_term:
        if any(ch in cell for ch in "\t\r\n") or cell != cell.strip():
            raise ProfileError(f"{concept}: {cell!r} has a tab, line break or outer space")
        if p.max_term_bytes is not None and len(cell.encode("utf-8")) > p.max_term_bytes:
            raise ProfileError(
                f"{concept}: {cell[:30]!r}... is over {p.name}'s limit of {p.max_term_bytes} "
                "bytes a term"
            )
    return cell


def cells(tb: TermBase, p: Profile, langs: Languages, *, escape: bool) -> list[tuple[str, Row]]:
    """Every row, header first (with concept id ""), checked."""
    out: list[tuple[str, Row]] = []
    if p.header is not None:
        out.append(("", p.header(langs)))
    for concept, row in p.rows(tb, langs):
        checked = [
            _check(p, concept, cell, n in p.term_cells, escape=escape) for n, cell in enumerate(row)
        ]
        out.append((concept, checked))
    return out


def write(tb: TermBase, p: Profile, langs: Languages, fmt: str = "csv") -> str:
    out = io.StringIO()
    if p.bom:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=p.delimiter_for(fmt), lineterminator="\n")
    for _, row in cells(tb, p, langs, escape=True):
        writer.writerow(row)
    text = out.getvalue()
    if p.max_file_bytes is not None and len(text.encode("utf-8")) > p.max_file_bytes:
        raise ProfileError(f"the file would be over {p.name}'s limit of {p.max_file_bytes} bytes")
    return text


# Reading -----------------------------------------------------------------------------------


def unescape(cell: str) -> str:
    """Undo the apostrophe a spreadsheet-bound file puts before a formula-like cell."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


def join(texts: Iterable[str], sep: str = "|") -> str:
    """Terms in one cell, `sep` between them; a `sep` or a backslash inside a term is written
    with a backslash before it, so that `split` gives the term back whole."""
    return sep.join(t.replace("\\", "\\\\").replace(sep, "\\" + sep) for t in texts)


def split(cell: str, sep: str = "|") -> list[str]:
    """The terms of a cell written by `join` (a tool's own cell has no backslashes: the same)."""
    if "\\" not in cell:
        return [s.strip() for s in cell.split(sep) if s.strip()]
    out, part, chars = [], [], iter(cell)
    for ch in chars:
        if ch == "\\":
            part.append(next(chars, "\\"))
        elif ch == sep:
            out.append("".join(part))
            part = []
        else:
            part.append(ch)
    out.append("".join(part))
    return [s.strip() for s in out if s.strip()]


def header_map(sheet: Sheet) -> tuple[dict[str, int], Sheet]:
    """The header's names (case-folded) to their columns, and the rows under it."""
    if not sheet:
        raise RowError(1, "the file is empty; a header row was expected")
    line, head = sheet[0]
    names: dict[str, int] = {}
    for n, name in enumerate(head):
        key = name.strip().casefold()
        if key and key in names:
            raise RowError(line, f"column {name.strip()!r} appears twice in the header")
        names[key] = n
    return names, sheet[1:]


def cell(row: Row, column: int | None) -> str:
    if column is None or column >= len(row):
        return ""
    return unescape(row[column].strip())


def yes(value: str) -> bool:
    return value.strip().casefold() in ("yes", "true", "1", "y", "x", "wahr", "vrai")


def pair_rows(sheet: Sheet, langs: Languages, *, comment: bool = False) -> Iterable[Draft]:
    """Headerless `source, target[, comment]` rows (DeepL, Google, OmegaT)."""
    for line, row in sheet:
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise RowError(line, f"a source and a target are needed, found {row!r}")
        note = row[2].strip() if comment and len(row) > 2 and row[2].strip() else None
        yield Draft(
            [
                Term(langs.source, row[0].strip(), Status.PREFERRED),
                Term(langs.target, row[1].strip(), Status.PREFERRED),
            ],
            note=note,
            line=line,
        )


NOT = "not: "  # in a comment: the renderings not to use


TONE_MARKED = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈŌÓǑÒ")


def looks_like_pinyin(text: str) -> bool:
    """Tone-marked pinyin as our exports write it: Latin letters with at least one tone mark,
    digits, spaces and punctuation; no Han characters (an English note has no tone marks)."""
    return any(ch in TONE_MARKED for ch in text) and all(ch <= "\u024f" for ch in text)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment written as `part | part | ...` by our exports: the pinyin, `not: a; b` for the
    renderings not to use, and anything else."""

    pinyin: str | None
    banned: list[str]
    rest: list[str]


PINYIN = "pinyin: "


def pinyin_part(pinyin: str) -> str:
    """The pinyin as a comment part: labelled where it has no tone mark to tell it from a note
    (the reading of 吗 is `ma`, of A is `A`)."""
    return pinyin if looks_like_pinyin(pinyin) else PINYIN + pinyin


def parse_comment(text: str) -> Comment:
    parts = [p.strip() for p in text.split(" | ") if p.strip()]
    pinyin = None
    banned: list[str] = []
    rest: list[str] = []
    for part in parts:
        if part.startswith(NOT):
            banned += [x.strip() for x in part[len(NOT) :].split(";") if x.strip()]
        elif pinyin is None and part.startswith(PINYIN):
            pinyin = part[len(PINYIN) :]
        elif pinyin is None and looks_like_pinyin(part):
            pinyin = part
        else:
            rest.append(part)
    return Comment(pinyin, banned, rest)


def gather(drafts: Iterable[Draft], source: str) -> list[Concept]:
    """Concepts from drafts: drafts with the same id are one concept; drafts without an id and
    with the same source term are one concept where their concept fields (subject, definition,
    note) agree, a row that leaves them empty agreeing with any. A term read twice is kept once
    (its first status wins)."""
    merged: dict[tuple[str, str, int], Draft] = {}
    last: dict[tuple[str, str], int] = {}  # the newest draft of each id or source term
    # each merged draft's pinyin readings, kept as terms join it: `_agree` looks them up
    # instead of collecting them again for every row (rows sharing one source term were
    # quadratic: a 0.8 MB XLSX took 120 s)
    readings: dict[tuple[str, str, int], dict[tuple[str, str], str]] = {}
    for d in drafts:
        if d.id:
            key = ("id", d.id)
        else:
            first = next((t.text for t in d.terms if t.lang == source), None)
            if first is None:
                first = d.terms[0].text if d.terms else ""
            key = ("term", first)
        n = last.get(key, 0)
        have = merged.get((*key, n))
        if have is not None and not d.id and not _agree(have, d, readings[(*key, n)]):
            have, n = None, n + 1
        known = readings.setdefault((*key, n), {})
        for t in d.terms:
            if t.pinyin:
                known.setdefault((t.lang, t.text), t.pinyin)
        if have is None:
            last[key] = n
            merged[(*key, n)] = Draft(
                list(d.terms), d.id, d.subject, dict(d.definition), d.note, d.line
            )
            continue
        have.terms.extend(d.terms)
        have.subject = have.subject or d.subject
        for lang, text in d.definition.items():
            have.definition.setdefault(lang, text)
        have.note = have.note or d.note
    concepts = []
    for d in merged.values():
        seen: set[tuple[str, str]] = set()
        terms = []
        for t in d.terms:
            if t.text and (t.lang, t.text) not in seen:
                seen.add((t.lang, t.text))
                terms.append(t)
        if terms:
            concepts.append(
                Concept(d.id, tuple(terms), d.subject, d.definition, d.note, line=d.line)
            )
    return concepts


def _agree(have: Draft, d: Draft, readings: Mapping[tuple[str, str], str]) -> bool:
    """`d` may join `have`: no concept field and no reading of a shared term differs
    (`readings`: the pinyin of `have`'s terms)."""
    return (
        (not d.subject or d.subject == have.subject)
        and (not d.note or d.note == have.note)
        and all(have.definition.get(k) == v for k, v in d.definition.items())
        and all(readings.get((t.lang, t.text), t.pinyin) == t.pinyin for t in d.terms if t.pinyin)
    )


def require(names: Mapping[str, int], wanted: Sequence[str], what: str) -> None:
    missing = [w for w in wanted if w.casefold() not in names]
    if missing:
        raise RowError(
            1, f"not a {what} file: the header has no {', '.join(map(repr, missing))} column"
        )


def left_out(tb: TermBase, p: Profile, targets: Iterable[str]) -> str | None:
    """A note for a profile whose tool cannot hold deprecated and forbidden renderings: how
    many of the target languages' it leaves out, and which formats carry them."""
    if p.holds_banned:
        return None
    wanted = set(targets)
    n = sum(1 for c in tb.concepts for t in c.terms if t.lang in wanted and not t.status.approved)
    if not n:
        return None
    carriers = ", ".join(x.name for x in _all_profiles() if x.holds_banned)
    return (
        f"{p.name} cannot hold renderings not to use: {n} deprecated or forbidden term(s) are "
        f"left out (--format tbx, tbx2 and the {carriers} profiles carry them)"
    )


def _all_profiles() -> list[Profile]:
    return [profile(name) for name in PROFILES]


def pairs(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    """An MT glossary's rows: each concept's preferred source and target terms, a source once
    (DeepL rejects a glossary with a source twice; Google and Amazon take the first). A
    glossary is a constraint on the machine: look-up-only concepts are not in it."""
    seen: set[str] = set()
    for c in tb.concepts:
        src, tgt = preferred(c, langs.source), preferred(c, langs.target)
        if src is None or tgt is None or src.text in seen or c.lookup_only:
            continue
        seen.add(src.text)
        yield c.id, [src.text, tgt.text]


# The columns of a layout --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TermColumns:
    """Where one language's term and its attributes stand in a tool's row, by header name
    (matched case-insensitively): a profile declares its layout's languages with these, and
    `read_columns` reads any of them."""

    lang: str
    text: str
    forbidden: str | None = None  # a yes/no flag: yes is forbidden
    status: str | None = None  # a status word, read through the profile's `statuses`
    usage: str | None = None
    part_of_speech: str | None = None
    case: str | None = None  # a yes/no flag: yes is case-sensitive


_PARTS_OF_SPEECH = {p.value: p for p in PartOfSpeech}


def terms_of(
    row: Row, names: Mapping[str, int], columns: Iterable[TermColumns], p: Profile
) -> list[Term]:
    """The terms a row holds in the columns declared, each with its status and attributes."""

    def value(name: str | None) -> str:
        return cell(row, names.get(name.casefold())) if name else ""

    terms = []
    for col in columns:
        text = value(col.text)
        if not text:
            continue
        status = Status.FORBIDDEN if yes(value(col.forbidden)) else Status.PREFERRED
        if col.status:
            status = p.statuses.get(value(col.status).casefold(), status)
        terms.append(
            Term(
                col.lang,
                text,
                status,
                part_of_speech=_PARTS_OF_SPEECH.get(value(col.part_of_speech).casefold()),
                usage_note=value(col.usage) or None,
                case_sensitive=True if yes(value(col.case)) else None,
            )
        )
    return terms


def read_columns(
    sheet: Sheet,
    p: Profile,
    columns: Callable[[dict[str, int]], list[TermColumns]],
    *,
    required: Sequence[str] = (),
    minimum: int = 1,
    too_few: str = "the header has no language column",
) -> Iterator[Draft]:
    """Every row of a file with a header: the terms in `columns(header)` and the concept fields
    of the profile's `concept_columns`; a header without the `required` names, or with fewer
    than `minimum` term columns (`too_few` says so), is not the tool's file."""
    names, body = header_map(sheet)
    require(names, required, p.name)
    found = columns(names)
    if len(found) < minimum:
        article = "an" if p.name[0] in "aeiou" else "a"
        raise RowError(1, f"not {article} {p.name} file: {too_few}")
    for line, row in body:
        yield p.draft(terms_of(row, names, found, p), row, names, line)
