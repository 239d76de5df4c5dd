"""A term base between two states: what changed in meaning (`termbase diff`), and which
translations the change breaks or fixes (`termbase impact`).

A state is a git revision of the repository that holds the term base (its files at that
revision, read from `git archive`), a folder, or the working tree. Changes are computed on the
model, never on lines, so `termbase fmt` (layout only) changes nothing.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termbase.errors import TermbaseError
from termbase.finding import Finding
from termbase.model import Concept, Status, Term, TermBase

# ---------------------------------------------------------------- states


@contextmanager
def state(spec: str | None, paths: Sequence[Path]) -> Iterator[list[Path]]:
    """The term base's paths as they are at `spec`: None is the working tree; an existing folder
    is that folder; anything else is a git revision of the repository holding `paths`, whose
    files are written to a temporary folder for the time of the `with`."""
    if spec is None:
        yield list(paths)
        return
    if Path(spec).is_dir():
        yield [Path(spec)]
        return
    root = _git_root(paths[0])
    with tempfile.TemporaryDirectory(prefix="termbase-state-") as tmp:
        relative = [p.resolve().relative_to(root) for p in paths]
        _extract(root, spec, relative, Path(tmp))
        yield [Path(tmp) / r for r in relative]


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise TermbaseError("git is not installed; give two folders instead of revisions") from None
    if done.returncode:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise TermbaseError(f"git {' '.join(args[:2])}: {detail[-1] if detail else 'failed'}")
    return done.stdout


def _git_root(path: Path) -> Path:
    folder = path if path.is_dir() else path.parent
    try:
        out = _git(folder, "rev-parse", "--show-toplevel")
    except TermbaseError as e:
        raise TermbaseError(f"{path}: not in a git repository ({e}); give folders instead") from e
    return Path(out.decode().strip()).resolve()


def _extract(root: Path, rev: str, relative: Sequence[Path], into: Path) -> None:
    from termbase.base.files import MAX_FILE_BYTES

    _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    names = [r.as_posix() or "." for r in relative]
    # sizes first (`git ls-tree -l`): a blob over the limit is refused before it is read
    listing = _git(root, "ls-tree", "-r", "-l", "-z", rev, "--", *names)
    for entry in listing.split(b"\0"):
        meta, _, name = entry.partition(b"\t")
        fields = meta.split()
        if len(fields) == 4 and fields[3].isdigit() and int(fields[3]) > MAX_FILE_BYTES:
            shown = name.decode("utf-8", "backslashreplace")
            raise TermbaseError(
                f"{rev}: {shown}: {int(fields[3])} bytes, more than termbase reads in one file"
            )
    data = _git(root, "archive", "--format=tar", rev, "--", *names)
    try:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(into, filter="data")
            else:  # Python 3.11.0-3.11.3 (Debian 12's 3.11.2) has no extraction filters
                tar.extractall(into, members=_plain_members(tar, into))  # noqa: S202 - checked
    except (tarfile.TarError, OSError) as e:
        # a symbolic link out of the tree, a name the file system refuses: one line, not a trace
        raise TermbaseError(f"{rev}: cannot read the term base of that revision: {e}") from e
    for r in relative:
        if not (into / r).exists():
            raise TermbaseError(f"{rev}: {r.as_posix()} is not in that revision")
    _drop_write_state(into)


def _drop_write_state(into: Path) -> None:
    """A revision is read as it was committed: a journal or temporary of termbase's that was
    committed by mistake (or on purpose) is removed from the extracted copy, never recovered."""
    from termbase.base.transaction import JOURNAL, is_temporary

    for folder, _, names in os.walk(into):  # symbolic links to folders are not followed
        for name in names:
            if name == JOURNAL or is_temporary(name):
                (Path(folder) / name).unlink(missing_ok=True)


def _plain_members(tar: tarfile.TarFile, into: Path) -> list[tarfile.TarInfo]:
    """What the "data" extraction filter would let through, where Python has none: only
    regular files and folders (a term base has nothing else), none written outside `into`."""
    import posixpath

    root = into.resolve()
    out = []
    for member in tar.getmembers():
        if member.issym() or member.islnk():
            # as the filter does: a link out of the tree stops the read, one inside is skipped
            link = posixpath.normpath(
                posixpath.join(posixpath.dirname(member.name), member.linkname)
            )
            if member.linkname.startswith("/") or link.startswith(".."):
                raise tarfile.TarError(f"{member.name!r} is a link to a path outside the tree")
            continue
        if not (member.isfile() or member.isdir()):
            continue
        target = (root / member.name).resolve()
        if target != root and root not in target.parents:
            raise TermbaseError(f"{member.name}: would be written outside {into}")
        out.append(member)
    return out


# ---------------------------------------------------------------- changes


@dataclass(frozen=True, slots=True)
class Change:
    """One change in meaning. `kind`: added, removed, renamed, term-added, term-removed, status,
    field (a concept's subject, definition, note, sources, see-also or replaced-by), pinyin,
    validity (when a term is right: valid-from, valid-to, replaced-by)."""

    kind: str
    concept: str
    detail: str
    old: str | None = None
    new: str | None = None
    lang: str | None = None
    term: str | None = None

    def line(self) -> str:
        return f"{self.concept}: {self.detail}"


def _key(t: Term) -> tuple[str, str]:
    return t.lang, t.text


def _without_id(c: Concept) -> Concept:
    return dataclasses.replace(c, id="", see_also=(), replaced_by=None)


def compare(old: TermBase, new: TermBase) -> list[Change]:
    """The changes from `old` to `new`, concept by concept in the new base's order."""
    before, after = old.by_id(), new.by_id()
    added = [cid for cid in after if cid not in before]
    removed = [cid for cid in before if cid not in after]
    renamed: dict[str, str] = {}
    for cid in added:  # `mv`: the same concept under a new id
        body = _without_id(after[cid])
        match = next(
            (r for r in removed if r not in renamed and _without_id(before[r]) == body), None
        )
        if match is not None:
            renamed[match] = cid
    out: list[Change] = []
    for cid, c in after.items():
        if cid in before:
            out += _concept_changes(_renaming(before[cid], renamed), c)
        elif cid in renamed.values():
            old_id = next(k for k, v in renamed.items() if v == cid)
            out.append(Change("renamed", cid, f"renamed from {old_id}", old=old_id, new=cid))
        else:
            out.append(Change("added", cid, f"added ({_headline(c)})"))
    for cid in removed:
        if cid not in renamed:
            out.append(Change("removed", cid, f"removed ({_headline(before[cid])})"))
    return out


def _renaming(c: Concept, renamed: dict[str, str]) -> Concept:
    """`c` with its links to renamed concepts under their new ids: `mv` rewrites the links,
    which is not a change of this concept's meaning."""
    if not renamed:
        return c
    see = tuple(renamed.get(x, x) for x in c.see_also)
    rep = renamed.get(c.replaced_by, c.replaced_by) if c.replaced_by else None
    return dataclasses.replace(c, see_also=see, replaced_by=rep)


def _headline(c: Concept) -> str:
    chosen = [t.text for t in c.terms if t.status is Status.PREFERRED]
    return " / ".join(dict.fromkeys(chosen[:3])) or c.id


def _term_change(kind: str, cid: str, t: Term, what: str, **values: str | None) -> Change:
    return Change(kind, cid, f"{t.lang} term {t.text!r}{what}", lang=t.lang, term=t.text, **values)


def _window(t: Term) -> str:
    """When a rendering is right, as a change names it."""
    if not t.dated:
        return "always"
    start, end = t.valid_from, t.valid_to
    text = f"from {start} until {end}" if start and end else f"from {start}" if start else ""
    text = text or f"until {end}"
    return text + (f", then {t.replaced_by}" if t.replaced_by else "")


def _concept_changes(a: Concept, b: Concept) -> list[Change]:
    out: list[Change] = []
    old_terms = {_key(t): t for t in a.terms}
    new_terms = {_key(t): t for t in b.terms}
    for key, t in new_terms.items():
        was = old_terms.get(key)
        now = t.status.value
        if was is None:
            out.append(_term_change("term-added", b.id, t, f" added ({now})", new=now))
        elif was.status is not t.status:
            then = was.status.value
            out.append(_term_change("status", b.id, t, f": {then} -> {now}", old=then, new=now))
        elif was.pinyin != t.pinyin:
            what = f": pinyin {was.pinyin!r} -> {t.pinyin!r}"
            out.append(_term_change("pinyin", b.id, t, what, old=was.pinyin, new=t.pinyin))
        if was is not None and _window(was) != _window(t):
            then, now = _window(was), _window(t)
            what = f": validity {then} -> {now}"
            out.append(_term_change("validity", b.id, t, what, old=then, new=now))
    for key, t in old_terms.items():
        if key not in new_terms:
            then = t.status.value
            out.append(_term_change("term-removed", b.id, t, f" removed (was {then})", old=then))
    fields = {
        "subject": (a.subject, b.subject),
        "note": (a.note, b.note),
        "sources": (", ".join(a.sources) or None, ", ".join(b.sources) or None),
        "see-also": (", ".join(a.see_also) or None, ", ".join(b.see_also) or None),
        "replaced-by": (a.replaced_by, b.replaced_by),
    }
    for lang in dict.fromkeys([*a.definition, *b.definition]):
        fields[f"definition.{lang}"] = (a.definition.get(lang), b.definition.get(lang))
    for name, (x, y) in fields.items():
        if x != y:
            what = "added" if x is None else "removed" if y is None else "changed"
            shown = f": {_short(y)}" if y is not None else ""
            out.append(Change("field", b.id, f"{name} {what}{shown}", old=x, new=y))
    return out


def _short(text: str, width: int = 80) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")


# ---------------------------------------------------------------- output


def render_text(changes: Sequence[Change]) -> str:
    return "".join(c.line() + "\n" for c in changes)


def _rows(changes: Sequence[Change]) -> list[dict[str, Any]]:
    return [{k: v for k, v in dataclasses.asdict(c).items() if v is not None} for c in changes]


def render_json(changes: Sequence[Change]) -> str:
    return json.dumps(_rows(changes), ensure_ascii=False, indent=2) + "\n"


def render_markdown(changes: Sequence[Change], title: str) -> str:
    if not changes:
        return f"### {title}\n\nNo change in meaning.\n"
    lines = [
        f"### {title}",
        "",
        f"{len(changes)} change(s) in {len({c.concept for c in changes})} concept(s).",
        "",
    ]
    by_concept: dict[str, list[Change]] = {}
    for c in changes:
        by_concept.setdefault(c.concept, []).append(c)
    for cid, items in by_concept.items():
        lines.append(f"- **{cid}**")
        lines += [f"  - {_md(c.detail)}" for c in items]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


_SECTIONS = (
    ("Added", {"added", "term-added"}),
    ("Changed", {"renamed", "status", "field", "pinyin", "validity"}),
    ("Removed", {"removed", "term-removed"}),
)


def render_changelog(changes: Sequence[Change]) -> str:
    """A CHANGELOG entry: Added, Changed, Deprecated (a rendering moved to deprecated or
    forbidden, or added so), Removed."""
    banned = {"deprecated", "forbidden"}
    deprecated = [c for c in changes if c.new in banned and c.kind in ("status", "term-added")]
    out: list[str] = []
    for title, kinds in _SECTIONS:
        items = [c for c in changes if c.kind in kinds and c not in deprecated]
        if title == "Removed" and deprecated:
            out += ["### Deprecated", *[f"- {c.line()}" for c in deprecated], ""]
        if items:
            out += [f"### {title}", *[f"- {c.line()}" for c in items], ""]
    return "\n".join(out) if out else "No change in meaning.\n"


# ---------------------------------------------------------------- impact on translations


@dataclass(frozen=True, slots=True)
class Impact:
    """Lint findings that the change makes appear (`new`) and disappear (`fixed`)."""

    new: list[Finding]
    fixed: list[Finding]
    changes: list[Change]

    def by_concept(self) -> list[tuple[str, list[Finding], list[Finding]]]:
        """(concept, new findings, fixed findings), the concepts with most new findings first."""
        groups: dict[str, tuple[list[Finding], list[Finding]]] = {}
        for f in self.new:
            groups.setdefault(f.concept or "-", ([], []))[0].append(f)
        for f in self.fixed:
            groups.setdefault(f.concept or "-", ([], []))[1].append(f)
        rows = [(cid, new, fixed) for cid, (new, fixed) in groups.items()]
        return sorted(rows, key=lambda r: (-len(r[1]), -len(r[2]), r[0]))

    def summary(self, concept: str, new: list[Finding], fixed: list[Finding]) -> str:
        """`status of 'x' ...: 14 new findings in 5 files, 2 fixed`."""
        why = [c.detail for c in self.changes if c.concept == concept]
        head = f"{concept} ({'; '.join(why)})" if why else concept
        parts = []
        if new:
            files = len({f.path for f in new})
            parts.append(f"{len(new)} new finding(s) in {files} file(s)")
        if fixed:
            parts.append(f"{len(fixed)} fixed")
        return f"{head}: {', '.join(parts)}"


def _finding_key(f: Finding) -> tuple[str, int, int, str, str, str]:
    return (str(f.path), f.line, f.column, f.code, f.concept or "", f.message)


def impact(
    old_paths: Sequence[Path],
    new_paths: Sequence[Path],
    files: Sequence[Path],
    settings: Any,
    options: Any,
) -> Impact:
    """Lint `files` against both states of the term base; the translations are read once."""
    from termbase.base import store
    from termbase.lint import Linter, check_inputs, read_inputs
    from termbase.search.index import Index

    inputs = read_inputs(files, options)
    found = []
    for paths in (old_paths, new_paths):
        index = Index.open(list(paths), use_cache=False)
        found.append(check_inputs(Linter(index.cards(), index.fold_table(), settings), inputs))
    before = {_finding_key(f): f for f in found[0].findings}
    after = {_finding_key(f): f for f in found[1].findings}
    changes = compare(store.load_termbase(old_paths), store.load_termbase(new_paths))
    return Impact(
        [f for k, f in after.items() if k not in before],
        [f for k, f in before.items() if k not in after],
        changes,
    )


def render_impact(result: Impact, fmt: str) -> str:
    from termbase.report import text_format
    from termbase.report.json_format import as_dict

    rows = result.by_concept()
    if fmt == "markdown":
        if not rows:
            return "### Impact on translations\n\nNo finding appears or disappears.\n"
        lines = ["### Impact on translations", ""]
        for cid, new, fixed in rows:
            lines.append(f"- **{_md(result.summary(cid, new, fixed))}**")
            lines += [f"  - `{f.location}` {f.code}: {_md(f.message)}" for f in new[:20]]
            if len(new) > 20:
                lines.append(f"  - ... and {len(new) - 20} more")
        return "\n".join(lines) + "\n"
    if fmt == "json":
        data = {
            "new": [as_dict(f) for f in result.new],
            "fixed": [as_dict(f) for f in result.fixed],
            "changes": _rows(result.changes),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out = []
    for cid, new, fixed in rows:
        out.append(result.summary(cid, new, fixed))
        out += ["  + " + text_format.line(f) for f in new]
        out += ["  - " + text_format.line(f) for f in fixed]
    return "\n".join(out) + "\n" if out else "no finding appears or disappears\n"
