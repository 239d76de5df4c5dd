"""`termbase lint` as CI runs it: the real command in temporary git repositories, a translations
repository apart from the term base's, and every way it used to pass silently."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, run_process

TERMS = ROOT / "terms"
# The installed console script, as a user runs it (python -m termbase where there is none).
_SCRIPT = Path(sys.executable).with_name("termbase")
COMMAND = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "termbase"]


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command, in its own process, as a CI job runs it."""
    environ = {k: v for k, v in os.environ.items() if k != "TERMBASE"}
    environ.update(env or {})
    result: subprocess.CompletedProcess[str] = run_process(
        [*COMMAND, *args], cwd=cwd, env=environ, stdin=stdin
    )
    return result


def run_ok(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`run`, which must succeed (exit 0; its stderr shown when it does not)."""
    result = run(*args, cwd=cwd, env=env, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result


def git_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    return path


def one_line_exit_2(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    return lines[0]


# ------------------------------------------ 1. a term-base file that does not parse


@pytest.fixture
def conflicted(tmp_path: Path) -> Path:
    """A term base repository with a merge-conflict marker left in principles.toml."""
    repo = git_repo(tmp_path / "glossary")
    shutil.copytree(TERMS, repo / "terms")
    path = repo / "terms" / "principles.toml"
    path.write_text("<<<<<<< HEAD\n" + path.read_text("utf-8"), "utf-8")
    (repo / "zh-en.tsv").write_text("人工智能\tintelligent stuff\n", "utf-8")
    return repo


@pytest.mark.parametrize(
    "command",
    [
        ["lint", "zh-en.tsv"],
        ["lookup", "小院高墙"],
        ["show", "ai-for-good"],
        ["list"],
        ["export", "--format", "json"],
        ["export", "--format", "tbx"],
        ["pinyin", "小院高墙"],
        ["convert", "--to", "zh-Hant", "-"],
    ],
)
def test_a_file_that_does_not_parse_stops_every_command(
    conflicted: Path, command: list[str]
) -> None:
    result = run(*command, "-t", "terms", cwd=conflicted, stdin="小院高墙\n")
    line = one_line_exit_2(result)
    assert line == "termbase: terms/principles.toml:1:1: invalid TOML: invalid statement"


def test_a_file_that_does_not_parse_stops_lint_from_the_cache_too(conflicted: Path) -> None:
    """The look-up index kept from a good state must not answer for a broken one."""
    good = (conflicted / "terms" / "principles.toml").read_text("utf-8").split("\n", 1)[1]
    bad = "<<<<<<< HEAD\n" + good
    (conflicted / "terms" / "principles.toml").write_text(good, "utf-8")
    assert run("lint", "-t", "terms", "zh-en.tsv", cwd=conflicted).returncode == 1
    (conflicted / "terms" / "principles.toml").write_text(bad, "utf-8")
    one_line_exit_2(run("lint", "-t", "terms", "zh-en.tsv", cwd=conflicted))


def test_the_term_base_settings_file_through_lint(tmp_path: Path) -> None:
    """The term base's own termbase.toml, read by `termbase lint` without the term base's
    reader: its [lint] settings apply (a rule turned off), and a merge conflict in it stops
    lint with one line, exit 2, from a fresh index and from a kept one."""
    repo = git_repo(tmp_path / "glossary")
    shutil.copytree(TERMS, repo / "terms")
    settings = repo / "terms" / "termbase.toml"
    (repo / "zh-en.tsv").write_text("人工智能\tintelligent stuff\n", "utf-8")
    assert run("lint", "-t", "terms", "zh-en.tsv", cwd=repo).returncode == 1  # LT101
    good = settings.read_text("utf-8")
    settings.write_text(good + '\n[lint.severity]\nLT101 = "off"\n', "utf-8")
    off = run("lint", "-t", "terms", "zh-en.tsv", cwd=repo)
    assert off.returncode == 0, off.stderr
    assert "0 errors, 0 warnings" in off.stderr
    settings.write_text("<<<<<<< HEAD\n" + good, "utf-8")
    line = one_line_exit_2(run("lint", "-t", "terms", "zh-en.tsv", cwd=repo))
    assert line == "termbase: terms/termbase.toml:1:1: invalid TOML: invalid statement"


def test_a_base_with_no_concept_is_exit_2(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "r")
    (repo / "empty").mkdir()
    (repo / "a.tsv").write_text("人工智能\tAI\n", "utf-8")
    for command in (["lint", "a.tsv"], ["lookup", "x"], ["validate"], ["export", "-f", "csv"]):
        line = one_line_exit_2(run(*command, "-t", "empty", cwd=repo))
        assert line == "termbase: empty: no concepts in the term base"


# ---------------------------------------------------------------- 2. a folder of lint settings only


def test_a_settings_only_folder_is_never_a_term_base(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "translations")
    (repo / "termbase.toml").write_text('[lint.severity]\nLT102 = "error"\n', "utf-8")
    (repo / "a.tsv").write_text("人工智能\tAI\n", "utf-8")
    for command in (
        ["lookup", "人工智能", "-t", "."],
        ["validate", "."],
        ["lint", "-t", ".", "a.tsv"],
    ):
        line = one_line_exit_2(run(*command, cwd=repo))
        assert "no concepts in the term base" in line
        assert "termbase.toml holds only lint settings" in line
    # Without -t, the folder's termbase.toml is its lint settings and the term base the default.
    result = run("lookup", "人工智能", cwd=repo)
    assert result.returncode == 0
    assert "artificial-intelligence" in result.stdout


# ------------------------------------------ 3. the translations repository settings


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A glossary repository and, beside it, a translations repository with its own settings."""
    glossary = git_repo(tmp_path / "glossary")
    shutil.copytree(TERMS, glossary / "terms")
    tr = git_repo(tmp_path / "translations")
    (tr / ".termbase.toml").write_text(
        'termbase = "../glossary/terms"\n\n'
        "[lint]\n"
        'exclude = ["legacy"]\n\n'
        "[lint.severity]\n"
        'LT102 = "error"\n',
        "utf-8",
    )
    (tr / "docs" / "zh").mkdir(parents=True)
    (tr / "legacy").mkdir()
    # a deprecated rendering (an error by the repository's settings) and a forbidden one
    (tr / "docs" / "zh" / "a.tsv").write_text(
        "source\ttarget\n小院高墙\tsmall courtyard, high walls\n", "utf-8"
    )
    (tr / "legacy" / "old.tsv").write_text(
        "source\ttarget\n智能向善\tintelligent for good\n", "utf-8"
    )
    return tr


def _codes(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str, str]]:
    return [(Path(r["path"]).name, r["code"], r["severity"]) for r in json.loads(result.stdout)]


@pytest.mark.parametrize("where", [".", "docs", "docs/zh"])
def test_the_translations_repository_settings_apply(workspace: Path, where: str) -> None:
    """From the root or a subfolder, without -t: the repository's .termbase.toml names the
    term base, excludes legacy/ and makes LT102 an error."""
    result = run("lint", ".", "-f", "json", cwd=workspace / where)
    assert result.returncode == 1, result.stderr
    assert _codes(result) == [("a.tsv", "LT102", "error")]
    if where == ".":  # legacy/ would have given LT103
        line = one_line_exit_2(run("lint", "legacy", cwd=workspace))
        settings_file = workspace / ".termbase.toml"
        assert line == (
            f"termbase: legacy: no files to lint (the include/exclude patterns of {settings_file})"
        )
        result = run("lint", "legacy/old.tsv", cwd=workspace)  # as a pre-commit hook passes it
        assert (result.returncode, result.stdout) == (0, "")
        assert "every file named is excluded" in result.stderr


@pytest.mark.parametrize("how", ["-t", "$TERMBASE"])
def test_the_settings_apply_when_the_term_base_is_given(workspace: Path, how: str) -> None:
    glossary = str(workspace.parent / "glossary" / "terms")
    args = ["lint", ".", "-f", "json"]
    env = None
    if how == "-t":
        args += ["-t", glossary]
    else:
        env = {"TERMBASE": glossary}
    result = run(*args, cwd=workspace, env=env)
    assert _codes(result) == [("a.tsv", "LT102", "error")]
    # a file named on the command line in an excluded folder stays excluded
    result = run("lint", "legacy/old.tsv", "docs", "-f", "json", *args[4:], cwd=workspace, env=env)
    assert _codes(result) == [("a.tsv", "LT102", "error")]


def test_show_settings_explains_where_each_came_from(workspace: Path) -> None:
    result = run("lint", "--show-settings", ".", cwd=workspace / "docs")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    settings_file = workspace / ".termbase.toml"
    assert lines[0] == f"settings file: {settings_file}"
    assert lines[1] == (
        f"term base: {workspace.parent / 'glossary' / 'terms'}  "
        f"({settings_file} (termbase = '../glossary/terms'))"
    )
    rows = {line.split()[0]: line.split(None, 2)[1:] for line in lines[2:]}
    assert rows["exclude"] == ["['legacy']", str(settings_file)]
    assert rows["severity.LT102"] == ["error", str(settings_file)]
    assert rows["severity.LT103"] == ["error", "default"]
    assert rows["severity.LT104"] == ["off", "default"]
    glossary_settings = workspace.parent / "glossary" / "terms" / "termbase.toml"
    assert rows["source-language"] == ["'zh-Hans'", f"{glossary_settings} [termbase]"]
    # the command line wins over the file
    result = run(
        "lint", "--show-settings", ".", "--enable", "LT104", "--target", "en", cwd=workspace
    )
    rows = {line.split()[0]: line.split(None, 2)[1:] for line in result.stdout.splitlines()[2:]}
    assert rows["severity.LT104"] == ["warning", "command line"]
    assert rows["target-language"] == ["'en'", "command line"]


def test_pyproject_settings_and_config_option(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "r")
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.termbase]\ntermbase = "bundled"\n\n'
        '[tool.termbase.lint.severity]\nLT103 = "warning"\n',
        "utf-8",
    )
    (repo / "a.tsv").write_text("source\ttarget\n智能向善\tintelligent for good\n", "utf-8")
    result = run("lint", "a.tsv", "-f", "json", cwd=repo)
    assert (result.returncode, _codes(result)) == (0, [("a.tsv", "LT103", "warning")])
    other = repo / "strict.toml"
    other.write_text('[lint.severity]\nLT103 = "error"\n', "utf-8")
    result = run("lint", "a.tsv", "-f", "json", "--config", "strict.toml", cwd=repo)
    assert (result.returncode, _codes(result)) == (1, [("a.tsv", "LT103", "error")])
    bad = repo / "bad.toml"
    bad.write_text('[lint]\nexclud = ["x"]\n', "utf-8")
    line = one_line_exit_2(run("lint", "a.tsv", "--config", "bad.toml", cwd=repo))
    assert line == "termbase: bad.toml: unknown key 'exclud' in [lint]"


# ------------------------------------------ 4. CSV/TSV columns that cannot be told


def _lint_refused(repo: Path, name: str, text: str) -> str:
    """The one line `lint NAME` ends with (exit 2) on a file of this text."""
    (repo / name).write_text(text, "utf-8")
    return one_line_exit_2(run("lint", name, cwd=repo))


def test_an_unidentified_header_is_exit_2(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "r")
    line = _lint_refused(repo, "a.csv", "key,Chinese,English\nk1,智能向善,intelligent stuff\n")
    assert line.startswith("termbase: a.csv:1: cannot tell the source and target columns")
    assert "('key', 'Chinese', 'English')" in line
    assert "--columns SOURCE,TARGET" in line
    result = run("lint", "a.csv", "--columns", "Chinese,English", "-f", "json", cwd=repo)
    assert (result.returncode, _codes(result)) == (1, [("a.csv", "LT101", "error")])


def test_a_target_column_in_the_wrong_language_is_exit_2(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "r")
    line = _lint_refused(repo, "a.csv", "zh-Hans,en\n智能向善,智能向善\n人工智能,人工智能\n")
    assert line.startswith("termbase: a.csv:1: the target column 'en' is read as en but its text")
    assert "--columns" in line
    line = _lint_refused(repo, "b.tsv", "source\ttarget\n智能向善\t智能向善\n")
    assert "the target column 'target' is read as en but its text is mostly Chinese" in line
    # said to be zh-Hant, the same file is linted
    assert run("lint", "b.tsv", "--target", "zh-Hant", cwd=repo).returncode == 0


def test_usage_errors_are_exit_2(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "r")
    (repo / "a.csv").write_text("source,target\n智能向善,AI for good\n", "utf-8")
    assert "unknown format" in _lint_refused(repo, "x.unknown", "hello\n")
    assert "no column 'tgt'" in one_line_exit_2(
        run("lint", "a.csv", "--columns", "source,tgt", cwd=repo)
    )
    (repo / "notes.txt").write_text("not a term base\n", "utf-8")
    assert one_line_exit_2(run("lint", "a.csv", "-t", "notes.txt", cwd=repo)).startswith(
        "termbase: notes.txt:1:5: invalid TOML"
    )


# ---------------------------------------------------------------- CI ergonomics


def test_standard_input(tmp_path: Path) -> None:
    tsv = "source\ttarget\n智能向善\tintelligent for good\n"
    result = run(
        "lint",
        "-",
        "--input-format",
        "tsv",
        "--stdin-filename",
        "po/x.tsv",
        cwd=tmp_path,
        stdin=tsv,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("po/x.tsv:2:6: error LT103 ai-for-good:")  # in the file
    result = run("lint", "-", "--input-format", "tsv", cwd=tmp_path, stdin=tsv)
    assert result.stdout.startswith("<stdin>:2:6: error LT103")
    result = run("lint", "-", cwd=tmp_path, stdin=tsv)
    assert result.returncode == 2
    assert "--input-format or --stdin-filename" in result.stderr


def test_exit_zero_and_write_baseline(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text("source\ttarget\n智能向善\tintelligent for good\n", "utf-8")
    result = run("lint", "a.tsv", "--exit-zero", cwd=tmp_path)
    assert result.returncode == 0
    assert "LT103" in result.stdout
    result = run("lint", "a.tsv", "--write-baseline", "base.json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "wrote 1 finding to the baseline base.json\n"
    result = run("lint", "a.tsv", "--baseline", "base.json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")


def test_help_and_completion() -> None:
    for args in (["-h"], ["lint", "-h"], ["validate", "-h"]):
        result = run(*args, cwd=ROOT)
        assert result.returncode == 0
        assert result.stdout.startswith("Usage: termbase")
    result = run(
        "--show-completion",
        "bash",
        cwd=ROOT,
        env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    assert "_termbase_completion" in result.stdout
    validate_help = run("validate", "--help", cwd=ROOT).stdout
    assert "text|json|github|sarif|junit" in validate_help


_TERMBASE_TOMLS = [
    b'[termbase]\nname = "x"\nsource-language = "zh-Hant"\n',
    b'[termbase]\nsource-language = "zh_Hant"\n',  # not written as BCP 47 writes it
    b'[termbase]\nsource-language = "zh-hant"\n',
    b'[termbase]\nsource-language = "not a tag"\n',
    b'[termbase]\nsource-language = "  "\n',
    b"[termbase]\nsource-language = 3\n",
    b'termbase = "../terms"\n',  # not a table
    b'[termbase]\nname = "x"\n[lint]\ninclude = ["*.po"]\n[lint.severity]\nLT104 = "warning"\n',
    b'lint = "everything"\n',  # not a table
    b'[sources.a]\ntitle = "T"\n[lint]\nsource-language = "en"\n',
    b"",
    b'\xef\xbb\xbf[termbase]\nsource-language = "en"\n',  # a BOM
    b'[termbase]\r\nsource-language = "ja"\r\n',  # CRLF
    b"[termbase\nname = 1\n",  # invalid TOML
    b'[termbase]\nname = "\xff"\n',  # not UTF-8
    b"[termbase]\nname = 1\nname = 2\n",  # a key twice
]


@pytest.mark.parametrize("content", _TERMBASE_TOMLS)
def test_the_term_base_settings_lint_reads_are_the_term_base_readers(
    tmp_path: Path, content: bytes
) -> None:
    """`termbase lint` takes the term base's source language and [lint] table from its
    termbase.toml without the term base's reader (`store`): the same values, and the same
    error where the file does not parse."""
    from termbase.base import config, store, toml_file
    from termbase.errors import ReadError

    path = tmp_path / "termbase.toml"
    path.write_bytes(content)
    part = store.read_file(path)
    unreadable = [f for f in part.findings if f.code in toml_file.UNREADABLE]
    if unreadable:
        message = f"{unreadable[0].location}: {unreadable[0].message}"
        with pytest.raises(ReadError) as light:
            config.termbase_settings(path)
        assert str(light.value) == message
        return
    assert part.settings is not None
    want = (part.settings.source_language, dict(part.settings.lint))
    assert config.termbase_settings(path) == want
