"""Look-up-only concepts (issue 34): general collocations a translator looks up (经济社会发展,
与各方一道) are in the term base with their English, but lint and score do not check them, so a
correct free translation is never reported as a missing rendering."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from termbase import load
from termbase.checks.validation import validate

from .conftest import ROOT
from .test_lint_routes import run, run_ok

CONCEPT = """
[high-quality-development]
subject = "general"
definition.en = "Growth that puts quality and efficiency before speed."
sources = ["gaigi-2023"]
lookup-only = true

[[high-quality-development.term]]
lang = "zh-Hans"
text = "高质量发展"
status = "preferred"
pinyin = "gāo zhìliàng fāzhǎn"

[[high-quality-development.term]]
lang = "en"
text = "high-quality development"
status = "preferred"
"""
# A correct free translation that does not use the listed English.
SEGMENT = "推动高质量发展\tpromote development of high quality\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "terms", tmp_path / "terms")
    with (tmp_path / "terms" / "ai-governance.toml").open("a", encoding="utf-8") as f:
        f.write(CONCEPT)
    (tmp_path / "zh-en.tsv").write_text(SEGMENT, "utf-8")
    return tmp_path


def _lint(project: Path) -> tuple[int, list[str]]:
    result = run("lint", "zh-en.tsv", "-t", "terms", "-f", "json", cwd=project)
    assert result.returncode in (0, 1), result.stderr
    found = json.loads(result.stdout)
    rows = found if isinstance(found, list) else found.get("findings", [])
    return result.returncode, [f.get("concept") or f.get("concept_id", "") for f in rows]


def test_lint_does_not_check_a_lookup_only_concept(project: Path) -> None:
    code, concepts = _lint(project)
    assert (code, concepts) == (0, [])
    # the same concept as a constraint: its rendering is reported missing
    path = project / "terms" / "ai-governance.toml"
    path.write_text(path.read_text("utf-8").replace("lookup-only = true\n", ""), "utf-8")
    code, concepts = _lint(project)
    assert code == 1
    assert "high-quality-development" in concepts


def test_score_with_the_term_base_leaves_it_out(project: Path) -> None:
    result = run_ok("score", "zh-en.tsv", "-t", "terms", "--json", cwd=project)
    assert "high-quality-development" not in result.stdout


def test_lookup_and_show_find_it_and_say_so(project: Path) -> None:
    found = run_ok("lookup", "高质量发展", "-t", "terms", cwd=project).stdout
    assert "high-quality development" in found
    shown = run_ok("show", "high-quality-development", "-t", "terms", cwd=project).stdout
    assert "look-up only: lint and score do not check it" in shown
    card = json.loads(
        run_ok("show", "high-quality-development", "-t", "terms", "--json", cwd=project).stdout
    )
    assert card["lookup_only"] is True
    other = json.loads(run_ok("show", "he-yin", "-t", "terms", "--json", cwd=project).stdout)
    assert "lookup_only" not in other


def test_tbx_round_trip_keeps_it(project: Path) -> None:
    out = project / "all.tbx"
    run_ok("export", "-f", "tbx", "-t", "terms", "-o", str(out), cwd=project)
    assert "<note>termbase:lookup-only=true</note>" in out.read_text("utf-8")
    back = project / "back"
    back.mkdir()
    run_ok("import", str(out), "-t", "back", "--into", "back/all.toml", cwd=project)
    concepts = {c.id: c for c in load([back]).termbase.concepts}
    assert concepts["high-quality-development"].lookup_only
    assert not concepts["he-yin"].lookup_only
    written = (back / "all.toml").read_text("utf-8")
    block = written[written.index("[high-quality-development]") :].split("[[", 1)[0]
    assert "lookup-only = true" in block


def test_json_export_keeps_it(project: Path) -> None:
    from termbase.exchange import json_model

    out = project / "all.json"
    run_ok("export", "-f", "json", "-t", "terms", "-o", str(out), cwd=project)
    concepts = {c.id: c for c in json_model.read(out.read_text("utf-8")).concepts}
    assert concepts["high-quality-development"].lookup_only
    assert not concepts["he-yin"].lookup_only


def test_the_vale_export_leaves_it_out(project: Path) -> None:
    run_ok("export", "-f", "vale", "-t", "terms", "-o", f"{project}/styles/", cwd=project)
    accepted = (project / "styles/config/vocabularies/Termbase/accept.txt").read_text("utf-8")
    assert "high-quality development" not in accepted
    assert "He Yin" in accepted


def test_set_and_validate(project: Path) -> None:
    run_ok("set", "he-yin", "lookup-only", "true", "-t", "terms", cwd=project)
    looked_up = {c.id for c in load([project / "terms"]).termbase.concepts if c.lookup_only}
    assert {"he-yin", "high-quality-development", "socioeconomic-development"} <= looked_up
    path = project / "terms" / "ai-governance.toml"
    path.write_text(
        path.read_text("utf-8").replace("lookup-only = true", 'lookup-only = "yes"'), "utf-8"
    )
    findings = validate([project / "terms"]).findings
    assert [(f.code, f.message) for f in findings if f.code == "TB101"] == [
        ("TB101", "lookup-only must be true or false, not a string")
    ]


@pytest.mark.parametrize(
    ("profile", "fmt"), [("deepl", "tsv"), ("google", "csv"), ("amazon", "csv")]
)
def test_mt_glossaries_leave_it_out(project: Path, profile: str, fmt: str) -> None:
    out = project / f"glossary.{fmt}"
    run_ok("export", "-f", fmt, "--profile", profile, "-t", "terms", "-o", str(out), cwd=project)
    written = out.read_text("utf-8")
    assert "高质量发展" not in written
    assert "与各方一道" not in written
    assert "小院高墙" in written


def test_cat_tools_hold_it(project: Path) -> None:
    out = project / "glossary.csv"
    run_ok("export", "-f", "csv", "--profile", "memoq", "-t", "terms", "-o", str(out), cwd=project)
    written = out.read_text("utf-8-sig")
    assert "高质量发展" in written
    assert "与各方一道" in written
