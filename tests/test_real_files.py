"""Files shaped as real tools write them (issue 30): language tags as CAT tools spell them,
and inputs that would pass with nothing checked. The real command on the real sample files."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT
from .test_lint_routes import one_line_exit_2, run, run_ok

LINT = ROOT / "tests" / "data" / "lint"


def _xliff(tmp_path: Path, target_language: str) -> Path:
    text = (LINT / "sample-1.2.xlf").read_text("utf-8")
    path = tmp_path / "t.xlf"
    path.write_text(text.replace('target-language="en"', f'target-language="{target_language}"'))
    return path


@pytest.mark.parametrize("tag", ["en_US", "eng", "EN-us", "en-GB"])
def test_spellings_of_a_known_tag_are_checked(tmp_path: Path, tag: str) -> None:
    result = run("lint", str(_xliff(tmp_path, tag)), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "LT103 ai-for-good" in result.stdout


def test_zho_cn_source_is_chinese(tmp_path: Path) -> None:
    text = (LINT / "sample-1.2.xlf").read_text("utf-8").replace('"zh-Hans"', '"zho-CN"')
    path = tmp_path / "t.xlf"
    path.write_text(text, "utf-8")
    result = run("lint", str(path), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "LT103 ai-for-good" in result.stdout


@pytest.mark.parametrize(
    ("tag", "says"),
    [
        ("english", "'english' is not a language tag; did you mean en?"),
        ("fr", "the term base has no terms in fr (the target language): nothing was checked"),
    ],
)
def test_a_target_nothing_can_be_checked_in_stops(tmp_path: Path, tag: str, says: str) -> None:
    message = one_line_exit_2(run("lint", str(_xliff(tmp_path, tag)), cwd=tmp_path))
    assert says in message


def test_po_language_fr_stops(tmp_path: Path) -> None:
    path = tmp_path / "t.po"
    path.write_text(
        (LINT / "sample.po").read_text("utf-8").replace("Language: en", "Language: fr"), "utf-8"
    )
    message = one_line_exit_2(run("lint", str(path), cwd=tmp_path))
    assert "no terms in fr" in message


def test_csv_header_in_a_language_without_terms_stops(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("zh-Hans,fr\n智能向善,l'IA au service du bien\n", "utf-8")
    message = one_line_exit_2(run("lint", str(path), cwd=tmp_path))
    assert "no terms in fr" in message


@pytest.mark.parametrize("option", ["english", "xx yy"])
def test_target_option_that_is_not_a_tag(tmp_path: Path, option: str) -> None:
    result = run("lint", "--target", option, str(LINT / "sample.tmx"), cwd=tmp_path)
    assert result.returncode == 2
    assert "is not a language tag" in result.stderr


@pytest.mark.parametrize("name", ["empty.po", "empty.xlf", "empty.csv"])
def test_an_input_with_no_segment_is_not_a_pass(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    content = {
        "empty.po": "",
        "empty.xlf": '<xliff version="1.2"><file source-language="zh-Hans" '
        'target-language="en"><body/></file></xliff>',
        "empty.csv": "source,target\n",
    }[name]
    path.write_text(content, "utf-8")
    message = one_line_exit_2(run("lint", str(path), cwd=tmp_path))
    assert "nothing was checked" in message


def test_include_applies_to_files_named_on_the_command_line(tmp_path: Path) -> None:
    """As ruff's --force-exclude: a hook that names every changed file lints only what the
    settings' include and exclude let through."""
    (tmp_path / ".termbase.toml").write_text('[lint]\ninclude = ["po/**"]\n', "utf-8")
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "a.md").write_text("China upholds intelligent for good.\n", "utf-8")
    (tmp_path / "notes.md").write_text("China upholds intelligent for good.\n", "utf-8")
    result = run("lint", "po/a.md", "notes.md", "-t", str(ROOT / "terms"), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("po/a.md:1:15: error LT103")
    assert "notes.md" not in result.stdout


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ('termbse = "terms"\n', "unknown key 'termbse' in the file; did you mean 'termbase'?"),
        ('[lnt]\nexclude = ["x"]\n', "unknown key 'lnt' in the file; did you mean 'lint'?"),
    ],
)
def test_unknown_top_level_keys_in_settings_stop(tmp_path: Path, settings: str, says: str) -> None:
    (tmp_path / ".termbase.toml").write_text(settings, "utf-8")
    (tmp_path / "a.md").write_text("China upholds AI for good.\n", "utf-8")
    message = one_line_exit_2(run("lint", "a.md", cwd=tmp_path))
    assert says in message


@pytest.mark.parametrize("named", [".termbase.toml", "pyproject.toml"])
def test_t_naming_what_is_not_a_term_base_stops(tmp_path: Path, named: str) -> None:
    (tmp_path / ".termbase.toml").write_text('[lint]\nexclude = ["x"]\n', "utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    (tmp_path / "a.md").write_text("China upholds intelligent for good.\n", "utf-8")
    message = one_line_exit_2(run("lint", "a.md", "-t", named, cwd=tmp_path))
    assert message.startswith(f"termbase: {named}: ")


def test_a_term_base_with_errors_is_said_before_linting(tmp_path: Path) -> None:
    import shutil

    base = tmp_path / "bad"
    shutil.copytree(ROOT / "terms", base)
    path = base / "ai-governance.toml"
    path.write_text(
        path.read_text("utf-8").replace('status = "preferred"', 'status = "forbiden"', 1), "utf-8"
    )
    (tmp_path / "a.md").write_text("China upholds intelligent for good.\n", "utf-8")
    result = run("lint", "a.md", "-t", str(base), cwd=tmp_path)
    assert "the term base has 1 error" in result.stderr
    assert "run termbase validate" in result.stderr


@pytest.mark.parametrize(
    ("name", "head", "row"),
    [
        ("t.csv", "source,target\n", "智能向善,intelligent for good\n"),
        ("t.md", "", "China upholds intelligent for good.\n"),
    ],
)
def test_a_baseline_keeps_its_findings_when_rows_are_added_above(
    tmp_path: Path, name: str, head: str, row: str
) -> None:
    """CSV, TSV and Markdown segments are numbered by row: the baseline keys them on their
    text, so a row added above does not bring an accepted finding back."""
    path = tmp_path / name
    path.write_text(head + row, "utf-8")
    baseline = tmp_path / "baseline.json"
    terms = str(ROOT / "terms")
    written = run("lint", name, "-t", terms, "--write-baseline", str(baseline), cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    above = "人工智能,AI\n" if name.endswith(".csv") else "Artificial intelligence.\n\n"
    path.write_text(head + above + row, "utf-8")
    result = run("lint", name, "-t", terms, "--baseline", str(baseline), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LT103" not in result.stdout
    path.write_text(head + above + row.replace("good", "good and more"), "utf-8")
    changed = run("lint", name, "-t", terms, "--baseline", str(baseline), cwd=tmp_path)
    assert "LT103" in changed.stdout  # a segment whose text changed is checked again


@pytest.mark.parametrize("query", ["xiaoyuan gaoqaing", "小院高强", "小院高牆"])
def test_lookup_finds_typos_in_spaced_pinyin_and_a_wrong_character(
    tmp_path: Path, query: str
) -> None:
    result = run_ok("lookup", query, "-t", str(ROOT / "terms"), cwd=tmp_path)
    assert result.stdout.startswith("1. small-yard-high-fence"), result.stdout


def test_a_reversed_xliff_stops_instead_of_passing(tmp_path: Path) -> None:
    """source-language zh-Hans over English sources and Chinese targets: every Chinese term
    would be looked for in English text and "0 errors" said (issue 30)."""
    path = tmp_path / "r.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language='
        '"zh-Hans" target-language="en" datatype="plaintext" original="x"><body>\n'
        "<trans-unit id='1'><source>China upholds intelligent for good.</source>"
        "<target>中国坚持智能向善。</target></trans-unit>\n"
        "<trans-unit id='2'><source>We oppose small yard, high fence.</source>"
        "<target>我们反对小院高墙。</target></trans-unit>\n</body></file></xliff>\n",
        "utf-8",
    )
    line = one_line_exit_2(run("lint", str(path), cwd=tmp_path))
    assert "the languages look reversed; nothing was checked" in line


def test_positional_columns_reversed_or_with_a_header(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text("zh,en\n智能向善,intelligent for good\n小院高墙,x\n", "utf-8")
    result = run("lint", "h.csv", "--columns", "1,2", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "in 2 segments" in result.stderr  # the header row is not a segment
    (tmp_path / "n.csv").write_text("intelligent for good,智能向善\nsmall yard,小院高墙\n", "utf-8")
    line = one_line_exit_2(run("lint", "n.csv", "--columns", "1,2", cwd=tmp_path))
    assert "the columns look reversed" in line
    result = run("lint", "n.csv", "--columns", "2,1", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "LT103 ai-for-good" in result.stdout
