"""Changing the term base safely: add, set, rm, mv, fill and fmt.

This is the writing half of the store: the only module besides `termbase.store` that uses
tomlkit, and tomlkit types do not leave it. A command parses with tomlkit only the file it
changes, so its cost does not grow with the term base. Every change is written atomically
(`termbase.transaction`: locked, verified, all files or none), keeps every comment and every
byte it did not mean to change, and is refused if the file changed on disk after termbase
read it. Nothing is written when the change would add a validation error.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termbase.errors import TermbaseError
from termbase.files import SETTINGS_FILE, discover
from termbase.finding import Finding, Severity
from termbase.langtags import canonical_tag
from termbase.model import Concept, Source, Status, Term
from termbase.store import CONCEPT_KEYS, ID_PATTERN, TERM_KEYS, read_file
from termbase.tomlread import split_lines


class EditError(TermbaseError):
    """An edit that cannot be made: unknown id, bad field, a change on disk (exit 2)."""


class RefusedError(TermbaseError):
    """An edit that would add a validation error (exit 1); nothing was written."""

    exit_code = 1

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings


@dataclass
class FileChange:
    """The new text of one file, and the old one it replaces."""

    path: Path
    old: str
    new: str

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                split_lines(self.old, keepends=True),
                split_lines(self.new, keepends=True),
                fromfile=f"a/{self.path.as_posix()}",
                tofile=f"b/{self.path.as_posix()}",
            )
        )

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass
class Edit:
    """The outcome of an editing command: the files it changes and what it noted."""

    changes: list[FileChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def diff(self) -> str:
        return "".join(c.diff() for c in self.changes if c.changed)

    def write(self) -> list[Path]:
        """Write every changed file as one change (see `termbase.transaction`): parsed before
        it is written, compared with the disk, all files or none, recoverable if killed."""
        from termbase.transaction import Change, commit

        return commit([Change(c.path, c.old, c.new) for c in self.changes if c.changed])


def read_change(path: Path) -> FileChange:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return FileChange(path, "", "")
    except OSError as e:
        raise EditError(f"{path}: cannot read: {e.strerror or e}") from e
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise EditError(f"{path}: not valid UTF-8 at byte {e.start}; fix it before editing") from e
    return FileChange(path, text, text)


def _parse(change: FileChange) -> Any:
    import tomlkit
    import tomlkit.exceptions

    try:
        return tomlkit.parse(change.new)
    except RecursionError:
        raise EditError(f"{change.path}: invalid TOML: nested too deeply") from None
    except tomlkit.exceptions.ParseError as e:
        raise EditError(
            f"{change.path}:{e.line}:{e.col}: invalid TOML; fix it before editing"
        ) from e


def _dumps(doc: Any) -> str:
    import tomlkit

    return tomlkit.dumps(doc)


# ---------------------------------------------------------------- finding concepts

_HEADER = re.compile(r"^[ \t]*\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\][ \t]*(?:#.*)?$", re.M)


def concept_files(paths: Sequence[Path]) -> list[Path]:
    return [p for p in discover(paths) if p.name != SETTINGS_FILE]


def locate(paths: Sequence[Path], concept_id: str) -> Path:
    """The file that defines `concept_id`, found by its [id] header without parsing TOML."""
    needle = re.compile(rf"^[ \t]*\[\[?[ \t]*{re.escape(concept_id)}[ \t]*[.\]]", re.M)
    for f in concept_files(paths):
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if needle.search(text):
            return f
    ids = all_ids(paths)
    close = difflib.get_close_matches(concept_id, ids, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise EditError(f"no concept {concept_id!r} in the term base{hint}")


def all_ids(paths: Sequence[Path]) -> list[str]:
    out: list[str] = []
    for f in concept_files(paths):
        try:
            out.extend(m.group(1) for m in _HEADER.finditer(f.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return out


def referrers(paths: Sequence[Path], concept_id: str) -> list[tuple[Path, str]]:
    """Concepts that name `concept_id` in see-also or replaced-by."""
    out = []
    for f in concept_files(paths):
        part = read_file(f)
        for c in part.concepts:
            if concept_id in c.see_also or c.replaced_by == concept_id:
                out.append((f, c.id))
    return out


# ---------------------------------------------------------------- rendering a concept


def _quote(value: str) -> str:
    """A TOML basic string. JSON's escapes are TOML's, but JSON leaves DEL (U+007F) raw, which
    TOML forbids."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(value: str) -> str:
    """A TOML key: bare where TOML allows it, else quoted (an id or a tag with a dot or a
    space must not become a dotted or broken key)."""
    return value if _BARE_KEY.fullmatch(value) else _quote(value)


def render_concept(c: Concept) -> str:
    """A concept in the canonical layout (the layout `fmt` produces)."""
    lines = [f"[{_key(c.id)}]"]
    if c.subject:
        lines.append(f"subject = {_quote(c.subject)}")
    for lang, text in c.definition.items():
        lines.append(f"definition.{_key(lang)} = {_quote(text)}")
    if c.note:
        lines.append(f"note = {_quote(c.note)}")
    if c.sources:
        lines.append(f"sources = [{', '.join(_quote(s) for s in c.sources)}]")
    if c.see_also:
        lines.append(f"see-also = [{', '.join(_quote(s) for s in c.see_also)}]")
    if c.replaced_by:
        lines.append(f"replaced-by = {_quote(c.replaced_by)}")
    for t in c.terms:
        lines += ["", f"[[{_key(c.id)}.term]]", *render_term_lines(t)]
    return "\n".join(lines) + "\n"


def render_term_lines(t: Term) -> list[str]:
    lines = [
        f"lang = {_quote(t.lang)}",
        f"text = {_quote(t.text)}",
        f"status = {_quote(t.status.value)}",
    ]
    if t.pinyin:
        lines.append(f"pinyin = {_quote(t.pinyin)}")
    if t.part_of_speech:
        lines.append(f"part-of-speech = {_quote(t.part_of_speech.value)}")
    if t.term_type:
        lines.append(f"term-type = {_quote(t.term_type.value)}")
    if t.usage_note:
        lines.append(f"usage-note = {_quote(t.usage_note)}")
    if t.case_sensitive is not None:
        lines.append(f"case-sensitive = {'true' if t.case_sensitive else 'false'}")
    for key, values in (("forms", t.forms), ("not-in", t.not_in), ("sources", t.sources)):
        if values:
            lines.append(f"{key} = [{', '.join(_quote(v) for v in values)}]")
    if t.origin.value != "human":
        lines.append(f'origin = "{t.origin.value}"')
    return lines


# ---------------------------------------------------------------- machine-filled values


def fill_terms(terms: list[Term], *, languages: Iterable[str] = ()) -> tuple[list[Term], list[str]]:
    """Missing zh-Hant (and configured zh-TW / zh-HK) terms and missing pinyin, marked as made
    by a machine. Never changes a value a person wrote. Returns the terms and what was added."""
    import dataclasses

    from termbase import pinyin_text
    from termbase.convert import TermAwareConverter
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


# ---------------------------------------------------------------- validation of a change


def check_concept(
    c: Concept, known_ids: Iterable[str], known_sources: Iterable[str]
) -> list[Finding]:
    """The validation rules for one concept, with its links checked against `known_ids`."""
    from termbase import rules
    from termbase.catalog import finding
    from termbase.model import Source, TermBase
    from termbase.validation import check_concepts

    tb = TermBase((c,), {s: Source(s, s) for s in known_sources})
    found = check_concepts([c])
    ids = set(known_ids) | {c.id}
    for ref in (*c.see_also, *([c.replaced_by] if c.replaced_by else [])):
        if ref not in ids:
            found.append(
                finding(
                    "TB204",
                    c.path,
                    c.line,
                    f"{ref!r} is not a concept in this term base",
                    concept=c.id,
                )
            )
    for f in rules.check_links(tb):
        if f.code == "TB206":
            found.append(f)
    return [f for f in found if f.severity is Severity.ERROR]


def _sources(paths: Sequence[Path]) -> list[str]:
    for f in discover(paths):
        if f.name == SETTINGS_FILE:
            return list(read_file(f).sources)
    return []


def _reread(change: FileChange) -> tuple[list[Concept], list[Finding]]:
    """Read the changed text as the store would: its concepts and its error findings."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d) / change.path.name
        tmp.write_text(change.new, encoding="utf-8")
        part = read_file(tmp)
    return part.concepts, [f for f in part.findings if f.severity is Severity.ERROR]


def _reparse(
    change: FileChange, concept_id: str, span: tuple[int, int] | None = None
) -> tuple[Concept | None, list[Finding]]:
    """The concept as the changed text gives it, and the error findings about it: only its
    own tables are read (the whole file is parsed once more before it is written, see
    termbase.transaction), so that an edit of a 100k-concept file costs about one parse."""
    import dataclasses

    if span is None:
        text, before = _concept_text(change.new, concept_id)
    else:
        text, before = change.new[span[0] : span[1]], change.new.count("\n", 0, span[0])
    concepts, found = _reread(FileChange(change.path, text, text))
    found = [
        dataclasses.replace(f, line=f.line + before if f.line else 0)
        for f in found
        if f.concept in (None, concept_id)
    ]
    concept = next((c for c in concepts if c.id == concept_id), None)
    return concept, found


@dataclass
class _ConceptPart:
    """The tables of one concept parsed for editing (tomlkit), apart from the rest of its file:
    tomlkit is slow on a large file, and the rest of the file stays byte for byte."""

    change: FileChange
    start: int
    end: int
    doc: Any

    @classmethod
    def open(cls, change: FileChange, concept_id: str) -> _ConceptPart:
        # The rest of the file is not parsed here: the whole new text is, before it is written
        # (a file that was broken before the edit is told apart there).
        span = _concept_span(change.new, concept_id) or (0, len(change.new))
        text = change.new[span[0] : span[1]]
        return cls(change, *span, _parse(FileChange(change.path, text, text)))

    def write_back(self) -> tuple[int, int]:
        """Put the edited tables back; where they now stand."""
        new = self.change.new
        block = _dumps(self.doc)
        self.change.new = new[: self.start] + block + new[self.end :]
        return self.start, self.start + len(block)


def _concept_span(text: str, concept_id: str) -> tuple[int, int] | None:
    """Where the one block of the concept's tables stands in `text` (offsets); None where its
    tables stand apart (then the whole file is the part to edit)."""
    found = None
    pos = 0
    for cid, lines in _blocks(text, keepends=True):
        size = sum(map(len, lines))
        if cid == concept_id:
            if found is not None:
                return None
            found = (pos, pos + size)
        pos += size
    return found


def _concept_text(text: str, concept_id: str) -> tuple[str, int]:
    """The concept's tables alone as a TOML document, and the lines of `text` before them."""
    span = _concept_span(text, concept_id)
    if span is None:
        return text, 0
    return text[span[0] : span[1]], text.count("\n", 0, span[0])


def _guard(
    paths: Sequence[Path],
    change: FileChange,
    concept_id: str,
    span: tuple[int, int] | None = None,
) -> Concept | None:
    """Refuse a change that adds errors to the concept (`span`: where its tables stand in the
    new text, if known)."""
    concept, found = _reparse(change, concept_id, span)
    if concept is not None:
        others = [i for i in all_ids(paths) if i != concept_id]
        found += check_concept(concept, others, _sources(paths))
    if found:
        from termbase.report import text_format

        raise RefusedError(
            f"the change would add {len(found)} error(s); nothing was written\n"
            + text_format.render([_relocate(f, change.path) for f in found]).rstrip(),
            found,
        )
    return concept


def _relocate(f: Finding, path: Path) -> Finding:
    import dataclasses

    return dataclasses.replace(f, path=path)


# ---------------------------------------------------------------- the commands


def add(
    paths: Sequence[Path],
    concept_id: str,
    terms: list[Term],
    *,
    subject: str | None = None,
    definition: dict[str, str] | None = None,
    note: str | None = None,
    sources: Sequence[str] = (),
    file: Path | None = None,
    fill: bool = True,
    languages: Iterable[str] = (),
) -> Edit:
    """A new concept, appended to `file` (or the term base's only concept file)."""
    if not ID_PATTERN.fullmatch(concept_id):
        raise EditError(
            f"concept id {concept_id!r} must be lower-case ASCII letters, digits and hyphens, "
            "starting with a letter"
        )
    if concept_id in all_ids(paths):
        raise EditError(f"concept {concept_id!r} already exists in {locate(paths, concept_id)}")
    if not terms:
        raise EditError("a concept needs at least one term: --term LANG=TEXT")
    target = file or _default_file(paths)
    notes: list[str] = []
    if fill:
        terms, notes = fill_terms(terms, languages=languages)
    concept = Concept(
        concept_id,
        tuple(terms),
        subject=subject,
        definition=dict(definition or {}),
        note=note,
        sources=tuple(sources),
    )
    change = read_change(target)
    sep = (
        ""
        if not change.old or change.old.endswith("\n\n")
        else ("\n" if change.old.endswith("\n") else "\n\n")
    )
    change.new = change.old + sep + render_concept(concept)
    _guard(paths, change, concept_id, (len(change.old) + len(sep), len(change.new)))
    return Edit([change], [f"added {concept_id} to {target}", *notes])


def _default_file(paths: Sequence[Path], option: str = "--file") -> Path:
    files = concept_files(paths)
    if len(files) == 1:
        return files[0]
    if not files:
        folder = next((p for p in paths if p.is_dir()), None)
        if folder is None:
            raise EditError(f"no term-base file to add to; pass {option}")
        return folder / "terms.toml"
    raise EditError(
        f"the term base has {len(files)} files; say which with {option} (for example {files[0]})"
    )


def _term_index(doc: Any, concept_id: str, lang: str, text: str) -> int:
    terms = doc[concept_id].get("term", [])
    for i, t in enumerate(terms):
        if t.get("lang") == lang and t.get("text") == text:
            return i
    have = ", ".join(f"{t.get('lang')}={t.get('text')!r}" for t in terms)
    raise EditError(f"{concept_id} has no {lang} term {text!r} (it has {have})")


def set_field(
    paths: Sequence[Path],
    concept_id: str,
    field_name: str,
    value: str,
    *,
    lang: str | None = None,
    term: str | None = None,
) -> Edit:
    """Change one field of a concept, or of one of its terms (--lang and --term)."""
    path = locate(paths, concept_id)
    change = read_change(path)
    part = _ConceptPart.open(change, concept_id)
    doc = part.doc
    if (lang is None) != (term is None):
        raise EditError("to change a term, give both --lang and --term")
    if lang is not None and term is not None:
        if field_name not in TERM_KEYS:
            raise EditError(_unknown(field_name, TERM_KEYS, "term field"))
        table = doc[concept_id]["term"][_term_index(doc, concept_id, lang, term)]
        _assign(table, field_name, _typed(field_name, value))
        if field_name != "origin" and table.get("origin") == "machine":
            table["origin"] = "human"  # a person has now written this term
        if field_name == "pinyin" and table.get("origin") == "machine-pinyin":
            table["origin"] = "human"  # a person has now written its pinyin
    else:
        name, _, sub = field_name.partition(".")
        if name not in CONCEPT_KEYS or name == "term":
            raise EditError(
                _unknown(name, tuple(k for k in CONCEPT_KEYS if k != "term"), "concept field")
            )
        if name == "definition":
            if not sub or canonical_tag(sub) != sub:
                raise EditError(f"definition needs a language: definition.en, not {field_name!r}")
            doc[concept_id].setdefault("definition", {})
            defs = doc[concept_id]["definition"]
            _assign(defs, sub, value)
        else:
            _assign(doc[concept_id], name, _typed(name, value))
    _guard(paths, change, concept_id, part.write_back())
    return Edit(
        [change], [f"set {field_name} of {concept_id}" + (f" ({lang} {term!r})" if lang else "")]
    )


def _assign(table: Any, key: str, value: Any) -> None:
    """Set `key` of a tomlkit table, keeping the quote style the user wrote where the new value
    can be written in it ('literal' stays 'literal'; a value with a quote or a control character
    falls back to "basic"). Every tomlkit version behaves the same: 0.15 began keeping the style
    on its own, earlier ones wrote "basic" always."""
    from tomlkit.items import String, StringType

    old = table.get(key)
    if isinstance(value, str) and isinstance(old, String):
        style = getattr(old, "type", None) or old._t  # `type` since tomlkit 0.13
        literal = style in (StringType.SLL, StringType.MLL)
        multiline = style in (StringType.MLB, StringType.MLL)
        control = any((ord(ch) < 0x20 and ch not in "\t\n") or ord(ch) == 0x7F for ch in value)
        if multiline:
            kind = StringType.MLL if literal and "'''" not in value else StringType.MLB
        elif "\n" in value:
            kind = StringType.SLB
        else:
            kind = StringType.SLL if literal and "'" not in value else StringType.SLB
        if kind in (StringType.SLL, StringType.MLL) and control:
            kind = StringType.MLB if multiline else StringType.SLB
        table[key] = String.from_raw(value, kind)
        return
    table[key] = value


def _typed(name: str, value: str) -> Any:
    if name in ("see-also", "sources", "forms", "not-in"):
        return [v.strip() for v in value.split(",") if v.strip()]
    if name == "case-sensitive":
        if value.lower() not in ("true", "false"):
            raise EditError(f"case-sensitive is true or false, not {value!r}")
        return value.lower() == "true"
    if name == "status" and value not in {s.value for s in Status}:
        raise EditError(_unknown(value, tuple(s.value for s in Status), "status"))
    if name == "lang" and canonical_tag(value) != value:
        raise EditError(f"{value!r} is not a BCP 47 language tag as written (zh-Hans, en, ...)")
    return value


def _unknown(name: str, known: Iterable[str], what: str) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; one of {', '.join(known)}"
    return f"unknown {what} {name!r}{hint}"


def remove(
    paths: Sequence[Path],
    concept_id: str,
    *,
    lang: str | None = None,
    term: str | None = None,
    field_name: str | None = None,
    force: bool = False,
) -> Edit:
    """Remove a concept, one of its terms (--lang and --term) or one of its fields (--field)."""
    path = locate(paths, concept_id)
    change = read_change(path)
    part = _ConceptPart.open(change, concept_id)
    doc = part.doc
    if (lang is None) != (term is None):
        raise EditError("to remove a term, give both --lang and --term")
    if lang is not None and term is not None:
        terms = doc[concept_id]["term"]
        i = _term_index(doc, concept_id, lang, term)
        if len(terms) == 1:
            raise EditError(f"{concept_id} has no other term; remove the concept instead")
        del terms[i]
        what = f"removed the {lang} term {term!r} of {concept_id}"
    elif field_name is not None:
        name, _, sub = field_name.partition(".")
        table = doc[concept_id]
        if name == "definition" and sub:
            if sub not in table.get("definition", {}):
                raise EditError(f"{concept_id} has no definition.{sub}")
            del table["definition"][sub]
        elif name in table and name != "term":
            del table[name]
        else:
            raise EditError(f"{concept_id} has no field {field_name!r}")
        what = f"removed {field_name} of {concept_id}"
    else:
        refs = referrers(paths, concept_id)
        if refs and not force:
            names = ", ".join(f"{cid} ({p})" for p, cid in refs)
            raise EditError(
                f"{concept_id} is still named by {names}; change them first or use --force"
            )
        change.new = _drop_concept_text(change.new, concept_id)
        return Edit([change], [f"removed {concept_id} from {path}"])
    _guard(paths, change, concept_id, part.write_back())
    return Edit([change], [what])


def _drop_concept_text(text: str, concept_id: str) -> str:
    """Remove a concept's tables (and the comment lines right above them) from the text."""
    lines = split_lines(text, keepends=True)
    header = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]\s.]+)")
    out: list[str] = []
    inside = False
    for line in lines:
        m = header.match(line)
        if m:
            inside = m.group(1) == concept_id
            if inside:
                while out and (out[-1].lstrip().startswith("#") or not out[-1].strip()):
                    dropped = out.pop()
                    if not dropped.strip() and out and not out[-1].lstrip().startswith("#"):
                        out.append(dropped)
                        break
        if not inside:
            out.append(line)
    result = "".join(out)
    return re.sub(r"\n{3,}", "\n\n", result)


def move(paths: Sequence[Path], old: str, new: str) -> Edit:
    """Rename a concept and rewrite every reference to it, in every file."""
    if not ID_PATTERN.fullmatch(new):
        raise EditError(f"concept id {new!r} must be lower-case ASCII letters, digits and hyphens")
    home = locate(paths, old)
    if new in all_ids(paths):
        raise EditError(f"concept {new!r} already exists")
    header = re.compile(rf"^([ \t]*\[\[?[ \t]*){re.escape(old)}(?=[ \t]*[.\]])", re.M)
    ref = re.compile(rf'(?<=["\']){re.escape(old)}(?=["\'])')
    edit = Edit(notes=[f"renamed {old} to {new}"])
    for f in concept_files(paths):
        change = read_change(f)
        text = change.old
        if f == home:
            text = header.sub(lambda m: m.group(1) + new, text)
        doc = _parse(FileChange(f, text, text))
        touched = False
        for body in doc.values():
            if not hasattr(body, "get"):
                continue
            if old in list(body.get("see-also", [])) or body.get("replaced-by") == old:
                touched = True
        if touched:
            # Rewrite the quoted id only inside see-also and replaced-by lines.
            text = "".join(
                ref.sub(new, line) if re.match(r"\s*(see-also|replaced-by)\s*=", line) else line
                for line in split_lines(text, keepends=True)
            )
            edit.notes.append(f"rewrote references in {f}")
        change.new = text
        if change.changed:
            edit.changes.append(change)
    return edit


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
            text = _dumps(doc)
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


# ---------------------------------------------------------------- fmt

_CONCEPT_ORDER = ("subject", "definition", "note", "sources", "see-also", "replaced-by", "term")


def fmt(paths: Sequence[Path], *, sort: bool = False) -> Edit:
    """The canonical layout: key order, double quotes, `key = value`, one blank line between
    tables; comments kept with the line they stand above. `sort` orders concepts by id."""
    edit = Edit()
    from termbase import tomlread

    for f in concept_files(paths):
        change = read_change(f)
        try:
            tomlread.loads(change.old)
        except tomlread.TOMLDecodeError as e:
            line, col, what = tomlread.error_position(e)
            where = f"{f}:{line}:{col}" if line else str(f)
            raise EditError(f"{where}: invalid TOML: {what}; fix it before formatting") from e
        try:
            new = format_text(change.old, sort=sort)
        except EditError as e:
            raise EditError(f"{f}: {e}") from e
        if new != change.old:
            change.new = new
            edit.changes.append(change)
            edit.notes.append(f"formatted {f}")
    return edit


_KEY_LINE = re.compile(r"^[ \t]*([A-Za-z0-9_.\"'-]+?)[ \t]*=[ \t]*(.*?)[ \t]*$")
_TABLE_LINE = re.compile(r"^[ \t]*(\[\[?)[ \t]*([^\]]+?)[ \t]*(\]\]?)[ \t]*(#.*)?$")


def format_text(text: str, *, sort: bool = False) -> str:
    """Canonical layout of one concept file's text (see `fmt`)."""
    from termbase import tomlread

    if not text.strip():
        return text
    blocks = _blocks(text)
    if sort:
        head = [b for b in blocks if b[0] is None]
        body = sorted((b for b in blocks if b[0] is not None), key=lambda b: str(b[0]))
        blocks = head + body
    out: list[str] = []
    for _, lines in blocks:
        out.append(_format_block(lines))
    result = "\n\n".join(b.strip("\n") for b in out if b.strip()) + "\n"
    if tomlread.loads(result) != tomlread.loads(text):
        raise EditError("fmt would change the data of this file; please report it")
    return result


def _blocks(text: str, *, keepends: bool = False) -> list[tuple[str | None, list[str]]]:
    """The file cut into a head (comments before the first concept) and one block per concept
    (its tables, with the comment lines right above its first header). With `keepends` the
    lines keep their line ends and join back to exactly the text."""
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    pending: list[str] = []
    for line in split_lines(text, keepends=keepends):
        m = _TABLE_LINE.match(line)
        if m:
            cid = m.group(2).split(".")[0].strip().strip("\"'")
            # Comments right above a header go with it; a blank line cuts them off.
            blanks = [i for i, x in enumerate(pending) if not x.strip()]
            if blanks:
                blocks[-1][1].extend(pending[: blanks[-1] + 1])
                pending = pending[blanks[-1] + 1 :]
            if cid != blocks[-1][0]:
                blocks.append((cid, []))
            blocks[-1][1].extend(pending)
            pending = []
            blocks[-1][1].append(line)
        elif line.lstrip().startswith("#"):
            pending.append(line)
        elif not line.strip():
            if pending:
                pending.append(line)
            else:
                blocks[-1][1].append(line)
        else:
            blocks[-1][1].extend(pending)
            pending = []
            blocks[-1][1].append(line)
    blocks[-1][1].extend(pending)
    return blocks


def _format_block(lines: list[str]) -> str:
    """Tables of one block: each header, then its keys in canonical order; comments travel
    with the key below them; one blank line between tables."""
    tables: list[tuple[list[str], str | None, list[tuple[str, list[str]]]]] = []
    lead: list[str] = []
    for line in lines:
        m = _TABLE_LINE.match(line)
        if m:
            header = f"{m.group(1)}{m.group(2).strip()}{m.group(3)}" + (
                f"  {m.group(4)}" if m.group(4) else ""
            )
            tables.append(([c for c in lead if c.strip()], header, []))
            lead = []
            continue
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            lead.append(line.strip())
            continue
        km = _KEY_LINE.match(line)
        if not tables:
            tables.append(([], None, []))
        if km:
            key = km.group(1)
            tables[-1][2].append((key, [*lead, f"{key} = {_requote(km.group(2))}"]))
        else:
            tables[-1][2].append(("\uffff", [*lead, line.rstrip()]))  # a continuation line
        lead = []
    parts = []
    for comments, head, keys in tables:
        order = _TERM_ORDER if head and head.startswith("[[") else _CONCEPT_ORDER
        if any(k == "\uffff" for k, _ in keys):
            ranked = list(enumerate(keys))  # a value over several lines: keep the order
        else:
            ranked = sorted(enumerate(keys), key=lambda kv: (_rank(kv[1][0], order), kv[0]))
        body = [line for _, (_, group) in ranked for line in group]
        parts.append("\n".join([*comments, *([head] if head else []), *body]))
    if lead:
        parts.append("\n".join(c.strip() for c in lead))
    return "\n\n".join(parts)


_TERM_ORDER = TERM_KEYS


def _rank(key: str, order: Sequence[str]) -> int:
    base = key.split(".", maxsplit=1)[0].strip("\"'")
    return order.index(base) if base in order else len(order)


def _requote(value: str) -> str:
    """'single' and "double" quoted one-line strings as "double"; everything else as it is."""
    m = re.fullmatch(r"'([^'\n]*)'(\s*#.*)?", value)
    if m and '"' not in m.group(1) and "\\" not in m.group(1):
        return f'"{m.group(1)}"' + (f" {m.group(2).strip()}" if m.group(2) else "")
    return value


__all__ = [
    "Edit",
    "EditError",
    "RefusedError",
    "add",
    "fill",
    "fmt",
    "move",
    "remove",
    "set_field",
]


def import_concepts(
    paths: Sequence[Path],
    concepts: Sequence[Concept],
    into: Path | None,
    *,
    update: bool = False,
    unchanged: int = 0,
    sources: Mapping[str, Source] | None = None,
    new_base: NewBase | None = None,
    current: Sequence[Concept] | None = None,
) -> Edit:
    """Merge concepts read from another tool's file: new ones are appended to `into`; one whose
    id exists is left alone when it reads the same, listed as a conflict otherwise, or with
    `update` replaced where it stands (the comments above it and every other byte of its file
    stay). Each file's new text is built once: the cost is linear in the files' size.
    `unchanged`: concepts the caller already found as the file has them. `sources`: the
    sources the file defines, added to the base's termbase.toml where it lacks them (created,
    from `new_base`, where there is none), so that no imported id is left undefined."""
    from termbase import store

    if current is None:
        current = store.load_termbase(paths, allow_empty=True).concepts
    existing = {c.id: c for c in current}
    edit = Edit()
    appended: dict[Path, list[str]] = {}
    replaced: dict[Path, dict[str, str]] = {}
    added: list[str] = []
    same = unchanged
    for c in concepts:
        old = existing.get(c.id)
        if old is None:
            if into is None:
                into = _default_file(paths, "--into")
            appended.setdefault(into, []).append(render_concept(c))
            added.append(c.id)
            continue
        text = render_concept(c)
        if text == render_concept(old) or _by_language(c) == _by_language(old):
            same += 1
        elif not update:
            edit.notes.append(f"conflict: {c.id} exists; left as it is (--update replaces it)")
        else:
            assert old.path is not None
            replaced.setdefault(old.path, {})[c.id] = text
            edit.notes.append(f"updated {c.id}")
    if len(added) > 5:  # a new base from a file: one line, not one per concept
        edit.notes.append(f"added {len(added)} concepts to {into}")
    else:
        edit.notes += [f"added {cid} to {into}" for cid in added]
    for path in sorted({*appended, *replaced}, key=str):
        change = read_change(path)
        text = _replace_blocks(change.old, replaced.get(path, {}))
        blocks = appended.get(path, [])
        if blocks:
            sep = "" if not text else ("\n" if text.endswith("\n") else "\n\n")
            text = text + sep + "\n".join(blocks)
        change.new = text
        edit.changes.append(change)
    if sources is not None and edit.changes:
        home = paths[0] if paths and paths[0].is_dir() else edit.changes[0].path.parent
        settings = sources_change(home, sources, new_base)
        if settings is not None:
            edit.changes.append(settings)
            what = "made" if not settings.old else "added sources to"
            edit.notes.append(f"{what} {settings.path}")
    if same:
        edit.notes.append(f"{same} concept(s) already as the file has them")
    if not any(c.changed for c in edit.changes):
        edit.notes.append("nothing to change")
    written = set(added) | {cid for ids in replaced.values() for cid in ids}
    _check_read_back(edit.changes, [c for c in concepts if c.id in written])
    return edit


def _by_language(c: Concept) -> str:
    """The concept with its terms grouped by language (in the order the languages first
    appear, each language's terms in their order), as TBX and the glossary formats give them
    back: a file that only groups the terms differently changes nothing."""
    import dataclasses

    order = {lang: n for n, lang in reversed(list(enumerate(t.lang for t in c.terms)))}
    terms = sorted(c.terms, key=lambda t: order[t.lang])
    return render_concept(dataclasses.replace(c, terms=tuple(terms)))


def _replace_blocks(text: str, replacements: Mapping[str, str]) -> str:
    """The text with each concept named in `replacements` given its new tables where its first
    table stood; the comments above it, the blank lines after it and every other concept stay."""
    if not replacements:
        return text
    out: list[str] = []
    done: set[str] = set()
    for cid, lines in _blocks(text, keepends=True):
        if cid is None or cid not in replacements:
            out.extend(lines)
            continue
        first = next(i for i, x in enumerate(lines) if _TABLE_LINE.match(x))
        last = len(lines)
        while last > first and not lines[last - 1].strip():
            last -= 1
        out.extend(lines[:first])
        if cid not in done:  # a concept whose tables stand apart is written once, at the first
            done.add(cid)
            out.append(replacements[cid])
        out.extend(lines[last:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class NewBase:
    """What an import says of the base it comes from: the settings of a termbase.toml that
    does not exist yet."""

    name: str | None
    languages: tuple[str, ...]


def sources_change(
    folder: Path, sources: Mapping[str, Source], new_base: NewBase | None
) -> FileChange | None:
    """The termbase.toml of `folder` with every source in `sources` that it does not define
    yet appended (comments and layout kept), or created, with the [termbase] table of
    `new_base`, where there is none. None when nothing is to change."""
    from termbase import tomlread

    change = read_change(folder / SETTINGS_FILE)
    defined: set[str] = set()
    if change.old:
        try:
            table = tomlread.loads(change.old).get("sources", {})
        except tomlread.TOMLDecodeError as e:
            raise EditError(f"{change.path}: invalid TOML ({e}); fix it before importing") from e
        defined = set(table) if isinstance(table, dict) else set()
    missing = [s for sid, s in sources.items() if sid not in defined]
    parts: list[str] = []
    if not change.old:
        langs = new_base.languages if new_base else ()
        chinese = [lang for lang in langs if lang.split("-")[0] in ("zh", "cmn")]
        source = "zh-Hans" if "zh-Hans" in langs else (chinese or [*langs, "zh-Hans"])[0]
        head = [
            "# Settings and sources of this term base (made by termbase import).",
            "",
            "[termbase]",
        ]
        if new_base and new_base.name:
            head.append(f"name = {_quote(new_base.name)}")
        head.append(f"source-language = {_quote(source)}")
        if langs:
            head.append(f"languages = [{', '.join(_quote(x) for x in langs)}]")
        parts.append("\n".join(head) + "\n")
    elif not missing:
        return None
    for s in missing:
        lines = [f"[sources.{_key(s.id)}]", f"title = {_quote(s.title)}"]
        for key, value in (("publisher", s.publisher), ("url", s.url), ("note", s.note)):
            if value:
                lines.append(f"{key} = {_quote(value)}")
        if s.date:
            lines.append(f"date = {s.date.isoformat()}")
        parts.append("\n".join(lines) + "\n")
    old = change.old
    sep = "" if not old else ("\n" if old.endswith("\n") else "\n\n")
    change.new = old + sep + "\n".join(parts)
    return change


def _check_read_back(changes: list[FileChange], concepts: Sequence[Concept]) -> None:
    """Every concept written (added or replaced) must read back from the new text exactly as
    it was meant: a character or a key that TOML would take differently stops the import
    before it writes. A conflict left as it is is not checked: the file keeps its own."""
    wanted = {c.id: render_concept(c) for c in concepts}
    for change in changes:
        if not change.changed:
            continue
        found, problems = _reread(change)
        unreadable = [f for f in problems if f.code in ("TB001", "TB002")]
        if unreadable:
            raise EditError(f"{change.path}: the import would write {unreadable[0].message}")
        for c in found:
            if c.id in wanted and render_concept(c) != wanted[c.id]:
                raise EditError(
                    f"{change.path}: concept {c.id} would not read back as imported; "
                    "nothing was written (please report it)"
                )
