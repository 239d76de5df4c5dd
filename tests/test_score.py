"""`termbase score` through the real command: WMT25-shaped files written here for each
phenomenon (nested terms, the wrong Chinese script, tokenised Chinese, word boundaries, verb
forms, plurals), and the WMT25 development data in ../shared (the gold references pass)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT
from .test_lint_routes import one_line_exit_2, run

WMT25 = ROOT.parent / "shared" / "data" / "wmt25-terminology"


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _score(folder: Path, ref: list[dict[str, Any]], outputs: list[str], *extra: str) -> Any:
    direction = (
        "zhen"
        if "en" in ref[0] and any(c >= "\u4e00" for c in next(iter(ref[0]["proper"])))
        else "enzh"
    )
    _write(folder / "ref.jsonl", ref)
    target = "en" if direction == "zhen" else "zh"
    _write(folder / "sys.jsonl", [{target: o} for o in outputs])
    result = run(
        "score",
        "sys.jsonl",
        "--references",
        "ref.jsonl",
        "--direction",
        direction,
        "--json",
        *extra,
        cwd=folder,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["systems"][0], result.stderr


def _doc(zh: str, en: str, proper: dict[str, list[str]]) -> dict[str, Any]:
    return {"zh": zh, "en": en, "proper": proper, "random": {}, "noterm": {}}


def test_nested_terms_are_counted_once(tmp_path: Path) -> None:
    """存款保障計劃 inside 存款保障計劃（修訂）條例 is the longer term's occurrence only: the
    short term occurs once, and one rendering of it is full success."""
    ref = [
        _doc(
            "存款保障計劃（修訂）條例生效。存款保障計劃運作良好。",
            "The Deposit Protection Scheme (Amendment) Ordinance took effect. "
            "The Deposit Protection Scheme works well.",
            {
                "存款保障計劃": ["Deposit Protection Scheme"],
                "存款保障計劃（修訂）條例": ["Deposit Protection Scheme (Amendment) Ordinance"],
            },
        )
    ]
    out = "The amended ordinance took effect. The Deposit Protection Scheme works well."
    system, _ = _score(tmp_path, ref, [out])
    rates = {c["term"]: c["success_rate"] for c in system["concepts"]}
    assert rates == {"存款保障計劃": 1.0, "存款保障計劃（修訂）條例": 0.0}
    assert system["required"] == 2
    assert system["missed"] == 1


def test_word_boundaries_plurals_and_verb_forms(tmp_path: Path) -> None:
    ref = [
        _doc("進一步推進改革。", "We go further with reforms.", {"進": ["go"]}),
        _doc("這些議題很重要。", "These issues matter.", {"議題": ["issue"]}),
        _doc(
            "反對干涉內政。",
            "They oppose interfering in internal affairs.",
            {"干涉內政": ["interfering in internal affairs"]},
        ),
    ]
    outputs = [
        "It is good to proceed.",
        "These issues matter.",
        "They never interfered in internal affairs.",
    ]
    system, _ = _score(tmp_path, ref, outputs)
    rates = {c["term"]: c["success_rate"] for c in system["concepts"]}
    assert rates == {"進": 0.0, "議題": 1.0, "干涉內政": 1.0}  # "go" is not in "good"


def test_the_wrong_script_is_missed_and_said(tmp_path: Path) -> None:
    ref = [
        {
            "en": "Monetary policy stays tight.",
            "zh": "貨幣政策保持緊縮。",
            "proper": {"monetary policy": ["貨幣政策"]},
            "random": {},
            "noterm": {},
        }
    ]
    system, stderr = _score(tmp_path, ref, ["货币政策保持紧缩。"])
    assert system["missed"] == 1
    assert system["script_misses"] == 1
    assert "--fold-script" in stderr
    system, _ = _score(tmp_path, ref, ["货币政策保持紧缩。"], "--fold-script")
    assert system["missed"] == 0


def test_tokenised_chinese_matches_as_untokenised(tmp_path: Path) -> None:
    ref = [
        {
            "en": "The World Health Organization said so.",
            "zh": "世界 卫生 组织 这样 说 。",
            "proper": {"World Health Organization": ["世界卫生组织"]},
            "random": {},
            "noterm": {},
        }
    ]
    system, _ = _score(tmp_path, ref, ["世界 卫生 组织 说 了 。"])
    assert system["success_rate"] == 1.0


def test_a_system_that_does_not_fit_the_references_is_one_line(tmp_path: Path) -> None:
    _write(tmp_path / "ref.jsonl", [_doc("進", "go", {"進": ["go"]})] * 2)
    _write(tmp_path / "sys.jsonl", [{"en": "go"}])
    result = run(
        "score", "sys.jsonl", "--references", "ref.jsonl", "--direction", "zhen", cwd=tmp_path
    )
    assert "1 documents, the references have 2" in one_line_exit_2(result)


def _shared() -> Path:
    if not WMT25.is_dir():
        why = f"{WMT25}: the WMT25 terminology data is not here (it lies next to the project)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    return WMT25


@pytest.mark.parametrize(("year", "direction"), [(2016, "zhen"), (2015, "enzh")])
def test_wmt25_gold_references_pass_and_systems_are_scored(year: int, direction: str) -> None:
    data = _shared()
    ref = data / "references" / f"full_data_{year}.jsonl"
    systems = sorted((data / "submissions").glob(f"*/*.{year}.{direction}.proper.jsonl"))[:2]
    result = run(
        "score",
        str(ref),
        *map(str, systems),
        "--references",
        str(ref),
        "--direction",
        direction,
        "--json",
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    scored = json.loads(result.stdout)["systems"]
    assert [s["file"] for s in scored] == [str(ref), *map(str, systems)]
    gold = scored[0]
    assert gold["missed"] <= 0.005 * gold["required"]
    for s in scored[1:]:
        assert 0.3 < s["success_rate"] <= 1.0
        assert s["concepts"]
