"""CSV/TSV glossaries in each tool's layout: golden files, and values the tools would refuse."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from termbase.cli import app

from .conftest import ROOT, Golden

runner = CliRunner()
GOLDEN = ROOT / "tests" / "golden" / "profiles"


@pytest.mark.parametrize(
    ("fmt", "profile", "extra"),
    [
        ("tsv", "deepl", []),
        ("tsv", "deepl", ["--source", "zh-Hant"]),
        ("csv", "google", []),
        ("csv", "amazon", []),
        ("tsv", "omegat", []),
        ("csv", "memoq", []),
        ("csv", "lokalise", ["--target", "zh-Hant", "--source", "en"]),
        ("csv", "google-sets", []),
        ("csv", "trados", []),
        ("csv", "crowdin", []),
        ("csv", "weblate", ["--target", "en"]),
        ("tsv", "deepl", ["--lang", "zh-Hant", "--lang", "en"]),
    ],
)
def test_golden(fmt: str, profile: str, extra: list[str], golden: Golden) -> None:
    result = runner.invoke(
        app, ["export", "-f", fmt, "--profile", profile, "-t", str(ROOT / "terms"), *extra]
    )
    assert result.exit_code == 0, result.stderr
    name = "-".join([profile, *(e for e in extra if not e.startswith("--"))])
    golden.check(result.stdout, GOLDEN / f"{name}.{fmt}")


def _base(tmp_path: Path, en_text: str) -> Path:
    (tmp_path / "x.toml").write_text(
        '[bad-cell]\n[[bad-cell.term]]\nlang = "zh-Hans"\ntext = "公式"\nstatus = "preferred"\n'
        f'[[bad-cell.term]]\nlang = "en"\ntext = "{en_text}"\nstatus = "preferred"\n',
        "utf-8",
    )
    return tmp_path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("=SUM(A1)", "termbase: bad-cell: '=SUM(A1)' starts with '=', which amazon refuses"),
        (
            "x" * 201,
            "termbase: bad-cell: '" + "x" * 30 + "'... is over amazon's limit of 200 bytes",
        ),
    ],
)
def test_machine_bound_files_refuse(tmp_path: Path, text: str, message: str) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(
        app,
        [
            "export",
            "-f",
            "csv",
            "--profile",
            "amazon",
            "-t",
            str(_base(tmp_path, text)),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert not out.exists()


def test_wrong_format_for_profile() -> None:
    result = runner.invoke(
        app, ["export", "-f", "csv", "--profile", "omegat", "-t", str(ROOT / "terms")]
    )
    assert result.exit_code == 2
    assert result.stderr == "termbase: the omegat profile writes tsv: use --format tsv\n"
    result = runner.invoke(
        app, ["export", "-f", "csv", "--profile", "phrase", "-t", str(ROOT / "terms")]
    )
    assert result.stderr == "termbase: the phrase profile writes xlsx: use --format xlsx\n"


def test_deepl_has_no_duplicate_sources() -> None:
    result = runner.invoke(
        app, ["export", "-f", "tsv", "--profile", "deepl", "-t", str(ROOT / "terms")]
    )
    sources = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert len(sources) == len(set(sources))
    assert not result.stdout.startswith("\ufeff")


def test_spreadsheet_bound_files_escape_formulas(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "-f", "csv", "--profile", "memoq", "-t", str(_base(tmp_path, "=SUM(A1)"))]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeffzho-CN,zho-CN_Forbidden,eng,eng_Forbidden,")
    assert ",'=SUM(A1),No," in result.stdout
