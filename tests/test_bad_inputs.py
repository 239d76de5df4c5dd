"""One defect per file in tests/data/bad: each gives exactly the expected finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from termbase import validate
from termbase.cli import app
from termbase.finding import Severity
from termbase.report import text_format

from .conftest import DATA, Golden

BAD = DATA / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.suffix != ".expected")


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_its_one_finding(
    case: str, golden: Golden, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    result = validate([Path(case)])
    assert len(result.findings) == 1, [f.message for f in result.findings]
    golden.check(text_format.render(result.findings), BAD / f"{Path(case).stem}.expected")


@pytest.mark.parametrize("case", CASES)
def test_bad_input_exit_code_and_streams(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    finding = validate([Path(case)]).findings[0]
    result = CliRunner().invoke(app, ["validate", case])
    expected = 1 if finding.severity is Severity.ERROR else 0
    assert result.exit_code == expected
    assert result.stdout == text_format.render([finding])
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("1 error, 0 warnings" if expected else "0 errors, 1 warning")
    strict = CliRunner().invoke(app, ["validate", "--strict", case])
    assert strict.exit_code == 1
