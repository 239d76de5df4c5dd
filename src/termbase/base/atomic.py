"""Writing a file atomically: readers see the old file or the new one, never half of it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from termbase.errors import ReadError, TermbaseError


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` so that readers see the old file or the new one, never half."""
    with atomic_writer(path) as f:
        f.write(text)


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """`write_atomic` for binary files (XLSX)."""
    with _atomic(path, binary=True) as f:
        f.write(data)


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text file to write that replaces `path` only when the block ends without an error.

    The temporary file lies in the same folder; it is flushed and fsynced, given the original's
    permissions, then renamed over the original. On an error it is removed and `path` is
    untouched.
    """
    with _atomic(path, binary=False) as f:
        yield f


@contextmanager
def _atomic(path: Path, *, binary: bool) -> Iterator[IO[Any]]:
    """A symbolic link is written through to its target (the link stays); what is not a regular
    file (a device such as /dev/null or /dev/stdout, a FIFO) is written to directly, never
    replaced by a regular file; a folder is an error."""
    import stat

    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    except OSError as e:
        raise ReadError(f"{path}: cannot write: {e.strerror or e}") from e
    if stat.S_ISDIR(mode):
        raise ReadError(f"{path}: a folder; name a file to write")
    if not stat.S_ISREG(mode):
        try:
            with path.open("wb") if binary else path.open("w", encoding="utf-8", newline="") as f:
                yield f
        except OSError as e:
            raise ReadError(f"{path}: cannot write: {e.strerror or e}") from e
        return
    with temp_file(path, f".{path.name}.", ReadError, binary=binary, replace=True) as (f, _):
        yield f


@contextmanager
def temp_file(
    path: Path,
    prefix: str,
    error: type[TermbaseError],
    *,
    binary: bool = False,
    replace: bool = False,
) -> Iterator[tuple[IO[Any], Path]]:
    """A new temporary file beside `path` (its name starting with `prefix`) to write, and where
    it is: when the block ends it is flushed, synced to disk, given `path`'s permissions (or a
    new file's) and, with `replace`, renamed over `path`; on an error it is removed, an OSError
    raised as `error` naming `path`."""
    from termbase.base.tempfiles import temp_beside

    temp = temp_beside(path, prefix, error)
    fd, tmp = temp.fd, temp.path
    try:
        with (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        ) as f:
            yield f, tmp
            f.flush()
            os.fsync(f.fileno())
        tmp.chmod(temp.mode)
        if replace:
            tmp.replace(path)
    except BaseException as e:
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise error(f"{path}: cannot write: {e.strerror or e}") from e
        raise
