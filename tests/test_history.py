"""`termbase diff` and `termbase impact` on real git repositories: two commits of the bundled
base with a real change, as a pull request has them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_lint_routes import git_repo, run, run_ok

TERMS = ROOT / "terms"


def commit(repo: Path, message: str) -> None:
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "commit",
            "-qm",
            message,
        ],
        check=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A glossary repository: the bundled base, then a commit that changes it as an editor would."""
    repo = git_repo(tmp_path / "glossary")
    shutil.copytree(TERMS, repo / "terms")
    commit(repo, "the base")
    edits = [
        (
            "set",
            "ai-for-good",
            "status",
            "deprecated",
            "--lang",
            "en",
            "--term",
            "developing AI for good",
        ),
        ("mv", "he-yin", "he-yin-column"),
        ("rm", "digital-divide", "--lang", "en", "--term", "digital gap"),
        (
            "set",
            "small-yard-high-fence",
            "definition.en",
            "Tight control of a few key technologies.",
        ),
    ]
    for args in edits:
        run_ok(*args, "-t", "terms", cwd=repo)
    commit(repo, "a change")
    return repo


def test_diff_names_every_change_in_meaning(repo: Path) -> None:
    result = run_ok("diff", "HEAD~1", "HEAD", "-t", "terms", cwd=repo)
    assert result.stdout.splitlines() == [
        "digital-divide: en term 'digital gap' removed (was admitted)",
        "he-yin-column: renamed from he-yin",
        "ai-for-good: en term 'developing AI for good': admitted -> deprecated",
        "small-yard-high-fence: definition.en changed: 'Tight control of a few key technologies.'",
    ]


def test_diff_of_a_layout_change_is_empty(repo: Path) -> None:
    path = repo / "terms" / "principles.toml"
    path.write_text(
        path.read_text("utf-8").replace('status = "preferred"', "status  =  'preferred'"), "utf-8"
    )
    commit(repo, "layout only")
    result = run("diff", "HEAD~1", "-t", "terms", cwd=repo)
    assert (result.returncode, result.stdout) == (0, "")
    assert "0 change(s)" in result.stderr


def test_diff_formats(repo: Path) -> None:
    data = json.loads(run("diff", "HEAD~1", "-t", "terms", "--format", "json", cwd=repo).stdout)
    status = next(c for c in data if c["kind"] == "status")
    assert status == {
        "kind": "status",
        "concept": "ai-for-good",
        "detail": "en term 'developing AI for good': admitted -> deprecated",
        "old": "admitted",
        "new": "deprecated",
        "lang": "en",
        "term": "developing AI for good",
    }
    markdown = run("diff", "HEAD~1", "-t", "terms", "--format", "markdown", cwd=repo).stdout
    assert markdown.startswith(
        "### Term base changes HEAD~1..working tree\n\n4 change(s) in 4 concept(s)."
    )
    assert "- **he-yin-column**\n  - renamed from he-yin" in markdown
    changelog = run("diff", "HEAD~1", "-t", "terms", "--changelog", cwd=repo).stdout
    assert (
        "### Deprecated\n- ai-for-good: en term 'developing AI for good': admitted -> deprecated"
        in changelog
    )
    assert "### Removed\n- digital-divide" in changelog


def test_diff_of_two_folders(tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(TERMS, old)
    new = tmp_path / "new"
    shutil.copytree(TERMS, new)
    path = new / "ai-governance.toml"
    path.write_text(
        path.read_text("utf-8").replace(
            'text = "digital chasm"\nstatus = "deprecated"',
            'text = "digital chasm"\nstatus = "forbidden"',
        ),
        "utf-8",
    )
    result = run("diff", str(old), str(new), "-t", str(new), cwd=tmp_path)
    assert result.stdout == "digital-divide: en term 'digital chasm': deprecated -> forbidden\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "no-such-rev"], "termbase: git rev-parse --verify"),
        (
            ["impact", "HEAD~1"],
            "termbase: impact needs REV1 [REV2] and at least one translation file",
        ),
    ],
)
def test_bad_input_is_one_line(repo: Path, args: list[str], message: str) -> None:
    result = run(*args, "-t", "terms", cwd=repo)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1


def test_diff_outside_git_says_so(tmp_path: Path) -> None:
    shutil.copytree(TERMS, tmp_path / "terms")
    result = run("diff", "HEAD~1", "-t", "terms", cwd=tmp_path)
    assert result.returncode == 2
    assert "not in a git repository" in result.stderr


def _translations(repo: Path) -> Path:
    folder = repo / "translations"
    folder.mkdir()
    (folder / "a.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        'msgid "坚持智能向善"\nmsgstr "adhere to developing AI for good"\n\n'
        'msgid "弥合数字鸿沟"\nmsgstr "bridge the digital gap"\n\n'
        'msgid "反对小院高墙"\nmsgstr "oppose small yard, high fence"\n',
        "utf-8",
    )
    return folder


def test_impact_reports_what_the_change_breaks(repo: Path) -> None:
    _translations(repo)
    result = run("impact", "HEAD~1", "HEAD", "translations", "-t", "terms", cwd=repo)
    assert result.returncode == 1, result.stderr  # the change adds an error finding
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "ai-for-good (en term 'developing AI for good': admitted -> deprecated): "
        "1 new finding(s) in 1 file(s)"
    )
    assert "LT102" in lines[1]
    assert any(line.startswith("digital-divide (en term 'digital gap' removed") for line in lines)
    assert "2 new finding(s) (1 error(s)), 0 fixed" in result.stderr
    never = run("impact", "HEAD~1", "translations", "-t", "terms", "--fail-on", "never", cwd=repo)
    assert never.returncode == 0
    markdown = run(
        "impact",
        "HEAD~1",
        "translations",
        "-t",
        "terms",
        "-f",
        "markdown",
        "--fail-on",
        "never",
        cwd=repo,
    )
    assert markdown.stdout.startswith("### Impact on translations\n\n- **ai-for-good")


def test_impact_reports_what_the_change_fixes(repo: Path) -> None:
    _translations(repo)
    result = run("impact", "HEAD", "HEAD~1", "translations", "-t", "terms", cwd=repo)
    assert result.returncode == 0  # going back fixes findings and adds none
    assert "0 new finding(s) (0 error(s)), 2 fixed" in result.stderr


def test_a_revision_is_read_where_python_has_no_extraction_filter(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python 3.11.0-3.11.3 (Debian 12's 3.11.2) has no `filter=` for tarfile: the files of a
    revision are extracted all the same, and a member that would land outside the folder is
    refused."""
    import io
    import tarfile

    from termbase.errors import TermbaseError
    from termbase.evolution import history

    monkeypatch.delattr(tarfile, "data_filter", raising=False)
    with history.state("HEAD~1", [repo / "terms"]) as paths:
        old = sorted(p.name for p in paths[0].iterdir())
    assert old == sorted(p.name for p in TERMS.iterdir())
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w") as tar:
        evil = tarfile.TarInfo("../evil.toml")
        evil.size = 1
        tar.addfile(evil, io.BytesIO(b"x"))
    data.seek(0)
    into = repo / "out"
    into.mkdir()
    with tarfile.open(fileobj=data) as tar, pytest.raises(TermbaseError, match="outside"):
        history._plain_members(tar, into)
