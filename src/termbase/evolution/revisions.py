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
    at: str  # its path in the repository at that commit (renames followed)

    @property
    def label(self) -> Path:
        """The file and its commit (en.po@1a2b3c4): each version is a document of its own."""
        return self.path.with_name(f"{self.path.name}@{self.commit[:7]}")


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise TermbaseError("--git: git is not installed") from None


def _git(args: list[str], cwd: Path) -> str:
    done = _run(args, cwd)
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise TermbaseError(f"{cwd}: --git: {(said or ['git failed'])[-1]}")
    return done.stdout.decode("utf-8")


def revisions(path: Path) -> list[Revision]:
    """The commits that changed `path`, oldest first, with their commit dates and the file's
    path at each (renames followed). A file git does not track is an error: it has no history."""
    folder = path.resolve().parent
    out = _git(["log", "--follow", "--format=%x00%H %cs", "--name-only", "--", path.name], folder)
    found: list[Revision] = []
    for record in out.split("\0")[1:]:
        head, *names = [line for line in record.splitlines() if line.strip()]
        commit, day = head.split()
        found.append(Revision(path, commit, dt.date.fromisoformat(day), names[-1] if names else ""))
    if not found:
        raise TermbaseError(f"{path}: --git: no commit has this file")
    return found[::-1]


def content(rev: Revision) -> bytes:
    """The file as committed, under its name at that commit."""
    top = Path(_git(["rev-parse", "--show-toplevel"], rev.path.resolve().parent).strip())
    done = _run(["show", f"{rev.commit}:{rev.at}"], top)
    if done.returncode != 0:
        raise TermbaseError(f"{rev.path}: --git: cannot read it at {rev.commit[:7]}")
    return done.stdout


def history(files: list[Path]) -> Iterator[Revision]:
    """Every version of every file, a file's versions oldest first."""
    for path in files:
        yield from revisions(path)
