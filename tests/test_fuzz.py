"""Whatever a file holds, reading and validating it gives findings or a clean load, nothing else."""

from __future__ import annotations

import datetime as dt
import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termbase import validate
from termbase.errors import TermbaseError
from termbase.finding import Finding

_T = TypeVar("_T")

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
        if message:  # no concepts, or a settings file named as the term base: one line
            assert message.startswith((f"{path}: no concepts", f"{path}: a settings file"))
            assert "\n" not in message
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


# ------------------------------------------------ real files, mutated: every reader and report
#
# Each target takes a real sample file and mutates it (bytes replaced, inserted, deleted, cut,
# parts repeated); whatever comes out, the reader gives segments, findings or a one-line error,
# never a traceback, and every report of the findings is well-formed. The default sizes keep
# CI to a few seconds a target; TERMBASE_FUZZ_SECONDS=N runs each for about N seconds.

FUZZ_SECONDS = float(os.environ.get("TERMBASE_FUZZ_SECONDS", "0") or 0)


def fuzz(examples: int) -> settings:
    """Settings for a target whose default run is `examples` (about two seconds)."""
    if FUZZ_SECONDS:
        examples = max(examples, int(examples * FUZZ_SECONDS / 2))
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


_PIECES = [
    *(bytes([b]) for b in (0, 0x1B, 0x7F, 0xFF, 0x0A, 0x0D, 0x09, 0x22, 0x2C, 0x3C, 0x26)),
    b"]]>",
    "\u2028".encode(),
    "\ufffe".encode(),
    "小院高墙".encode(),
    b"msgid",
    b"<target/>",
]


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["replace", "insert", "delete", "cut", "repeat"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "replace" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            piece = draw(
                st.sampled_from(
                    [
                        b"\x00",
                        b"\x1b",
                        b"\x7f",
                        b"<",
                        b"&",
                        b"]]>",
                        b'"',
                        b"\n",
                        b"\r",
                        b"\xe2\x80\xa8",
                        b"\xef\xbf\xbe",
                        b"\xff",
                        "小院高墙".encode(),
                        b"msgid",
                        b"<target/>",
                        b",",
                        b"\t",
                    ]
                )
            )
            data[at:at] = piece
        elif kind == "delete" and data:
            del data[at : at + draw(st.integers(1, 16))]
        elif kind == "cut":
            del data[at:]
        elif kind == "repeat" and data:
            data[at:at] = data[at : at + draw(st.integers(1, 64))]
    return bytes(data)


_LINT_SAMPLES = {
    "sample.po": "po",
    "sample-1.2.xlf": "xliff",
    "sample-2.0.xlf": "xliff",
    "sample.tmx": "tmx",
    "en.json": "json",
    "mono.md": "markdown",
}
_TSV = (
    "人工智能\tintelligent stuff\n小院高墙\tsmall yard, high fence\n"
    "智能向善\tintelligent for good\n"
).encode()
_CSV = 'zh-Hans,en\n人工智能,AI\n"小院高墙","small yard, high wall"\n'.encode()


@functools.cache
def _linter() -> Any:
    from termbase.lint import Linter
    from termbase.lint.settings import LintSettings
    from termbase.search.index import Index

    index = Index.open([Path(__file__).resolve().parent.parent / "terms"], use_cache=False)
    return Linter(index.cards(), index.fold_table(), LintSettings())


def _one_line_about(path: Path, message: str) -> None:
    """An error the command ends with (exit 2): one line that starts with the file."""
    assert message.startswith(str(path)), message
    assert "\n" not in message.strip()


def _or_one_line(path: Path, call: Callable[[], _T], errors: type[Exception]) -> _T | None:
    """What `call` returns, or None when it ends in one of `errors`: then one line about the
    file, as the command would say it before exit 2."""
    try:
        return call()
    except errors as e:
        _one_line_about(path, str(e))
        return None


def _lint_and_report(name: str, content: bytes) -> None:
    import json as json_module
    import xml.etree.ElementTree as ET

    from termbase.lint import lint_files
    from termbase.lint.segment import ReadOptions, UsageError
    from termbase.report import github_format, junit_format, sarif_format, text_format

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        result = _or_one_line(
            path, lambda: lint_files(_linter(), [path], ReadOptions()), UsageError
        )
        if result is None:
            return
        ET.fromstring(junit_format.render(result.findings, strict=True).encode())
        json_module.loads(sarif_format.render(result.findings))
        for line in text_format.render(result.findings).splitlines():
            assert line.startswith(str(path)), line
        assert github_format.render(result.findings).count("\n") == len(result.findings)


@fuzz(400)
@given(st.sampled_from(sorted(_LINT_SAMPLES)), st.data())
def test_mutated_lint_inputs_never_crash(name: str, data: st.DataObject) -> None:
    original = (Path(__file__).resolve().parent / "data" / "lint" / name).read_bytes()
    _lint_and_report(name, data.draw(mutated(original)))


@fuzz(400)
@given(st.sampled_from(["a.tsv", "a.csv"]), st.data())
def test_mutated_tabular_lint_inputs_never_crash(name: str, data: st.DataObject) -> None:
    _lint_and_report(name, data.draw(mutated(_TSV if name.endswith("tsv") else _CSV)))


@fuzz(800)
@given(st.data())
def test_mutated_tbx_imports_never_crash(data: st.DataObject) -> None:
    from termbase.errors import TermbaseError
    from termbase.exchange import tbx_read

    original = (Path(__file__).resolve().parent / "data" / "tbx-min.tbx").read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.tbx"
        path.write_bytes(data.draw(mutated(original)))
        for c in _or_one_line(path, lambda: tbx_read.read(path), TermbaseError) or []:
            assert c.id


@fuzz(800)
@given(st.sampled_from(["deepl", "omegat", "memoq", "crowdin", "weblate", "google"]), st.data())
def test_mutated_glossary_imports_never_crash(profile: str, data: st.DataObject) -> None:
    from termbase.errors import TermbaseError
    from termbase.exchange import tabular, tabular_read
    from termbase.model import TermBase

    p = tabular.profile(profile)
    fmt = p.formats[0]
    header = {
        "memoq": "zho-CN,zho-CN_Forbidden,eng,eng_Forbidden,Entry_Subject,Entry_Note\n",
        "crowdin": "Term [zh-CN],Term [en],Concept Note\n",
        "weblate": "source,target,context,developer_comments\n",
    }.get(profile, "")
    sep = "\t" if fmt == "tsv" else ","
    body = (
        header
        + f"人工智能{sep}artificial intelligence\n小院高墙{sep}small yard, high fence\n".replace(
            "small yard, high fence",
            '"small yard, high fence"' if sep == "," else "small yard, high fence",
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"a.{fmt}"
        path.write_bytes(data.draw(mutated(body.encode())))
        langs = tabular.Languages("zh-Hans", "en")

        def read() -> None:
            concepts = tabular_read.read(path, fmt, p, langs)
            tabular_read.resolve(concepts, TermBase((), {}), "zh-Hans", full_status=p.full_status)

        _or_one_line(path, read, TermbaseError)


@fuzz(150)
@given(st.data())
def test_mutated_tbx_imports_write_what_reads_back(data: st.DataObject) -> None:
    """Through the write: whatever concepts a mutated TBX file gives, `import` writes a term
    base that reads back with each of them, or refuses in one line and writes nothing."""
    import shutil

    from termbase import edit
    from termbase.base import store
    from termbase.errors import TermbaseError
    from termbase.exchange import tbx_read

    original = (Path(__file__).resolve().parent / "data" / "tbx-min.tbx").read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.tbx"
        path.write_bytes(data.draw(mutated(original)))
        base = Path(tmp) / "tb"
        base.mkdir()
        shutil.copy(Path(__file__).resolve().parents[1] / "terms" / "principles.toml", base)
        before = {p.name: p.read_bytes() for p in base.iterdir()}
        message = ""
        try:
            concepts = tbx_read.read(path)
            change = edit.import_concepts([base], concepts, base / "imported.toml")
            change.write()
        except TermbaseError as e:
            message = str(e)
        if message:
            assert "\n" not in message.strip(), message  # one line
            assert {p.name: p.read_bytes() for p in base.iterdir()} == before  # nothing written
            return
        loaded = store.load_termbase([base], allow_empty=True)
        ids = {c.id for c in loaded.concepts}
        assert {c.id for c in concepts} <= ids
