"""Script conversion: identical to the dependency, except where corrections and terms say."""

from __future__ import annotations

import functools
import io
import json
import random
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termbase import load
from termbase.chinese.convert import TermAwareConverter, corrections, iter_text
from termbase.chinese.script import Converter, Data
from termbase.cli import app

from .conftest import ROOT, shared_file

runner = CliRunner()
# The configurations of opencc-python-reimplemented
DEPENDENCY_CONFIGS = [
    "s2t",
    "s2tw",
    "s2twp",
    "s2hk",
    "t2s",
    "tw2s",
    "tw2sp",
    "hk2s",
    "t2tw",
    "t2hk",
]


def _opencc(config: str, text: str) -> str:
    from opencc import OpenCC  # noqa: TID251 - the dependency itself, as the reference

    return str(OpenCC(config).convert(text))


def _plain(config: str, text: str) -> str:
    """OpenCC's conversion with the current dictionaries termbase ships."""
    return Converter(config).plain(text)


def _rows() -> list[tuple[str, str, str, str]]:
    """Each row for each configuration, a context row once for each of its contexts."""
    out = []
    for r in corrections():
        for c in r.configs:
            out += [(c, *p) for p in r.phrases(functools.partial(_plain, c))]
    return out


@pytest.mark.parametrize(("config", "source", "wrong", "right"), _rows())
def test_correction_row(config: str, source: str, wrong: str, right: str) -> None:
    given = _plain(config, source)
    if not wrong:
        assert given == right  # a row that keeps a broader row of ours from applying
    else:
        assert given == wrong, "OpenCC's dictionaries are fixed: drop this row"
    conv = TermAwareConverter(config)
    assert conv.convert(source) == right
    assert conv.convert(f"我们{source}了") == _plain(config, "我们") + right + _plain(config, "了")


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    """Random runs of CC-CEDICT headwords, both scripts: every phrase entry meets its
    neighbours, overlapping ones included. Plus the source article."""
    cedict = shared_file("data/cedict_ts.u8")
    rng = random.Random(7)
    trad, simp = [], []
    with cedict.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                t, s, _ = line.split(" ", 2)
                trad.append(t)
                simp.append(s)
    article = shared_file("seeds/000_6fb597dbf228831d.txt").read_text(encoding="utf-8")

    def runs(words: list[str]) -> str:
        return "\n".join(
            "".join(rng.choice(words) for _ in range(rng.randint(1, 10))) for _ in range(6000)
        )

    return {"simplified": runs(simp) + "\n" + article, "traditional": runs(trad)}


@pytest.mark.parametrize("config", DEPENDENCY_CONFIGS)
def test_identical_to_the_dependency(config: str, corpus: dict[str, str]) -> None:
    """The engine, given the dependency's own dictionaries of 2022, gives its results."""
    text = corpus["simplified" if config.startswith("s") else "traditional"]
    ours = Converter(config, data=Data.DEPENDENCY).plain(text).split("\n")
    theirs = _opencc(config, text).split("\n")
    differing = [(a, b) for a, b in zip(ours, theirs, strict=True) if a != b]
    assert differing == []


@pytest.fixture(scope="module")
def bundled() -> object:
    return load([ROOT / "terms"]).termbase


def test_term_base_forms_win(bundled: object) -> None:
    from termbase.model import TermBase

    assert isinstance(bundled, TermBase)
    tw = TermAwareConverter("s2twp", bundled)
    # The term base's zh-TW form, and its zh-Hant form where Taiwan writes the same.
    assert tw.convert("发展人工智能，坚持智能向善") == "發展人工智慧，堅持智能向善"
    assert _opencc("s2twp", "坚持智能向善") == "堅持智慧向善"
    hant = TermAwareConverter("s2t", bundled)
    assert hant.convert("世界互联网大会乌镇峰会") == "世界互聯網大會烏鎮峰會"
    assert _opencc("s2t", "世界互联网大会乌镇峰会") == "世界互聯網大會烏鎮峯會"
    applied = {o.origin for o, _ in hant.applied()}
    assert applied == {"wic-wuzhen-summit"}
    back = TermAwareConverter("t2s", bundled)
    assert back.convert("反對小院高牆") == "反对小院高墙"


def test_chunks_stay_small() -> None:
    line = "人工智能全球治理。" * 100 + "\n"
    big = io.BytesIO(line.encode() * 20_000)  # about 54 MB
    longest = max(len(piece) for piece in iter_text(big, "big"))
    assert longest <= (1 << 20) + len(line)


def _run(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["convert", "-t", str(ROOT / "terms"), *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_cli_stdin_to_stdout() -> None:
    code, out, errors = _run(["--to", "zh-TW"], "人工智能与数字鸿沟\n")
    assert (code, out, errors) == (0, "人工智慧與數位落差\n", "")


def test_cli_report_json() -> None:
    code, out, errors = _run(["--to", "zh-TW", "--report", "json"], "人工智能\n")
    assert code == 0
    assert out == "人工智慧\n"
    assert json.loads(errors) == [
        {
            "source": "人工智能",
            "target": "人工智慧",
            "origin": "artificial-intelligence",
            "count": 1,
        }
    ]


def test_cli_no_terms_is_plain_opencc() -> None:
    plain = ["--no-terms", "--no-corrections"]
    code, out, _ = _run(["--to", "zh-Hant", *plain, "--standard-forms"], "乌镇峰会\n")
    assert (code, out) == (0, _opencc("s2t", "乌镇峰会\n"))
    code, out, _ = _run(["--config", "s2t", *plain], "乌镇峰会\n")
    assert (code, out) == (0, _opencc("s2t", "乌镇峰会\n"))


# zh-Hant in the forms in common use in Taiwan and Hong Kong; OpenCC's standard forms behind
# --standard-forms (and with --config s2t). Where the regions differ, the standard form stays.
COMMON_FORMS = [
    ("为了峰会", "為了峰會", "爲了峯會"),
    ("可审核", "可審核", "可審覈"),
    ("群组", "群組", "羣組"),
    ("吃饭", "吃飯", "喫飯"),
    ("面条", "麵條", "麪條"),
    ("群众", "群眾", "羣衆"),
    ("秘密", "秘密", "祕密"),
    ("伪造", "偽造", "僞造"),
    ("他看着", "他看着", "他看着"),  # 着 in Hong Kong, 著 in Taiwan: the standard form stays
    ("里面", "裏面", "裏面"),  # 裏 in Hong Kong, 裡 in Taiwan: the standard form stays
]


@pytest.mark.parametrize(("simplified", "common", "standard"), COMMON_FORMS)
def test_zh_hant_in_common_forms(simplified: str, common: str, standard: str) -> None:
    code, out, _ = _run(["--to", "zh-Hant", "--no-terms"], simplified + "\n")
    assert (code, out) == (0, common + "\n")
    code, out, _ = _run(["--to", "zh-Hant", "--no-terms", "--standard-forms"], simplified + "\n")
    assert (code, out) == (0, standard + "\n")


def test_common_forms_never_change_a_term_base_form() -> None:
    from termbase.chinese import script
    from termbase.chinese.convert import TermAwareConverter

    conv = TermAwareConverter("s2t", None)
    assert conv.convert("为") == "為"
    assert (
        script.Converter("s2t", {"为": "爲"}, after=script.common_forms()).convert("为人") == "爲人"
    )


def test_cli_in_place_keeps_permissions(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("小院高墙\n", encoding="utf-8")
    f.chmod(0o640)
    code, out, _ = _run(["--in-place", str(f)])
    assert (code, out) == (0, "")
    assert f.read_text(encoding="utf-8") == "小院高牆\n"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_cli_bad_encoding_writes_nothing(tmp_path: Path) -> None:
    f = tmp_path / "gbk.txt"
    f.write_bytes("第一行\n小院高墙\n".encode("gbk"))
    out_file = tmp_path / "out.txt"
    code, out, errors = _run(["-o", str(out_file), str(f)])
    assert code == 2
    assert out == ""
    assert errors == (
        f"termbase: {f}: not valid utf-8 at byte 0 (0xb5); "
        "convert the file to UTF-8 or pass --encoding\n"
    )
    assert not out_file.exists()
    code, _, _ = _run(["--in-place", str(f)])
    assert code == 2
    assert f.read_bytes() == "第一行\n小院高墙\n".encode("gbk")
    code, out, _ = _run(["--encoding", "gbk", str(f)])
    assert (code, out) == (0, "第一行\n小院高牆\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--config", "s2x"], "Invalid value for --config: 's2x' is not one of"),
        (["--to", "zh-Hant", "--config", "s2t"], "give --to or --config, not both"),
        (["--in-place"], "--in-place needs files"),
        (["--encoding", "klingon"], "unknown encoding 'klingon'"),
    ],
)
def test_cli_bad_options(args: list[str], message: str) -> None:
    code, _, errors = _run(args, "")
    assert code == 2
    assert message in errors
    assert "Traceback" not in errors


def test_cli_missing_file(tmp_path: Path) -> None:
    code, _, errors = _run([str(tmp_path / "none.txt")])
    assert code == 2
    assert errors.startswith(f"termbase: {tmp_path / 'none.txt'}: cannot read: ")


PO = """# 注释不变
msgid ""
msgstr ""
"Language: zh_CN\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. 开发者注释
msgctxt "菜单"
msgid "发展"
msgstr "发展 {count} 个%s"

msgid "人工智能"
msgid_plural "人工智能们"
msgstr[0] "人工智能"
msgstr[1] ""
"数字鸿沟"
"""


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="zh-CN" datatype="plaintext" original="发展.txt">
    <body>
      <trans-unit id="发展-1">
        <source>AI for good</source>
        <target state="translated">坚持<g id="1" ctype="发展">智能向善</g> {0} &amp; 发展</target>
        <note>发展说明</note>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


@pytest.mark.parametrize(
    ("text", "name", "to", "changes"),
    [
        (
            PO,
            "zh.po",
            "zh-TW",
            [
                ("zh_CN", "zh_TW"),
                ('msgstr "发展 {count} 个%s"', 'msgstr "發展 {count} 個%s"'),
                ('msgstr[0] "人工智能"', 'msgstr[0] "人工智慧"'),
                ('"数字鸿沟"', '"數位落差"'),
            ],
        ),
        (
            XLIFF,
            "a.xlf",
            "zh-Hant",
            [
                ('target-language="zh-CN"', 'target-language="zh-Hant"'),
                ("坚持<g", "堅持<g"),
                ("&amp; 发展</target>", "&amp; 發展</target>"),
            ],
        ),
    ],
    ids=["po: only translations", "xliff: only targets"],
)
def test_cli_converts_only_the_translations(
    tmp_path: Path, text: str, name: str, to: str, changes: list[tuple[str, str]]
) -> None:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    code, out, _ = _run(["--to", to, str(f)])
    assert code == 0
    expected = text
    for old, new in changes:
        expected = expected.replace(old, new)
    assert out == expected


def test_cli_xliff_with_entities_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "evil.xlf"
    f.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "发展">]><xliff><target>&a;</target></xliff>',
        encoding="utf-8",
    )
    code, out, errors = _run([str(f)])
    assert (code, out) == (2, "")
    assert errors.startswith(f"termbase: {f}: XLIFF with a DOCTYPE")


def test_cli_json_converts_values_not_keys(tmp_path: Path) -> None:
    f = tmp_path / "zh.json"
    f.write_text('{\n  "发展": "发展 {name}",\n  "nested": {"键": ["数字鸿沟"]}\n}\n', "utf-8")
    code, out, _ = _run(["--to", "zh-TW", str(f)])
    assert code == 0
    assert out == '{\n  "发展": "發展 {name}",\n  "nested": {"键": ["數位落差"]}\n}\n'


def test_cli_broken_json_is_one_line(tmp_path: Path) -> None:
    f = tmp_path / "zh.json"
    f.write_text('{"a": "发展",}', "utf-8")
    code, _, errors = _run([str(f)])
    assert code == 2
    assert errors.startswith(f"termbase: {f}: line 1, column ")
    assert errors.count("\n") == 1


def test_cli_output_file_is_atomic(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("小院高墙\n", "utf-8")
    dst = tmp_path / "out.txt"
    code, _, _ = _run(["-o", str(dst), str(src)])
    assert code == 0
    assert dst.read_text("utf-8") == "小院高牆\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.txt"]


def test_private_use_text_takes_the_slow_path(bundled: object) -> None:
    from termbase.model import TermBase

    assert isinstance(bundled, TermBase)
    conv = TermAwareConverter("s2twp", bundled)
    text = "人工智能\U000f0001发展乌镇峰会"
    expected = "人工智慧\U000f0001" + _opencc("s2twp", "发展") + "烏鎮峰會"
    assert conv.convert(text) == expected
    assert conv.convert(text.replace("\U000f0001", "")) == expected.replace("\U000f0001", "")


# Conversion as a reader of each region expects it, with the bundled term base (issue 16).
TABLE = [
    ("zh-Hant", "参与并发挥作用", "參與並發揮作用"),
    ("zh-Hant", "并发布了报告", "並發布了報告"),
    ("zh-Hant", "并发出倡议", "並發出倡議"),
    ("zh-Hant", "并发放补贴", "並發放補貼"),
    ("zh-Hant", "并发起合作", "並發起合作"),
    ("zh-Hant", "并发展经济", "並發展經濟"),
    ("zh-Hant", "并发表讲话", "並發表講話"),
    ("zh-Hant", "并发现问题", "並發現問題"),
    ("zh-Hant", "出现并发症", "出現併發症"),
    ("zh-Hant", "合作伙伴关系", "合作夥伴關係"),
    ("zh-Hant", "兼容并包", "兼容並包"),
    ("zh-Hant", "作为人工智能大国", "作為人工智能大國"),  # 為, not OpenCC's 爲
    ("zh-Hant", "积极为发展中国家仗义执言", "積極為發展中國家仗義執言"),
    ("zh-Hant", "可审核、可监督、可追溯、可信赖", "可審核、可監督、可追溯、可信賴"),
    ("zh-Hant", "全球人工智能安全峰会", "全球人工智能安全峰會"),
    ("zh-Hant", "广大人民群众", "廣大人民群眾"),
    ("zh-Hant", "伪造证据", "偽造證據"),
    ("zh-HK", "参与并发挥作用", "參與並發揮作用"),
    ("zh-HK", "合作伙伴", "合作夥伴"),
    ("zh-HK", "作为人工智能大国", "作為人工智能大國"),
    ("zh-HK", "他说“人工智能”", "他説「人工智能」"),  # 説: Hong Kong's standard form
    ("zh-TW", "参与并发挥作用", "參與並發揮作用"),
    ("zh-TW", "支持多边主义", "支持多邊主義"),
    ("zh-TW", "推进全球治理进程", "推進全球治理進程"),
    ("zh-TW", "和平进程", "和平進程"),
    ("zh-TW", "可审核", "可審核"),
    ("zh-TW", "发布报告", "發布報告"),
    ("zh-TW", "合作伙伴关系", "合作夥伴關係"),
    ("zh-TW", "通过对话与合作", "透過對話與合作"),
    ("zh-TW", "通过协商解决", "透過協商解決"),
    ("zh-TW", "通过决议", "通過決議"),
    ("zh-TW", "通过了《决定》", "通過了《決定》"),
    # a title names a work as its author wrote it: 数据 stays 數據 inside it, 資料 outside
    ("zh-TW", "《公共数据管理条例》规定数据分类", "《公共數據管理條例》規定資料分類"),
    ("zh-TW", "印发《“双千兆”网络协同发展行动计划》", "印發《「雙千兆」網絡協同發展行動計劃》"),
    ("zh-TW", "《全球人工智能治理倡议》", "《全球人工智慧治理倡議》"),  # the base's terms still
    ("zh-TW", "大会审议通过", "大會審議通過"),
    ("zh-TW", "通过经验数据学习", "透過經驗資料學習"),
    ("zh-HK", "通过聚类挖掘数据结构", "透過聚類挖掘數據結構"),
    ("zh-TW", "应对气候变化", "應對氣候變遷"),
    ("zh-TW", "跟踪研究", "追蹤研究"),
    ("zh-TW", "悉尼", "雪梨"),
    ("zh-TW", "人工智能", "人工智慧"),
    ("zh-TW", "积极为发展中国家仗义执言", "積極為開發中國家仗義執言"),
    ("zh-TW", "他说“人工智能”", "他說「人工智慧」"),
    ("zh-TW", "‘小院高墙’", "『小院高牆』"),
    ("zh-TW", "China’s “AI”", "China’s “AI”"),
    ("zh-Hans", "人工智慧", "人工智能"),
    ("zh-Hans", "開發中國家", "发展中国家"),
    ("zh-Hans", "永續發展", "可持续发展"),
    ("zh-Hans", "數位落差", "数字鸿沟"),
    ("zh-Hans", "朝著目標", "朝着目标"),
    # Taiwan's standard forms (the Ministry of Education's): 布, not 佈
    ("zh-TW", "政府宣布新政策", "政府宣布新政策"),
    ("zh-TW", "公布施行", "公布施行"),
    ("zh-TW", "人口分布", "人口分布"),
    # the document family's regional forms, both ways through the term base
    ("zh-TW", "人工智能素养", "人工智慧素養"),
    ("zh-TW", "数字霸权", "數位霸權"),
    ("zh-TW", "数据安全", "資料安全"),
    ("zh-TW", "算法设计", "演算法設計"),
    ("zh-HK", "数字鸿沟", "數碼鴻溝"),
    ("zh-Hans", "人工智慧素養", "人工智能素养"),
    ("zh-Hans", "數位紅利", "数字红利"),
    ("zh-Hans", "演算法設計", "算法设计"),
    ("zh-Hans", "資料安全", "数据安全"),
    ("zh-Hans", "數碼鴻溝", "数字鸿沟"),
    ("zh-Hans", "全球數位契約", "全球数字契约"),
    ("zh-Hans", "隨著發展", "随着发展"),
    ("zh-Hans", "沿著道路", "沿着道路"),
    ("zh-Hans", "意味著", "意味着"),
    ("zh-Hans", "著名學者", "著名学者"),
    ("zh-Hans", "顯著", "显著"),
    ("zh-Hans", "小院高牆", "小院高墙"),
    ("zh-Hans", "參與並發揮作用", "参与并发挥作用"),
    ("zh-Hans", "併發症", "并发症"),
    ("zh-Hans", "爲了峯會", "为了峰会"),
    ("zh-Hans", "審覈羣衆意見", "审核群众意见"),
]


@pytest.mark.parametrize(("target", "source", "expected"), TABLE)
def test_conversion_table(target: str, source: str, expected: str) -> None:
    from termbase.base import store
    from termbase.chinese.convert import CONFIG_FOR_TARGET, Target

    from .conftest import ROOT

    tb = store.load_termbase([ROOT / "terms"])
    conv = TermAwareConverter(CONFIG_FOR_TARGET[Target(target)], tb)
    assert conv.convert(source) == expected


def test_built_dictionaries_are_kept_and_a_broken_file_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The built OpenCC dictionaries go to the cache folder; a later process loads them; a
    damaged or foreign file there is ignored and rebuilt, never trusted."""
    from termbase.chinese import script

    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(tmp_path))
    script._dictionary.cache_clear()
    try:
        first = script._dictionary("STPhrases.txt")
        kept = list((tmp_path / "opencc").glob("STPhrases-*.marshal"))
        assert len(kept) == 1
        kept[0].write_bytes(b"not marshal data")
        script._dictionary.cache_clear()
        again = script._dictionary("STPhrases.txt")
        assert again.values == first.values
        assert again.lengths == first.lengths
        text = "这些人工智能发展中国家并发挥作用"
        assert again.automaton.find_overlapping(text) == first.automaton.find_overlapping(text)
        # a cache folder that cannot be made (a file stands in its way, even for root): the
        # dictionary is built in memory, nothing is written, nothing fails
        blocker = tmp_path / "blocked"
        blocker.write_text("a file, not a folder")
        monkeypatch.setenv("TERMBASE_CACHE_DIR", str(blocker / "cache"))
        script._dictionary.cache_clear()
        assert script._dictionary("STPhrases.txt").values == first.values
        assert blocker.read_text() == "a file, not a folder"
    finally:
        script._dictionary.cache_clear()


def test_a_regional_term_pairs_with_the_term_it_writes_not_with_its_place() -> None:
    """A concept whose zh-TW terms do not stand in the order of its zh-Hans ones: each zh-Hans
    term takes the zh-TW term that writes the same words (a zh-TW variant added alone used to
    turn 国际治理机构 into 國際人工智慧治理機構)."""
    from termbase.chinese.convert import Target, term_overrides
    from termbase.model import Concept, Status, Term, TermBase

    p = Status.PREFERRED
    concept = Concept(
        "institution",
        (
            Term("zh-Hans", "国际治理机构", p),
            Term("zh-Hans", "国际人工智能治理机构", p),
            Term("zh-TW", "國際人工智慧治理機構", p),
            Term("en", "international governance institution", p),
        ),
    )
    found = {o.source: o.target for o in term_overrides(TermBase((concept,)), Target.ZH_TW)}
    assert found == {"国际人工智能治理机构": "國際人工智慧治理機構"}  # 国际治理机构: OpenCC's
