"""One change to term-base files, and the shared mechanism of every edit: read a file,
parse only the concept it changes (tomlkit), put the new text back with every other byte as it
was, check that no validation error is added, write through the transaction."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termbase.base.files import SETTINGS_FILE, discover
from termbase.base.store import read_file
from termbase.base.tomlread import split_lines
from termbase.edit.layout import _blocks
from termbase.errors import TermbaseError
from termbase.finding import Finding, Severity
from termbase.model import Concept, Source


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
        from termbase.base.transaction import Change, commit

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


def _dumps(doc: Any, old: str | None = None) -> str:
    """The document as text; with `old` (the text it was parsed from), every table header
    whose key did not change is written as it was (tomlkit respaces `[[ one.term ]]` as
    `[[ one .term ]]`, even in tables no edit touched)."""
    import tomlkit

    new = tomlkit.dumps(doc)
    return new if old is None else _restore_headers(old, new)


_HEADER_LINE = re.compile(r"^[ \t]*(\[\[?)([^\[\]\n]*?)(\]\]?)[ \t]*(?:#[^\n]*)?$")


def _header_key(m: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return m.group(1), tuple(p.strip() for p in m.group(2).split("."))


def _restore_headers(old: str, new: str) -> str:
    """`new` with each table header line that has the same key as one of `old` (in order)
    written as in `old`."""
    originals: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for line in old.splitlines():
        m = _HEADER_LINE.match(line)
        if m:
            originals.setdefault(_header_key(m), []).append(line)
    if not originals:
        return new
    out = []
    for line in new.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        m = _HEADER_LINE.match(body)
        if m:
            queue = originals.get(_header_key(m))
            if queue:
                out.append(queue.pop(0) + line[len(body) :])
                continue
        out.append(line)
    return "".join(out)


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


def check_concept(
    c: Concept, known_ids: Iterable[str], known_sources: Iterable[str]
) -> list[Finding]:
    """The validation rules for one concept, with its links checked against `known_ids`."""
    from termbase.catalog import finding
    from termbase.checks import rules
    from termbase.checks.validation import check_concepts
    from termbase.model import TermBase

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

    @classmethod
    def of(
        cls,
        paths: Sequence[Path],
        concept_id: str,
        term: tuple[str | None, str | None],
        verb: str,
    ) -> _ConceptPart:
        """The concept's tables from the file that holds it, for an edit of the concept or of
        one term, which `term` (--lang, --term) names with both or neither."""
        if (term[0] is None) != (term[1] is None):
            raise EditError(f"to {verb} a term, give both --lang and --term")
        return cls.open(read_change(locate(paths, concept_id)), concept_id)

    def write_back(self) -> tuple[int, int]:
        """Put the edited tables back; where they now stand."""
        new = self.change.new
        block = _dumps(self.doc, new[self.start : self.end])
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


def _unknown(name: str, known: Iterable[str], what: str) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; one of {', '.join(known)}"
    return f"unknown {what} {name!r}{hint}"
