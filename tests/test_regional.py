"""The regional usage table (data/regional.toml): every row written for its region, in its
contexts only, and read back to Simplified; the region of Traditional input; 「」 for the
Mainland; through the real `termbase convert`."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import resources

import pytest

from termbase.chinese import script
from termbase.chinese.convert import Simplifier, TermAwareConverter
from termbase.chinese.corrections import (
    READS,
    WRITES,
    RegionalRow,
    guess_region,
    regional_rows,
    regional_sources,
)
from termbase.chinese.script import Converter

ROWS = [(row, tag) for row in regional_rows() for tag in row.forms]


def _id(pair: tuple[RegionalRow, str]) -> str:
    row, tag = pair
    return f"{tag}:{row.source}"


def _contexts(row: RegionalRow) -> list[tuple[str, str, str]]:
    """(before, the row's source, after) for each context, or the source alone."""
    return [("", row.source, f) for f in row.followed_by] + [
        (p, row.source, "") for p in row.preceded_by
    ] or [("", row.source, "")]


@pytest.mark.parametrize("pair", ROWS, ids=[_id(p) for p in ROWS])
def test_a_row_is_written_for_its_region_in_its_contexts(pair: tuple[RegionalRow, str]) -> None:
    row, tag = pair
    form = row.forms[tag]
    for config in WRITES[tag]:
        conv = TermAwareConverter(config)
        plain = Converter(config).plain
        for before, source, after in _contexts(row):
            text = f"我们{before}{source}{after}。"
            expected = plain(f"我们{before}") + form + plain(f"{after}。")
            assert conv.convert(text) == expected, (config, text)
    if row.followed_by or row.preceded_by:  # and not outside them
        conv = TermAwareConverter(WRITES[tag][0])
        outside = f"在{row.source}里"
        assert form not in conv.convert(outside) or form == Converter(WRITES[tag][0]).plain(
            row.source
        )


REVERSED = [(row, tag) for row, tag in ROWS if row.reverse]


@pytest.mark.parametrize("pair", REVERSED, ids=[_id(p) for p in REVERSED])
def test_a_reversed_row_reads_back_to_simplified(pair: tuple[RegionalRow, str]) -> None:
    row, tag = pair
    writer = TermAwareConverter(WRITES[tag][0])
    reader = TermAwareConverter(READS[tag])
    for before, source, after in _contexts(row):
        simplified = f"{before}{source}{after}"
        regional = writer.convert(simplified)
        back = reader.convert(regional)
        # the same Simplified, or the one that two Simplified wordings share (数字转型 and
        # 数字化转型 are both 數位轉型): it writes the same regional text again
        assert back == simplified or writer.convert(back) == regional, (tag, simplified, back)
        assert not script.traditional_only(back), back


def test_every_row_cites_a_source_of_the_table_and_every_source_is_cited() -> None:
    sources = regional_sources()
    cited = {row.cite for row in regional_rows()}
    assert cited == set(sources)
    assert all(url.startswith(("http://", "https://")) for url in sources.values())
    data = tomllib.loads(
        resources.files("termbase").joinpath("data/regional.toml").read_text("utf-8")
    )
    assert all(r["sense"].strip() for r in data["phrase"])
    assert len({(r["source"], tuple(r.get("followed-by", ()))) for r in data["phrase"]}) == len(
        data["phrase"]
    )


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("本港的金融體系穩健，外匯基金表現理想。", "zh-HK"),
        ("這裏的綫路由特區政府負責。", "zh-HK"),
        ("數位發展部表示，臺灣的資料中心將擴大。", "zh-TW"),
        ("他在這裡看著大家。", "zh-TW"),
        ("人工智慧。", "zh-TW"),  # nothing to tell by: Taiwan
    ],
)
def test_the_region_of_traditional_text(text: str, region: str) -> None:
    assert guess_region(text) == region


def test_taiwan_text_comes_back_in_mainland_words_and_marks() -> None:
    taiwan = "開發中國家透過「數位轉型」提升資料品質，已開發國家的行動通訊服務也在優化。"
    assert Simplifier().convert(taiwan) == (
        "发展中国家通过“数字化转型”提升数据质量，发达国家的移动通信服务也在优化。"
    )


def test_hong_kong_text_reads_back_with_hong_kong_phrases() -> None:
    hk = "本港的流動通訊及資訊保安"
    assert Simplifier().convert(hk) == "本港的移动通信及信息安全"


def test_convert_from_taiwan_on_the_command_line(tmp_path: object) -> None:
    cmd = [sys.executable, "-m", "termbase", "convert", "--to", "zh-Hans", "--no-terms"]
    run = subprocess.run(
        [*cmd, "--from", "zh-TW"],
        input="已開發國家與開發中國家「合作」\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stdout) == (0, "发达国家与发展中国家“合作”\n"), run.stderr
    kept = subprocess.run(
        [*cmd, "--from", "zh-Hant", "--quotes", "keep"],
        input="已開發國家「合作」\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert kept.stdout == "已开发国家「合作」\n", kept.stderr
