"""Exchange as a user runs it (issue 15): the real command in an empty folder, the official TBX
samples, a round trip through TBX and back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ADD_NEW_CONCEPT, ROOT, bundled_checked, bundled_concepts
from .test_hostile import export_glossary, snapshot
from .test_lint_routes import run, run_ok
from .test_tbx import schemas

TERMS = ROOT / "terms"


def _samples() -> list[str]:
    return [
        "v3/samples/TBX-Basic_Example_Astronomy_DCA_VALID.tbx",
        "v3/samples/TBX-Min_Example_Astronomy_DCA_VALID.tbx",
        "v2/TBX-basic-sample.tbx",
    ]


def _validate(folder: Path) -> tuple[int, str]:
    result = run("validate", cwd=folder)
    assert "Traceback" not in result.stderr
    m = re.search(r"(\d+) errors?, \d+ warnings? in (\d+) concepts?", result.stderr)
    assert m, result.stderr
    assert int(m.group(2)) > 0
    return int(m.group(1)), result.stdout


@pytest.mark.parametrize("sample", _samples())
def test_an_official_sample_imports_into_an_empty_folder_as_a_valid_base(
    tmp_path: Path, sample: str
) -> None:
    path = schemas() / sample
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    run_ok("import", str(path), "--into", "terms/all.toml", cwd=tmp_path)
    assert (tmp_path / "terms" / "termbase.toml").is_file()  # made from the file's header
    errors, report = _validate(tmp_path)
    assert errors == 0, report
    assert "TB206" not in report  # every source cited is defined


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_export_import_export_is_identical(tmp_path: Path, fmt: str) -> None:
    first = tmp_path / "first.tbx"
    assert (
        run("export", "--format", fmt, "-t", str(TERMS), "-o", str(first), cwd=tmp_path).returncode
        == 0
    )
    made = tmp_path / "made"
    made.mkdir()
    result = run_ok("import", str(first), "--into", "terms/all.toml", cwd=made)
    assert f"added {bundled_concepts()} concepts to terms/all.toml" in result.stderr
    errors, report = _validate(made)
    assert errors == 0, report
    second = tmp_path / "second.tbx"
    assert run("export", "--format", fmt, "-o", str(second), cwd=made).returncode == 0
    assert second.read_bytes() == first.read_bytes()  # the sources too: ids, titles, dates


def test_importing_the_term_base_own_export_changes_nothing(tmp_path: Path) -> None:
    import shutil

    base = tmp_path / "terms"
    shutil.copytree(TERMS, base)
    out = tmp_path / "all.tbx"
    assert run("export", "--format", "tbx", "-o", str(out), cwd=tmp_path).returncode == 0
    before = snapshot(base)
    result = run_ok("import", str(out), cwd=tmp_path)
    assert "conflict" not in result.stderr
    assert f"{bundled_concepts()} concept(s) already as the file has them" in result.stderr
    assert "nothing to change" in result.stderr
    assert snapshot(base) == before


def test_a_free_text_source_becomes_a_source_entry(tmp_path: Path) -> None:
    tbx = tmp_path / "a.tbx"
    tbx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
        "<tbxHeader><fileDesc><titleStmt><title>Client glossary</title></titleStmt>"
        "<sourceDesc><p>From the client.</p></sourceDesc></fileDesc></tbxHeader><text><body>"
        '<conceptEntry id="c1"><admin type="source">Oxford2007</admin>'
        '<langSec xml:lang="en"><termSec><term>open cluster</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
        '<admin type="source">https://example.org/open-cluster</admin></termSec></langSec>'
        "</conceptEntry></body></text></tbx>\n",
        "utf-8",
    )
    run_ok("import", str(tbx), "--into", "glossary/all.toml", cwd=tmp_path)
    settings = (tmp_path / "glossary" / "termbase.toml").read_text("utf-8")
    assert 'name = "Client glossary"' in settings
    assert 'title = "Oxford2007"' in settings
    assert 'url = "https://example.org/open-cluster"' in settings
    errors, report = _validate(tmp_path / "glossary")
    assert errors == 0, report


def test_import_into_a_new_folder_never_touches_the_bundled_base(tmp_path: Path) -> None:
    out = tmp_path / "one.tsv"
    out.write_text("数据主权\tdata sovereignty\n", "utf-8")
    result = run_ok(
        "import", str(out), "--profile", "deepl", "--into", "mine/new.toml", cwd=tmp_path
    )
    assert "added" in result.stderr
    assert "数据主权" in (tmp_path / "mine" / "new.toml").read_text("utf-8")


# ------------------------------------------------ regional exports, fill, add (items 5, 6, 8)


def _with_a_term_in(lang: str) -> int:
    """The checked concepts (what an MT glossary holds) with a term in `lang`."""
    from termbase.base.store import load_termbase

    tb = load_termbase([TERMS])
    return sum(1 for c in tb.concepts if not c.lookup_only and any(t.lang == lang for t in c.terms))


def _not_to_use(lang: str) -> int:
    from termbase.base.store import load_termbase

    tb = load_termbase([TERMS])
    return sum(1 for c in tb.concepts for t in c.terms if t.lang == lang and not t.status.approved)


@pytest.mark.parametrize(
    ("fmt", "profile"), [("tsv", "deepl"), ("csv", "amazon"), ("csv", "google")]
)
def test_a_taiwan_glossary_has_every_checked_concept(
    tmp_path: Path, fmt: str, profile: str
) -> None:
    out = export_glossary(TERMS, fmt, profile, tmp_path, "--source", "zh-TW")
    assert out.returncode == 0, out.stderr
    rows = [line for line in out.stdout.splitlines() if "\t" in line or "," in line]
    header = 1 if profile == "amazon" else 0
    assert (
        len(rows) - header == bundled_checked()  # an MT glossary: no look-up-only concept
    )  # some concepts have a zh-TW term; the rest fall back to zh-Hant
    assert any(line.startswith("人工智慧") for line in rows)  # the zh-TW term where there is one
    assert any(line.startswith("小院高牆") for line in rows)  # zh-Hant where there is none
    strict = export_glossary(TERMS, fmt, profile, tmp_path, "--source", "zh-TW", "--no-fallback")
    assert len(strict.stdout.splitlines()) - header == _with_a_term_in("zh-TW")


def test_a_weblate_zh_tw_file_has_every_concept(tmp_path: Path) -> None:
    out = run(
        "export",
        "--format",
        "csv",
        "--profile",
        "weblate",
        "-t",
        str(TERMS),
        "-o",
        f"{tmp_path}/w/",
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert len((tmp_path / "w" / "zh_Hant_TW.csv").read_text("utf-8").splitlines()) == (
        bundled_concepts() + 1
    )


def test_a_taiwan_glossary_reimports_without_change(tmp_path: Path) -> None:
    import shutil

    base = tmp_path / "tb"
    shutil.copytree(TERMS, base)
    before = snapshot(base)
    tw = tmp_path / "tw.tsv"
    made = export_glossary(base, "tsv", "deepl", tmp_path, "--source", "zh-TW", out=tw)
    assert made.returncode == 0
    result = run(
        "import",
        str(tw),
        "--profile",
        "deepl",
        "--source",
        "zh-TW",
        "-t",
        str(base),
        "--update",
        cwd=tmp_path,
    )
    assert "nothing to change" in result.stderr, result.stderr
    assert snapshot(base) == before


def test_fill_check_is_clean_on_the_bundled_base(tmp_path: Path) -> None:
    result = run("fill", "--check", str(TERMS), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_fill_takes_a_regional_form_from_the_reviewed_traditional_term(tmp_path: Path) -> None:
    base = tmp_path / "tb"
    base.mkdir()
    (base / "termbase.toml").write_text(
        '[termbase]\nlanguages = ["zh-Hans", "zh-Hant", "zh-HK", "en"]\n', "utf-8"
    )
    (base / "a.toml").write_text(
        '[partner]\n\n[[partner.term]]\nlang = "zh-Hans"\ntext = "合作伙伴"\nstatus = "preferred"\n'
        'pinyin = "hézuò huǒbàn"\n\n'
        '[[partner.term]]\nlang = "zh-Hant"\ntext = "合作夥伴"\nstatus = "preferred"\n'
        'pinyin = "hézuò huǒbàn"\n\n'
        '[[partner.term]]\nlang = "en"\ntext = "partner"\nstatus = "preferred"\n',
        "utf-8",
    )
    run_ok("fill", str(base), cwd=tmp_path)
    assert "伙" not in (base / "a.toml").read_text("utf-8").split('lang = "zh-Hant"')[1]


def test_add_blames_the_machine_only_for_the_pinyin_it_filled(tmp_path: Path) -> None:
    import shutil

    base = tmp_path / "tb"
    shutil.copytree(TERMS, base)
    run_ok(
        *ADD_NEW_CONCEPT,
        "--file",
        str(base / "ai-governance.toml"),
        "-t",
        str(base),
        cwd=tmp_path,
    )
    report = run("validate", "-t", str(base), cwd=tmp_path).stdout
    lines = [line for line in report.splitlines() if "TB120" in line and "data-sovereignty" in line]
    assert any("the pinyin of zh-Hans term '数据主权'" in line for line in lines), lines
    assert any(
        "zh-Hant term '數據主權' was filled in" in line and "pinyin of" not in line
        for line in lines
    )
    set_pinyin = run(
        "set",
        "data-sovereignty",
        "pinyin",
        "shùjù zhǔquán",
        "--lang",
        "zh-Hans",
        "--term",
        "数据主权",
        "-t",
        str(base),
        cwd=tmp_path,
    )
    assert set_pinyin.returncode == 0, set_pinyin.stderr
    again = run("validate", "-t", str(base), cwd=tmp_path).stdout
    assert "the pinyin of zh-Hans term '数据主权'" not in again


@pytest.mark.parametrize(
    ("fmt", "profile", "said"),
    [
        ("tsv", "deepl", True),
        ("csv", "crowdin", False),
        ("csv", "lokalise", True),
        ("csv", "memoq", False),
        ("xlsx", "trados", False),
    ],
)
def test_an_export_says_once_what_its_tool_cannot_hold(
    tmp_path: Path, fmt: str, profile: str, said: bool
) -> None:
    out = tmp_path / f"g.{fmt}"
    result = export_glossary(TERMS, fmt, profile, tmp_path, out=out)
    assert result.returncode == 0, result.stderr
    notes = [
        line for line in result.stderr.splitlines() if "cannot hold renderings not to use" in line
    ]
    assert len(notes) == (1 if said else 0), result.stderr
    if said:
        assert f"{_not_to_use('en')} deprecated or forbidden term(s) are left out" in notes[0]
