"""Script and pinyin checks on their own."""

from __future__ import annotations

import pytest

from termbase.chinese import pinyin, script


@pytest.mark.parametrize(
    ("written", "syllables"),
    [
        ("xiǎoyuàn gāoqiáng", ["xiao", "yuan", "gao", "qiang"]),
        ("Bó'áo Yàzhōu Lùntán", ["bo", "ao", "ya", "zhou", "lun", "tan"]),
        ("fāngàn", ["fan", "gan"]),  # without the apostrophe it cannot be fāng'àn
        ("Zhōngguó fāng'àn", ["zhong", "guo", "fang", "an"]),
        ("lǜsè", ["lü", "se"]),
        ("Xī'ān", ["xi", "an"]),
        ("kāifàng, tòumíng, bāoróng", ["kai", "fang", "tou", "ming", "bao", "rong"]),
    ],
)
def test_parse_splits_gbt_pinyin(written: str, syllables: list[str]) -> None:
    assert [t.base for t in pinyin.parse(written)] == syllables


def test_parse_keeps_tones_and_literals() -> None:
    tokens = pinyin.parse("2024 Nián Zhōng-Fēi", frozenset({"2024"}))
    assert [(t.text, t.tone, t.literal) for t in tokens] == [
        ("2024", 0, True),
        ("Nián", 2, False),
        ("Zhōng", 1, False),
        ("Fēi", 1, False),
    ]


@pytest.mark.parametrize("bad", ["xiao3yuan4", "lvse", "qwrt"])
def test_parse_rejects_what_is_not_gbt_pinyin(bad: str) -> None:
    with pytest.raises(pinyin.PinyinError):
        pinyin.parse(bad)


def test_readings_include_heteronyms() -> None:
    assert "hé" in pinyin.readings("和")
    assert "hè" in pinyin.readings("和")
    assert pinyin.readings("a") == ()


def test_suggestion_reads_traditional_through_simplified() -> None:
    assert pinyin.suggest("重慶") == "chóng qìng"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [("小院高牆", ["牆"]), ("乌镇峯会", ["峯"]), ("乾隆", []), ("随着", []), ("台湾", [])],
)
def test_traditional_only_characters(text: str, flagged: list[str]) -> None:
    assert script.traditional_only(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("小院高墙", ["墙"]),
        ("峰會", []),
        ("臺灣", []),
        ("台灣", []),
        ("發展", []),
        ("发展", ["发"]),
    ],
)
def test_simplified_only_characters(text: str, flagged: list[str]) -> None:
    assert script.simplified_only(text) == flagged


def _pinyin_codes(text: str, written: str) -> list[str]:
    from termbase.model import Concept, Status, Term

    term = Term("zh-Hans", text, Status.PREFERRED, written)
    return [f.code for f in pinyin.check_term(Concept("x", (term,)), term)]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("小院高墙", "xiǎoyuàn gāoqiáng"),
        ("2024年中非互联网发展与合作论坛", "2024 Nián Zhōng-Fēi Hùliánwǎng Fāzhǎn yǔ Hézuò Lùntán"),
        ("996", "jiǔjiǔliù"),  # digits read aloud, one syllable each
        ("2019冠状病毒病", "èrlíngyījiǔ guānzhuàng bìngdúbìng"),
        ("3D打印", "sān D dǎyìn"),
        ("玩儿", "wánr"),  # erhua: one syllable for 玩儿
        ("熟道儿", "shúdàor"),
        ("东西", "dōngxi"),  # a neutral tone
        ("二十国集团（G20）", "Èrshí Guó Jítuán (G20)"),
    ],
)
def test_pinyin_that_fits(text: str, written: str) -> None:
    assert _pinyin_codes(text, written) == []


@pytest.mark.parametrize(
    ("text", "written", "code"),
    [
        ("小院高墙", "xiǎoyuàn gāo", "TB311"),
        ("996", "jiǔjiǔ", "TB311"),
        ("小院高墙", "xiǎoyuàn gāoshān", "TB312"),
        ("小院高墙", "xiǎoyuàn gāoqiǎng", "TB313"),
        ("小院高墙", "xiao3yuan4 gao1qiang2", "TB314"),
    ],
)
def test_pinyin_that_does_not_fit(text: str, written: str, code: str) -> None:
    assert _pinyin_codes(text, written) == [code]
