"""The renderings not to use, exported for textlint, prh and Vale: the same findings as
`termbase lint` on the same English text (textlint, installed from npm, runs in the test)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import yaml

from .conftest import ROOT, npm_tool
from .test_lint_routes import run, run_ok

TERMS = ROOT / "terms"
SAMPLE = (
    "# Notes\n\n"
    "China upholds the principle of intelligent for good in AI governance.\n\n"
    "It opposes the digital chasm and builds capability construction with partners.\n\n"
    "The He Yin article speaks of consultation, co-construction and sharing.\n"
)


def test_textlint_config_lists_every_rendering_longest_first(tmp_path: Path) -> None:
    result = run_ok("export", "-f", "textlint", "-t", str(TERMS), cwd=tmp_path)
    terms = json.loads(result.stdout)["rules"]["terminology"]["terms"]
    lengths = [len(re.sub(r"\\(.)", r"\1", bad)) for bad, _ in terms]  # as written, unescaped
    assert lengths == sorted(lengths, reverse=True)
    assert ["intelligent for good", "AI for good"] in terms


def test_prh_and_vale_are_valid_yaml(tmp_path: Path) -> None:
    prh = yaml.safe_load(run("export", "-f", "prh", "-t", str(TERMS), cwd=tmp_path).stdout)
    assert prh["version"] == 1
    assert {"expected": "AI for good", "pattern": "/intelligent for good/i"}.items() <= next(
        r for r in prh["rules"] if r["pattern"] == "/intelligent for good/i"
    ).items()
    out = tmp_path / "styles"
    run_ok("export", "-f", "vale", "-t", str(TERMS), "-o", f"{out}/", cwd=tmp_path)
    rule = yaml.safe_load((out / "Termbase" / "Terms.yml").read_text("utf-8"))
    assert rule["extends"] == "substitution"
    assert rule["swap"]["intelligent for good"] == "AI for good"
    assert "AI for good" in (out / "config" / "vocabularies" / "Termbase" / "accept.txt").read_text(
        "utf-8"
    )
    one_file = run("export", "-f", "vale", "-t", str(TERMS), cwd=tmp_path)
    assert one_file.returncode == 2


def _textlint() -> Path:
    """textlint and textlint-rule-terminology from npm, once per machine (in the test cache)."""
    return npm_tool("textlint", "textlint@14", "textlint-rule-terminology@5")


def test_textlint_with_the_export_finds_what_termbase_lint_finds(tmp_path: Path) -> None:
    textlint = _textlint()
    config = tmp_path / ".textlintrc.json"
    config.write_text(
        run("export", "-f", "textlint", "-t", str(TERMS), cwd=tmp_path).stdout, "utf-8"
    )
    sample = tmp_path / "sample.md"
    sample.write_text(SAMPLE, "utf-8")
    theirs = subprocess.run(
        [str(textlint), "--config", str(config), "-f", "json", str(sample)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    found_theirs = {
        (m["line"], m["column"])
        for result in json.loads(theirs.stdout)
        for m in result["messages"]
        if m["ruleId"] == "terminology"
    }
    ours = run("lint", str(sample), "-t", str(TERMS), "-f", "json", cwd=tmp_path)
    found_ours = {
        (f["line"], f["column"]) for f in json.loads(ours.stdout) if f["code"] in ("LT102", "LT103")
    }
    assert found_ours == found_theirs
    assert len(found_ours) == 4
