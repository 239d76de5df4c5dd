"""Finding the files of a term base (kept light: look-ups import it on every run)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from termbase.errors import ReadError

SETTINGS_FILE = "termbase.toml"


def lint_settings_only(path: Path) -> bool:
    """Whether a termbase.toml holds only lint settings (a `[lint]` table, a `termbase = PATH`
    key): the settings of a translations repository, never a part of a term base."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # a broken file is the term base's problem: reading it reports it
    pointer = data.get("termbase")
    return bool(data) and set(data) <= {"lint", "termbase"} and not isinstance(pointer, dict)


def discover(paths: Iterable[Path]) -> list[Path]:
    """The TOML files named or found below the folders named, in a stable order. A
    `termbase.toml` found in a folder that holds only lint settings is not one of them."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*.toml")
                if not any(part.startswith(".") for part in f.relative_to(p).parts)
                and not (f.name == SETTINGS_FILE and lint_settings_only(f))
            )
            files.extend(found)
        elif p.is_file():
            files.append(p)
        elif p.exists():
            raise ReadError(f"{p}: not a file or folder")
        else:
            raise ReadError(f"{p}: no such file or folder")
    return list(dict.fromkeys(files))


def bundled_path() -> Path:
    """The term base that ships with termbase."""
    here = Path(__file__).resolve().parent
    installed = here / "_bundled" / "terms"
    if installed.is_dir():
        return installed
    return here.parent.parent / "terms"  # an editable install or a source checkout


def describe(paths: Iterable[Path]) -> str:
    """The paths of a term base as a message names them."""
    return ", ".join(str(p) for p in paths) or "."


def no_concepts_message(paths: Iterable[Path]) -> str:
    """Why a term base gave no concept, in one line that starts with where."""
    paths = list(paths)
    where = describe(paths)
    for p in paths:
        settings = p / SETTINGS_FILE if p.is_dir() else p
        if settings.name == SETTINGS_FILE and settings.is_file() and lint_settings_only(settings):
            return (
                f"{where}: no concepts in the term base: {settings} holds only lint settings; "
                'name the term base with -t PATH or termbase = "PATH" in it'
            )
    return f"{where}: no concepts in the term base"
