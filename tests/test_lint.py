"""`termbase lint`: the examples that must hold, every input format, every output format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from termbase.cli import app
from termbase.lint import Linter, LintSettings, ReadOptions, lint_files, parse_settings
from termbase.lint.segment import Segment
from termbase.search.index import Index

from .conftest import DATA, ROOT

TERMS = ROOT / "terms"
LINT = DATA / "lint"
runner = CliRunner()


@pytest.fixture(autouse=True)
def cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    index = Index.open([TERMS], use_cache=False)
    return Linter(index.cards(), index.fold_table(), LintSettings())


def codes(
    linter: Linter, source: str | None, target: str, **kw: str
) -> list[tuple[str, str | None]]:
    seg = Segment(Path("x"), 1, "1", target, source, kw.get("src", "zh-Hans"), kw.get("tgt", "en"))
    return [(f.code, f.concept) for f in linter.check(seg)]


# ---------------------------------------------------------------- the examples of the issue


def test_ai_for_good_passes(linter: Linter) -> None:
    assert codes(linter, "中国坚持智能向善。", "China upholds AI for Good.") == []


def test_intelligent_for_good_is_forbidden_and_not_also_missing(linter: Linter) -> None:
    """One finding per wrong rendering: LT103 names the preferred one; no LT101 beside it."""
    assert codes(linter, "中国坚持智能向善。", "China upholds intelligent for good.") == [
        ("LT103", "ai-for-good"),
    ]


def test_traditional_source_is_found(linter: Linter) -> None:
    assert codes(linter, "堅持智能向善", "upholds intelligent for good") == [
        ("LT103", "ai-for-good"),
    ]
    assert codes(linter, "堅持智能向善", "upholds AI for good", src="zh-Hant") == []


def test_plural_passes(linter: Linter) -> None:
    assert codes(linter, "弥合数字鸿沟", "bridge the digital divides") == []


def test_a_misspelling_that_folds_to_the_approved_term_is_still_caught(linter: Linter) -> None:
    """The deprecated "International Telecommunications Union" folds (plural) to the same words
    as the preferred "International Telecommunication Union": it is told apart as written."""
    src = "国际电信联盟"
    assert codes(linter, src, "the International Telecommunication Union") == []
    assert codes(linter, src, "the International Telecommunications Union") == [
        ("LT102", "itu"),
    ]
    assert codes(linter, None, "The international telecommunications union met.") == [
        ("LT102", "itu")
    ]


def test_a_rendering_inside_a_longer_term_counts(linter: Linter) -> None:
    """The rendering "global governance" stands inside the term "global governance system"."""
    assert codes(linter, "全球治理", "reform of the global governance system") == []
    assert codes(linter, "global governance", "全球治理体系改革", src="en", tgt="zh-Hans") == []
    # but not inside a placeholder
    assert codes(linter, "全球治理", "reform of the {global governance} system") == [
        ("LT101", "global-governance")
    ]


def test_he_yin_not_in_literature_and_music(linter: Linter) -> None:
    assert codes(linter, "我们喜欢文学和音乐", "We like literature and music") == []
    assert codes(linter, "和音评论", "a commentary") == [("LT101", "he-yin")]


def test_full_width_g20(linter: Linter) -> None:
    assert codes(linter, "二十国集团（Ｇ２０）", "the G20") == []


def test_placeholder_is_not_a_rendering(linter: Linter) -> None:
    assert codes(linter, "中国坚持智能向善。", "China upholds {AI for Good}.") == [
        ("LT101", "ai-for-good")
    ]


def test_no_stemmer(linter: Linter) -> None:
    assert codes(linter, "发展中国家", "developed countries") == [("LT101", "developing-countries")]
    assert codes(linter, "发展中国家的", "the developing country's") == []


def test_hyphen_and_comma_variants(linter: Linter) -> None:
    assert codes(linter, "反对小院高墙", "oppose the small-yard, high-fence approach") == []


def test_case_sensitive_term(linter: Linter) -> None:
    assert codes(linter, "中共中央", "the CPC Central Committee") == []
    assert codes(linter, "中国共产党", "the cpc") == [("LT101", "cpc")]
    assert codes(linter, "中国共产党", "the Communist Party of China") == []


def test_word_boundaries(linter: Linter) -> None:
    # AI must not match inside MAIN; main channel is its own concept.
    assert codes(linter, "人工智能", "the MAIN question") == [("LT101", "artificial-intelligence")]


def test_english_to_chinese(linter: Linter) -> None:
    assert codes(linter, "AI for good", "智能向善", src="en", tgt="zh-Hans") == []
    assert codes(linter, "digital divide", "数字差距", src="en", tgt="zh-Hans") == [
        ("LT101", "digital-divide")
    ]


def test_script_check(linter: Linter) -> None:
    assert codes(linter, "AI for good", "智能向善與發展", src="en", tgt="zh-Hans") == [
        ("LT105", None)
    ]
    assert codes(linter, "AI for good", "智能向善與发展", src="en", tgt="zh-TW") == [
        ("LT105", None)
    ]


def test_monolingual_checks_only_banned_renderings(linter: Linter) -> None:
    assert codes(linter, None, "We say AI for good, not intelligent for good.") == [
        ("LT103", "ai-for-good")
    ]


def test_unexpected_is_off_unless_enabled() -> None:
    index = Index.open([TERMS], use_cache=False)
    on = Linter(
        index.cards(), index.fold_table(), parse_settings({"severity": {"LT104": "warning"}}, "t")
    )
    seg = Segment(Path("x"), 1, "1", "the digital divide", "你好", "zh-Hans", "en")
    assert [f.code for f in on.check(seg)] == ["LT104"]


# ---------------------------------------------------------------- files


def _lint(*paths: str, **kw: object) -> list[tuple[str, int, int, str, str | None, str | None]]:
    index = Index.open([TERMS], use_cache=False)
    linter = Linter(index.cards(), index.fold_table(), LintSettings())
    pairs = [(LINT / a, LINT / b) for a, b in kw.get("pairs", [])]  # type: ignore[attr-defined]
    result = lint_files(linter, [LINT / p for p in paths], ReadOptions(), pairs=pairs)
    return [
        (f.path.name if f.path else "", f.line, f.column, f.code, f.concept, f.segment)
        for f in result.findings
    ]


def test_xliff_1_2() -> None:
    assert _lint("sample-1.2.xlf") == [
        # line and column in the file, where "intelligent for good" starts (not in the segment)
        ("sample-1.2.xlf", 11, 31, "LT103", "ai-for-good", "bad"),
        # "small <x/>yard, high fence": the words around the inline code match
        ("sample-1.2.xlf", 24, 0, "LT201", "digital-divide", "no-reason"),
    ]


def test_xliff_2_0() -> None:
    assert _lint("sample-2.0.xlf") == [("sample-2.0.xlf", 13, 0, "LT101", "g20", "u2#1")]


def test_po() -> None:
    assert _lint("sample.po") == [
        (
            "sample.po",
            13,  # the string continued on the line after msgstr ""
            4,
            "LT102",
            "community-with-a-shared-future-for-mankind",
            "title::人类命运共同体",
        ),
    ]


def test_tmx() -> None:
    assert _lint("sample.tmx") == [
        ("sample.tmx", 8, 35, "LT102", "belt-and-road-forum", "t1"),
        ("sample.tmx", 13, 40, "LT105", None, "t2"),
    ]


def test_markdown_monolingual_with_suppression_and_code_span() -> None:
    assert _lint("mono.md") == [
        ("mono.md", 1, 20, "LT102", "community-with-a-shared-future-for-mankind", "1")
    ]


def test_pairs() -> None:
    assert _lint(pairs=[("zh.json", "en.json"), ("zh.md", "en.md")]) == [
        ("en.json", 3, 0, "LT101", "small-yard-high-fence", "body.text"),
        ("en.md", 9, 0, "LT101", "digital-divide", "9"),
    ]


def test_csv_columns_by_name(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_text(
        "id;target;source\n1;AI for good;智能向善\n2;intelligent for good;智能向善\n", "utf-8"
    )
    index = Index.open([TERMS], use_cache=False)
    linter = Linter(index.cards(), index.fold_table(), LintSettings())
    result = lint_files(linter, [f], ReadOptions())
    assert [(x.line, x.column, x.code) for x in result.findings] == [(3, 3, "LT103")]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("xxe.xlf", "bad/xxe.xlf:2: error LT001: entity declarations are not accepted"),
        ("billion-laughs.xlf", "bad/billion-laughs.xlf:3: error LT001: entity declarations"),
        ("broken.xlf", "bad/broken.xlf:3: error LT001: malformed XML: Opening and ending tag"),
        ("unclosed.po", "bad/unclosed.po:2: error LT001: unclosed or unquoted string"),
        ("ragged.csv", "bad/ragged.csv:3: error LT001: ragged row: 3 cells where the first row"),
    ],
)
def test_bad_inputs_are_findings_and_linting_goes_on(
    name: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(LINT)
    result = runner.invoke(app, ["lint", "-t", str(TERMS), f"bad/{name}", "sample-2.0.xlf"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(message)
    assert lines[1].startswith("sample-2.0.xlf:13: error LT101 g20")  # the other file still ran
    assert "root:" not in result.stdout  # nothing of /etc/passwd
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- the command


def _cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["lint", "-t", str(TERMS), *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_text_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(LINT)
    code, out, errors = _cli("sample-2.0.xlf")
    assert code == 1
    assert out == (
        "sample-2.0.xlf:13: error LT101 g20: '二十国集团' is in the source but the target has "
        "none of 'G20', 'Group of Twenty' [segment u2#1: 二十国集团 => the Group of 20]\n"
    )
    assert errors == "1 error, 0 warnings in 2 segments from 1 file\n"


def test_cli_json_sarif_junit_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(LINT)
    code, out, _ = _cli("sample.tmx", "-f", "json")
    rows = json.loads(out)
    assert code == 1
    assert [r["code"] for r in rows] == ["LT102", "LT105"]
    assert rows[0]["segment"] == "t1"
    assert rows[0]["target"] == "the One Belt, One Road Forum"
    _, out, _ = _cli("sample.tmx", "-f", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["LT102", "LT105"]
    assert len({r["partialFingerprints"]["termbaseFinding/v1"] for r in results}) == 2
    _, out, _ = _cli("sample.tmx", "-f", "junit")
    suite = ElementTree.fromstring(out.encode())
    assert suite.get("failures") == "1"  # LT105; the LT102 warning is a skipped case
    assert len(suite.findall(".//testcase")) == 2
    _, out, _ = _cli("sample.tmx", "-f", "junit", "--strict")
    assert ElementTree.fromstring(out.encode()).get("failures") == "2"  # warnings fail too
    _, out, _ = _cli("sample.tmx", "-f", "github")
    assert out.splitlines()[0].startswith("::warning file=sample.tmx,line=8,col=35,title=LT102 ")


def test_cli_exit_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(LINT)
    assert _cli("mono.md")[0] == 0  # warnings only
    assert _cli("mono.md", "--strict")[0] == 1
    code, _, errors = _cli("nowhere.xlf")
    assert (code, errors) == (2, "termbase: nowhere.xlf: no such file or folder\n")
    code, _, errors = _cli()
    assert code == 2
    assert "give files or folders to lint" in errors
    code, _, errors = _cli("--pair", "zh.json")
    assert code == 2
    assert "write SOURCE:TARGET" in errors


def test_cli_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(LINT)
    base = tmp_path / "baseline.json"
    code, _, errors = _cli("sample.tmx", "--write-baseline", str(base))
    assert code == 0  # writing the baseline is the point: no failure
    assert errors == f"wrote 2 findings to the baseline {base}\n"
    assert len(json.loads(base.read_text("utf-8"))["findings"]) == 2
    code, out, _ = _cli("sample.tmx", "--baseline", str(base))
    assert (code, out) == (0, "")
    # A new finding, in another segment, still fails; line shifts do not matter.
    moved = tmp_path / "sample.tmx"
    text = (LINT / "sample.tmx").read_text("utf-8")
    moved.write_text(
        text.replace("<body>", "<body>\n\n\n").replace(
            "the Boao Forum for Asia", "the Bo'ao Asia Forum"
        ),
        "utf-8",
    )
    shutil.copy(base, tmp_path / "b.json")
    data = json.loads((tmp_path / "b.json").read_text("utf-8"))
    for row in data["findings"]:
        row["path"] = moved.as_posix()
    (tmp_path / "b.json").write_text(json.dumps(data), "utf-8")
    code, out, _ = _cli(str(moved), "--baseline", str(tmp_path / "b.json"), "--strict")
    assert code == 1  # the new finding is a warning: --strict fails on it
    assert [line.split()[2] for line in out.splitlines()] == ["LT102"]
    assert all("boao-forum-for-asia" in line for line in out.splitlines())


def test_cli_explain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(LINT)
    code, out, _ = _cli("sample-1.2.xlf", "--explain", "bad")
    assert code == 1
    assert "segment bad (sample-1.2.xlf:11)" in out
    assert "found '智能向善' at 5-8: ai-for-good, zh-Hans preferred '智能向善'" in out
    assert "found 'intelligent for good' at 15-34: ai-for-good, en forbidden" in out
    assert (
        "ai-for-good: looked for 'AI for good', 'developing AI for good'; fails: none found" in out
    )
    code, _, errors = _cli("sample-1.2.xlf", "--explain", "nope")
    assert code == 2
    assert "no segment 'nope'" in errors


def test_unused_suppression(linter: Linter) -> None:
    seg = Segment(
        Path("x"),
        1,
        "1",
        "AI for good",
        "智能向善",
        "zh-Hans",
        "en",
        ("termbase-ignore: ai-for-good -- house style",),
    )
    assert [f.code for f in linter.check(seg)] == ["LT202"]


def test_lint_settings_from_termbase_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "terms"
    shutil.copytree(TERMS, base)
    settings = base / "termbase.toml"
    settings.write_text(
        settings.read_text("utf-8") + '\n[lint.severity]\nLT102 = "error"\nLT103 = "off"\n', "utf-8"
    )
    monkeypatch.chdir(LINT)
    result = runner.invoke(app, ["lint", "-t", str(base), "sample.tmx", "-f", "json"])
    rows = json.loads(result.stdout)
    assert [(r["code"], r["severity"]) for r in rows] == [
        ("LT102", "error"),
        ("LT105", "error"),
    ]
    settings.write_text(settings.read_text("utf-8") + "oops = 1\n", "utf-8")
    result = runner.invoke(app, ["lint", "-t", str(base), "sample.tmx"])
    assert result.exit_code == 2
    assert result.stderr == f"termbase: {settings}: [lint.severity] names 'oops', not a lint rule\n"


def test_folders_are_walked(tmp_path: Path) -> None:
    d = tmp_path / "tr"
    shutil.copytree(LINT, d)
    result = runner.invoke(app, ["lint", "-t", str(TERMS), str(d), "-f", "json", "-q"])
    files = {Path(r["path"]).name for r in json.loads(result.stdout)}
    assert {"sample-1.2.xlf", "sample.po", "sample.tmx", "xxe.xlf", "ragged.csv"} <= files


# ---------------------------------------------------------------- matchers kept between runs

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from termbase.lint.matcher import WordTrie  # noqa: E402

_WORD_CODES = st.text(alphabet="abcde", min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD_CODES, min_size=1, max_size=12, unique=True), st.text("abcdef", max_size=30))
def test_word_trie_scans_like_aho_corasick_leftmost_longest(keys: list[str], text: str) -> None:
    """The word matcher's trie finds what ahocorasick_rs finds with LeftmostLongest."""
    import ahocorasick_rs

    automaton = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    assert WordTrie.of(keys).scan(text) == automaton.find_matches_as_indexes(text)


def _lint_with_index(base: Path, target: str) -> list[tuple[str, str | None]]:
    index = Index.open([base])
    linter = Linter.from_index(index, LintSettings())
    seg = Segment(Path("x"), 1, "1", target, "中国坚持智能向善，弥合数字鸿沟。", "zh-Hans", "en")
    try:
        return sorted((f.code, f.concept) for f in linter.check(seg))
    finally:
        index.close()


def test_matchers_are_kept_beside_the_index_and_rebuilt_when_it_changes(tmp_path: Path) -> None:
    base = tmp_path / "terms"
    shutil.copytree(TERMS, base)
    target = "China upholds smart for good and bridges the digital divide."
    first = _lint_with_index(base, target)
    assert first == [("LT101", "ai-for-good")]
    index = Index.open([base])
    assert index.path is not None
    kept = sorted(p.name.rsplit(".", 1)[1] for p in index.path.parent.glob(index.path.name + ".*"))
    index.close()
    assert kept == ["renderings-en", "wanted-en", "words-en", "words-en-keys", "zh"]
    assert _lint_with_index(base, target) == first  # from the kept matchers
    # the term base changes: "smart for good" becomes an admitted rendering
    concepts = base / "principles.toml"
    text = concepts.read_text("utf-8")
    assert "[ai-for-good]" in text
    concepts.write_text(
        text + '\n[[ai-for-good.term]]\nlang = "en"\ntext = "smart for good"\n'
        'status = "admitted"\n',
        "utf-8",
    )
    assert _lint_with_index(base, target) == []


def test_a_damaged_or_missing_matcher_file_is_rebuilt(tmp_path: Path) -> None:
    """Each kept matcher file is checked before it is trusted: one byte changed in its state,
    a file cut short, or a file gone (the terms' codes, loaded only when needed) gives the
    findings of a fresh build, never an error or a wrong answer."""
    base = tmp_path / "terms"
    shutil.copytree(TERMS, base)
    target = "China upholds smart for good and bridges the digital gap."
    first = _lint_with_index(base, target)
    assert ("LT101", "ai-for-good") in first
    index = Index.open([base])
    assert index.path is not None
    kept = sorted(index.path.parent.glob(index.path.name + ".*"))
    index.close()
    for n, path in enumerate(kept):
        data = bytearray(path.read_bytes())
        if n % 3 == 0:
            data[-20] ^= 0x55  # a byte of the state
        elif n % 3 == 1:
            del data[len(data) // 2 :]
        path.write_bytes(bytes(data))
    assert _lint_with_index(base, target) == first
    for path in kept:
        path.unlink()
    assert _lint_with_index(base, target) == first
    (kept[0].parent / f"{kept[0].name.rsplit('.', 1)[0]}.words-en-keys").unlink()
    index = Index.open([base])
    linter = Linter.from_index(index, LintSettings())
    assert linter.matcher.contains("the digital gaps", "en", "digital gap")
    index.close()


def test_segment_memo_gives_the_findings_of_a_fresh_check(linter: Linter, tmp_path: Path) -> None:
    """The language server keeps the findings of lines already checked; after lines move,
    change and repeat, the findings are exactly those of checking everything again."""
    from termbase.lint import SegmentMemo, check_inputs, read_inputs

    lines = [
        "China upholds intelligent for good.",
        "A small courtyard with high walls; <!-- termbase-ignore: ai-for-good -- quoted -->",
        "intelligent for good, again intelligent for good",
        "Nothing here.",
    ]
    memo = SegmentMemo()
    doc = tmp_path / "notes.md"
    for version in range(6):
        text = lines[version % 4 :] + lines[: version % 4] + lines[:version]
        doc.write_text("\n".join(text) + "\n", "utf-8")
        inputs = read_inputs([doc], ReadOptions())
        fresh = check_inputs(linter, inputs).findings
        assert check_inputs(linter, inputs, memo=memo).findings == fresh
        assert fresh
