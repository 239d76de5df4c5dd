"""Whatever a file holds, reading and validating it gives findings or a clean load, nothing else."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termbase import validate
from termbase.errors import TermbaseError
from termbase.model import Finding

KEYS = st.sampled_from(
    [
        "term",
        "lang",
        "text",
        "status",
        "pinyin",
        "subject",
        "definition",
        "see-also",
        "replaced-by",
        "sources",
        "forms",
        "not-in",
        "case-sensitive",
        "origin",
        "en",
        "zh-Hans",
        "x-y",
        "小院",
        "a",
    ]
)
SCALARS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["preferred", "forbidden", "zh-Hans", "en", "zh_CN", "xiǎoyuàn", "小院高墙"]),
    st.integers(-5, 5),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)
DOCS = st.dictionaries(
    st.sampled_from(["a", "small-yard-high-fence", "Bad_Id", "termbase", "sources", "b-2"]),
    VALUES,
    max_size=3,
)


def _check(content: bytes, name: str = "x.toml") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        try:
            result = validate([path])
        except TermbaseError as e:  # an empty base: exit 2 with where, never a traceback
            message = str(e)
        else:
            message = ""
        if message:
            assert message.startswith(f"{path}: no concepts")
            return
        assert all(isinstance(f, Finding) for f in result.findings)
        for f in result.findings:
            assert f.path == path
            assert f.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_random_text_never_crashes(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(data: bytes) -> None:
    _check(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS, st.booleans())
def test_random_toml_documents_never_crash(doc: dict[str, Any], as_settings: bool) -> None:
    try:
        text = tomlkit.dumps(doc)
    except Exception:  # noqa: BLE001 - tomlkit cannot write every structure; not our subject
        return
    _check(text.encode("utf-8", "surrogatepass"), "termbase.toml" if as_settings else "x.toml")


IDS = st.sampled_from(["a", "b", "c-1", "small-yard-high-fence"])
LANGS = st.sampled_from(["zh-Hans", "zh-Hant", "zh-TW", "en", "fr", "zh_CN", "x"])
TERM = st.fixed_dictionaries(
    {
        "lang": LANGS,
        "text": st.text(alphabet="小院高墙牆和音乐发發峰峯 ,，(（Ｇ２0aA\t", max_size=8),
        "status": st.sampled_from(["preferred", "admitted", "deprecated", "forbidden", "x"]),
    },
    optional={
        "pinyin": st.text(alphabet="xiǎoyuàngāqáhéīn' -12Gü", max_size=16),
        "not-in": st.lists(st.text(alphabet="小院高墙和音乐", max_size=6), max_size=2),
        "forms": st.lists(st.text(max_size=6), max_size=2),
        "case-sensitive": st.booleans(),
    },
)
CONCEPTS = st.dictionaries(
    IDS,
    st.fixed_dictionaries(
        {"term": st.lists(TERM, max_size=4)},
        optional={
            "see-also": st.lists(IDS, max_size=2),
            "replaced-by": IDS,
            "definition": st.dictionaries(LANGS, st.text(max_size=5), max_size=2),
        },
    ),
    max_size=3,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CONCEPTS)
def test_random_concepts_never_crash(doc: dict[str, Any]) -> None:
    _check(tomlkit.dumps(doc).encode("utf-8"))
