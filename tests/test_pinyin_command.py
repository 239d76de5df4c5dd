"""`termbase pinyin` and the override table."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from termbase.chinese import pinyin
from termbase.cli import app

from .conftest import ROOT

runner = CliRunner()


@pytest.fixture(scope="module")
def plain_pypinyin() -> dict[str, str]:
    """pypinyin's own readings, from a fresh process (the override table changes its data)."""
    code = (
        "import json, sys; from pypinyin import lazy_pinyin, Style; "
        "print(json.dumps({p: ' '.join(lazy_pinyin(p, style=Style.TONE)) "
        "for p in json.loads(sys.argv[1])}))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, json.dumps(list(pinyin.overrides()))],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, str] = json.loads(proc.stdout)
    return result


@pytest.mark.parametrize(("phrase", "reading"), sorted(pinyin.overrides().items()))
def test_override_row(phrase: str, reading: str, plain_pypinyin: dict[str, str]) -> None:
    assert plain_pypinyin[phrase] != reading, "pypinyin reads this right now: drop the row"
    assert " ".join(pinyin.syllables_of(phrase)) == reading


def test_override_applies_inside_longer_text() -> None:
    from termbase.chinese import pinyin_text

    written = pinyin_text.transliterate("反对长臂管辖", words_joined=False)
    assert written == "fǎn duì cháng bì guǎn xiá"


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["pinyin", "-t", str(ROOT / "terms"), *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["小院高牆"], "xiǎoyuàn gāoqiáng"),
        (["小院高墙", "--style", "numbers"], "xiao3yuan4 gao1qiang2"),
        (["小院高墙", "-s", "none"], "xiaoyuan gaoqiang"),
        (["小院高墙", "-s", "initials"], "xygq"),
        (["小院高墙", "--syllables"], "xiǎo yuàn gāo qiáng"),
        (["博鳌亚洲论坛"], "Bó'áo Yàzhōu Lùntán"),
        (["博鳌亚洲论坛", "-s", "none"], "Bo'ao Yazhou Luntan"),
        (["和音"], "Hé Yīn"),
        (["重慶", "--syllables"], "Chóng qìng"),  # a place: capitalised
        (["中国坚持智能向善。"], "Zhōngguó jiānchí zhìnéng xiàngshàn."),
        (["二十国集团（G20）"], "Èrshí Guó Jítuán (G20)"),
    ],
)
def test_cli_pinyin(args: list[str], expected: str) -> None:
    assert _run(*args) == (0, expected + "\n", "")


def test_cli_pinyin_without_terms_uses_pypinyin() -> None:
    code, out, _ = _run("小院高墙", "--no-terms")
    assert (code, out) == (0, "xiǎoyuàn gāoqiáng\n")  # pairs of characters as words


def test_cli_pinyin_all_readings() -> None:
    code, out, _ = _run("和音", "--all")
    assert code == 0
    assert out == "Hé Yīn\n  和: hé hè hú huó huò huo\n"


def test_cli_pinyin_stdin_lines() -> None:
    assert _run("-", stdin="小院高墙\n智能向善\n") == (
        0,
        "xiǎoyuàn gāoqiáng\nzhìnéng xiàngshàn\n",
        "",
    )


def test_cli_pinyin_a_document_s_headings_start_with_a_capital() -> None:
    """Lines of a document (sentences among them) start with a capital, a heading too; a list of
    terms, one a line, does not (the test above)."""
    document = "建设高速泛在的网络基础设施\n当前5G基站建设正加速推进。\n"
    assert _run("-", "--no-terms", stdin=document) == (
        0,
        "Jiànshè gāosù fànzài de wǎngluò jīchǔ shèshī\n"
        "Dāngqián 5G jīzhàn jiànshè zhèng jiāsù tuījìn.\n",
        "",
    )


def test_cli_pinyin_bad_style() -> None:
    code, _, errors = _run("小院", "--style", "bopomofo")
    assert code == 2
    assert "Invalid value for '--style'" in errors


def test_cli_pinyin_stdin_that_is_not_utf8_is_one_line() -> None:
    result = runner.invoke(app, ["pinyin", "-", "--no-terms"], input="小院高墙".encode()[:-1])
    assert result.exit_code == 2
    assert result.stderr.strip() == "termbase: <stdin>: not valid UTF-8 at byte 9"
