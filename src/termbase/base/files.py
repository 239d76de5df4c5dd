"""Finding the files of a term base (kept light: look-ups import it on every run)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from termbase.errors import ReadError

SETTINGS_FILE = "termbase.toml"


def lint_settings_only(path: Path) -> bool:
    """Whether a termbase.toml holds only lint settings (a `[lint]` table, a `termbase = PATH`
    key): the settings of a translations repository, never a part of a term base."""
    from termbase.base import tomlread

    try:
        data = tomlread.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomlread.TOMLDecodeError):
        return False  # a broken file is the term base's problem: reading it reports it
    pointer = data.get("termbase")
    return bool(data) and set(data) <= {"lint", "termbase"} and not isinstance(pointer, dict)


def discover(paths: Iterable[Path]) -> list[Path]:
    """The TOML files named or found below the folders named, in a stable order. A
    `termbase.toml` found in a folder that holds only lint settings is not one of them.

    Only regular files are read: a folder that cannot be listed, a FIFO, a device, a folder
    named like a TOML file or a symbolic-link loop raises `ReadError` rather than being
    skipped (the base would be checked without it) or read (a FIFO would hang)."""
    files: list[Path] = []
    walked: list[Path] = []
    leftovers: list[Path] = []
    for p in paths:
        if p.is_dir():
            walked.append(p)
            files.extend(
                f
                for f in _walk(p, leftovers)
                if not (f.name == SETTINGS_FILE and lint_settings_only(f))
            )
        elif p.exists() or p.is_symlink():
            regular_file(p)
            if p.name in ("pyproject.toml", ".termbase.toml") or (
                p.name == SETTINGS_FILE and lint_settings_only(p)
            ):
                raise ReadError(
                    f"{p}: a settings file, not a part of a term base; name the term base's "
                    'folder or files (a settings file names it with termbase = "PATH")'
                )
            files.append(p)
        else:
            raise ReadError(f"{p}: no such file or folder")
    found = list(dict.fromkeys(files))
    folders = {f.parent for f in found} | set(walked)
    from termbase.base.transaction import JOURNAL, recover_folders, remove_temporaries

    if any((folder / JOURNAL).is_file() for folder in folders):
        recover_folders(sorted(folders))  # an edit killed half way: finish it first
    elif leftovers:
        remove_temporaries(leftovers)  # of a command that was killed before its journal
    return found


# A term-base file larger than this is not read (the 125,000-concept base is about 50 MB in all).
MAX_FILE_BYTES = 1 << 30


def regular_file(path: Path, why: str = "a term base is made of regular files") -> int:
    """The size of `path` if it is a regular file termbase may read; else `ReadError` saying
    what it is. A name that is not UTF-8 is refused: it could be neither cached nor reported."""
    import stat

    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = str(path).encode("utf-8", "backslashreplace").decode("utf-8")
        raise ReadError(f"{shown}: the file name is not valid UTF-8; rename the file") from None

    try:
        st = path.stat()
    except OSError as e:
        raise ReadError(f"{path}: cannot read: {e.strerror or e}") from e
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(f"{path}: a folder named like a term-base file; rename it")
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "not a regular file"
        raise ReadError(f"{path}: {kind}; {why}")
    if st.st_size > MAX_FILE_BYTES:
        raise ReadError(f"{path}: {st.st_size} bytes, more than termbase reads in one file")
    import os

    if not os.access(path, os.R_OK):  # said here, before an index or a cache tries to read it
        raise ReadError(f"{path}: cannot read: Permission denied")
    return st.st_size


def _walk(root: Path, leftovers: list[Path]) -> list[Path]:
    """The *.toml files below `root` in a stable order, skipping hidden files and folders;
    what may be a temporary of termbase's is added to `leftovers`."""
    import os

    def fail(e: OSError) -> None:
        raise ReadError(f"{e.filename}: cannot read the folder: {e.strerror or e}") from e

    found: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=fail):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        for d in dirs:
            if d.endswith(".toml"):
                regular_file(here / d)  # a folder named x.toml: say so
        for name in names:
            if name.endswith(".toml") and not name.startswith("."):
                path = here / name
                regular_file(path)
                found.append(path)
            elif name.endswith(".tmp") and ".termbase-" in name:
                leftovers.append(here / name)
    return sorted(found, key=lambda f: f.relative_to(root).parts)


def bundled_path() -> Path:
    """The term base that ships with termbase."""
    here = Path(__file__).resolve().parent.parent  # the termbase package
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
