"""`termbase import`: concepts read from another tool's file merged into the term base."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from termbase.base.files import SETTINGS_FILE
from termbase.edit.change import Edit, EditError, FileChange, _default_file, _reread, read_change
from termbase.edit.layout import _TABLE_LINE, _blocks
from termbase.edit.render import _key, _quote, render_concept
from termbase.model import Concept, Source


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
    from termbase.base import store

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
    from termbase.base import tomlread

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
