"""Finding the files of a term base (kept light: look-ups import it on every run)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from termbase.errors import ReadError


def discover(paths: Iterable[Path]) -> list[Path]:
    """The TOML files named or found below the folders named, in a stable order."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*.toml")
                if not any(part.startswith(".") for part in f.relative_to(p).parts)
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


def default_paths() -> list[Path]:
    """Where commands look when given no path: $TERMBASE, ./terms, ./termbase.toml's folder,
    else the bundled term base."""
    env = os.environ.get("TERMBASE")
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    if Path("terms").is_dir():
        return [Path("terms")]
    if Path("termbase.toml").is_file():
        return [Path()]
    return [bundled_path()]
