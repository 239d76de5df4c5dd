"""Where settings come from: settings files found from a folder upwards, and which term base
a command uses.

A translations repository keeps its lint settings in a `.termbase.toml` or `termbase.toml`
(a `[lint]` table) or in `pyproject.toml` (`[tool.termbase.lint]`), as ruff and Vale keep
theirs. A `termbase = "PATH"` key there (or `"bundled"`) names the term base, relative to the
settings file. Such a file is never read as a part of a term base.

Which term base a command uses: `-t PATH`, else `$TERMBASE`, else the `termbase` key of the
nearest settings file, else `./terms`, else the folder of a `./termbase.toml` that belongs to a
term base, else the bundled one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termbase.base import tomlread
from termbase.base.files import SETTINGS_FILE, bundled_path, lint_settings_only
from termbase.base.toml_file import raise_unreadable, read_toml
from termbase.errors import ReadError
from termbase.langtags import DEFAULT_SOURCE_LANGUAGE, written_canonically

# Looked for in each folder, in this order; the first that holds termbase settings wins.
CANDIDATES = (".termbase.toml", SETTINGS_FILE, "pyproject.toml")


@dataclass(frozen=True, slots=True)
class SettingsFile:
    """A settings file: its `[lint]` table and the term base it names, if any."""

    path: Path
    lint: dict[str, Any] = field(default_factory=dict)
    termbase: str | None = None

    @property
    def folder(self) -> Path:
        return self.path.parent

    def termbase_paths(self) -> list[Path] | None:
        """The term base the file names, resolved against its folder."""
        if self.termbase is None:
            return None
        if self.termbase == "bundled":
            return [bundled_path()]
        return [
            Path(os.path.normpath(self.folder / p)) for p in self.termbase.split(os.pathsep) if p
        ]


def read_settings_file(path: Path) -> SettingsFile | None:
    """The termbase settings in `path`, or None where it holds none (a pyproject.toml without
    [tool.termbase], a term base's termbase.toml without [lint]). A settings file that cannot
    be read or parsed raises `ReadError` with its location."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise ReadError(f"{path}: cannot read: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise ReadError(f"{path}: not valid UTF-8 at byte {e.start}") from e
    try:
        data = tomlread.loads(text)
    except tomlread.TOMLDecodeError as e:
        raise ReadError(f"{path}: invalid TOML: {e}") from e
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        body = tool.get("termbase") if isinstance(tool, dict) else None
        if not isinstance(body, dict):
            return None
        where = "[tool.termbase]"
    else:
        body = data
        where = "the file"
        if path.name == SETTINGS_FILE and "lint" not in body and not lint_settings_only(path):
            return None  # a term base's own settings, without lint settings
    if path.name != SETTINGS_FILE:  # a term base's termbase.toml has keys of its own
        unknown = sorted(set(body) - {"lint", "termbase"})
        if unknown:
            import difflib

            close = difflib.get_close_matches(unknown[0], ["lint", "termbase"], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; it takes lint and termbase"
            raise ReadError(f"{path}: unknown key {unknown[0]!r} in {where}{hint}")
    lint = body.get("lint", {})
    if not isinstance(lint, dict):
        raise ReadError(f"{path}: lint must be a table ([lint])")
    lint = dict(lint)
    pointer = lint.pop("termbase", None)
    top = body.get("termbase")
    if isinstance(top, str):
        pointer = top
    if pointer is not None and not isinstance(pointer, str):
        raise ReadError(f'{path}: termbase in {where} must be a path or "bundled"')
    return SettingsFile(path, lint, pointer)


def termbase_settings(path: Path) -> tuple[str, dict[str, Any]]:
    """What a term base's own termbase.toml sets for lint: its source language (zh-Hans where
    it names none, or none written as a BCP 47 tag: `termbase validate` reports that) and its
    `[lint]` table. The values the term base's reader (`store`) takes from the file, without
    loading it and the model; a file that does not parse raises `ReadError` as it does."""
    _, data, findings = read_toml(path)
    raise_unreadable(findings)
    source = DEFAULT_SOURCE_LANGUAGE
    top = (data or {}).get("termbase")
    if isinstance(top, dict):
        tag = top.get("source-language")
        if isinstance(tag, str) and tag.strip() and written_canonically(tag):
            source = tag
    lint = (data or {}).get("lint")
    return source, dict(lint) if isinstance(lint, dict) else {}


def find_settings_file(start: Path) -> SettingsFile | None:
    """The nearest settings file from `start` (a folder, or a file's folder) upwards."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for at in (folder, *folder.parents):
        for name in CANDIDATES:
            candidate = at / name
            if candidate.is_file():
                found = read_settings_file(candidate)
                if found is not None:
                    return found
    return None


def start_folder(paths: list[Path]) -> Path:
    """Where to look for settings for these linted paths: their common folder (or here)."""
    folders = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths]
    if not folders:
        return Path.cwd()
    return Path(os.path.commonpath(folders))


@dataclass(frozen=True, slots=True)
class TermbaseChoice:
    """The term base a command uses and why."""

    paths: list[Path]
    origin: str


def choose_termbase(
    given: list[Path] | None, settings: SettingsFile | None = None
) -> TermbaseChoice:
    """`-t` paths, else $TERMBASE, else the settings file's `termbase`, else the defaults."""
    if given:
        return TermbaseChoice(list(given), "command line (-t)")
    env = os.environ.get("TERMBASE")
    if env:
        return TermbaseChoice([Path(p) for p in env.split(os.pathsep) if p], "$TERMBASE")
    if settings is not None:
        named = settings.termbase_paths()
        if named is not None:
            return TermbaseChoice(named, f"{settings.path} (termbase = {settings.termbase!r})")
    if Path("terms").is_dir():
        return TermbaseChoice([Path("terms")], "./terms")
    here = Path(SETTINGS_FILE)
    if here.is_file() and not lint_settings_only(here):
        return TermbaseChoice([Path()], "./termbase.toml")
    return TermbaseChoice([bundled_path()], "the bundled term base")


def default_paths() -> list[Path]:
    """The term base of a command given no path: $TERMBASE, the nearest settings file's
    `termbase`, ./terms, ./termbase.toml's folder, else the bundled term base."""
    settings = None if os.environ.get("TERMBASE") else find_settings_file(Path.cwd())
    return choose_termbase(None, settings).paths
