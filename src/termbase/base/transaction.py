"""Writing several term-base files as one change that is never half done, and never lost.

- Every new text is parsed before anything is written: termbase never writes TOML that does
  not read back.
- An edit holds an exclusive lock (fcntl) on the term base's folders from reading to writing,
  so two edits at once run one after the other instead of one losing the other's change.
- Before a file is replaced, its content on disk is compared with what was read (an editor's
  save in between stops the edit: nothing is written).
- A change to several files writes every new file first (temporaries beside the originals,
  fsynced), then a journal naming them, then renames them, then removes the journal. A command
  killed in between leaves the journal; the next command that reads or edits the term base
  finishes the renames (roll forward: every new file was complete before the first rename).
- Temporaries left by a killed command (their process is gone) are removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from termbase.base import tomlread
from termbase.errors import TermbaseError

# The journal of a multi-file change under way, in the folder of its files.
JOURNAL = ".termbase-journal.json"

LOCK_WAIT_SECONDS = 30.0
_TMP = re.compile(r"^\..+\.termbase-(\d+)-[A-Za-z0-9_]+\.tmp$")
_held: dict[str, int] = {}  # folder -> how many times this process holds its lock


class WriteError(TermbaseError):
    """A change that could not be written; nothing of it was."""


@dataclass(frozen=True, slots=True)
class Change:
    path: Path
    old: str  # what was read ("" for a new file)
    new: str


def folders_of(paths: Iterable[Path]) -> list[Path]:
    """The folders to lock for a term base given as files or folders."""
    out = {(p if p.is_dir() else p.parent).resolve() for p in paths}
    return sorted(out)


@contextlib.contextmanager
def locked(paths: Iterable[Path]) -> Iterator[None]:
    """Hold an exclusive lock on the folders of `paths` (re-entrant within this process), and
    finish or clean up what a killed command left there first."""
    import fcntl
    import time

    folders = folders_of(paths)
    opened: list[tuple[str, int]] = []
    try:
        for folder in folders:
            key = str(folder)
            if _held.get(key):
                _held[key] += 1
                opened.append((key, -1))
                continue
            try:
                fd = os.open(folder, os.O_RDONLY)
            except OSError:
                continue  # a folder that is not there yet: nothing to lock
            deadline = time.monotonic() + LOCK_WAIT_SECONDS
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        os.close(fd)
                        raise WriteError(
                            f"{folder}: another termbase edit has held the term base for "
                            f"{LOCK_WAIT_SECONDS:.0f} s; try again when it has finished"
                        ) from None
                    time.sleep(0.02)
            _held[key] = 1
            opened.append((key, fd))
            recover(folder)
        yield
    finally:
        for key, fd in reversed(opened):
            _held[key] -= 1
            if fd >= 0:
                del _held[key]
                os.close(fd)  # closing the descriptor releases the lock


def verify(path: Path, text: str, old: str | None = None) -> None:
    """`text` must parse as TOML before it replaces `path`. Where the `old` text did not parse
    either, the file was broken before the edit: say where, and that it needs fixing first."""
    try:
        tomlread.loads(text)
    except tomlread.TOMLDecodeError as e:
        if old is not None:
            try:
                tomlread.loads(old)
            except tomlread.TOMLDecodeError as before:
                line, col, what = tomlread.error_position(before)
                where = f"{path}:{line}:{col}" if line else str(path)
                raise WriteError(
                    f"{where}: invalid TOML: {what}; fix it before editing"
                ) from before
        raise WriteError(
            f"{path}: termbase would have written TOML that does not parse ({e}); nothing was "
            "written. This is a bug: please report it with the command you ran"
        ) from e


def commit(changes: Sequence[Change], *, journal_in: Path | None = None) -> list[Path]:
    """Write `changes` as one: verified, compared with the disk, all or nothing."""
    changes = [c for c in changes if c.old != c.new]
    if not changes:
        return []
    for c in changes:
        if c.path.suffix == ".toml":
            verify(c.path, c.new, c.old)
    with locked(c.path.parent for c in changes):
        temps: list[tuple[Path, Path]] = []
        try:
            for c in changes:
                temps.append((_write_temp(c.path, c.new), c.path))
            for c in changes:
                _check_unchanged(c)
            journal = None
            if len(temps) > 1:
                journal = (journal_in or _common_folder([c.path for c in changes])) / JOURNAL
                _write_journal(journal, temps)
        except BaseException:
            for tmp, _ in temps:
                with contextlib.suppress(OSError):
                    tmp.unlink(missing_ok=True)
            raise
        # From here the change is decided: whatever stops the renames, the journal finishes them.
        try:
            for tmp, target in temps:
                tmp.replace(target)
        except OSError as e:
            if journal is not None:
                recover(journal.parent)
            raise WriteError(f"{target}: cannot write: {e.strerror or e}") from e
        for folder in {target.parent for _, target in temps}:
            _fsync_folder(folder)
        if journal is not None:
            journal.unlink(missing_ok=True)
    return [c.path for c in changes]


def _check_unchanged(c: Change) -> None:
    try:
        now = c.path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        if c.old == "":
            return
        raise WriteError(f"{c.path}: the file was removed after termbase read it") from None
    except (OSError, UnicodeDecodeError) as e:
        raise WriteError(f"{c.path}: cannot read it again before writing: {e}") from e
    if now != c.old:
        raise WriteError(
            f"{c.path}: the file changed on disk after termbase read it (another edit or "
            "an editor's save); nothing was written, run the command again"
        )


def _write_temp(path: Path, text: str) -> Path:
    from termbase.base.atomic import temp_file

    with temp_file(path, f".{path.name}.termbase-{os.getpid()}-", WriteError) as (f, tmp):
        f.write(text)
    return tmp


def _write_journal(journal: Path, temps: list[tuple[Path, Path]]) -> None:
    """The journal names its files relative to its own folder (it stays right if the folder is
    moved, and names nothing outside it), with the pid of the process that wrote them."""
    from termbase.base.atomic import temp_file

    home = Path.cwd() / journal.parent  # lexical: a symbolic link on the way stays as given

    def rel(p: Path) -> str:
        return Path(os.path.relpath(Path.cwd() / p, home)).as_posix()

    data = {
        "termbase-journal": 2,
        "pid": os.getpid(),
        "renames": [[rel(t), rel(p)] for t, p in temps],
    }
    prefix = f".{journal.name}.termbase-{os.getpid()}-"
    with temp_file(journal, prefix, WriteError, replace=True) as (f, _):
        json.dump(data, f)
    _fsync_folder(journal.parent)


def _common_folder(paths: list[Path]) -> Path:
    return Path(os.path.commonpath([str(p.resolve().parent) for p in paths]))


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class ForeignJournalError(WriteError):
    """A journal that termbase did not write, or whose renames it will not carry out: left in
    place, nothing renamed."""


def _journal_renames(journal: Path) -> list[tuple[Path, Path]]:
    """The renames a journal asks for, each checked to be one termbase's own edit could have
    left: a temporary named as termbase names them (`.<name>.termbase-<pid>-*.tmp`, of the
    journal's writer, a process that is gone), a regular file, renamed over `<name>` in the same
    folder, a `*.toml` file (or none yet), that folder being the journal's or one below it, with
    no `..`, no symbolic link on the way and no absolute path outside it. Anything else is
    `ForeignJournalError`: a journal committed to a repository must not move a file."""
    import stat

    def refuse(why: str) -> ForeignJournalError:
        return ForeignJournalError(
            f"{journal}: not a journal of an unfinished termbase edit ({why}); nothing was "
            "renamed and it was left in place: if no termbase edit was killed here, delete it "
            "(git rm it if it is tracked)"
        )

    try:
        if journal.is_symlink():
            raise refuse("a symbolic link")
        data = json.loads(journal.read_text("utf-8"))
        pairs = data["renames"]
        writer = data.get("pid")
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in pairs
        ):
            raise refuse("its renames are not pairs of paths")
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise refuse(f"unreadable: {e}") from None
    home = journal.parent.resolve()
    out: list[tuple[Path, Path]] = []
    for tmp_name, target_name in pairs:
        tmp, target = Path(tmp_name), Path(target_name)
        if ".." in tmp.parts or ".." in target.parts:
            raise refuse(f"{target_name}: a path with '..'")
        tmp = tmp if tmp.is_absolute() else journal.parent / tmp
        target = target if target.is_absolute() else journal.parent / target
        folder = target.parent
        if tmp.parent != folder:
            raise refuse(f"{tmp_name}: not in the folder of {target_name}")
        below = Path(os.path.relpath(Path.cwd() / folder, Path.cwd() / journal.parent))
        try:
            real = folder.resolve(strict=True)
        except (OSError, RuntimeError):
            raise refuse(f"{target_name}: its folder is not there") from None
        if (
            ".." in below.parts
            or real != (home / below).resolve(strict=False)
            or any(
                (journal.parent / Path(*below.parts[: i + 1])).is_symlink()
                for i in range(len(below.parts))
            )
        ):
            raise refuse(f"{target_name}: outside {journal.parent} or through a symbolic link")
        if target.suffix != ".toml":
            raise refuse(f"{target_name}: not a term-base file (*.toml)")
        m = _TMP.match(tmp.name)
        if not m or not tmp.name.startswith(f".{target.name}.termbase-"):
            raise refuse(f"{tmp_name}: not the name of a termbase temporary for {target.name}")
        pid = int(m.group(1))
        if writer is not None and pid != writer:
            raise refuse(f"{tmp_name}: written by another process than the journal")
        if _alive(pid):
            raise refuse(f"{tmp_name}: its process {pid} is still running")
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise refuse(f"{target_name}: not a regular file")
        try:
            st = tmp.lstat()
        except FileNotFoundError:
            continue  # renamed before the command was stopped
        except OSError as e:
            raise refuse(f"{tmp_name}: {e.strerror or e}") from None
        if not stat.S_ISREG(st.st_mode):
            raise refuse(f"{tmp_name}: not a regular file")
        out.append((tmp, target))
    return out


def recover(folder: Path) -> list[str]:
    """Finish a change that a killed command left half done in `folder` (its journal), and
    remove temporaries whose command is gone. Returns what was done, for a note. A journal that
    is not one termbase could have left raises `ForeignJournalError` and stays where it is."""
    done: list[str] = []
    journal = folder / JOURNAL
    if journal.is_file() or journal.is_symlink():
        for tmp, target in _journal_renames(journal):
            tmp.replace(target)
            done.append(f"finished writing {target}")
        journal.unlink(missing_ok=True)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return done
    done.extend(remove_temporaries(entries))
    return done


def is_temporary(name: str) -> bool:
    """Whether a file name is one of termbase's temporaries (of an edit, or of a journal)."""
    return _TMP.match(name) is not None


def remove_temporaries(entries: Iterable[Path]) -> list[str]:
    """Remove the termbase temporaries among `entries` whose process is gone."""
    done = []
    for entry in entries:
        m = _TMP.match(entry.name)
        if m and not _alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                entry.unlink()
                done.append(f"removed {entry.name}, left by a command that was stopped")
    return done


def recover_folders(folders: Iterable[Path]) -> None:
    """`recover` for the folders of a term base about to be read where a journal was left
    (cheap otherwise: one look for the journal in each folder). Skipped while an edit holds
    the lock: that edit is not finished, and will finish."""
    for folder in folders:
        if (folder / JOURNAL).is_file():
            import fcntl

            try:
                fd = os.open(folder, os.O_RDONLY)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            try:
                recover(folder)
            finally:
                os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def tracked_write_state(folders: Iterable[Path]) -> list[str]:
    """The journals and temporaries of termbase's that git tracks in `folders` (none outside a
    git repository, or without git): they belong in .gitignore, never in a commit."""
    import subprocess

    found: list[str] = []
    for folder in folders:
        try:
            done = subprocess.run(
                ["git", "-C", str(folder), "ls-files", "-z", "--full-name", "--", "."],
                capture_output=True,
                check=False,
                timeout=30,
            )
        except (OSError, subprocess.SubprocessError):
            return found
        if done.returncode:
            continue
        for name in done.stdout.decode("utf-8", "replace").split("\0"):
            base = name.rpartition("/")[2]
            if base == JOURNAL or _TMP.match(base):
                found.append(name)
    return sorted(set(found))
