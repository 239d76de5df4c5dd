"""Reading the term base's TOML files.

Files are parsed with the standard library's `tomllib` (fast). tomllib keeps no positions, so a
single pass over each file's lines finds where every table and key starts; findings use it to
point at a line. Problems in the data become `Finding` values; only a path that cannot be read at
all raises `ReadError`.

Over the house's ~500 lines: the one reader of the format, key by key with its line numbers;
the checks that need the whole base are in `termbase.checks`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from termbase.base import tomlread
from termbase.base.files import SETTINGS_FILE, discover, no_concepts_message
from termbase.base.toml_file import raise_unreadable, read_toml
from termbase.catalog import did_you_mean, finding
from termbase.errors import ReadError
from termbase.finding import Finding
from termbase.langtags import canonical_tag, is_chinese, written_canonically
from termbase.model import (
    Concept,
    Origin,
    PartOfSpeech,
    Settings,
    Source,
    Status,
    Term,
    TermBase,
    TermType,
)

_E = TypeVar("_E", Status, PartOfSpeech, TermType, Origin)
Line = int | Callable[[], int]  # a line number, or how to find it when a message needs it

_STATUSES = {s.value: s for s in Status}
_PLAIN_TERM_KEYS = {"lang", "text", "status", "pinyin"}

CONCEPT_KEYS = (
    "subject",
    "definition",
    "note",
    "sources",
    "see-also",
    "replaced-by",
    "lookup-only",
    "term",
)
TERM_KEYS = (
    "lang",
    "text",
    "status",
    "pinyin",
    "part-of-speech",
    "term-type",
    "usage-note",
    "case-sensitive",
    "inflect",
    "forms",
    "not-in",
    "sources",
    "origin",
    "context",
    "context-source",
    "valid-from",
    "valid-to",
    "replaced-by",
)
SOURCE_KEYS = ("title", "publisher", "date", "url", "note")
SETTINGS_KEYS = ("name", "source-language", "languages", "working-language")
SETTINGS_SECTIONS = ("termbase", "sources", "lint", "convert", "export")

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
SOURCE_ID_PATTERN = ID_PATTERN

# ---------------------------------------------------------------- positions


_HEADER = re.compile(r"^[ \t]*(\[\[?)[ \t]*([^\[\]#]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_KEYPART = r'(?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_-]+)'
_KEYLINE = re.compile(rf"^[ \t]*({_KEYPART}(?:[ \t]*\.[ \t]*{_KEYPART})*)[ \t]*=")
_KEYSPLIT = re.compile(_KEYPART)


@lru_cache(maxsize=16384)
def _key_parts(text: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in _KEYSPLIT.findall(text))


@dataclass(slots=True)
class _Table:
    line: int
    keys: dict[str, int] = field(default_factory=dict)


_HEADERS = re.compile(r"^[ \t]*(\[\[?)[ \t]*([^\[\]#\n]+?)[ \t]*\]\]?[ \t]*(?:#[^\n]*)?$", re.M)


@dataclass(slots=True)
class LineIndex:
    """Where each table header and key of one file is, by line number (1-based).

    Headers are found at once with one regular expression over the whole text; keys only when
    a message first needs one (a full pass over the lines costs more than parsing).
    """

    tables: dict[tuple[str, ...], list[_Table]] = field(default_factory=dict)
    text: str = ""
    keys_scanned: bool = False

    @classmethod
    def scan(cls, text: str) -> LineIndex:
        idx = cls(text=text)
        idx.tables[()] = [_Table(0)]
        line, pos = 1, 0
        for m in _HEADERS.finditer(text):
            line += text.count("\n", pos, m.start())
            pos = m.start()
            idx.tables.setdefault(_key_parts(m.group(2)), []).append(_Table(line))
        return idx

    def _scan_keys(self) -> None:
        self.keys_scanned = True
        tables: dict[tuple[str, ...], list[_Table]] = {}
        current = _Table(0)
        tables[()] = [current]
        in_multiline: str | None = None
        for n, line in enumerate(tomlread.split_lines(self.text), 1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            h = _HEADER.match(line)
            if h:
                current = _Table(n)
                tables.setdefault(_key_parts(h.group(2)), []).append(current)
                continue
            k = _KEYLINE.match(line)
            if k:
                parts = _key_parts(k.group(1))
                for i in range(1, len(parts) + 1):
                    current.keys.setdefault(".".join(parts[:i]), n)
                rest = line[k.end() :]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote
        self.tables = tables

    def table(self, parts: tuple[str, ...], n: int = 0) -> _Table | None:
        found = self.tables.get(parts)
        if found and n < len(found):
            return found[n]
        return None

    def concept_line(self, cid: str) -> int:
        t = self.table((cid,))
        if t:
            return t.line
        for parts, tables in self.tables.items():
            if parts and parts[0] == cid:
                return tables[0].line
        return self.key_line((), cid)

    def term_line(self, cid: str, n: int) -> int:
        t = self.table((cid, "term"), n)
        if t:
            return t.line
        return self.key_line((cid,), "term") or self.concept_line(cid)

    def key_line(self, parts: tuple[str, ...], key: str, n: int = 0) -> int:
        if not self.keys_scanned:
            self._scan_keys()
        t = self.table(parts, n)
        if t and key in t.keys:
            return t.keys[key]
        # A dotted key in the parent table: [a] b.c = 1
        if parts:
            parent = self.table(parts[:-1])
            if parent:
                dotted = ".".join((parts[-1], key))
                if dotted in parent.keys:
                    return parent.keys[dotted]
        return t.line if t else 0


# ---------------------------------------------------------------- files


@dataclass(slots=True)
class Document:
    """One file's text and parsed data, or the findings that stopped it being parsed."""

    path: Path
    data: dict[str, Any] | None
    index: LineIndex
    findings: list[Finding]


def read_document(path: Path) -> Document:
    """Read and parse one TOML file; decoding and syntax problems become findings."""
    text, data, findings = read_toml(path)
    if text is None or data is None:
        return Document(path, None, LineIndex(), findings)
    return Document(path, data, LineIndex.scan(text), findings)


# ---------------------------------------------------------------- from data to model


class _Reader:
    """Turns one parsed file into model values, noting every problem on the way."""

    def __init__(self, doc: Document) -> None:
        self.path = doc.path
        self.idx = doc.index
        self.findings: list[Finding] = []

    def add(
        self,
        code: str,
        line: Line,
        message: str,
        concept: str | None = None,
        hint: str | None = None,
    ) -> None:
        at = line() if callable(line) else line
        self.findings.append(finding(code, self.path, at, message, concept=concept, hint=hint))

    def unknown_keys(
        self,
        table: Mapping[str, Any],
        known: tuple[str, ...],
        line_of: Any,
        what: str,
        concept: str | None = None,
    ) -> None:
        for key in table:
            if key not in known:
                self.add(
                    "TB103",
                    line_of(key),
                    f"unknown key {key!r} in {what}",
                    concept,
                    _suggest(key, known),
                )

    def text(
        self, value: Any, key: str, line: Line, concept: str | None, *, required: bool = False
    ) -> str | None:
        if value is None:
            if required:
                self.add("TB102", line, f"missing {key}", concept)
            return None
        if not isinstance(value, str):
            self.add("TB101", line, f"{key} must be a string, not {_type_name(value)}", concept)
            return None
        if required and not value.strip():
            self.add("TB102", line, f"{key} is empty", concept)
            return None
        return value

    def date(self, value: Any, key: str, line: Line, concept: str | None) -> dt.date | None:
        """A TOML date (a date-time is taken as its day); anything else is TB101."""
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        self.add(
            "TB101",
            line,
            f"{key} must be a TOML date such as 2015-09-28 (unquoted), not {_type_name(value)}",
            concept,
        )
        return None

    def texts(self, value: Any, key: str, line: Line, concept: str | None) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(
                "TB101",
                line,
                f"{key} must be a list of strings, not {_type_name(value)}",
                concept,
                f'write {key} = ["..."]',
            )
            return ()
        return tuple(value)

    def flag(self, value: Any, key: str, line: Line, concept: str | None) -> bool | None:
        if value is None or isinstance(value, bool):
            return value
        self.add("TB101", line, f"{key} must be true or false, not {_type_name(value)}", concept)
        return None

    def choice(
        self, value: Any, enum: type[_E], key: str, line: Line, concept: str | None
    ) -> _E | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.add("TB101", line, f"{key} must be a string, not {_type_name(value)}", concept)
            return None
        try:
            return enum(value)
        except ValueError:
            allowed = [m.value for m in enum]
            self.add(
                "TB104",
                line,
                f"{key} {value!r} is not one of {', '.join(allowed)}",
                concept,
                _suggest(value.lower(), allowed),
            )
            return None

    def lang(self, value: Any, key: str, line: Line, concept: str | None) -> str | None:
        tag = self.text(value, key, line, concept, required=True)
        if tag is None:
            return None
        if written_canonically(tag):
            return tag
        canon = canonical_tag(tag.replace("_", "-"))
        if canon is None:
            self.add("TB105", line, f"{key} {tag!r} is not a BCP 47 language tag", concept)
            return None
        if canon != tag:
            self.add(
                "TB105",
                line,
                f"{key} {tag!r} is not written as BCP 47 writes it",
                concept,
                f'write "{canon}"',
            )
            return None
        return tag

    # -- concept files

    def concepts(self, data: dict[str, Any]) -> list[Concept]:
        out: list[Concept] = []
        for cid, body in data.items():
            line = self.idx.concept_line(cid)
            if not isinstance(body, dict):
                self.add(
                    "TB101",
                    line,
                    f"top-level key {cid!r} must be a concept table [{cid}], "
                    f"not {_type_name(body)}",
                    None,
                    "concept files hold only [concept-id] tables; settings go in termbase.toml",
                )
                continue
            if not ID_PATTERN.fullmatch(cid):
                self.add(
                    "TB106",
                    line,
                    f"concept id {cid!r} must be lower-case ASCII letters, digits and hyphens, "
                    "starting with a letter",
                    cid,
                    f'for example "{slug(cid)}"' if slug(cid) else None,
                )
            concept = self.concept(cid, body, line)
            if concept is not None:
                out.append(concept)
        return out

    def concept(self, cid: str, body: dict[str, Any], line: int) -> Concept | None:
        def key_line(key: str) -> Callable[[], int]:
            return lambda: self.idx.key_line((cid,), key) or line

        self.unknown_keys(body, CONCEPT_KEYS, key_line, f"concept {cid!r}", cid)
        raw_terms = body.get("term")
        terms: list[Term] = []
        if raw_terms is None:
            self.add(
                "TB102",
                line,
                "concept has no term",
                cid,
                f"add a [[{cid}.term]] table with lang, text and status",
            )
        elif not isinstance(raw_terms, list) or not all(isinstance(t, dict) for t in raw_terms):
            self.add(
                "TB101",
                key_line("term"),
                f"term must be an array of tables [[{cid}.term]], not {_type_name(raw_terms)}",
                cid,
            )
        else:
            for n, raw in enumerate(raw_terms):
                term = self.term(cid, n, raw)
                if term is not None:
                    terms.append(term)
        definition: dict[str, str] = {}
        raw_def = body.get("definition")
        if raw_def is not None:
            if isinstance(raw_def, dict):
                for lang, text in raw_def.items():
                    dl = key_line(f"definition.{lang}")
                    tag = self.lang(lang, "definition language", dl, cid)
                    value = self.text(text, f"definition.{lang}", dl, cid, required=True)
                    if tag and value:
                        definition[tag] = value
            else:
                self.add(
                    "TB101",
                    key_line("definition"),
                    f"definition must be a table of language = text, not {_type_name(raw_def)}",
                    cid,
                    'write definition.en = "..."',
                )
        if raw_terms is not None and not terms and isinstance(raw_terms, list) and not raw_terms:
            self.add("TB102", line, "concept has no term", cid)
        return Concept(
            id=cid,
            terms=tuple(terms),
            subject=self.text(body.get("subject"), "subject", key_line("subject"), cid),
            definition=definition,
            note=self.text(body.get("note"), "note", key_line("note"), cid),
            sources=self.texts(body.get("sources"), "sources", key_line("sources"), cid),
            see_also=self.texts(body.get("see-also"), "see-also", key_line("see-also"), cid),
            replaced_by=self.text(
                body.get("replaced-by"), "replaced-by", key_line("replaced-by"), cid
            ),
            path=self.path,
            line=line,
            lookup_only=bool(
                self.flag(body.get("lookup-only"), "lookup-only", key_line("lookup-only"), cid)
            ),
        )

    def term(self, cid: str, n: int, raw: dict[str, Any]) -> Term | None:
        line = self.idx.term_line(cid, n)
        fast = self._plain_term(raw, line)
        if fast is not None:
            return fast

        def key_line(key: str) -> Callable[[], int]:
            return lambda: self.idx.key_line((cid, "term"), key, n) or line

        self.unknown_keys(raw, TERM_KEYS, key_line, "term", cid)
        lang = self.lang(raw.get("lang"), "lang", key_line("lang"), cid)
        text = self.text(raw.get("text"), "text", key_line("text"), cid, required=True)
        status_line = key_line("status")
        status = self.choice(raw.get("status"), Status, "status", status_line, cid)
        if raw.get("status") is None:
            self.add(
                "TB102",
                line,
                "missing status",
                cid,
                "status is one of preferred, admitted, deprecated, forbidden",
            )
        pinyin = self.text(raw.get("pinyin"), "pinyin", key_line("pinyin"), cid)
        if pinyin is not None and lang is not None and not is_chinese(lang):
            self.add(
                "TB107",
                key_line("pinyin"),
                f"pinyin on the {lang} term {text!r}" if text else f"pinyin on a {lang} term",
                cid,
                "pinyin belongs on Chinese terms (zh-Hans, zh-Hant, ...)",
            )
        term = Term(
            inflect=self.flag(raw.get("inflect"), "inflect", key_line("inflect"), cid),
            lang=lang or "",
            text=text or "",
            status=status or Status.ADMITTED,
            pinyin=pinyin,
            part_of_speech=self.choice(
                raw.get("part-of-speech"),
                PartOfSpeech,
                "part-of-speech",
                key_line("part-of-speech"),
                cid,
            ),
            term_type=self.choice(
                raw.get("term-type"), TermType, "term-type", key_line("term-type"), cid
            ),
            usage_note=self.text(raw.get("usage-note"), "usage-note", key_line("usage-note"), cid),
            case_sensitive=self.flag(
                raw.get("case-sensitive"), "case-sensitive", key_line("case-sensitive"), cid
            ),
            forms=self.texts(raw.get("forms"), "forms", key_line("forms"), cid),
            not_in=self.texts(raw.get("not-in"), "not-in", key_line("not-in"), cid),
            sources=self.texts(raw.get("sources"), "sources", key_line("sources"), cid),
            origin=self.choice(raw.get("origin"), Origin, "origin", key_line("origin"), cid)
            or Origin.HUMAN,
            line=line,
            context=self.text(raw.get("context"), "context", key_line("context"), cid),
            context_source=self.text(
                raw.get("context-source"), "context-source", key_line("context-source"), cid
            ),
            valid_from=self.date(raw.get("valid-from"), "valid-from", key_line("valid-from"), cid),
            valid_to=self.date(raw.get("valid-to"), "valid-to", key_line("valid-to"), cid),
            replaced_by=self.text(
                raw.get("replaced-by"), "replaced-by", key_line("replaced-by"), cid
            ),
        )
        if lang is None or text is None or status is None:
            return None
        return term

    @staticmethod
    def _plain_term(raw: dict[str, Any], line: int) -> Term | None:
        """The common case, checked quickly: lang, text, status and perhaps pinyin, all fine."""
        lang, text, status, pinyin = (
            raw.get("lang"),
            raw.get("text"),
            raw.get("status"),
            raw.get("pinyin"),
        )
        if (
            type(lang) is str
            and type(text) is str
            and type(status) is str
            and status in _STATUSES
            and raw.keys() <= _PLAIN_TERM_KEYS
            and text.strip()
            and canonical_tag(lang) == lang
            and (pinyin is None or (type(pinyin) is str and is_chinese(lang)))
        ):
            return Term(lang, text, _STATUSES[status], pinyin, line=line)
        return None

    # -- termbase.toml

    def settings(self, data: dict[str, Any]) -> tuple[Settings, dict[str, Source]]:
        def top_line(key: str) -> Callable[[], int]:
            return lambda: self.idx.key_line((), key) or self.idx.concept_line(key)

        self.unknown_keys(data, SETTINGS_SECTIONS, top_line, SETTINGS_FILE)
        settings = Settings()
        raw = data.get("termbase")
        if isinstance(raw, dict):

            def line_of(key: str) -> Callable[[], int]:
                return lambda: self.idx.key_line(("termbase",), key) or top_line("termbase")()

            self.unknown_keys(raw, SETTINGS_KEYS, line_of, "[termbase]")
            src = raw.get("source-language")
            work = raw.get("working-language")
            langs = self.texts(raw.get("languages"), "languages", line_of("languages"), None)
            for tag in langs:
                self.lang(tag, "languages", line_of("languages"), None)
            settings = Settings(
                name=self.text(raw.get("name"), "name", line_of("name"), None),
                source_language=(
                    self.lang(src, "source-language", line_of("source-language"), None)
                    if src is not None
                    else None
                )
                or settings.source_language,
                languages=langs,
                working_language=(
                    self.lang(work, "working-language", line_of("working-language"), None)
                    if work is not None
                    else None
                )
                or settings.working_language,
            )
        elif raw is not None:
            self.add("TB101", top_line("termbase"), "[termbase] must be a table")
        lint = data.get("lint")
        if isinstance(lint, dict):
            settings = dataclasses.replace(settings, lint=lint)
        elif lint is not None:
            self.add("TB101", top_line("lint"), "[lint] must be a table")
        sources: dict[str, Source] = {}
        raw_sources = data.get("sources")
        if isinstance(raw_sources, dict):
            for sid, body in raw_sources.items():
                line = self.idx.concept_line("sources")
                t = self.idx.table(("sources", sid))
                line = t.line if t else line
                if not isinstance(body, dict):
                    self.add("TB101", line, f"source {sid!r} must be a table [sources.{sid}]")
                    continue
                if not SOURCE_ID_PATTERN.fullmatch(sid):
                    self.add(
                        "TB106",
                        line,
                        f"source id {sid!r} must be lower-case ASCII letters, digits and "
                        "hyphens, starting with a letter",
                    )

                def src_line(key: str, sid: str = sid, line: int = line) -> Callable[[], int]:
                    return lambda: self.idx.key_line(("sources", sid), key) or line

                self.unknown_keys(body, SOURCE_KEYS, src_line, f"source {sid!r}")
                date = body.get("date")
                if date is not None and not isinstance(date, dt.date):
                    self.add(
                        "TB101",
                        src_line("date"),
                        f"date must be a TOML date such as 2024-04-03, not {_type_name(date)}",
                    )
                    date = None
                if isinstance(date, dt.datetime):
                    date = date.date()
                title = self.text(
                    body.get("title"),
                    f"title of source {sid!r}",
                    src_line("title"),
                    None,
                    required=True,
                )
                sources[sid] = Source(
                    id=sid,
                    title=title or "",
                    publisher=self.text(
                        body.get("publisher"), "publisher", src_line("publisher"), None
                    ),
                    date=date,
                    url=self.text(body.get("url"), "url", src_line("url"), None),
                    note=self.text(body.get("note"), "note", src_line("note"), None),
                    line=line,
                )
        elif raw_sources is not None:
            self.add("TB101", top_line("sources"), "sources must be a table of [sources.ID]")
        return settings, sources


def _type_name(value: Any) -> str:
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "an array",
        dict: "a table",
        dt.date: "a date",
        dt.datetime: "a date-time",
        dt.time: "a time",
    }
    return names.get(type(value), type(value).__name__)


def _suggest(word: str, choices: Iterable[str]) -> str | None:
    return did_you_mean(word, choices, cutoff=0.6)


def slug(text: str) -> str:
    """A concept or source id made from any text: lower-case ASCII letters, digits, hyphens."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if s and not s[0].isalpha():
        s = "c-" + s
    return s


# ---------------------------------------------------------------- the whole base


@dataclass(frozen=True, slots=True)
class Loaded:
    termbase: TermBase
    findings: list[Finding]


def load(
    paths: Iterable[Path | str],
    *,
    jobs: int | None = None,
    check: Callable[[list[Concept]], list[Finding]] | None = None,
) -> Loaded:
    """Read every term-base file under `paths`; problems in them come back as findings.

    A `termbase.toml` among the files holds settings and sources. Raises `ReadError` only for
    a path that does not exist or cannot be read. A large base is read by several processes
    (`jobs`, default: $TERMBASE_JOBS or one per core); the result is the same. `check`, a
    module-level function, runs on each file's concepts as they are read (in those processes).
    """
    from termbase.base.parallel import paused_gc

    files = discover(Path(p) for p in paths)
    with paused_gc():
        return assemble(_read_all(files, jobs, check), files)


def assemble(parts: Iterable[FilePart], files: list[Path]) -> Loaded:
    """The term base from its files' parts, in the files' order."""
    findings: list[Finding] = []
    concepts: list[Concept] = []
    sources: dict[str, Source] = {}
    settings = Settings()
    for part in parts:
        findings.extend(part.findings)
        concepts.extend(part.concepts)
        if part.settings is not None:
            settings = part.settings
        sources.update(part.sources)
    tb = TermBase(tuple(concepts), sources, settings, tuple(files))
    return Loaded(tb, findings)


# Findings that mean a file was not read at all: its concepts are missing from the base.
def load_termbase(paths: Iterable[Path | str], *, allow_empty: bool = False) -> TermBase:
    """The term base for a command that uses it (export, convert, pinyin): a file that does
    not parse, or a base without a concept (unless `allow_empty`: an import into a new
    folder), raises `ReadError` instead of being skipped."""
    chosen = [Path(p) for p in paths]
    loaded = load(chosen)
    raise_unreadable(loaded.findings)
    if not loaded.termbase.concepts and not allow_empty:
        raise ReadError(no_concepts_message(chosen))
    return loaded.termbase


@dataclass(frozen=True, slots=True)
class FilePart:
    concepts: list[Concept]
    findings: list[Finding]
    settings: Settings | None = None
    sources: dict[str, Source] = field(default_factory=dict)


def read_file(
    path: Path, check: Callable[[list[Concept]], list[Finding]] | None = None
) -> FilePart:
    """One file's concepts (or settings) and the problems found in it."""
    from termbase.base.parallel import paused_gc

    with paused_gc():  # in a worker process too
        return _read_file(path, check)


def _read_file(path: Path, check: Callable[[list[Concept]], list[Finding]] | None) -> FilePart:
    doc = read_document(path)
    if doc.data is None:
        return FilePart([], doc.findings)
    reader = _Reader(doc)
    if path.name == SETTINGS_FILE:
        settings, found = reader.settings(doc.data)
        return FilePart([], [*doc.findings, *reader.findings], settings, found)
    extra = [] if doc.data else [finding("TB005", path, 0, "file holds no concept")]
    concepts = reader.concepts(doc.data)
    checked = check(concepts) if check else []
    return FilePart(concepts, [*doc.findings, *extra, *reader.findings, *checked])


def _read_all(
    files: list[Path], jobs: int | None, check: Callable[[list[Concept]], list[Finding]] | None
) -> Iterable[FilePart]:
    from functools import partial

    from termbase.base.parallel import map_files

    return map_files(partial(read_file, check=check), files, jobs)
