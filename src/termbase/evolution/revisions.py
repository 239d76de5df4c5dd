"""Every committed version of translation files, for `termbase stats --git`: what a corpus
said about each concept over its history, each version on its commit's date."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from termbase.errors import TermbaseError


@dataclass(frozen=True, slots=True)
class Revision:
    """One committed version of a file."""

    path: Path  # the file as named on the command line
    commit: str
    day: dt.date

    @property
    def label(self) -> Path:
        """The file and its commit (en.po@1a2b3c4): each version is a document of its own."""
        return self.path.with_name(f"{self.path.name}@{self.commit[:7]}")


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise TermbaseError("--git: git is not installed") from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise TermbaseError(f"{cwd}: --git: {message}")
    return done.stdout


def revisions(path: Path) -> list[Revision]:
    """The commits that changed `path`, oldest first, with their commit dates (renames
    followed). A file git does not track is an error: there is no history to read."""
    folder = path.resolve().parent
    out = _git(["log", "--follow", "--format=%H %cs", "--", path.name], folder)
    found = [line.split() for line in out.splitlines() if line.strip()]
    if not found:
        raise TermbaseError(f"{path}: --git: no commit has this file")
    return [Revision(path, c, dt.date.fromisoformat(d)) for c, d in reversed(found)]


def content(rev: Revision) -> bytes:
    """The file as committed (its name at that commit, should it have been renamed since)."""
    folder = rev.path.resolve().parent
    names = _git(["show", "--format=", "--name-only", rev.commit, "--", "."], folder)
    top = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
    here = rev.path.resolve().relative_to(top).as_posix()
    changed = [n for n in names.splitlines() if n.strip()]
    at = here if here in changed or not changed else changed[0]
    try:
        done = subprocess.run(
            ["git", "show", f"{rev.commit}:{at}"], cwd=top, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise TermbaseError("--git: git is not installed") from None
    if done.returncode != 0:
        raise TermbaseError(f"{rev.path}: --git: cannot read it at {rev.commit[:7]}")
    return done.stdout


def history(files: list[Path]) -> Iterator[Revision]:
    """Every version of every file, a file's versions oldest first."""
    for path in files:
        yield from revisions(path)
