"""The pre-commit example of docs/lint.md, run for real against a local clone of this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, run_module


def _example() -> str:
    readme = (ROOT / "docs" / "lint.md").read_text("utf-8")
    block = readme.split("<!-- pre-commit-example -->", 1)[1]
    return block.split("```yaml", 1)[1].split("```", 1)[0]


def test_the_hooks_in_the_example_exist() -> None:
    config = yaml.safe_load(_example())
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    ids = {h["id"] for h in hooks}
    assert {h["id"] for repo in config["repos"] for h in repo["hooks"]} <= ids


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_readme_pre_commit_example_runs(tmp_path: Path) -> None:
    """A translations repository with docs/lint.md's .pre-commit-config.yaml, its repository URL
    pointed at a clone of this one (pre-commit takes a local path as repo): the hook installs
    termbase, reads the repository's .termbase.toml and fails on a forbidden rendering."""
    clone = tmp_path / "termbase"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", "-B", "main"], check=True)
    text = _example().replace("https://github.com/OWNER/termbase", str(clone))
    repo = tmp_path / "translations"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".pre-commit-config.yaml").write_text(text, "utf-8")
    (repo / ".termbase.toml").write_text('termbase = "bundled"\n', "utf-8")
    (repo / "en.tsv").write_text("source\ttarget\n智能向善\tintelligent for good\n", "utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("TERMBASE", None)

    def pre_commit() -> subprocess.CompletedProcess[str]:
        result: subprocess.CompletedProcess[str] = run_module(
            "pre_commit", "run", "--all-files", cwd=repo, env=env, timeout=600
        )
        return result

    result = pre_commit()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "termbase lint" in result.stdout
    assert "en.tsv:2:6: error LT103 ai-for-good" in result.stdout
    (repo / "en.tsv").write_text("source\ttarget\n智能向善\tAI for good\n", "utf-8")
    result = pre_commit()
    assert result.returncode == 0, result.stdout + result.stderr
