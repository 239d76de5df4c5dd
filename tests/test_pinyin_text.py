"""Pinyin of running text after GB/T 16159-2012: one row per rule or exception, written from
the standard's rules (the issue's examples, and the standard's own where we are sure of them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from termbase import pinyin, pinyin_text, store

from .conftest import ROOT

RULES = [
    # Words joined, never across a word boundary (pypinyin's own cut joins 和服, 国有, 给世).
    ("和服务时", "hé fúwù shí"),
    ("跨国有组织犯罪", "kuàguó yǒu zǔzhī fànzuì"),
    ("给世界带来", "gěi shìjiè dàilái"),
    ("应尊重他国主权", "yīng zūnzhòng tāguó zhǔquán"),
    ("多利益攸关方", "duō lìyì yōuguānfāng"),
    ("对话", "duìhuà"),
    ("反对", "fǎnduì"),
    ("方向", "fāngxiàng"),
    ("面对", "miànduì"),
    ("我们", "wǒmen"),
    # Readings by part of speech and by construction.
    ("各国都有", "gèguó dōu yǒu"),
    ("积极为发展中国家", "jījí wèi fāzhǎnzhōng guójiā"),
    ("以安全为目标", "yǐ ānquán wéi mùbiāo"),
    ("以合作为前提", "yǐ hézuò wéi qiántí"),
    ("作为", "zuòwéi"),
    ("成为", "chéngwéi"),
    ("为人民服务", "wèi rénmín fúwù"),
    ("框架", "kuàngjià"),
    ("长臂管辖", "chángbì guǎnxiá"),
    ("重塑", "chóngsù"),
    ("我的书", "wǒ de shū"),
    ("聪明的孩子", "cōngmíng de háizi"),
    ("慢慢地走", "mànmàn de zǒu"),
    ("跑得快", "pǎo de kuài"),
    # A verb and its 了, 着, 过 together.
    ("看着", "kànzhe"),
    ("吃了饭", "chīle fàn"),
    ("进行过", "jìnxíngguo"),
    ("看了看", "kànle kàn"),
    # 方位词 apart from the noun, in the neutral tone.
    ("山上", "shān shang"),
    # Names of four syllables or more, word by word; capitals for proper nouns.
    ("中华人民共和国", "Zhōnghuá Rénmín Gònghéguó"),
    ("人类命运共同体", "rénlèi mìngyùn gòngtóngtǐ"),
    ("可持续发展", "kěchíxù fāzhǎn"),
    ("人工智能", "réngōng zhìnéng"),
    ("北京市", "Běijīng Shì"),
    ("广东省", "Guǎngdōng Shěng"),
    ("北京", "Běijīng"),
    ("上海", "Shànghǎi"),
    ("中国", "Zhōngguó"),
    ("英国", "Yīngguó"),
    ("美国", "Měiguó"),
    ("朝鲜", "Cháoxiǎn"),
    ("联合国", "Liánhéguó"),
    ("习近平", "Xí Jìnpíng"),
    ("王芳", "Wáng Fāng"),
    # Four-character idioms read 2+2 take a hyphen; others are written together.
    ("不可或缺", "bùkě-huòquē"),
    ("循序渐进", "xúnxù-jiànjìn"),
    ("仗义执言", "zhàngyì-zhíyán"),
    ("风平浪静", "fēngpíng-làngjìng"),
    ("兼容并包", "jiānróng-bìngbāo"),
    ("一衣带水", "yīyīdàishuǐ"),
    # 一 and 不 in their original tones.
    ("一路", "yīlù"),
    ("不是", "bùshì"),
    ("一定", "yīdìng"),
    ("不要", "bùyào"),
    ("统一", "tǒngyī"),
    ("第一", "dìyī"),
    # Sentences: a capital at the start, Latin punctuation, spaces only where Latin has them.
    ("中国坚持智能向善。", "Zhōngguó jiānchí zhìnéng xiàngshàn."),
    ("他说：“很好。”然后走了。", "Tā shuō: “Hěn hǎo.” Ránhòu zǒule."),
    ("我们支持《全球人工智能治理倡议》。", "Wǒmen zhīchí “Quánqiú Réngōng Zhìnéng Zhìlǐ Chàngyì”."),
    ("中国、英国和美国。", "Zhōngguó, Yīngguó hé Měiguó."),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_gbt_rule(text: str, expected: str) -> None:
    assert pinyin_text.transliterate(text) == expected


def test_sandhi_marks_the_spoken_tones_when_asked() -> None:
    assert pinyin_text.transliterate("一定不是", sandhi=True) == "yídìng búshì"


def test_the_term_base_writes_its_own_terms() -> None:
    terms = pinyin.term_readings(store.load_termbase([ROOT / "terms"]))
    written = pinyin_text.transliterate("中国坚持智能向善，反对小院高墙。", terms=terms)
    assert written == "Zhōngguó jiānchí zhìnéng xiàngshàn, fǎnduì xiǎoyuàn gāoqiáng."


def test_help_does_not_load_the_segmenter() -> None:
    code = "import sys; from termbase.cli import main; sys.argv=['termbase','--help']\n"
    code += "try:\n main()\nexcept SystemExit: pass\nassert 'rjieba' not in sys.modules"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_seed_paragraphs_read_word_by_word() -> None:
    """The seed's Chinese: no syllable of one word joined to the next (the errors the issue
    counted), every proper noun of the list capitalised."""
    from .conftest import shared_file

    seed = Path(shared_file("seeds/000_6fb597dbf228831d.txt")).read_text("utf-8")
    chinese = [
        line for line in seed.splitlines() if sum("\u4e00" <= c <= "\u9fff" for c in line) > 20
    ]
    written = " ".join(pinyin_text.transliterate(line) for line in chinese)
    for wrong in ("héfú", "gěishì", "zhòngtā", "duōlì", "zhōngguó "):
        assert wrong not in written
    assert "Zhōngguó" in written
