"""A repository cannot make termbase touch a file outside its term base (issue 36): a committed
edit journal moves nothing, `-o` never replaces what is not a regular file. Each shape the
audit found, through the real command where a user meets it."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from termbase.base.transaction import JOURNAL, ForeignJournalError, recover

from .conftest import ROOT
from .test_lint_routes import git_repo, run, run_ok

TERMS = ROOT / "terms"
PAYLOAD = "#!/bin/sh\necho owned\n"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def attacked(tmp_path: Path) -> Path:
    """A repository whose pull request adds a journal that renames a payload over its own
    pre-commit hook and over a file outside the repository."""
    repo = git_repo(tmp_path / "repo")
    shutil.copytree(TERMS, repo / "terms")
    (repo / "terms" / "payload.sh").write_text(PAYLOAD, "utf-8")
    (repo / "terms" / ".terms.termbase-1-x.tmp").write_text(PAYLOAD, "utf-8")
    hooks = repo / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "pre-commit").write_text("#!/bin/sh\nexit 0\n", "utf-8")
    (tmp_path / "outside.txt").write_text("precious\n", "utf-8")
    journal = {
        "termbase-journal": 1,
        "renames": [
            ["terms/payload.sh", "../../.git/hooks/pre-commit"],
            ["payload.sh", "../.git/hooks/pre-commit"],
            [str(repo / "terms" / "payload.sh"), str(tmp_path / "outside.txt")],
        ],
    }
    (repo / "terms" / JOURNAL).write_text(json.dumps(journal), "utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "a pull request")
    return repo


def _untouched(repo: Path) -> None:
    assert (repo / ".git" / "hooks" / "pre-commit").read_text("utf-8") == "#!/bin/sh\nexit 0\n"
    assert (repo.parent / "outside.txt").read_text("utf-8") == "precious\n"
    assert (repo / "terms" / "payload.sh").read_text("utf-8") == PAYLOAD
    assert (repo / "terms" / JOURNAL).is_file()  # left in place, for a person to look at


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "-t", "terms"],
        ["lookup", "和音", "-t", "terms"],
        ["lint", "--source", "zh-Hans", "--target", "en", "-t", "terms", "doc.md"],
        ["set", "small-yard-high-fence", "note", "x", "-t", "terms"],
    ],
)
def test_a_committed_journal_moves_nothing(attacked: Path, command: list[str]) -> None:
    (attacked / "doc.md").write_text("We reject the small yard, high fence.\n", "utf-8")
    result = run(*command, cwd=attacked)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert JOURNAL in lines[0]
    assert "nothing was renamed" in lines[0]
    _untouched(attacked)


def test_diff_of_a_revision_with_a_journal_never_recovers(attacked: Path) -> None:
    """`termbase diff HEAD` reads the revision as committed: the journal is not acted on, in
    the revision's copy or in the working tree (removed from it, the working tree reads)."""
    (attacked / "terms" / JOURNAL).unlink()
    run_ok("diff", "HEAD", "-t", "terms", cwd=attacked)
    assert (attacked / ".git" / "hooks" / "pre-commit").read_text("utf-8") == "#!/bin/sh\nexit 0\n"
    assert (attacked.parent / "outside.txt").read_text("utf-8") == "precious\n"


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def _journal(folder: Path, renames: list[list[str]], pid: int | None = None) -> Path:
    data: dict[str, object] = {"termbase-journal": 2, "renames": renames}
    if pid is not None:
        data["pid"] = pid
    path = folder / JOURNAL
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_a_journal_of_a_killed_edit_is_still_finished(tmp_path: Path) -> None:
    pid = _dead_pid()
    tmp = tmp_path / f".a.toml.termbase-{pid}-abc.tmp"
    tmp.write_text("new", "utf-8")
    (tmp_path / "a.toml").write_text("old", "utf-8")
    _journal(tmp_path, [[tmp.name, "a.toml"]], pid)
    done = recover(tmp_path)
    assert done == [f"finished writing {tmp_path / 'a.toml'}"]
    assert (tmp_path / "a.toml").read_text("utf-8") == "new"
    assert not (tmp_path / JOURNAL).exists()


def _refused_shapes(tmp_path: Path) -> dict[str, tuple[list[list[str]], str]]:
    pid = _dead_pid()
    good = f".a.toml.termbase-{pid}-abc.tmp"
    return {
        "up and out": ([[good, "../a.toml"]], "'..'"),
        "absolute outside": ([[good, "/etc/a.toml"]], "not in the folder"),
        "not a toml target": ([[f".a.sh.termbase-{pid}-abc.tmp", "a.sh"]], "*.toml"),
        "foreign temporary name": ([["payload.toml", "a.toml"]], "not the name of a termbase"),
        "another file's temporary": (
            [[f".b.toml.termbase-{pid}-abc.tmp", "a.toml"]],
            "not the name of a termbase",
        ),
        "other folder": ([[good, "sub/a.toml"]], "not in the folder"),
        "live writer": ([[f".a.toml.termbase-{os.getpid()}-abc.tmp", "a.toml"]], "still running"),
        "not pairs": ([["a.toml"]], "not pairs"),
    }


@pytest.mark.parametrize(
    "shape",
    [
        "up and out",
        "absolute outside",
        "not a toml target",
        "foreign temporary name",
        "another file's temporary",
        "other folder",
        "live writer",
        "not pairs",
    ],
)
def test_refused_journal_shapes(tmp_path: Path, shape: str) -> None:
    folder = tmp_path / "terms"
    (folder / "sub").mkdir(parents=True)
    renames, why = _refused_shapes(tmp_path)[shape]
    for pair in renames:
        (folder / pair[0]).write_text("payload", "utf-8")
    (folder / "a.toml").write_text("kept", "utf-8")
    _journal(folder, renames)
    with pytest.raises(ForeignJournalError, match="nothing was renamed") as caught:
        recover(folder)
    assert why in str(caught.value)
    assert (folder / "a.toml").read_text("utf-8") == "kept"
    assert (folder / JOURNAL).is_file()


def test_a_symlinked_folder_or_target_is_refused(tmp_path: Path) -> None:
    pid = _dead_pid()
    folder = tmp_path / "terms"
    folder.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.toml").write_text("kept", "utf-8")
    (folder / "link").symlink_to(elsewhere)
    (elsewhere / f".a.toml.termbase-{pid}-abc.tmp").write_text("payload", "utf-8")
    _journal(folder, [[f"link/.a.toml.termbase-{pid}-abc.tmp", "link/a.toml"]])
    with pytest.raises(ForeignJournalError, match="symbolic link"):
        recover(folder)
    assert (elsewhere / "a.toml").read_text("utf-8") == "kept"
    (folder / "b.toml").symlink_to(elsewhere / "a.toml")
    (folder / f".b.toml.termbase-{pid}-abc.tmp").write_text("payload", "utf-8")
    _journal(folder, [[f".b.toml.termbase-{pid}-abc.tmp", "b.toml"]])
    with pytest.raises(ForeignJournalError, match="not a regular file"):
        recover(folder)
    assert (elsewhere / "a.toml").read_text("utf-8") == "kept"


def test_temporaries_of_a_killed_command_are_removed_on_reads(tmp_path: Path) -> None:
    base = tmp_path / "terms"
    shutil.copytree(TERMS, base)
    pid = _dead_pid()
    left = [
        base / f".ai-governance.toml.termbase-{pid}-abc.tmp",
        base / f".{JOURNAL}.termbase-{pid}-abc.tmp",
    ]
    for path in left:
        path.write_text("x", "utf-8")
    run_ok("lookup", "和音", "-t", str(base), cwd=tmp_path)
    assert not [p for p in left if p.exists()]


# ----------------------------------------------------------- -o and --in-place


def test_output_to_a_character_device_writes_through(tmp_path: Path) -> None:
    """`-o /dev/null` (and /dev/full, /dev/stdout) is written to, never replaced by a file."""
    before = Path("/dev/null").stat()
    run_ok("export", "-f", "json", "-o", "/dev/null", cwd=tmp_path)
    after = Path("/dev/null").stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (before.st_ino, before.st_rdev) == (after.st_ino, after.st_rdev)


def test_output_to_a_full_device_fails_without_replacing_it(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this machine")
    result = run("export", "-f", "tbx", "-o", "/dev/full", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_output_to_a_fifo_writes_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = tmp_path / "received"
    with received.open("wb") as sink:
        reader = subprocess.Popen(["cat", str(fifo)], stdout=sink)
        result = run("export", "-f", "json", "-o", str(fifo), cwd=tmp_path)
        reader.wait(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received.read_bytes().startswith(b"{")


@pytest.mark.parametrize(
    ("name", "before", "args", "after"),
    [
        ("link.json", "old", ["export", "-f", "json", "-o", "{link}"], "{"),
        ("link.txt", "发展\n", ["convert", "--to", "zh-Hant", "--in-place", "{link}"], "發展\n"),
    ],
    ids=["export -o", "convert --in-place"],
)
def test_a_write_through_a_symlink_writes_its_target_and_keeps_the_link(
    tmp_path: Path, name: str, before: str, args: list[str], after: str
) -> None:
    target = tmp_path / ("real" + Path(name).suffix)
    target.write_text(before, "utf-8")
    link = tmp_path / name
    link.symlink_to(target)
    run_ok(*(a.format(link=link) for a in args), cwd=tmp_path)
    assert link.is_symlink()
    assert target.read_text("utf-8").startswith(after)


# ----------------------------------------------------------- names and ids


@pytest.mark.parametrize(
    "command",
    [["validate"], ["lookup", "和音"], ["list"], ["show", "he-yin"]],
)
def test_a_file_name_that_is_not_utf8_is_one_line(tmp_path: Path, command: list[str]) -> None:
    base = tmp_path / "terms"
    shutil.copytree(TERMS, base)
    bad = os.fsencode(base) + b"/x\xff.toml"
    Path(os.fsdecode(bad)).write_text('[odd]\nterm = [{lang = "en", text = "odd"}]\n', "utf-8")
    result = run(*command, "-t", str(base), cwd=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("the file name is not valid UTF-8; rename the file")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_segment_id_with_a_line_break_cannot_forge_a_finding() -> None:
    from termbase.finding import Finding, Severity
    from termbase.report.text_format import render

    forged = "1\nterms/x.toml:1:1: error LT101 fake: forged"
    finding = Finding(
        Path("a.po"), 3, "LT101", Severity.ERROR, "m", segment=forged, source="s", target="t"
    )
    out = render([finding])
    assert out.count("\n") == 1
    assert "segment 1\\nterms/x.toml" in out


def test_validate_warns_of_a_tracked_temporary(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "repo")
    shutil.copytree(TERMS, repo / "terms")
    left = repo / "terms" / ".principles.toml.termbase-4242424-abc.tmp"
    left.write_text("x", "utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "by mistake")
    result = run_ok("validate", "-t", "terms", cwd=repo)
    assert (
        "warning: terms/.principles.toml.termbase-4242424-abc.tmp: a termbase journal or "
        "temporary is tracked by git; git rm it"
    ) in result.stderr


def test_reimport_with_a_conflict_and_a_new_concept_adds_and_lists(tmp_path: Path) -> None:
    """Re-importing an updated glossary into a one-file base: the new concept is added, the
    conflict listed; neither aborts the other."""
    base = tmp_path / "tb"
    base.mkdir()
    shutil.copy(TERMS / "ai-governance.toml", base)
    glossary = tmp_path / "g.tsv"
    result = run(
        "export", "-t", str(base), "-f", "tsv", "--profile", "deepl", "-o", str(glossary),
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = glossary.read_text("utf-8").splitlines()
    first_source = rows[0].split("\t")[0]
    rows[0] = f"{first_source}\tAI forever"
    glossary.write_text("\n".join([*rows, "新概念\tnew concept"]) + "\n", "utf-8")
    result = run_ok("import", str(glossary), "--profile", "deepl", "-t", str(base), cwd=tmp_path)
    assert "conflict: artificial-intelligence exists" in result.stderr
    assert "added new-concept" in result.stderr
    assert "new concept" in (base / "ai-governance.toml").read_text("utf-8")


@pytest.mark.parametrize(
    "command",
    [["set", "ai-for-good", "note", "x"], ["add", "new-one", "--term", "en=new one"], ["fmt"]],
)
def test_a_write_with_no_term_base_found_refuses_the_installed_copy(
    tmp_path: Path, command: list[str]
) -> None:
    from termbase.base.files import bundled_path

    before = {p.name: p.read_bytes() for p in bundled_path().glob("*.toml")}
    result = run(*command, cwd=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "name the term base to edit with -t PATH" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in bundled_path().glob("*.toml")} == before


def test_fmt_check_of_a_deeply_nested_header_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "deep.toml").write_text("[" + ".".join(["a"] * 1000) + "]\n", "utf-8")
    message = run("fmt", "--check", "deep.toml", cwd=tmp_path)
    assert message.returncode == 2, message.stderr
    assert message.stderr.strip() == "termbase: deep.toml: tables nested too deeply to format"


def test_lookup_prints_no_raw_escape_sequence(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        '[x]\nnote = "\\u001b[31mred"\n[[x.term]]\nlang = "en"\ntext = "x"\n'
        'status = "preferred"\nusage-note = "\\u001b[2Jclear"\n',
        "utf-8",
    )
    result = run_ok("lookup", "x", "-t", str(tmp_path), cwd=tmp_path)
    assert "\x1b" not in result.stdout
    assert "\\x1b[2Jclear" in result.stdout


def test_diff_of_a_revision_with_a_symlink_out_of_the_tree_is_one_line(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "repo")
    shutil.copytree(TERMS, repo / "terms")
    (repo / "terms" / "evil.toml").symlink_to("/etc/passwd")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "a link")
    (repo / "terms" / "evil.toml").unlink()
    result = run("diff", "HEAD", "-t", "terms", cwd=repo)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("termbase: HEAD: cannot read the term base of that revision")


def test_diff_refuses_a_blob_over_the_limit_before_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from termbase.base import files
    from termbase.errors import TermbaseError
    from termbase.evolution import history

    repo = git_repo(tmp_path / "repo")
    shutil.copytree(TERMS, repo / "terms")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    with (
        pytest.raises(TermbaseError, match="bytes, more than termbase reads in one file"),
        history.state("HEAD", [repo / "terms"]),
    ):
        pass


@pytest.mark.parametrize("command", [["lookup", "人工智能"], ["show", "artificial-intelligence"]])
def test_a_duplicate_concept_id_across_files_is_refused(tmp_path: Path, command: list[str]) -> None:
    base = tmp_path / "terms"
    shutil.copytree(TERMS, base)
    shutil.copy(base / "ai-governance.toml", base / "zz.toml")
    result = run(*command, "-t", str(base), cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert "concept id 'artificial-intelligence' is also defined in" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["import", "FIFO", "-f", "tbx"], "a FIFO; termbase imports regular files"),
        (["import", "/dev/zero", "-f", "tbx"], "not a regular file; termbase imports regular"),
        (["convert", "FIFO"], "a FIFO; termbase converts regular files"),
        (["convert", "/dev/zero"], "not a regular file; termbase converts regular files"),
    ],
)
def test_import_and_convert_read_regular_files_only(
    tmp_path: Path, command: list[str], says: str
) -> None:
    fifo = tmp_path / "f.tbx"
    os.mkfifo(fifo)
    base = tmp_path / "terms"
    shutil.copytree(TERMS, base)
    args = [str(fifo) if a == "FIFO" else a for a in command]
    result = subprocess.run(
        [*_command(), *args, "-t", str(base)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert says in result.stderr


def _command() -> list[str]:
    from .test_lint_routes import COMMAND

    return list(COMMAND)


def test_a_carriage_return_survives_tbx(tmp_path: Path) -> None:
    base = tmp_path / "tb"
    base.mkdir()
    (base / "a.toml").write_text(
        '[x]\nnote = "a\\rb"\n[[x.term]]\nlang = "en"\ntext = "x"\nstatus = "preferred"\n'
        '[[x.term]]\nlang = "zh-Hans"\ntext = "叉"\nstatus = "preferred"\n',
        "utf-8",
    )
    tbx = tmp_path / "x.tbx"
    assert run("export", "-f", "tbx", "-t", str(base), "-o", str(tbx), cwd=tmp_path).returncode == 0
    back = tmp_path / "back"
    back.mkdir()
    run_ok("import", str(tbx), "-t", str(back), "--into", str(back / "a.toml"), cwd=tmp_path)
    assert 'note = "a\\rb"' in (back / "a.toml").read_text("utf-8")


def test_rows_sharing_one_source_term_gather_in_linear_time() -> None:
    """Each row of a glossary adding a rendering to one source term: 4x the rows take about
    4x the time (they took 16x: each row collected the readings of all the rows before)."""
    import time

    from termbase.exchange.tabular import Draft, gather
    from termbase.model import Status, Term

    def seconds(n: int) -> float:
        drafts = [
            Draft(
                [
                    Term("zh-Hans", "人工智能", Status.PREFERRED, pinyin="réngōng zhìnéng"),
                    Term("en", f"target {i}", Status.PREFERRED),
                ]
            )
            for i in range(n)
        ]
        start = time.perf_counter()
        (concept,) = gather(drafts, "zh-Hans")
        assert len(concept.terms) == n + 1
        return time.perf_counter() - start

    small = min(seconds(5_000) for _ in range(3))
    large = min(seconds(20_000) for _ in range(3))
    assert large < 8 * small, (small, large)
