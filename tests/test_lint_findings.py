"""Findings that help: one per real problem, coordinated ellipsis, regional terms, suppression
comments never matched, SARIF rules that say why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from termbase.catalog import RULES
from termbase.lint import Linter, LintSettings, ReadOptions, lint_files, parse_settings
from termbase.lint.ellipsis import coordinated
from termbase.lint.segment import Segment
from termbase.report import Format, renderer, rule_help
from termbase.search.index import Index

from .conftest import ROOT, Golden

TERMS = ROOT / "terms"


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.open([TERMS], use_cache=False)


@pytest.fixture(scope="module")
def linter(index: Index) -> Linter:
    return Linter(index.cards(), index.fold_table(), LintSettings())


def check(linter: Linter, source: str, target: str, tgt: str = "en") -> list[tuple[str, str]]:
    seg = Segment(Path("x"), 1, "1", target, source, "zh-Hans" if tgt == "en" else "en", tgt)
    return [(f.code, f.concept or "") for f in linter.check(seg)]


# ---------------------------------------------------------------- one finding per problem


def test_a_banned_rendering_is_one_finding(linter: Linter) -> None:
    assert check(linter, "小院高墙", "a small courtyard, high walls approach") == [
        ("LT102", "small-yard-high-fence")
    ]
    # a missing rendering with no banned one in its place is still LT101
    assert check(linter, "小院高墙", "a narrow policy") == [("LT101", "small-yard-high-fence")]


# ---------------------------------------------------------------- coordinated ellipsis

POSITIVE = [
    ("the widening digital and intelligence divides", "digital divide"),
    ("bridge the AI and digital divides", "AI divide"),
    ("developed and developing countries", "developed countries"),
    ("the digital, intelligence and data divides", "digital divide"),
    ("digital or intelligence divides", "digital divide"),
    ("Digital and AI Divides", "digital divide"),
    ("digital as well as intelligence divides", "digital divide"),
    ("developed, developing and least-developed countries", "developed countries"),
    ("unilateral and extraterritorial sanctions", "unilateral sanctions"),
    ("the digital and intelligence divide", "digital divide"),
    ("global AI and data governance", "global AI governance"),
    ("the digital & AI divides", "digital divide"),
]
NEGATIVE = [
    ("the digital divide and intelligence services", "intelligence divide"),
    ("developed and developing nations", "developed countries"),
    ("digital and intelligence", "digital divide"),
    ("digital services and AI divides", "digital divide"),
    ("developed technologies and developing countries", "developed countries"),
    ("digital and many other divides", "digital divide"),
    ("it is digital. And AI divides us", "digital divide"),
    ("digital and intelligence dividends", "digital divide"),
    ("digital and intelligence systems divide the world", "digital divide"),
    ("unilateral action and multilateral sanctions", "unilateral sanctions"),
    ("digital and the AI divides", "digital divide"),
    ("predigital and AI divides", "digital divide"),
]


@pytest.mark.parametrize(("text", "rendering"), POSITIVE)
def test_coordinated_ellipsis_renders_the_shared_head(text: str, rendering: str) -> None:
    assert coordinated(text, [rendering])


@pytest.mark.parametrize(("text", "rendering"), NEGATIVE)
def test_no_ellipsis_without_a_shared_head(text: str, rendering: str) -> None:
    assert not coordinated(text, [rendering])


def test_ellipsis_in_a_segment(linter: Linter) -> None:
    assert check(linter, "弥合数字鸿沟", "bridge the digital and AI divides") == []
    assert check(linter, "弥合数字鸿沟", "the digital services and AI divides") == [
        ("LT101", "digital-divide")
    ]
    assert check(linter, "发达国家和发展中国家", "developed and developing countries") == []


# ---------------------------------------------------------------- regional terms (LT106)


def test_regional_term_is_opt_in(index: Index) -> None:
    plain = Linter(index.cards(), index.fold_table(), LintSettings())
    regional = Linter(
        index.cards(), index.fold_table(), parse_settings({"severity": {"LT106": "warning"}}, "t")
    )
    seg = Segment(Path("x"), 1, "1", "人工智能的治理", None, None, "zh-TW")
    assert [f.code for f in plain.check(seg)] == []
    found = regional.check(seg)
    assert [(f.code, f.concept, f.column) for f in found] == [
        ("LT106", "artificial-intelligence", 1)
    ]
    assert found[0].message == (
        "'人工智能' is the general form of artificial-intelligence; zh-TW uses '人工智慧'"
    )
    ok = Segment(Path("x"), 1, "1", "人工智慧的治理", None, None, "zh-TW")
    assert regional.check(ok) == []
    hant = Segment(Path("x"), 1, "1", "人工智能的治理", None, None, "zh-Hant")
    assert regional.check(hant) == []


# ---------------------------------------------------------------- suppression comments


def test_a_suppression_comment_is_not_matched_text(tmp_path: Path, linter: Linter) -> None:
    zh = tmp_path / "zh.md"
    en = tmp_path / "en.md"
    zh.write_text("我们要弥合数字鸿沟。\n", "utf-8")
    en.write_text(
        "We must close the gap. <!-- termbase-ignore: digital-divide -- the digital divide "
        "is meant in general here -->\n",
        "utf-8",
    )
    result = lint_files(linter, [], ReadOptions(), pairs=[(zh, en)])
    assert result.findings == []  # suppressed, and the suppression is used (no LT202)
    en.write_text("We must close the gap. <!-- the digital divide -->\n", "utf-8")
    result = lint_files(linter, [], ReadOptions(), pairs=[(zh, en)])
    assert [f.code for f in result.findings] == ["LT101"]  # the comment does not render it


# ---------------------------------------------------------------- SARIF rules and docs


def test_sarif_rules_say_why_and_link_to_the_docs(
    linter: Linter, monkeypatch: pytest.MonkeyPatch
) -> None:
    seg = Segment(Path("a.po"), 3, "1", "intelligent for good", "智能向善", "zh-Hans", "en")
    doc = json.loads(renderer(Format.SARIF)(linter.check(seg)))
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    lt103 = rules["LT103"]
    assert lt103["shortDescription"]["text"] == "A forbidden rendering in the target."
    assert "preferred rendering" in lt103["fullDescription"]["text"]
    assert lt103["help"]["text"] == lt103["fullDescription"]["text"]
    assert lt103["help"]["markdown"].startswith("**LT103 forbidden-term**: ")
    # no published reference: no helpUri (a relative one is an error to SARIF validators)
    assert "helpUri" not in lt103
    assert "informationUri" not in doc["runs"][0]["tool"]["driver"]
    monkeypatch.setenv("TERMBASE_DOCS_URL", "https://example.org/termbase/rules")
    doc = json.loads(renderer(Format.SARIF)(linter.check(seg)))
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/termbase/rules"
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["LT103"]["helpUri"] == "https://example.org/termbase/rules#lt103-forbidden-term"
    for rule in rules.values():
        assert {"shortDescription", "fullDescription", "help", "helpUri"} <= set(rule)
    monkeypatch.setenv("TERMBASE_DOCS_URL", "docs/rules.md")  # not absolute: left out
    assert (
        "helpUri"
        not in json.loads(renderer(Format.SARIF)([]))["runs"][0]["tool"]["driver"]["rules"][0]
    )


def test_docs_rules_md_is_up_to_date(golden: Golden) -> None:
    text = rule_help.markdown()
    golden.check(text, ROOT / "docs" / "rules.md")
    for rule in RULES.values():  # every helpUri anchor is a heading there
        assert f"## {rule.code} {rule.name}\n" in text


# ---------------------------------------------------------------- the GitHub Action


def test_the_action_names_only_its_inputs() -> None:
    import re

    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    declared = set(action["inputs"])
    text = (ROOT / "action.yml").read_text("utf-8")
    used = set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", text))
    assert used == declared
    # installed from the action's own checkout, never from a package index name
    steps = action["runs"]["steps"]
    assert any('"${{ github.action_path }}"' in s.get("run", "") for s in steps)
    readme = (ROOT / "docs" / "lint.md").read_text("utf-8")
    block = readme.split("<!-- action-example -->", 2)[1]
    example = yaml.safe_load(block.split("```yaml", 1)[1].split("```", 1)[0])
    with_inputs = next(s["with"] for s in example if "termbase" in s.get("uses", ""))
    assert set(with_inputs) <= declared
    required = {k for k, v in action["inputs"].items() if v.get("required")}
    assert required <= set(with_inputs)


def test_the_settings_schema_takes_a_translations_repository_file() -> None:
    import tomllib

    import jsonschema

    schema = json.loads((ROOT / "schema" / "settings.schema.json").read_text("utf-8"))
    readme = (ROOT / "docs" / "lint.md").read_text("utf-8")
    example = readme.split("# .termbase.toml\n", 1)[1].split("```", 1)[0]
    jsonschema.validate(tomllib.loads(example), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"lint": {"severity": {"LT101": "loud"}}}, schema)
    term_base_settings = tomllib.loads((TERMS / "termbase.toml").read_text("utf-8"))
    for value in term_base_settings.get("sources", {}).values():  # dates as the schema has them
        value.pop("date", None)
    jsonschema.validate(term_base_settings, schema)
