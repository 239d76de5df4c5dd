from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termbase.catalog import RULES
from termbase.cli import app

from .conftest import DATA, ROOT, bundled_files

runner = CliRunner()
BAD = DATA / "bad"


def test_validate_bundled_is_clean(terms_dir: Path) -> None:
    result = runner.invoke(app, ["validate", str(terms_dir)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith("0 errors, 0 warnings in ")
    assert f"from {bundled_files()} files" in result.stderr


def test_validate_defaults_to_terms_folder(
    terms_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(terms_dir.parent)
    monkeypatch.delenv("TERMBASE", raising=False)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert f"from {bundled_files()} files" in result.stderr


def test_validate_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = runner.invoke(app, ["validate", str(missing)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"termbase: {missing}: no such file or folder\n"


def test_bad_option_is_a_usage_error() -> None:
    result = runner.invoke(app, ["validate", "--format", "xml"])
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    result = runner.invoke(app, ["validate", "-f", "json", "04-bad-status.toml"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == [
        {
            "path": "04-bad-status.toml",
            "line": 13,
            "column": None,
            "concept": "small-yard-high-fence",
            "code": "TB104",
            "rule": "bad-value",
            "severity": "error",
            "message": "status 'prefered' is not one of preferred, admitted, deprecated, forbidden",
            "hint": 'did you mean "preferred"?',
        }
    ]


def test_github_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    result = runner.invoke(app, ["validate", "-f", "github", "17-pinyin-wrong-tone.toml"])
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "::warning file=17-pinyin-wrong-tone.toml,line=4,title=TB313 small-yard-high-fence::"
    )
    assert result.stdout.count("\n") == 1


def test_sarif_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    result = runner.invoke(app, ["validate", "-f", "sarif", "10-duplicate-id"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    (res,) = run["results"]
    assert res["ruleId"] == "TB201"
    assert rules[res["ruleIndex"]]["id"] == "TB201"
    assert res["level"] == "error"
    loc = res["locations"][0]["physicalLocation"]
    assert loc == {
        "artifactLocation": {"uri": "10-duplicate-id/b.toml"},
        "region": {"startLine": 3},
    }
    assert len(res["partialFingerprints"]["termbaseFinding/v1"]) == 32


def test_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["validate", "-o", str(out), "02-wrong-type.toml"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("02-wrong-type.toml:2: error TB101 ")


def test_quiet_has_no_summary(terms_dir: Path) -> None:
    result = runner.invoke(app, ["validate", "-q", str(terms_dir)])
    assert result.exit_code == 0
    assert result.stderr == ""


def test_version() -> None:
    from termbase import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"termbase {__version__}\n"


def test_rules_lists_every_code() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert codes == list(RULES)


def test_every_command_has_help() -> None:
    import typer.core
    import typer.main

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    for name, command in group.commands.items():
        assert command.help, f"{name} has no help"
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert "Usage:" in result.stdout


def test_help_does_not_import_pinyin_opencc_the_segmenter_or_lemminflect() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "termbase", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Usage: " in proc.stdout
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines()}
    assert "typer" in imported
    heavy = ("pypinyin", "opencc", "rjieba", "lemminflect")
    assert not {m for m in imported if m.startswith(heavy)}


def test_python_dash_m_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "termbase", "--version"], capture_output=True, text=True, check=True
    )
    assert proc.stdout.startswith("termbase ")


def test_command_map_lists_every_command() -> None:
    import typer.main

    from termbase.cli import COMMANDS

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    assert set(group.commands) == set(COMMANDS)


def test_a_command_loads_only_its_module() -> None:
    code = (
        "import sys; sys.argv = ['termbase', 'rules']; from termbase.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('termbase.cli.')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.splitlines()[-1] == "['termbase.cli._app', 'termbase.cli.validate']"


@pytest.mark.parametrize("width", ["60", "80", "200"])
def test_fast_top_level_help_is_the_real_help(width: str) -> None:
    from termbase.cli import help_app

    env = {"COLUMNS": width}
    real = CliRunner().invoke(app, ["--help"], env=env)
    fast = CliRunner().invoke(help_app(), ["--help"], env=env)
    assert real.exit_code == fast.exit_code == 0
    assert fast.stdout == real.stdout
    assert "lookup" in fast.stdout


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("termbase export --format ", {"tbx", "html", "json"}),
        ("termbase show ai-f", {"ai-for-good"}),
        ("termbase set small-yard", {"small-yard-high-fence"}),
        ("termbase lint --fo", {"--format"}),
        ("termbase export --profile m", {"memoq"}),
        ("termbase lookup x --lang zh-H", {"zh-Hans", "zh-Hant", "zh-HK"}),
        ("termbase lint x.po --target e", {"en", "en-GB"}),
        ("termbase lint x.po --enable LT1", {"LT104", "LT106"}),
    ],
)
def test_shell_completion_completes_options_choices_and_ids(words: str, expected: set[str]) -> None:
    """Not only command names (issue 30): options, their choices, profiles and concept ids."""
    from .test_lint_routes import run_ok

    env = {"_TERMBASE_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    result = run_ok(cwd=ROOT, env=env)
    assert expected <= set(result.stdout.split()), result.stdout


def test_the_profiles_completed_are_the_profiles() -> None:
    import pkgutil

    from termbase.cli.export import PROFILE_NAMES
    from termbase.exchange import profiles

    modules = {m.name.replace("_", "-") for m in pkgutil.iter_modules(profiles.__path__)}
    assert set(PROFILE_NAMES) == modules
