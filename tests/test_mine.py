"""`termbase mine`: candidate terms from new documents, the library and the command as a
terminologist runs it on a new document beside a copy of the term base."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from termbase.evolution.mine import Unit, mine
from termbase.evolution.mine_output import as_concepts

from .conftest import ROOT
from .test_lint_routes import one_line_exit_2, run, run_ok

# Three paragraphs in the style of the Global AI Governance Initiative, with their English.
ZH = [
    "各国应坚持敏捷治理，推动建立风险等级测试评估体系，实施分类分级管理。"
    "我们倡导“以人为本”的理念，确保人工智能的安全性、可靠性、可控性、公平性。",
    "敏捷治理要求建立风险等级测试评估体系。反对利用人工智能操纵舆论、传播虚假信息。",
    "坚持敏捷治理，完善风险等级测试评估体系，发布《全球人工智能治理倡议》。",
]
EN = [
    "All countries should adhere to agile governance, promote a testing and assessment system "
    "based on AI risk levels, and implement tiered and category-based management. We advocate "
    "a people-centered approach and ensure the security, reliability, controllability and "
    "fairness of AI.",
    "Agile governance calls for a testing and assessment system based on AI risk levels. We "
    "oppose using AI to manipulate public opinion and spread disinformation.",
    "Adhere to agile governance, improve the testing and assessment system based on AI risk "
    "levels, and release the Global AI Governance Initiative.",
]


def units(english: bool = False) -> list[Unit]:
    return [
        Unit(Path("gaigi.txt"), i + 1, zh, EN[i] if english else None) for i, zh in enumerate(ZH)
    ]


def test_repeated_phrases_and_set_phrases_are_candidates() -> None:
    found = {c.term: c for c in mine(units(), top=None)}
    assert found["敏捷治理"].frequency == 3
    assert "风险等级测试评估体系" in found
    # set phrases by their form count from their first use
    assert "enumeration" in found["安全性、可靠性、可控性、公平性"].kinds
    assert "quoted" in found["以人为本"].kinds
    assert "title" in found["全球人工智能治理倡议"].kinds
    # contexts: where it occurs, with the text around it
    first = found["敏捷治理"].contexts[0]
    assert (first.path.name, first.line) == ("gaigi.txt", 1)
    assert "敏捷治理" in first.text


def test_general_language_and_clause_fragments_are_not_candidates() -> None:
    found = {c.term for c in mine(units(), top=None)}
    # general words (jieba's dictionary frequency) and runs across punctuation
    assert not {"推动", "建立", "我们", "各国", "应坚持"} & found
    assert not any("，" in t or "。" in t for t in found)
    # a run nested in a longer one with the same frequency gives way to it
    assert "等级测试" not in found


def test_what_the_term_base_has_is_left_out() -> None:
    found = {c.term for c in mine(units(), ["敏捷治理", "全球人工智能治理倡议"], top=None)}
    assert "敏捷治理" not in found
    assert "全球人工智能治理倡议" not in found
    # inside a known term: part of it, not a new term
    assert "治理倡议" not in found


def test_renderings_from_aligned_english() -> None:
    found = {c.term: c for c in mine(units(english=True), top=None)}
    agile = [r.text for r in found["敏捷治理"].renderings]
    assert "agile governance" in agile
    assert found["敏捷治理"].renderings[0].count == 3
    risk = [r.text for r in found["风险等级测试评估体系"].renderings]
    assert any("testing and assessment system" in r or "risk levels" in r for r in risk)
    # one co-occurrence is no evidence
    assert found["以人为本"].renderings == ()


def test_ranked_with_top_and_min_count() -> None:
    ranked = mine(units(), top=None)
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    assert len(mine(units(), top=3)) == 3
    assert all(
        c.frequency >= 3 or set(c.kinds) - {"word", "run"}
        for c in mine(units(), min_count=3, top=None)
    )


def test_concepts_for_review_have_readable_unique_ids() -> None:
    concepts = as_concepts(mine(units(english=True), top=None), taken=["minjie-zhili"])
    ids = [c.id for c in concepts]
    assert len(ids) == len(set(ids))
    assert "minjie-zhili-2" in ids  # the id the base already has is not reused
    agile = next(c for c in concepts if c.id == "minjie-zhili-2")
    zh = agile.terms[0]
    assert (zh.lang, zh.text, zh.pinyin, zh.origin.value) == (
        "zh-Hans",
        "敏捷治理",
        "mǐnjié zhìlǐ",
        "machine",
    )
    assert any(t.lang == "en" and t.text == "agile governance" for t in agile.terms)


# ------------------------------------------------- the command, as a terminologist runs it


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled term base and a new document (with its translation) beside it."""
    shutil.copytree(ROOT / "terms", tmp_path / "terms")
    # The bundled base has had 敏捷治理 since issue 17: take its Chinese terms out again, as a
    # terminologist would, so that the phrase is new to the base.
    for lang in ("zh-Hans", "zh-Hant"):
        removed = run("rm", "agile-governance", "--lang", lang, "--term", "敏捷治理", cwd=tmp_path)
        assert removed.returncode == 0, removed.stderr
    (tmp_path / "gaigi.zh.txt").write_text("\n\n".join(ZH) + "\n", "utf-8")
    (tmp_path / "gaigi.en.txt").write_text("\n\n".join(EN) + "\n", "utf-8")
    return tmp_path


def test_mine_text_lists_candidates_with_contexts(project: Path) -> None:
    result = run_ok("mine", "gaigi.zh.txt", cwd=project)
    assert "敏捷治理  ×3" in result.stdout
    assert "gaigi.zh.txt:1: " in result.stdout
    # the bundled base already has the initiative: not a candidate
    assert "全球人工智能治理倡议  ×" not in result.stdout
    assert "candidate(s) from 3 Chinese segment(s)" in result.stderr


def test_mine_pair_json_suggests_renderings(project: Path) -> None:
    result = run_ok("mine", "--pair", "gaigi.zh.txt:gaigi.en.txt", "--format", "json", cwd=project)
    found = {c["term"]: c for c in json.loads(result.stdout)}
    agile = found["敏捷治理"]
    assert agile["renderings"][0] == {"text": "agile governance", "count": 3, "dice": 1.0}
    # contexts point into the Chinese file, at the paragraph's line
    assert {(c["path"], c["line"]) for c in agile["contexts"]} == {
        ("gaigi.zh.txt", 1),
        ("gaigi.zh.txt", 3),
        ("gaigi.zh.txt", 5),
    }


def test_mine_bilingual_file_mines_the_chinese_side(project: Path) -> None:
    rows = "".join(f"{zh}\t{en}\n" for zh, en in zip(ZH, EN, strict=True))
    (project / "gaigi.tsv").write_text("zh-Hans\ten\n" + rows, "utf-8")
    result = run_ok("mine", "gaigi.tsv", "-f", "json", cwd=project)
    found = {c["term"]: c for c in json.loads(result.stdout)}
    assert found["敏捷治理"]["renderings"][0]["text"] == "agile governance"


def test_mine_toml_is_accepted_by_validate_and_listed_for_review(project: Path) -> None:
    result = run_ok(
        "mine", "gaigi.zh.txt", "--min-count", "1", "-n", "10", "-f", "toml", cwd=project
    )
    tomllib.loads(result.stdout)
    (project / "terms" / "mined.toml").write_text(result.stdout, "utf-8")
    check = run("validate", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    review = [line for line in check.stdout.splitlines() if "TB120" in line]
    assert len(review) >= 10
    assert "mined.toml" in review[0]


def test_mine_refuses_input_without_chinese(project: Path) -> None:
    line = one_line_exit_2(run("mine", "gaigi.en.txt", cwd=project))
    assert line.endswith("gaigi.en.txt: no Chinese text to mine")


def test_mine_refuses_missing_and_unreadable_files(project: Path) -> None:
    assert one_line_exit_2(run("mine", "nowhere.txt", cwd=project)).endswith(
        "nowhere.txt: no such file"
    )
    (project / "latin1.txt").write_bytes("敏捷治理".encode("gb18030"))
    assert "not valid UTF-8" in one_line_exit_2(run("mine", "latin1.txt", cwd=project))


def test_mine_refuses_more_than_it_reads_at_once(project: Path) -> None:
    """Past 24 MB one line, exit 2, before reading a byte (the audit's 14 MB ran past 600 s at
    4.6 GB before mining became linear)."""
    with (project / "huge.txt").open("wb") as f:
        f.truncate(25 << 20)
    line = one_line_exit_2(run("mine", "huge.txt", cwd=project))
    assert "more than termbase mine reads at once (24 MB)" in line


def test_nested_candidates_are_dropped_in_linear_time() -> None:
    """100,000 distinct runs (a few megabytes of text): comparing every pair took minutes."""
    import random
    import time

    from termbase.evolution.mine import _drop_nested, _Tally

    rng = random.Random(3)
    alphabet = "人工智能治理全球发展安全倡议数字鸿沟开放合作共享"
    tallies: dict[str, _Tally] = {}
    while len(tallies) < 100_000:
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 8)))
        tallies[word] = _Tally(kinds={"run"}, count=rng.randint(1, 4))
    tallies["数字鸿沟"] = _Tally(kinds={"run"}, count=3)
    tallies["弥合数字鸿沟"] = _Tally(kinds={"run"}, count=3)
    start = time.perf_counter()
    kept = _drop_nested(tallies)
    assert time.perf_counter() - start < 10
    assert "数字鸿沟" not in kept
    assert "弥合数字鸿沟" in kept


def test_traditional_input_gives_traditional_candidates_with_the_simplified_beside() -> None:
    """Hong Kong text in, Hong Kong candidates out (issue 33): 外匯基金, not 外汇基金; the concept
    holds the zh-Hans term for the base and the zh-HK term as the text wrote it."""
    from termbase.evolution.mine_output import to_json

    lines = [
        "外匯基金的投資收入增加。外匯基金的資產穩健。",
        "金管局表示，外匯基金表現理想，本港銀行體系穩健。",
        "本港銀行體系的流動資金充裕。",
    ]
    found = mine([Unit(Path("hk.txt"), i, t, "") for i, t in enumerate(lines, 1)])
    first = found[0]
    assert (first.term, first.simplified) == ("外匯基金", "外汇基金")
    assert "外匯基金" in first.contexts[0].text
    assert to_json(found)[0]["simplified"] == "外汇基金"
    terms = [(t.lang, t.text) for t in as_concepts(found[:1])[0].terms]
    assert terms == [("zh-Hans", "外汇基金"), ("zh-HK", "外匯基金")]
    simplified = mine([Unit(Path("cn.txt"), 1, "外汇基金。外汇基金。", "")], min_count=2)
    assert simplified[0].term == "外汇基金"
    assert simplified[0].simplified == ""


def test_words_the_segmenter_splits_or_edges_it_bars_are_candidates() -> None:
    """内地 ends on 地 but is a noun; 联汇制度 is cut 联汇制 + 度 (a bound morpheme): both are
    terms of the Hong Kong reports' reviewed list (issue 35)."""
    texts = [
        "金管局與內地有關當局合作，捍衛聯匯制度。",
        "內地經濟放緩，但聯匯制度運作暢順。",
        "香港與內地的聯繫緊密，聯匯制度維持穩定。",
    ]
    found = {c.term for c in mine([Unit(Path("a.txt"), n, t) for n, t in enumerate(texts, 1)])}
    assert "內地" in found
    assert "聯匯制度" in found


def test_renderings_of_names_with_brackets_and_of_persons() -> None:
    """An ordinance's name keeps its bracketed part, a person's name drops the title before it
    (the Hong Kong reports' list: Financial Institutions (Resolution) Ordinance, Norman Chan)."""
    pairs = [
        (
            "陳德霖表示，《金融機構（處置機制）條例》已經生效。",
            "Mr Norman Chan said the Financial "
            "Institutions (Resolution) Ordinance had come into force.",
        ),
        (
            "根據《金融機構（處置機制）條例》，金管局是處置機制當局。",
            "Under the Financial "
            "Institutions (Resolution) Ordinance, the HKMA is a resolution authority.",
        ),
        (
            "陳德霖出席會議。《金融機構（處置機制）條例》的附屬法例亦已通過。",
            "Mr Norman Chan "
            "attended the meeting. The subsidiary legislation of the Financial Institutions "
            "(Resolution) Ordinance was also passed.",
        ),
    ]
    units = [Unit(Path("hk.txt"), n, zh, en) for n, (zh, en) in enumerate(pairs, 1)]
    found = {c.term: c for c in mine(units, top=None)}
    firo = found["金融機構（處置機制）條例"].renderings[0].text
    assert firo == "Financial Institutions (Resolution) Ordinance"
    assert found["陳德霖"].renderings[0].text == "Norman Chan"


def test_sentences_of_a_paragraph_pair_align_where_both_sides_have_as_many() -> None:
    from termbase.evolution.renderings import sentences

    got = sentences(
        ["浮動薪酬增加。固定薪酬不變。", "只有一句。"],
        ["Variable pay rose. Fixed pay stayed the same.", "One sentence. And another."],
    )
    assert [(s.unit, s.chinese, s.english) for s in got] == [
        (0, "浮動薪酬增加。", "Variable pay rose."),
        (0, "固定薪酬不變。", "Fixed pay stayed the same."),
        (1, "只有一句。", "One sentence. And another."),
    ]


def test_the_lexicon_prefers_the_english_the_words_explain() -> None:
    """IBM Model 1 from the aligned sentences: 体系 is "system", so 银行体系 is "banking system"
    rather than "banking" alone, and a word no Chinese word explains ("directive") costs."""
    from termbase.evolution.lexicon import train

    pairs = [
        (["银行", "体系", "稳健"], ["banking", "system", "sound"]),
        (["银行", "利润", "上升"], ["bank", "profit", "rose"]),
        (["支付", "体系", "运作"], ["payment", "system", "worked"]),
        (["银行", "体系", "资本"], ["banking", "system", "capital"]),
        (["利润", "稳健"], ["profit", "sound"]),
    ]
    lexicon = train(pairs)
    term = ["银行", "体系"]
    assert lexicon.explained(term, ["banking", "system"]) > lexicon.explained(term, ["banking"])
    assert lexicon.explained(term, ["banking", "system"]) > lexicon.explained(
        term, ["directive", "banking", "system"]
    )


def test_clauses_adverbials_and_a_place_with_a_common_noun_rank_as_no_terms() -> None:
    """A dictionary word that is a general verb and its object (请参阅, 保持稳定), an adverbial
    (整体而言) are no candidates; a place and a common noun (香港银行) ranks below a name that
    ends as an institution's does (香港会计师公会) seen as often."""
    text = [
        "请参阅财务报表附注。整体而言，香港银行体系保持稳定。香港会计师公会发表报告。",
        "请参阅财务报表附注。整体而言，保持稳定的香港银行体系。香港会计师公会认为。",
    ]
    found = mine([Unit(Path("hk.txt"), i + 1, t) for i, t in enumerate(text)], top=None)
    terms = [c.term for c in found]
    assert not {"请参阅财务报表附注", "请参阅", "保持稳定", "整体而言"} & set(terms)
    assert "财务报表附注" in terms
    assert terms.index("香港会计师公会") < terms.index("香港银行体系")


def test_latin_abbreviations_and_the_nouns_after_them_are_candidates() -> None:
    """The Hong Kong reports name terms in the Latin script: IFFO, FCAS 2.0, CMU系統 and
    MSCI全球指數 are on their reviewed lists (issue 35); a word in lower case is none."""
    texts = [
        "金管局成立IFFO，並推出FCAS 2.0；債務工具中央結算系統（CMU系統）運作暢順。",
        "IFFO與FCAS 2.0合作，CMU系統的交易增加，MSCI全球指數下跌，we.trade上線。",
        "MSCI全球指數回升。",
    ]
    found = {c.term for c in mine([Unit(Path("a.txt"), n, t) for n, t in enumerate(texts, 1)])}
    assert {"IFFO", "FCAS 2.0", "CMU系統", "MSCI全球指數"} <= found
    assert not any("we" in term for term in found)


def test_a_rendering_inside_a_name_the_text_defines_is_the_whole_name() -> None:
    """ "Stored Value Facilities Ordinance" stands, wherever it stands, inside the name the text
    defines by its abbreviation: the rendering is the whole name (n-grams stop at five words;
    WMT25 2016 and 2018: 支付系統及儲值支付工具條例)."""
    from termbase.evolution.renderings import defined_names

    name = "Payment Systems and Stored Value Facilities Ordinance"
    pairs = [
        ("《支付系統及儲值支付工具條例》已經生效。", f"The {name} (PSSVFO) came into force."),
        ("根據《支付系統及儲值支付工具條例》發牌。", f"Licences were granted under the {name}."),
        (
            "《支付系統及儲值支付工具條例》的附屬法例。",
            f"The subsidiary legislation of the {name}.",
        ),
        ("香港的銀行體系穩健。", "The banking system of Hong Kong (HK) is sound."),
    ]
    units = [Unit(Path("hk.txt"), n, zh, en) for n, (zh, en) in enumerate(pairs, 1)]
    found = {c.term: c for c in mine(units, top=None)}
    assert found["支付系統及儲值支付工具條例"].renderings[0].text == name
    assert defined_names(en for _, en in pairs) == {
        "payment systems and stored value facilities ordinance": name,
        "hong kong": "Hong Kong",
    }
    # an abbreviation's letters from the parts of a hyphenated word; links aside
    assert list(
        defined_names(["the loan-to-value (LTV) ratio", "Delivery versus Payment (DvP)"]).values()
    ) == ["loan-to-value", "Delivery versus Payment"]
    # no name whose initials do not spell it
    assert defined_names(["a new scheme (FCAS)"]) == {}


def test_a_word_the_segmenter_cut_is_a_candidate_where_it_stands_on_its_own() -> None:
    """總結餘 (the aggregate balance) comes back 总结 + 余, a noun and a numeral: no run of the
    tags, but it repeats between different characters on each side (issue 35). 體系結餘 is
    always between 行 and ）: no candidate."""
    lines = [
        "總結餘（即銀行體系結餘）維持穩定。",
        "總結餘下降至一千億元。",
        "市場預期總結餘會再減少。",
    ]
    found = {c.term: c for c in mine([Unit(Path("hk.txt"), i, t) for i, t in enumerate(lines)])}
    assert found["總結餘"].kinds == ("sequence",)
    assert found["總結餘"].words == ("总结", "余")
    assert "體系結餘" not in found


def test_accessor_variety_counts_each_edge_of_a_text_as_a_new_neighbour() -> None:
    from termbase.evolution.branching import variety

    assert variety("支付系统", ["快速支付系统，", "支付系统的", "新支付系统"]) == (3, 3)
    assert variety("支付系统", ["快速支付系统", "快速支付系统"]) == (1, 2)
    assert variety("支付系统", ["没有"]) == (1, 1)


# A boilerplate sentence of the Hong Kong reports: 行政長官 never stands without 指示 beside it
BOILERPLATE = [
    (
        "按照行政長官根據第5條所作的指示，外匯基金的財務報表已經審計。",
        "In accordance with the directive of the Chief Executive made under section 5, the "
        "financial statements of the Exchange Fund were audited.",
    ),
    (
        "審計署按照行政長官的指示審計帳目。",
        "The Audit Commission audited the accounts in accordance with the directive of the "
        "Chief Executive.",
    ),
    ("行政長官的指示於年內發出。", "The directive of the Chief Executive was issued."),
]


def test_english_words_a_neighbour_glosses_are_the_neighbours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where a term and its neighbour stand together in every sentence, Dice and the word
    table cannot part them; CC-CEDICT glosses 指示 "directive" and 行政长官 "chief executive"
    (WMT25 2016 and 2018: "directive of the Chief Executive" for 行政長官)."""
    from termbase.evolution import mine as mining

    units = [Unit(Path("hk.txt"), n, zh, en) for n, (zh, en) in enumerate(BOILERPLATE, 1)]

    def first(term: str) -> str:
        return {c.term: c for c in mine(units, top=None)}[term].renderings[0].text

    assert first("行政長官") == "Chief Executive"
    assert first("指示") == "directive"
    monkeypatch.setattr(mining, "CONTEXT_PENALTY", 0.0)
    assert first("行政長官") == "directive of the Chief Executive"


def test_glosses_stems_and_the_share_of_sentences_a_neighbour_glosses_a_word() -> None:
    from termbase.evolution.glosses import context_share, glossed, stem

    assert [stem(w) for w in ("directives", "directive", "auditing", "standards", "tax")] == [
        "directiv",
        "directiv",
        "audit",
        "standard",
        "tax",
    ]
    assert {"chief", "executiv"} <= glossed("行政长官")
    assert "directiv" in glossed("指示")
    assert glossed("不是一个词的字符串") == frozenset()
    share = context_share(
        "行政长官", ["行政长官"], [["按照", "行政长官", "指示"], ["行政长官", "发出"]]
    )
    assert share("directive") == 0.5  # 指示 in one of the two sentences
    assert share("Executive") == 0.0  # the term's own
    assert share("issued") == 0.5  # 发出 "to issue": the stems meet
    assert share("accounts") == 0.0  # no word of either sentence glosses it


def test_the_tail_of_a_name_is_written_with_the_name_before_it() -> None:
    """An n-gram that starts inside a name ("kong's monetary and financial system") is written
    with the name's words before it where every text has them; not with an acronym, a
    possessive or a sentence's first word before it, and not where the texts differ."""
    from termbase.evolution.renderings import surface

    texts = [
        "It keeps Hong Kong's monetary and financial system stable.",
        "A review of Hong Kong's monetary and financial system.",
    ]
    gram = "kong's monetary and financial system"
    assert surface(gram, texts) is None
    assert surface(gram, texts, whole_name=True) == "Hong Kong's monetary and financial system"
    capitals = ["HONG KONG SPECIAL ADMINISTRATIVE REGION GOVERNMENT"]
    gram = "kong special administrative region government"
    assert surface(gram, capitals, whole_name=True) == capitals[0]
    gram = "monetary authority"
    both = ["The Hong Kong Monetary Authority said.", "Hong Kong Monetary Authority"]
    assert surface(gram, both, whole_name=True) == "Hong Kong Monetary Authority"
    assert surface(gram, [both[0], "the Macao Monetary Authority"], whole_name=True) is None
    for text in ("The HKMA Infrastructure Financing office.", "China’s Infrastructure Financing"):
        assert surface("infrastructure financing", [text], whole_name=True) is None
    # a heading's capitals only where no other text writes it
    texts = ["PERFORMANCE OF THE BANKING SECTOR", "The banking sector grew."]
    assert surface("banking sector", texts) == "banking sector"
    assert surface("banking sector", texts[:1]) == "BANKING SECTOR"


def test_the_shipped_glosses_are_what_make_glosses_makes_from_cc_cedict(tmp_path: Path) -> None:
    import importlib.util
    import sys

    from .conftest import shared_file

    cedict = shared_file("data/cedict_ts.u8")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location(
            "make_glosses", ROOT / "benchmarks" / "make_glosses.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    table = module.table(cedict)
    shipped = (ROOT / "src/termbase/data/cedict/glosses.tsv").read_text("utf-8")
    assert module.rows(table) == shipped
    # pointers, remarks and surnames are no glosses
    assert module.stems("CL:個|个[ge4]/see 指示[zhi3 shi4]/surname Wang") == set()
    assert module.stems("to instruct (formal)/directives") == {"instruct", "directiv"}
