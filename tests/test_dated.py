"""Renderings in time (issue 34): "One Belt, One Road" was the official English until the three
ministries standardised it on 2015-09-23. A translation dated 2014 that says it is right; the
same translation dated 2016 gets LT102 naming the replacement and the date. `lint --as-of auto`
reads the date from the file (PO, TMX, XLIFF, Markdown front matter) or from git."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from termbase import load
from termbase.checks.validation import validate

from .conftest import ROOT
from .test_lint_routes import run, run_ok

TERMS = str(ROOT / "terms")
SOURCE, TARGET = "推进一带一路建设", "advance the One Belt, One Road"


def _po(day: str) -> str:
    return (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n'
        f'"PO-Revision-Date: {day} 12:00+0800\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{SOURCE}"\nmsgstr "{TARGET}"\n'
    )


def _tmx(day: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
        'adminlang="en" srclang="zh-Hans" datatype="plaintext" '
        f'creationdate="{day.replace("-", "")}T120000Z"/>\n'
        f'<body><tu><tuv xml:lang="zh-Hans"><seg>{SOURCE}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>{TARGET}</seg></tuv></tu></body>\n</tmx>\n'
    )


def _xliff(day: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="zh-Hans" target-language="en" datatype="plaintext" '
        f'original="a" date="{day}T12:00:00Z"><body>\n'
        f'<trans-unit id="u1"><source>{SOURCE}</source><target>{TARGET}</target></trans-unit>\n'
        "</body></file>\n</xliff>\n"
    )


def _markdown(day: str) -> str:
    return f"---\ntitle: A note\ndate: {day}\n---\n\nWe {TARGET}.\n"


MAKERS = {"a.po": _po, "a.tmx": _tmx, "a.xlf": _xliff, "a.md": _markdown}


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_a_2014_text_may_say_one_belt_one_road_and_a_2016_one_may_not(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text(MAKERS[name]("2014-05-01"), "utf-8")
    then = run("lint", name, "-t", TERMS, "--as-of", "auto", cwd=tmp_path)
    assert then.returncode == 0, then.stdout + then.stderr
    assert "LT102" not in then.stdout
    path.write_text(MAKERS[name]("2016-03-01"), "utf-8")
    later = run("lint", name, "-t", TERMS, "--as-of", "auto", cwd=tmp_path)
    assert "LT102 belt-and-road-initiative" in later.stdout, later.stdout + later.stderr
    assert "right until 2015-09-23; the text's date: 2016-03-01" in later.stdout
    assert 'use "Belt and Road Initiative"' in later.stdout
    undated = run("lint", name, "-t", TERMS, cwd=tmp_path)  # without --as-of: today's status
    assert "LT102 belt-and-road-initiative" in undated.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_as_of_auto_takes_a_plain_files_date_from_git(tmp_path: Path) -> None:
    def commit(day: str) -> None:
        env = {
            **os.environ,
            "GIT_AUTHOR_DATE": f"{day}T12:00:00",
            "GIT_COMMITTER_DATE": f"{day}T12:00:00",
        }
        for args in (["add", "-A"], ["commit", "-qm", day]):
            subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "config", "user.email", "t@example.org"], cwd=tmp_path, check=True)
    subprocess.run(["git", "config", "user.name", "t"], cwd=tmp_path, check=True)
    note = tmp_path / "note.txt"
    note.write_text(f"We {TARGET}.\n", "utf-8")
    commit("2014-05-01")
    assert run("lint", "note.txt", "-t", TERMS, "--as-of", "auto", cwd=tmp_path).returncode == 0
    note.write_text(f"We {TARGET} again.\n", "utf-8")
    commit("2016-03-01")
    later = run("lint", "note.txt", "-t", TERMS, "--as-of", "auto", cwd=tmp_path)
    assert "the text's date: 2016-03-01" in later.stdout, later.stdout + later.stderr


def test_explain_says_which_date_was_used_and_why(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_text(_po("2014-05-01"), "utf-8")
    result = run_ok(
        "lint", "a.po", "-t", TERMS, "--as-of", "auto", "--explain", SOURCE, cwd=tmp_path
    )
    assert "date of a.po: 2014-05-01 (its PO-Revision-Date)" in result.stdout
    fixed = run(
        "lint", "a.po", "-t", TERMS, "--as-of", "2016-01-01", "--explain", SOURCE, cwd=tmp_path
    )
    assert "date: 2016-01-01 (--as-of)" in fixed.stdout


def test_a_date_that_is_no_date_stops_the_command(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_text(_po("2014-05-01"), "utf-8")
    result = run("lint", "a.po", "-t", TERMS, "--as-of", "2016-13-01", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("give a date as YYYY-MM-DD, or auto")


def _base(tmp_path: Path, terms: str) -> Path:
    base = tmp_path / "tb"
    base.mkdir()
    shutil.copy(ROOT / "terms" / "termbase.toml", base)
    text = '[bri]\n\n[[bri.term]]\nlang = "zh-Hans"\ntext = "一带一路"\nstatus = "preferred"\n'
    (base / "a.toml").write_text(text + terms, "utf-8")
    return base


def _term(text: str, status: str, extra: str = "") -> str:
    return f'\n[[bri.term]]\nlang = "en"\ntext = "{text}"\nstatus = "{status}"\n{extra}'


BR = _term("Belt and Road", "preferred")
BR_2015 = _term("Belt and Road", "preferred", "valid-from = 2015-01-01\n")
OBOR_BY = 'valid-to = 2015-09-23\nreplaced-by = "{}"\n'


@pytest.mark.parametrize(
    ("terms", "code", "said"),
    [
        (
            BR + _term("OBOR", "deprecated", "valid-from = 2016-01-01\nvalid-to = 2015-01-01\n"),
            "TB112",
            "is valid from 2016-01-01 to 2015-01-01",
        ),
        (BR + _term("OBOR", "deprecated", OBOR_BY.format("B and R")), "TB112", "not a en term"),
        (
            BR_2015 + _term("OBOR", "deprecated", OBOR_BY.format("Belt and Road")),
            "TB113",
            "'OBOR' is valid until 2015-09-23, and 'Belt and Road', which replaced it, from "
            "2015-01-01",
        ),
        (BR_2015 + _term("One Belt", "preferred", "valid-to = 2015-09-23\n"), "TB113", "same day"),
        (BR + _term("OBOR", "deprecated", 'valid-to = "2015"\n'), "TB101", "(unquoted), not a"),
    ],
)
def test_validate_finds_dates_that_cannot_be(
    tmp_path: Path, terms: str, code: str, said: str
) -> None:
    base = _base(tmp_path, terms)
    found = [f for f in validate([base]).findings if f.code == code]
    assert any(said in f.message for f in found), [f.message for f in found]


def test_dates_round_trip_through_toml_tbx_and_json(tmp_path: Path) -> None:
    from termbase.exchange import ExportFormat, ExportOptions, export, json_model, tbx_read

    tb = load([ROOT / "terms"]).termbase
    bri = tb.concept("belt-and-road-initiative")
    assert bri is not None
    obor = next(t for t in bri.terms if t.text == "One Belt, One Road")
    assert obor.valid_to == dt.date(2015, 9, 23)
    assert obor.replaced_by == "Belt and Road Initiative"
    assert obor.valid_on(dt.date(2014, 5, 1))
    assert not obor.valid_on(dt.date(2015, 9, 23))
    for fmt in (ExportFormat.TBX, ExportFormat.TBX2):
        out = tmp_path / f"x-{fmt.value}.tbx"
        out.write_text(export(tb, fmt, ExportOptions()), "utf-8")
        assert tbx_read.read(out) == list(tb.concepts)
    assert json_model.read(export(tb, ExportFormat.JSON, ExportOptions())).concepts == tb.concepts


def test_the_card_shows_when_a_rendering_was_right() -> None:
    shown = run("show", "belt-and-road-initiative", "-t", TERMS, cwd=ROOT).stdout
    assert "right until 2015-09-23; then: Belt and Road Initiative" in shown


def test_diff_reports_a_change_of_validity_as_its_own_kind(tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(ROOT / "terms", old)
    path = old / "events-and-documents.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("valid-to = 2015-09-23\n", ""), "utf-8")
    result = run_ok("diff", str(old), TERMS, "--format", "json", cwd=tmp_path)
    import json

    changes = [c for c in json.loads(result.stdout) if c["kind"] == "validity"]
    assert {c["term"] for c in changes} == {"One Belt, One Road", "OBOR"}
    assert changes[0]["new"].startswith("until 2015-09-23")
    log = run("diff", str(old), TERMS, "--changelog", cwd=tmp_path).stdout
    assert "validity always -> until 2015-09-23, then Belt and Road Initiative" in log


def test_settings_may_ask_for_each_texts_own_date(tmp_path: Path) -> None:
    """`as-of = "auto"` in the translations' .termbase.toml: lint (and the language server,
    which reads the same settings) judge each file on its date without the option."""
    (tmp_path / ".termbase.toml").write_text('[lint]\nas-of = "auto"\n', "utf-8")
    (tmp_path / "a.po").write_text(_po("2014-05-01"), "utf-8")
    assert run("lint", "a.po", "-t", TERMS, cwd=tmp_path).returncode == 0
    shown = run("lint", "--show-settings", "a.po", "-t", TERMS, cwd=tmp_path).stdout
    assert "as-of" in shown
    assert "'auto'" in shown
    (tmp_path / ".termbase.toml").write_text('[lint]\nas-of = "someday"\n', "utf-8")
    bad = run("lint", "a.po", "-t", TERMS, cwd=tmp_path)
    assert bad.returncode == 2
    assert 'as-of must be "auto" or a date' in bad.stderr


def test_the_mcp_check_tool_judges_a_text_on_its_date() -> None:
    from termbase.errors import TermbaseError
    from termbase.servers.mcp import Tools

    tools = Tools([ROOT / "terms"])
    assert not [f for f in tools.check(SOURCE, TARGET, as_of="2014-05-01") if f["code"] == "LT102"]
    later = [f for f in tools.check(SOURCE, TARGET, as_of="2016-03-01") if f["code"] == "LT102"]
    assert "the text's date: 2016-03-01" in later[0]["message"]
    assert later[0]["repair"]["replacement"] == "Belt and Road Initiative"
    with pytest.raises(TermbaseError, match="YYYY-MM-DD"):
        tools.check(SOURCE, TARGET, as_of="March 2016")
