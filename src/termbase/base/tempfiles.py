"""Temporary files beside the file they will replace, so that the rename over it is atomic."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from termbase.errors import TermbaseError


@dataclass(frozen=True, slots=True)
class TempFile:
    """A new temporary file beside `path`, open as `fd`, and the mode to give it before it is
    renamed over `path` (the old file's, or what the umask allows)."""

    fd: int
    path: Path
    mode: int


def temp_beside(path: Path, prefix: str, error: type[TermbaseError]) -> TempFile:
    """A temporary file in `path`'s folder (a rename over `path` is then atomic); a failure
    is `error` with the path first."""
    import tempfile

    folder = path.parent if str(path.parent) else Path()
    try:
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    except OSError as e:
        raise error(f"{path}: cannot write: {e.strerror or e}") from e
    return TempFile(fd, Path(name), mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
