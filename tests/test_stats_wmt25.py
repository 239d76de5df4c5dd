"""`termbase stats --wmt25` (issue 35): the WMT25 terminology track's own term lists as the
concepts, every listed term's renderings per year, renderings the lists do not hold found by
alignment; the JSON checked against a direct count of the development years."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT
from .test_lint_routes import one_line_exit_2, run, run_ok

REFERENCES = ROOT.parent / "shared" / "data" / "wmt25-terminology" / "references"
YEARS = (2016, 2018)  # the development years, Chinese to English


def _wmt25(*args: str, cwd: Path) -> Any:
    result = run_ok("stats", "--wmt25", "proper", "-f", "json", "--candidates", "0", *args, cwd=cwd)
    return {c["concept"]: c for c in json.loads(result.stdout)["concepts"]}


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def _direct(term: str, years: tuple[int, ...]) -> tuple[int, dict[str, Counter[str]]]:
    """Occurrences of `term` and its listed renderings a paragraph per year, counted here
    without the scorer's code: longer listed terms that hold it are blanked out first."""
    occurrences = 0
    periods: dict[str, Counter[str]] = {}
    for year in years:
        path = REFERENCES / f"full_data_{year}.jsonl"
        for line in path.read_text("utf-8").splitlines():
            doc = json.loads(line)
            listed = doc["proper"]
            if term not in listed:
                continue
            longer = sorted((k for k in listed if term in k and k != term), key=len, reverse=True)
            for paragraph, en in zip(_paragraphs(doc["zh"]), _paragraphs(doc["en"]), strict=True):
                zh = paragraph
                for other in longer:
                    zh = zh.replace(other, "\u25a1" * len(other))
                n = zh.count(term)
                if not n:
                    continue
                occurrences += n
                for rendering in dict.fromkeys(listed[term]):
                    flags = 0 if rendering.isupper() else re.IGNORECASE
                    if re.search(rf"(?<!\w){re.escape(rendering)}(?!\w)", en, flags):
                        periods.setdefault(str(year), Counter())[rendering] += 1
    return occurrences, periods


@pytest.fixture(scope="module")
def development() -> dict[str, Any]:
    if not REFERENCES.is_dir():
        pytest.skip(f"{REFERENCES} is not here (the WMT25 data in ../shared; CI has it)")
    files = [str(REFERENCES / f"full_data_{y}.jsonl") for y in YEARS]
    return {"concepts": _wmt25(*files, cwd=ROOT)}


@pytest.mark.parametrize("term", ["金管局", "內地", "財政司司長", "外匯基金"])
def test_the_json_is_a_direct_count_of_the_development_years(
    development: dict[str, Any], term: str
) -> None:
    occurrences, periods = _direct(term, YEARS)
    found = development["concepts"][term]
    assert found["occurrences"] == occurrences
    texts = {r["text"] for r in found["renderings"] if r["status"] == "listed"}
    listed = {
        year: {text: n for text, n in counts.items() if text in texts}
        for year, counts in found["periods"].items()
    }
    assert listed == {year: dict(sorted(c.items())) for year, c in periods.items()}


def test_every_listed_term_has_its_distribution_per_year(development: dict[str, Any]) -> None:
    concepts = development["concepts"]
    assert len(concepts) > 900
    for c in concepts.values():
        per_year = sum(sum(p.values()) for p in c["periods"].values())
        assert per_year == sum(r["count"] for r in c["renderings"]), c["concept"]
        assert set(c["periods"]) <= {str(y) for y in YEARS}
        assert {r["status"] for r in c["renderings"]} <= {"listed", "unlisted", "none"}


def test_unlisted_renderings_are_found_by_alignment(development: dict[str, Any]) -> None:
    unlisted = {
        (c["concept"], r["text"])
        for c in development["concepts"].values()
        for r in c["renderings"]
        if r["status"] == "unlisted"
    }
    # the reports write the abbreviations the reviewed lists spell out
    assert ("聯匯制度", "LERS") in unlisted
    assert ("按揭成數", "LTV") in unlisted
    # and the words the list does not have (股市 is listed as "stock market")
    assert ("股市", "equity market") in unlisted
    assert ("外聘投資經理", "external managers") in unlisted


# ------------------------------------------------------------------ without the shared data


def _document(paragraphs: list[tuple[str, str]], terms: dict[str, list[str]]) -> str:
    zh = "\n\n".join(z for z, _ in paragraphs)
    en = "\n\n".join(e for _, e in paragraphs)
    return json.dumps({"zh": zh, "en": en, "proper": terms, "random": {}}, ensure_ascii=False)


def test_a_small_file_end_to_end(tmp_path: Path) -> None:
    terms = {"外匯基金": ["Exchange Fund"], "聯繫匯率制度": ["Linked Exchange Rate System"]}
    paragraphs = [
        ("外匯基金表現穩健。", "The Exchange Fund performed well."),
        ("聯繫匯率制度運作暢順。", "The LERS functioned smoothly."),
        ("我們維持聯繫匯率制度。", "We maintained the LERS."),
        ("聯繫匯率制度是基石，外匯基金支持它。", "The LERS is the anchor; the Fund backs it."),
        ("今年天氣很好。", "The weather was fine."),
    ]
    (tmp_path / "full_data_2019.jsonl").write_text(_document(paragraphs, terms) + "\n", "utf-8")
    concepts = _wmt25("full_data_2019.jsonl", cwd=tmp_path)
    fund, lers = concepts["外匯基金"], concepts["聯繫匯率制度"]
    assert (fund["occurrences"], fund["compliance"]) == (2, 0.5)
    assert fund["periods"] == {"2019": {"(none)": 1, "Exchange Fund": 1}}
    assert lers["occurrences"] == 3
    assert lers["renderings"] == [{"text": "LERS", "status": "unlisted", "count": 3}]
    assert lers["first_seen"] == "2019-01-01"
    page = run_ok("stats", "--wmt25", "proper", "full_data_2019.jsonl", "-f", "html", cwd=tmp_path)
    assert "聯繫匯率制度" in page.stdout
    assert "LERS" in page.stdout


def test_what_is_not_a_wmt25_file_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"zh": "x", "en": "y"}\n', "utf-8")
    line = one_line_exit_2(run("stats", "--wmt25", "proper", "a.jsonl", cwd=tmp_path))
    assert line.startswith("termbase: a.jsonl:1: not a WMT25 reference line")
    line = one_line_exit_2(run("stats", "--wmt25", "proper", "--git", "a.jsonl", cwd=tmp_path))
    assert line == "termbase: --wmt25 reads the WMT25 files named, not --pair or --git"
    line = one_line_exit_2(run("stats", "--wmt25", "proper", "missing.jsonl", cwd=tmp_path))
    assert "give the WMT25 files" in line


def test_english_to_chinese_aligns_chinese_words(tmp_path: Path) -> None:
    terms = {"liquidity": ["流動性"]}
    paragraphs = [
        ("Liquidity in the banking system stayed ample.", "銀行體系的流動資金保持充裕。"),
        ("We watched liquidity closely.", "我們密切監察流動資金。"),
        ("Liquidity was tight.", "流動性偏緊。"),
    ]
    row = {
        "en": "\n\n".join(e for e, _ in paragraphs),  # the source: English to Chinese
        "zh": "\n\n".join(z for _, z in paragraphs),
        "proper": terms,
        "random": {},
    }
    (tmp_path / "full_data_2017.jsonl").write_text(
        json.dumps(row, ensure_ascii=False) + "\n", "utf-8"
    )
    found = _wmt25("full_data_2017.jsonl", cwd=tmp_path)["liquidity"]
    assert found["occurrences"] == 3
    assert {(r["text"], r["status"], r["count"]) for r in found["renderings"]} == {
        ("流動性", "listed", 1),
        ("流動資金", "unlisted", 2),
    }


def test_a_systems_renderings_instead_of_the_references(tmp_path: Path) -> None:
    terms = {"認可機構": ["authorized institutions", "AIs"]}
    paragraphs = [
        ("認可機構須遵守規定。", "Authorized institutions must comply."),
        ("認可機構的資本充足。", "AIs are well capitalised."),
    ]
    (tmp_path / "full_data_2016.jsonl").write_text(_document(paragraphs, terms) + "\n", "utf-8")
    system = {"zh": "", "en": "Authorised institutions must comply.\n\nBanks are well capitalised."}
    (tmp_path / "X.2016.zhen.proper.jsonl").write_text(json.dumps(system) + "\n", "utf-8")
    reference = _wmt25("full_data_2016.jsonl", cwd=tmp_path)["認可機構"]
    assert {(r["text"], r["count"]) for r in reference["renderings"]} == {
        ("authorized institutions", 1),
        ("AIs", 1),
    }
    found = _wmt25("full_data_2016.jsonl", "--system", "X.2016.zhen.proper.jsonl", cwd=tmp_path)
    # the system's English: "Authorised" is not the listed spelling, "Banks" not a rendering
    assert found["認可機構"]["renderings"] == [{"text": "(none)", "status": "none", "count": 2}]
    assert found["認可機構"]["compliance"] == 0.0
    args = ("stats", "--wmt25", "proper", "full_data_2016.jsonl", "--system", "Y.jsonl")
    line = one_line_exit_2(run(*args, cwd=tmp_path))
    assert line == (
        "termbase: Y.jsonl: no references file of its year (no year in its name) "
        "among the files given"
    )
    line = one_line_exit_2(run("stats", "x.tsv", "--system", "Y.jsonl", cwd=tmp_path))
    assert line == "termbase: --system goes with --wmt25: a system's outputs of its files"


def test_a_submitted_systems_renderings(development: dict[str, Any]) -> None:
    """What a WMT25 system wrote for the listed terms: CommandA_MT spells authorised
    institutions the British way, where the reviewed list has the American spelling."""
    system = (
        REFERENCES.parent / "submissions" / "CommandA_MT" / "CommandA_MT.2016.zhen.proper.jsonl"
    )
    if not system.is_file():
        pytest.skip(f"{system} is not here (the WMT25 data in ../shared; CI has it)")
    found = _wmt25(str(REFERENCES / "full_data_2016.jsonl"), "--system", str(system), cwd=ROOT)
    renderings = {(r["text"], r["status"]) for r in found["認可機構"]["renderings"]}
    assert ("Authorised institutions", "unlisted") in renderings
    assert found["金管局"]["compliance"] == 1.0
