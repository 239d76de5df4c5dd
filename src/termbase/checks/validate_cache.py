"""Validation that remembers: a term base that has not changed is validated in the time it
takes to read and hash its files, as ruff keeps its results.

Two layers, in the cache folder of the look-up index (`termbase.base.cachedir.cache_dir`, under
`validate/`):
- the whole result (findings, concept and file counts), keyed by every file's path and content
  hash: an unchanged base costs reading and hashing its files;
- each file's part (its concepts and the findings of the per-concept rules), keyed by its path
  and content hash: after a change to one file, that file is read again and the checks across
  files run on the whole base.
Every key also holds termbase's version and a fingerprint of its code (the size and time of
each module), so that a new termbase never reuses an old result. The results are those of
`termbase.checks.validation.validate`, finding for finding (a test compares them); anything
unreadable in the cache is read again from the files, and a cache folder that cannot be written
is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from termbase.finding import Counted, Finding


@dataclass(frozen=True, slots=True)
class Summary(Counted):
    """What `termbase validate` reports: the findings, and how much was checked."""

    findings: tuple[Finding, ...]
    concepts: int
    files: int
    cached: str = "no"  # "whole", "parts" or "no": how much came from the cache
    # each file's path as the run that made this summary was given it, and resolved: a later
    # run prints its findings under the paths it was given (`_as_given`)
    given: tuple[tuple[str, str], ...] = ()


@cache
def code_fingerprint() -> str:
    """termbase's version and the size and modification time of each of its modules."""
    from termbase import __version__

    root = Path(__file__).parent.parent  # the termbase package
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for p in sorted(root.rglob("*.py")) + sorted((root / "data").rglob("*")):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def validate(paths: Iterable[Path | str] | None = None) -> Summary:
    """`termbase.checks.validation.validate`, with the results kept between runs."""
    from termbase.base.parallel import paused_gc

    with paused_gc():
        return _validate(paths)


def _validate(paths: Iterable[Path | str] | None) -> Summary:
    from termbase.base import store
    from termbase.base.config import default_paths
    from termbase.base.files import discover, no_concepts_message
    from termbase.base.parallel import map_files
    from termbase.checks import rules
    from termbase.errors import ReadError

    chosen = [Path(p) for p in paths] if paths is not None else default_paths()
    files = discover(chosen)
    folder = _folder()
    digests = {f: _digest(f) for f in files}
    fingerprint = code_fingerprint()
    whole_key = hashlib.blake2b(fingerprint.encode(), digest_size=20)
    for f in files:
        whole_key.update(f"{f.resolve()}\0{digests[f]}\n".encode())
    whole = folder / f"result-{whole_key.hexdigest()}.pickle" if folder else None
    resolved = {f: str(f.resolve()) for f in files}
    found = _load(whole)
    if isinstance(found, Summary):
        findings = _as_given(found.findings, dict(found.given), resolved)
        return Summary(findings, found.concepts, found.files, "whole", found.given)
    part_files = {f: _part_file(folder, f, digests[f], fingerprint) for f in files}
    parts: dict[Path, Any] = {}
    earlier: dict[str, str] = {}  # paths as the runs that kept the parts were given them
    for f in files:
        kept = _load(part_files[f])
        if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], store.FilePart):
            earlier[kept[0]] = resolved[f]
            parts[f] = kept[1]
    todo = [f for f in files if f not in parts]
    for f, part in zip(todo, map_files(_read_checked, todo), strict=True):
        parts[f] = part
        _save(part_files[f], (str(f), part))
    loaded = store.assemble([parts[f] for f in files], files)
    if not loaded.termbase.concepts and not loaded.findings:
        raise ReadError(no_concepts_message(chosen))
    findings = _as_given([*loaded.findings, *rules.check_base(loaded.termbase)], earlier, resolved)
    summary = Summary(
        tuple(sorted(findings, key=Finding.sort_key)),
        len(loaded.termbase.concepts),
        len(files),
        "parts" if len(todo) < len(files) else "no",
        tuple((str(f), resolved[f]) for f in files),
    )
    _save(whole, summary)
    return summary


def _as_given(
    findings: Iterable[Finding], earlier: dict[str, str], resolved: dict[Path, str]
) -> tuple[Finding, ...]:
    """Findings kept from an earlier run named their files as that run was given them
    (`b2/principles.toml` from one folder, `principles.toml` from another, an absolute path):
    each is named as this run was given it."""
    import dataclasses

    now = {r: f for f, r in resolved.items()}
    renamed: dict[Path, Path] = {}
    out = []
    for f in findings:
        if f.path is not None and str(f.path) in earlier:
            path = renamed.get(f.path)
            if path is None:
                path = renamed[f.path] = now.get(earlier[str(f.path)], f.path)
            out.append(f if path == f.path else dataclasses.replace(f, path=path))
            continue
        out.append(f)
    return tuple(sorted(out, key=Finding.sort_key))


def _read_checked(path: Path) -> Any:
    from termbase.base import store
    from termbase.checks.validation import check_concepts

    return store.read_file(path, check_concepts)


def _digest(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
    except OSError:
        return "unreadable"  # read_file reports it


def _folder() -> Path | None:
    from termbase.base.cachedir import cache_dir

    folder = cache_dir() / "validate"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _part_file(folder: Path | None, path: Path, digest: str, fingerprint: str) -> Path | None:
    if folder is None:
        return None
    key = hashlib.blake2b(
        f"{fingerprint}\0{path.resolve()}\0{digest}".encode(), digest_size=20
    ).hexdigest()
    return folder / f"part-{key}.pickle"


def _load(path: Path | None) -> object:
    if path is None:
        return None
    try:
        # our own cache folder, as trusted as the look-up index next to it
        return pickle.loads(path.read_bytes())  # noqa: S301
    except Exception:  # noqa: BLE001 - missing or damaged: read again from the term base
        return None


def _save(path: Path | None, value: object) -> None:
    if path is None:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
