"""SARIF from `termbase lint` and `termbase validate` passes Microsoft's SARIF validator
(`sarif-multitool validate`, npm @microsoft/sarif-multitool) with no error: helpUri absolute or
absent, informationUri set where the documentation's address is known."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import DATA, ROOT, npm_tool
from .test_lint_routes import run


def _errors(sarif: Path, tmp_path: Path) -> list[str]:
    tool = npm_tool("sarif-multitool", "@microsoft/sarif-multitool@5")
    report = tmp_path / f"{sarif.stem}.validation.sarif"
    subprocess.run(
        [str(tool), "validate", str(sarif), "-o", str(report)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert report.is_file(), "the validator wrote no report"
    results = json.loads(report.read_text("utf-8"))["runs"][0]["results"]
    return [
        f"{r['ruleId']}: {r['message'].get('text', r['message'])}"
        for r in results
        if r.get("level") == "error"
    ]


@pytest.mark.parametrize("docs", ["", "https://example.org/termbase/rules/"])
def test_lint_and_validate_sarif_pass_the_microsoft_validator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docs: str
) -> None:
    monkeypatch.setenv("TERMBASE_DOCS_URL", docs)
    lint = tmp_path / "lint.sarif"
    terms = str(ROOT / "terms")
    sample = str(DATA / "lint" / "sample-1.2.xlf")
    result = run("lint", sample, "-t", terms, "-f", "sarif", "-o", str(lint), cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the sample has findings
    bad = str(DATA / "bad" / "04-bad-status.toml")
    validate = tmp_path / "validate.sarif"
    result = run("validate", bad, "-f", "sarif", "-o", str(validate), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    for sarif in (lint, validate):
        assert json.loads(sarif.read_text("utf-8"))["runs"][0]["results"]
        assert _errors(sarif, tmp_path) == []
