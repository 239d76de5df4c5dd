"""`termbase validate` remembers its results (issue 18): the same findings with and without the
cache, on an unchanged base, after a change to one file, with a file that does not parse, and
with a cache folder that cannot be written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from termbase.checks import validate_cache
from termbase.checks.validation import validate

from .conftest import ROOT
from .test_lint_routes import run


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "terms", tmp_path / "terms")
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "terms"


def fresh(base: Path) -> tuple[object, ...]:
    v = validate([base])
    return (v.findings, len(v.termbase.concepts), len(v.termbase.files))


def cached(base: Path) -> tuple[tuple[object, ...], str]:
    s = validate_cache.validate([base])
    return (s.findings, s.concepts, s.files), s.cached


def test_the_cache_gives_the_findings_of_a_fresh_validation(base: Path) -> None:
    assert cached(base) == (fresh(base), "no")
    assert cached(base) == (fresh(base), "whole")
    principles = base / "principles.toml"
    text = principles.read_text("utf-8")
    principles.write_text(text.replace('status = "forbidden"', 'status = "forbiden"', 1), "utf-8")
    changed, how = cached(base)
    assert how == "parts"
    assert changed == fresh(base)
    assert any(f.code.startswith("TB") and "forbiden" in f.message for f in changed[0])  # type: ignore[attr-defined]
    # back as it was: the first result again, from the cache
    principles.write_text(text, "utf-8")
    assert cached(base) == (fresh(base), "whole")


def test_a_file_that_does_not_parse(base: Path) -> None:
    (base / "broken.toml").write_text("[x\nsubject = ", "utf-8")
    assert cached(base)[0] == fresh(base)
    assert cached(base) == (fresh(base), "whole")


def test_a_cache_folder_that_cannot_be_written(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", "utf-8")
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(blocked))
    assert cached(base) == (fresh(base), "no")
    assert cached(base) == (fresh(base), "no")


def test_the_command_with_and_without_the_cache(base: Path, tmp_path: Path) -> None:
    env = {"TERMBASE_CACHE_DIR": str(tmp_path / "cache")}
    (base / "ai-governance.toml").write_text(
        (base / "ai-governance.toml").read_text("utf-8") + "\n[bad id]\nsubject = 1\n", "utf-8"
    )
    first = run("validate", "-t", str(base), cwd=tmp_path, env=env)
    second = run("validate", "-t", str(base), cwd=tmp_path, env=env)
    plain = run("validate", "-t", str(base), "--no-cache", cwd=tmp_path, env=env)
    assert first.returncode == second.returncode == plain.returncode == 1
    assert first.stdout == second.stdout == plain.stdout
    assert first.stderr == second.stderr == plain.stderr
    assert any((tmp_path / "cache" / "validate").iterdir())


def test_cached_findings_name_the_files_as_this_run_was_given_them(tmp_path: Path) -> None:
    """A result kept from a run in another folder (or with absolute paths) is printed with
    the paths of this run."""
    base = tmp_path / "b2"
    shutil.copytree(ROOT / "terms", base)
    with (base / "principles.toml").open("a", encoding="utf-8") as f:
        f.write("x = 1\n")
    first = run("validate", "-t", "b2", cwd=tmp_path)
    assert first.stdout.startswith("b2/principles.toml:"), first.stdout
    inside = run("validate", "-t", ".", cwd=base)
    assert inside.stdout.startswith("principles.toml:"), inside.stdout
    absolute = run("validate", "-t", str(base), "-f", "github", cwd=base)
    assert absolute.stdout.startswith(f"::error file={base / 'principles.toml'},"), absolute.stdout
    with (base / "diplomacy.toml").open("a", encoding="utf-8") as f:
        f.write("y = 2\n")  # one part read again, the others from the cache
    again = run("validate", "-t", "b2", cwd=tmp_path)
    assert [line.split(":")[0] for line in again.stdout.splitlines()] == [
        "b2/diplomacy.toml",
        "b2/principles.toml",
    ]
