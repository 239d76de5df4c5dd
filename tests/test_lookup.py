"""Look-up: what a translator types finds the concept; the index cache stays right."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termbase.cli import app
from termbase.english import singular
from termbase.search.index import Index
from termbase.search.lookup import Level, fold_latin, fold_pinyin

from .conftest import ROOT

runner = CliRunner()
TERMS = ROOT / "terms"


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(cache))
    return cache


@pytest.mark.parametrize(
    ("query", "concept"),
    [
        ("小院高墙", "small-yard-high-fence"),
        ("小院高牆", "small-yard-high-fence"),  # Traditional finds Simplified
        ("人工智慧", "artificial-intelligence"),  # a zh-TW form
        ("xiǎo yuàn gāo qiáng", "small-yard-high-fence"),
        ("xiaoyuangaoqiang", "small-yard-high-fence"),
        ("xiao3 yuan4", "small-yard-high-fence"),
        ("Xiaoyuan gaoqiang", "small-yard-high-fence"),
        ("xygq", "small-yard-high-fence"),
        ("ai for good", "ai-for-good"),
        ("AI FOR GOOD", "ai-for-good"),
        ("digital divides", "digital-divide"),
        ("small-yard", "small-yard-high-fence"),
        ("smal yard", "small-yard-high-fence"),  # a typo
        ("digtal divide", "digital-divide"),
        ("xiaoyuangaoqiong", "small-yard-high-fence"),  # a typo in pinyin
        ("Bo'ao", "boao-forum-for-asia"),
        ("G-20", "g20"),
        ("community of common destiny", "community-with-a-shared-future-for-mankind"),
        ("和音", "he-yin"),
    ],
)
def test_query_finds_concept(query: str, concept: str) -> None:
    hits = Index.open([TERMS]).search(query)
    assert hits, query
    assert hits[0].concept == concept


def test_substring_finds_every_concept_holding_it() -> None:
    hits = Index.open([TERMS]).search("鸿沟")
    assert [(h.concept, h.level) for h in hits] == [
        ("ai-divide", Level.SUBSTRING),
        ("digital-and-ai-divides", Level.SUBSTRING),
        ("digital-divide", Level.SUBSTRING),
    ]


def test_ranking_exact_prefix_substring() -> None:
    hits = Index.open([TERMS]).search("人工智能")
    levels = [h.level for h in hits]
    assert hits[0].concept == "artificial-intelligence"
    assert levels[0] is Level.EXACT
    assert levels == sorted(levels, reverse=True)
    # every other hit holds 人工智能 in one of its terms, and each such concept is found
    from termbase.base.store import load_termbase

    holding = {
        c.id for c in load_termbase([TERMS]).concepts if any("人工智能" in t.text for t in c.terms)
    }
    assert {h.concept for h in hits[1:]} <= holding - {"artificial-intelligence"}


def test_status_filter_finds_forbidden_renderings() -> None:
    hits = Index.open([TERMS]).search("intelligent", statuses=[])
    assert "ai-for-good" in [h.concept for h in hits]
    only_preferred = Index.open([TERMS]).search("intelligent for good", statuses=["preferred"])
    assert "ai-for-good" not in [h.concept for h in only_preferred if h.level is Level.EXACT]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("divides", "divide"),
        ("countries", "country"),
        ("country's", "country"),
        ("developed", "developed"),
        ("BRICS", "BRICS"),
        ("process", "process"),
        ("bus", "bus"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_folds() -> None:
    assert fold_latin("Small-Yard, High Fences") == "small yard high fence"
    assert fold_pinyin("Bó'áo Yàzhōu") == "boaoyazhou"
    assert fold_pinyin("lǜ lv3") == "lulu"


def _lookup(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["lookup", "-t", str(TERMS), *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_card_shows_everything() -> None:
    code, out, errors = _lookup("小院高牆", "-n", "1")
    assert (code, errors) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "1. small-yard-high-fence  (technology policy)"
    assert lines[1].split() == ["zh-Hans", "小院高墙", "xiǎoyuàn", "gāoqiáng", "[preferred]"]
    assert any(
        "small courtyard, high walls" in x and '[DEPRECATED: use "small yard, high fence"]' in x
        for x in lines
    )
    assert any(x.startswith("  definition (en): A policy of protecting") for x in lines)
    assert any(x.startswith("  source: People's Daily, He Yin commentary") for x in lines)
    assert "  see also: technological-monopoly, unilateral-sanctions" in lines


def test_cli_json_schema() -> None:
    code, out, _ = _lookup("ai for good", "--json", "-n", "1")
    assert code == 0
    (card,) = json.loads(out)
    assert card["id"] == "ai-for-good"
    assert card["score"] == 100.0
    assert card["match"] == "exact"
    assert {"lang", "text", "status", "pinyin"} <= set(card["terms"][0])
    forbidden = [t for t in card["terms"] if t["status"] == "forbidden"]
    assert len(forbidden) == 3
    assert all(t["use_instead"] == "AI for good" for t in forbidden)
    assert set(card) >= {"definition", "note", "sources", "see_also", "subject"}
    assert card["sources"][1]["title"] == "全球人工智能治理倡议 (Global AI Governance Initiative)"


def test_cli_lang_filter() -> None:
    code, out, _ = _lookup("xygq", "--json", "--lang", "en")
    assert code == 0
    assert {t["lang"] for t in json.loads(out)[0]["terms"]} == {"en"}


def test_cli_no_match_exit_1() -> None:
    code, out, errors = _lookup("qqqqqqqqqqzzzzzz")
    assert code == 1
    assert out == ""
    assert errors.startswith("no term matches 'qqqqqqqqqqzzzzzz'")


def test_cli_show_and_unknown_id() -> None:
    result = runner.invoke(app, ["show", "-t", str(TERMS), "he-yin"])
    assert result.exit_code == 0
    assert result.stdout.startswith("he-yin  (media)\n")
    result = runner.invoke(app, ["show", "-t", str(TERMS), "he-yn"])
    assert result.exit_code == 1
    assert result.stderr == "no concept 'he-yn'; did you mean he-yin?\n"


def test_cli_list_filters() -> None:
    result = runner.invoke(app, ["list", "-t", str(TERMS), "--status", "forbidden"])
    assert result.exit_code == 0
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert "ai-for-good" in ids
    assert "small-yard-high-fence" not in ids
    result = runner.invoke(app, ["list", "-t", str(TERMS), "--subject", "MEDIA"])
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert ["he-yin", "和音", "He Yin", "media"] in rows
    assert {row[-1] for row in rows} == {"media"}


# ---------------------------------------------------------------- the cache


@pytest.fixture
def base(tmp_path: Path) -> Path:
    d = tmp_path / "terms"
    shutil.copytree(TERMS, d)
    return d


def _rebuilt(base: Path) -> bool:
    index = Index.open([base])
    rebuilt = index.rebuilt
    index.close()
    return rebuilt


def test_cache_is_used_then_rebuilt_after_an_edit(base: Path) -> None:
    assert _rebuilt(base)
    assert not _rebuilt(base)
    f = base / "principles.toml"
    f.write_text(f.read_text("utf-8").replace("small yard, high fence", "tiny yard, high fence"))
    assert _rebuilt(base)
    assert Index.open([base]).search("tiny yard")[0].concept == "small-yard-high-fence"


def test_cache_rebuilt_after_new_and_deleted_files(base: Path) -> None:
    assert _rebuilt(base)
    (base / "extra.toml").write_text(
        '[extra-concept]\n[[extra-concept.term]]\nlang = "en"\ntext = "zebra crossing"\n'
        'status = "preferred"\n',
        "utf-8",
    )
    assert _rebuilt(base)
    assert Index.open([base]).search("zebra crossing")[0].concept == "extra-concept"
    (base / "extra.toml").unlink()
    assert _rebuilt(base)
    assert not Index.open([base]).search(
        "zebra crossing",
    )


def test_cache_rebuilt_when_content_changes_but_mtime_is_restored(base: Path) -> None:
    assert _rebuilt(base)
    f = base / "principles.toml"
    st = f.stat()
    text = f.read_text("utf-8")
    changed = text.replace("small yard, high fence", "small yard, high wall!")
    assert len(changed.encode()) == st.st_size  # same size too
    f.write_text(changed, "utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))  # as a checkout that restores mtimes
    assert f.stat().st_mtime_ns == st.st_mtime_ns
    assert _rebuilt(base)
    assert Index.open([base]).search("high wall!")[0].concept == "small-yard-high-fence"


def test_touched_but_unchanged_file_keeps_the_index(base: Path) -> None:
    assert _rebuilt(base)
    os.utime(base / "principles.toml")
    assert not _rebuilt(base)
    assert not _rebuilt(base)


def test_unusable_cache_folder_falls_back_to_memory(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(blocker / "cache"))
    index = Index.open([base])
    assert index.path is None
    assert index.search("xygq")[0].concept == "small-yard-high-fence"


def _search_in_child(args: tuple[str, str]) -> str:
    base, cache = args
    os.environ["TERMBASE_CACHE_DIR"] = cache
    hits = Index.open([Path(base)]).search("小院高牆")
    return hits[0].concept


def test_concurrent_lookups_build_safely(base: Path, cache: Path) -> None:
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        results = pool.map(_search_in_child, [(str(base), str(cache))] * 8)
    assert results == ["small-yard-high-fence"] * 8
    assert not _rebuilt(base)
    assert [p.name for p in cache.iterdir() if p.name.endswith(".tmp")] == []
