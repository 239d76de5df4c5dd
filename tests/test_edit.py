"""Editing: every write keeps what a person wrote, is atomic, and is refused when it should be."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from termbase import edit, validate
from termbase.cli import app
from termbase.errors import TermbaseError

from .conftest import ADD_NEW_CONCEPT, DATA, ROOT, Golden

runner = CliRunner()
EDIT = DATA / "edit"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    d = tmp_path / "terms"
    d.mkdir()
    shutil.copy(EDIT / "odd.toml", d / "odd.toml")
    return d


def _run(base: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "-t", str(base)])
    return result.exit_code, result.stdout, result.stderr


def _run_writing_nothing(base: Path, *args: str) -> tuple[int, str, str]:
    """`_run`, checking that the term base's file is byte for byte as it was."""
    before = (base / "odd.toml").read_bytes()
    ran = _run(base, *args)
    assert (base / "odd.toml").read_bytes() == before
    return ran


def _set_en(field: str, value: str, term: str) -> list[str]:
    """`set small-yard-high-fence FIELD VALUE` for one of its English terms."""
    return ["set", "small-yard-high-fence", field, value, "--lang", "en", "--term", term]


def _diff(before: str, after: str) -> list[str]:
    import difflib

    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]


def test_add_appends_only_the_new_concept(base: Path, golden: Golden) -> None:
    before = (base / "odd.toml").read_text("utf-8")
    code, _, errors = _run(
        base,
        *ADD_NEW_CONCEPT,
        "--definition",
        "A state's authority over data on its territory.",
    )
    assert code == 0, errors
    after = (base / "odd.toml").read_text("utf-8")
    assert after.startswith(before)  # every old byte kept
    golden.check(after[len(before) :], EDIT / "add.expected")
    result = validate([base])
    assert [f.code for f in result.findings] == ["TB120", "TB120"]  # filled by a machine


def test_add_refuses_an_error_and_writes_nothing(base: Path) -> None:
    code, _, errors = _run_writing_nothing(
        base, "add", "bad-one", "--term", "zh-Hans=小院高牆", "--no-fill"
    )
    assert code == 1
    assert errors.startswith("termbase: the change would add 1 error(s); nothing was written\n")
    assert "TB301" in errors


def test_add_existing_id_and_bad_id(base: Path) -> None:
    code, _, errors = _run(base, "add", "technological-monopoly", "--term", "en=x")
    assert code == 2
    assert "already exists" in errors
    code, _, errors = _run(base, "add", "Bad_Id", "--term", "en=x")
    assert code == 2
    assert "lower-case ASCII" in errors


def test_set_changes_one_line(base: Path) -> None:
    before = (base / "odd.toml").read_text("utf-8")
    code, _, errors = _run(base, "set", "small-yard-high-fence", "subject", "security policy")
    assert code == 0, errors
    assert errors.endswith(f"changed {base / 'odd.toml'}\n")
    assert _diff(before, (base / "odd.toml").read_text("utf-8")) == [
        "-subject   = 'technology policy'      # single quotes, wide spacing",
        "+subject   = 'security policy'      # single quotes, wide spacing",
    ]


def test_set_keeps_quote_style_where_the_value_allows(base: Path) -> None:
    """The user's 'literal' quotes stay; a value a literal string cannot hold falls back to
    "basic" quotes, with the same result under every tomlkit version declared."""
    before = (base / "odd.toml").read_text("utf-8")
    code, _, errors = _run(base, "set", "small-yard-high-fence", "subject", "China's policy")
    assert code == 0, errors
    assert _diff(before, (base / "odd.toml").read_text("utf-8")) == [
        "-subject   = 'technology policy'      # single quotes, wide spacing",
        '+subject   = "China\'s policy"      # single quotes, wide spacing',
    ]


def test_set_term_field(base: Path) -> None:
    before = (base / "odd.toml").read_text("utf-8")
    code, _, _ = _run(base, *_set_en("status", "admitted", "small yard, high fence"))
    assert code == 0
    assert _diff(before, (base / "odd.toml").read_text("utf-8")) == [
        '-status = "preferred"',
        '+status = "admitted"',
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["set", "small-yard-high-fnce", "subject", "x"],
            "no concept 'small-yard-high-fnce' in the term base; "
            "did you mean small-yard-high-fence?",
        ),
        (
            ["set", "small-yard-high-fence", "subjet", "x"],
            "unknown concept field 'subjet'; did you mean 'subject'?",
        ),
        (
            _set_en("status", "prefered", "small yard, high fence"),
            "unknown status 'prefered'; did you mean 'preferred'?",
        ),
        (
            _set_en("status", "admitted", "nope"),
            "small-yard-high-fence has no en term 'nope'",
        ),
        (
            _set_en("lang", "zh_CN", "small yard, high fence"),
            "'zh_CN' is not a BCP 47 language tag as written",
        ),
        (
            ["rm", "technological-monopoly"],
            "technological-monopoly is still named by small-yard-high-fence",
        ),
    ],
)
def test_bad_edits_are_one_line_exit_2_and_touch_nothing(
    base: Path, args: list[str], message: str
) -> None:
    code, out, errors = _run_writing_nothing(base, *args)
    assert code == 2
    assert out == ""
    assert errors.startswith(f"termbase: {message}")
    assert errors.count("\n") == 1


def test_rm_term_field_and_forced_concept(base: Path) -> None:
    f = base / "odd.toml"
    before = f.read_text("utf-8")
    assert _run(base, "rm", "small-yard-high-fence", "--field", "see-also")[0] == 0
    assert _diff(before, f.read_text("utf-8")) == ['-see-also = [ "technological-monopoly" ]']
    assert (
        _run(
            base, "rm", "technological-monopoly", "--lang", "en", "--term", "technological monopoly"
        )[0]
        == 0
    )
    assert "technological monopoly" not in f.read_text("utf-8")
    assert _run(base, "rm", "technological-monopoly")[0] == 0
    text = f.read_text("utf-8")
    assert "[technological-monopoly]" not in text
    assert "# Two blank lines above, on purpose." not in text
    first = before.split("\n\n\n")[0].replace('see-also = [ "technological-monopoly" ]\n', "")
    assert text.startswith(first)  # the first concept, byte for byte
    assert tomllib.loads(text).keys() == {"small-yard-high-fence"}


def test_mv_rewrites_references(base: Path) -> None:
    f = base / "odd.toml"
    code, _, _ = _run(base, "mv", "technological-monopoly", "tech-monopoly")
    assert code == 0
    data = tomllib.loads(f.read_text("utf-8"))
    assert "tech-monopoly" in data
    assert data["small-yard-high-fence"]["see-also"] == ["tech-monopoly"]
    assert [t.code for t in validate([base]).findings] == []


def test_fill_adds_only_what_is_missing(base: Path, golden: Golden) -> None:
    f = base / "odd.toml"
    before = f.read_text("utf-8")
    check = runner.invoke(app, ["fill", "--check", str(base)])
    assert check.exit_code == 1
    assert check.stdout == f"{f}: would be filled\n"
    assert f.read_text("utf-8") == before
    result = runner.invoke(app, ["fill", str(base)])
    assert result.exit_code == 0
    after = f.read_text("utf-8")
    golden.check("\n".join(_diff(before, after)) + "\n", EDIT / "fill.expected")
    assert 'pinyin="xiǎoyuàn gāoqiáng"   # GB/T 16159' in after  # a person's value stays
    assert runner.invoke(app, ["fill", "--check", str(base)]).exit_code == 0


def test_fmt_keeps_data_and_comments(base: Path, golden: Golden) -> None:
    f = base / "odd.toml"
    before = f.read_text("utf-8")
    assert runner.invoke(app, ["fmt", "--check", str(base)]).exit_code == 1
    assert runner.invoke(app, ["fmt", str(base)]).exit_code == 0
    after = f.read_text("utf-8")
    assert tomllib.loads(after) == tomllib.loads(before)
    assert [x for x in before.splitlines() if x.startswith("#")] == [
        x for x in after.splitlines() if x.startswith("#")
    ]
    golden.check(after, EDIT / "fmt.expected")
    assert runner.invoke(app, ["fmt", "--check", str(base)]).exit_code == 0


def test_bundled_base_is_formatted() -> None:
    result = runner.invoke(app, ["fmt", "--check", str(ROOT / "terms")])
    assert (result.exit_code, result.stdout) == (0, "")


def test_dry_run_writes_nothing(base: Path) -> None:
    code, out, errors = _run_writing_nothing(
        base, "set", "small-yard-high-fence", "note", "n", "--dry-run"
    )
    assert code == 0
    assert out.startswith("--- a/")
    assert '+note = "n"' in out
    assert errors.endswith("dry run: nothing written\n")


def test_a_change_on_disk_is_not_overwritten(base: Path) -> None:
    change = edit.set_field([base], "small-yard-high-fence", "subject", "x")
    f = base / "odd.toml"
    f.write_text(f.read_text("utf-8") + "\n# an editor's save\n", "utf-8")
    with pytest.raises(TermbaseError, match="changed on disk after termbase read it"):
        change.write()
    assert f.read_text("utf-8").endswith("# an editor's save\n")


WRITER = """
import sys
from pathlib import Path
from termbase.base.atomic import write_atomic
path = Path(sys.argv[1])
texts = [Path(sys.argv[2]).read_text("utf-8"), Path(sys.argv[3]).read_text("utf-8")]
n = 0
while True:
    write_atomic(path, texts[n % 2])
    n += 1
"""


def test_killed_writer_never_leaves_a_broken_file(tmp_path: Path) -> None:
    a = (EDIT / "odd.toml").read_text("utf-8")
    b = a.replace("small yard, high fence", "small yard, high fence, again") + "# padding\n" * 5000
    (tmp_path / "a").write_text(a, "utf-8")
    (tmp_path / "b").write_text(b, "utf-8")
    target = tmp_path / "terms.toml"
    target.write_text(a, "utf-8")
    rng = random.Random(3)
    for _ in range(25):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), str(tmp_path / "a"), str(tmp_path / "b")]
        )
        time.sleep(0.25 + rng.random() * 0.3)
        proc.kill()
        proc.wait()
        text = target.read_text("utf-8")
        assert text in (a, b)
        tomllib.loads(text)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 25  # a killed writer may leave its temporary file, never the target


def test_rm_of_the_last_concept_keeps_the_files_own_comments(tmp_path: Path) -> None:
    """Comments above a concept but cut off from it by a blank line belong to the file."""
    base = tmp_path / "tb"
    shutil.copytree(ROOT / "terms", base)
    text = (
        "# File header: owned by the policy team.\n# Keep this comment.\n\n"
        "# about one\n[one]\nsubject = 'x'\n[[one.term]]\nlang = 'en'\ntext = 'one'\n"
        "status = 'preferred'\n"
    )
    (base / "zz.toml").write_text(text, "utf-8")
    code, _, errors = _run(base, "rm", "one")
    assert code == 0, errors
    assert (base / "zz.toml").read_text("utf-8") == (
        "# File header: owned by the policy team.\n# Keep this comment.\n"
    )


_COMMENT = st.text(alphabet="abc 小院#=[]'\"", max_size=12).map(lambda s: f"# {s}".rstrip())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(st.lists(_COMMENT, max_size=2), st.integers(0, 2)), min_size=3, max_size=3),
    st.integers(0, 2),
    st.sampled_from(["", "  "]),
)
def test_rm_and_set_keep_every_other_comment_and_space(
    tmp_path_factory: pytest.TempPathFactory,
    lead: list[tuple[list[str], int]],
    which: int,
    space: str,
) -> None:
    """Random comments and blank lines between three concepts: `set` changes one line and
    nothing else; `rm` removes the concept and the comments right above it, nothing else."""
    base = tmp_path_factory.mktemp("tb")
    shutil.copy(ROOT / "terms" / "termbase.toml", base)
    blocks = []
    for n, (comments, blanks) in enumerate(lead):
        above = "".join(f"{c}\n" for c in comments)
        blocks.append(
            "\n" * blanks
            + above
            + f"[c{n}]\nsubject{space} = 'old'  # keep\n[[c{n}.term]]\nlang = \"en\"\n"
            f'text = "word {n}"\nstatus = "preferred"\n'
        )
    text = "".join(blocks) + "\n# the end of the file\n"
    (base / "a.toml").write_text(text, "utf-8")
    code, _, errors = _run(base, "set", f"c{which}", "subject", "new")
    assert code == 0, errors
    after = (base / "a.toml").read_text("utf-8")
    changed = [x for x in _diff(text, after) if x[0] in "+-"]
    assert changed == [
        f"-subject{space} = 'old'  # keep",
        f"+subject{space} = 'new'  # keep",
    ]
    code, _, errors = _run(base, "rm", f"c{which}")
    assert code == 0, errors
    removed = (base / "a.toml").read_text("utf-8")
    kept = [b for n, b in enumerate(blocks) if n != which]
    for n, block in zip([n for n in range(3) if n != which], kept, strict=True):
        assert f"[c{n}]" in removed
        body = block.split(f"[c{n}]", 1)[1]
        assert body in removed
    comments = [c for n, (cs, _) in enumerate(lead) if n != which for c in cs]
    comments.append("# the end of the file")
    assert [x for x in removed.splitlines() if x.startswith("#")] == comments


def _random_file(lead: list[tuple[list[str], int]], space: str) -> str:
    """Three concepts (a Chinese term without pinyin in each, for fill) with random comments
    and blank lines above them and odd spacing inside."""
    blocks = []
    for n, (comments, blanks) in enumerate(lead):
        above = "".join(f"{c}\n" for c in comments)
        see = '"c0"' if n else ""
        blocks.append(
            "\n" * blanks + above + f"[c{n}]\nsubject{space} = 'old'  # keep\nsee-also = [{see}]\n"
            f'[[c{n}.term]]\nlang = "en"\ntext = "word {n}"\nstatus = "preferred"\n'
            f'[[c{n}.term]]\nlang{space} = "zh-Hans"\ntext = "词语{n}"\nstatus = "preferred"\n'
        )
    return "".join(blocks) + "\n# the end of the file\n"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(st.lists(_COMMENT, max_size=2), st.integers(0, 2)), min_size=3, max_size=3),
    st.sampled_from(["", "  "]),
)
def test_add_fill_and_mv_keep_every_other_byte(
    tmp_path_factory: pytest.TempPathFactory, lead: list[tuple[list[str], int]], space: str
) -> None:
    """`add` only appends, `fill` only adds lines (pinyin, Traditional terms), `mv` changes
    only the lines that name the concept: every other line, comment and space stays."""
    base = tmp_path_factory.mktemp("tb")
    shutil.copy(ROOT / "terms" / "termbase.toml", base)
    text = _random_file(lead, space)
    (base / "a.toml").write_text(text, "utf-8")
    a_toml = str(base / "a.toml")
    code, _, errors = _run(base, "add", "new-one", "--term", "en=new one", "--file", a_toml)
    assert code == 0, errors
    after = (base / "a.toml").read_text("utf-8")
    assert after.startswith(text)
    result = runner.invoke(app, ["fill", str(base)])
    assert result.exit_code == 0, result.stderr
    filled = (base / "a.toml").read_text("utf-8")
    assert all(line.startswith("+") for line in _diff(after, filled))
    assert _diff(after, filled)  # pinyin and zh-Hant terms were added
    code, _, errors = _run(base, "mv", "c0", "c-zero")
    assert code == 0, errors
    moved = (base / "a.toml").read_text("utf-8")
    changed = _diff(filled, moved)
    assert all("c0" in line or "c-zero" in line for line in changed), changed
    assert moved.replace("c-zero", "c0") == filled


def test_add_refuses_a_file_outside_the_term_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--file a.toml` from another folder would write a concept no command reads."""
    base = tmp_path / "tb"
    base.mkdir()
    shutil.copy(ROOT / "terms" / "termbase.toml", base)
    monkeypatch.chdir(tmp_path)
    code, _, errors = _run(base, "add", "lost", "--term", "en=lost", "--file", "a.toml")
    assert code == 2
    assert "a.toml is not in the term base" in errors
    assert not (tmp_path / "a.toml").exists()
    code, _, errors = _run(base, "add", "kept", "--term", "en=kept", "--file", "tb/a.toml")
    assert code == 0, errors


def test_fill_and_set_keep_table_headers_as_written(tmp_path: Path) -> None:
    """tomlkit respaces `[[ one.term ]]` as `[[ one .term ]]`, even in a table no edit
    touches: every header whose key is unchanged is written as the user wrote it."""
    base = tmp_path / "tb"
    base.mkdir()
    shutil.copy(ROOT / "terms" / "termbase.toml", base)
    text = (
        '[ one ]\nsubject = "x"\n[[ one.term ]]\nlang = "zh-Hans"\ntext = "发展"\n'
        'status = "preferred"\n[[ one.term ]]  # English\nlang = "en"\ntext = "development"\n'
        'status = "preferred"\n\n[ two ]\nsubject = "x"\n[[two.term]]\nlang = "en"\n'
        'text = "two"\nstatus = "preferred"\n'
    )
    (base / "a.toml").write_text(text, "utf-8")
    result = CliRunner().invoke(app, ["fill", str(base)])
    assert result.exit_code == 0, result.output
    after = (base / "a.toml").read_text("utf-8")
    headers = [x for x in after.splitlines() if x.startswith("[")]
    assert headers == [
        "[ one ]",
        "[[ one.term ]]",
        "[[ one.term ]]  # English",
        "[[one.term]]",  # the zh-Hant term fill added
        "[ two ]",
        "[[two.term]]",
    ]
    code, _, errors = _run(base, "set", "two", "subject", "y")
    assert code == 0, errors
    assert [x for x in (base / "a.toml").read_text("utf-8").splitlines() if x.startswith("[")] == (
        headers
    )


def test_fill_and_fmt_take_the_term_base_as_every_command_does(tmp_path: Path) -> None:
    """-t names the term base for fill and fmt too, not only a path argument."""
    base = tmp_path / "tb"
    base.mkdir()
    shutil.copy(ROOT / "terms" / "termbase.toml", base)
    (base / "a.toml").write_text(
        '[one]\n\n[[one.term]]\nlang = \'zh-Hans\'\ntext = "发展"\nstatus = "preferred"\n',
        "utf-8",
    )
    code, _, errors = _run(base, "fmt", "--check")
    assert code == 1, errors  # single quotes: not the canonical layout
    code, _, errors = _run(base, "fill", "--check")
    assert code == 1, errors  # no zh-Hant term, no pinyin
    code, _, errors = _run(base, "fill")
    assert code == 0, errors
    assert "發展" in (base / "a.toml").read_text("utf-8")
