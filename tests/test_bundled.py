"""The bundled term base: clean, complete for the source article, and valid against the schema."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from termbase import Status, validate
from termbase.langtags import is_chinese
from termbase.model import Concept

from .conftest import DATA, ROOT, bundled_files

SCHEMA = ROOT / "schema"

# Every phrase the article names that the term base must hold (issue: the bundled term base).
REQUIRED = [
    "和音",
    "人民日报",
    "积极参与和引领人工智能全球治理",
    "全球人工智能治理倡议",
    "世界互联网大会",
    "世界互联网大会人工智能工作组",
    "世界互联网大会乌镇峰会",
    "一带一路国际合作高峰论坛",
    "人工智能安全峰会",
    "布莱切利宣言",
    "2024年中非互联网发展与合作论坛",
    "关于中非人工智能合作的主席声明",
    "联合国",
    "联合国人工智能高级别咨询机构",
    "联合国教科文组织",
    "国际电信联盟",
    "国际标准化组织",
    "博鳌亚洲论坛",
    "二十国集团",
    "金砖国家",
    "元首外交",
    "人工智能全球治理",
    "智能向善",
    "小院高墙",
    "共商共建共享",
    "人类命运共同体",
    "构建人类命运共同体",
    "全人类共同价值",
    "发展与安全并重",
    "技术垄断",
    "单边制裁",
    "开源",
    "能力建设",
    "数字鸿沟",
    "智能鸿沟",
    "发展中国家",
    "代表性和发言权",
    "中国方案",
    "公共产品",
    "负责任大国",
    "主渠道",
    "国际治理机构",
    "可持续发展",
    "新时代中国特色社会主义思想",
    "人工智能伦理",
    "技术标准",
    "全球治理体系",
]


@pytest.fixture(scope="module")
def concepts(terms_dir: Path) -> list[Concept]:
    return list(validate([terms_dir]).termbase.concepts)


@pytest.fixture(scope="module")
def terms_dir() -> Path:
    return ROOT / "terms"


def test_validate_finds_nothing(terms_dir: Path) -> None:
    result = validate([terms_dir])
    assert [f.message for f in result.findings] == []
    assert len(result.termbase.concepts) >= 60


@pytest.mark.parametrize("phrase", REQUIRED)
def test_required_phrase_is_complete(phrase: str, concepts: list[Concept]) -> None:
    matches = [
        c for c in concepts if any(t.lang == "zh-Hans" and t.text == phrase for t in c.terms)
    ]
    assert len(matches) == 1, f"{phrase} is in {len(matches)} concepts"
    (c,) = matches
    zh = next(t for t in c.terms if t.lang == "zh-Hans" and t.text == phrase)
    assert zh.status is Status.PREFERRED
    assert zh.pinyin
    hant = c.preferred("zh-Hant")
    assert hant is not None
    assert hant.pinyin
    # English: a preferred rendering, or (docs/content-policy.md) an admitted one whose note
    # says no official English was found
    english = [t for t in c.terms if t.lang == "en"]
    assert c.preferred("en") is not None or any(
        t.status is Status.ADMITTED and t.usage_note for t in english
    )


def test_every_concept_is_documented(concepts: list[Concept]) -> None:
    for c in concepts:
        assert c.definition.get("en"), c.id
        assert c.subject, c.id
        assert c.sources, c.id
        for t in c.terms:
            if is_chinese(t.lang):
                assert t.pinyin, (c.id, t.text)
            if t.status in (Status.DEPRECATED, Status.FORBIDDEN):
                assert t.usage_note, f"{c.id}: say why {t.text!r} is {t.status}"


def test_traditional_forms_follow_taiwan_and_hong_kong_usage(concepts: list[Concept]) -> None:
    by_id = {c.id: c for c in concepts}
    summit = by_id["wic-wuzhen-summit"].preferred("zh-Hant")
    assert summit is not None
    assert summit.text == "世界互聯網大會烏鎮峰會"
    ai = by_id["artificial-intelligence"].preferred("zh-TW")
    assert ai is not None
    assert ai.text == "人工智慧"


def test_he_yin_does_not_count_inside_literature_and_music(concepts: list[Concept]) -> None:
    he_yin = next(c for c in concepts if c.id == "he-yin")
    zh = he_yin.preferred("zh-Hans")
    assert zh is not None
    assert any(ctx in "我们喜欢文学和音乐" for ctx in zh.not_in)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _validator(name: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMA / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_bundled_files_pass_the_json_schema(terms_dir: Path) -> None:
    concept_schema = _validator("termbase.schema.json")
    settings_schema = _validator("settings.schema.json")
    files = sorted(terms_dir.glob("*.toml"))
    assert len(files) == bundled_files()
    for path in files:
        data = _jsonable(tomllib.loads(path.read_text(encoding="utf-8")))
        schema = settings_schema if path.name == "termbase.toml" else concept_schema
        errors = [e.message for e in schema.iter_errors(data)]
        assert errors == [], path.name


@pytest.mark.parametrize(
    "case",
    [
        "03-unknown-key.toml",
        "04-bad-status.toml",
        "05-bad-language-tag.toml",
        "20-concept-without-terms.toml",
        "21-bad-concept-id.toml",
        "38-bad-part-of-speech.toml",
    ],
)
def test_json_schema_rejects_what_validate_rejects(case: str) -> None:
    data = tomllib.loads((DATA / "bad" / case).read_text(encoding="utf-8"))
    assert list(_validator("termbase.schema.json").iter_errors(data))
