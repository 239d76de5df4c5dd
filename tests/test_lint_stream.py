"""Files read line by line (CSV, TSV, text, Markdown) and checked a batch at a time: the same
segments, findings and errors as reading them whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termbase.lint.segment import InputError, InputFormat, ReadOptions, iter_read, read

from .conftest import ROOT
from .test_lint_routes import run

TEXTS = {
    "a.tsv": '\ufeffzh-Hans\ten\n智能向善\tAI for good\r\n\n小院高墙\t"small yard,\nhigh fence"\n',
    "b.csv": "source;target\n智能向善;intelligent for good\n数字鸿沟;digital gap\n",
    "c.txt": "one\u2028two\x0cthree\r\nfour\rfive\n\nsix",
    "d.md": "# T\n```\ncommunity of common destiny\n```\nText <!-- termbase-ignore: x -- y -->\n",
}
FORMATS = {
    ".tsv": InputFormat.TSV,
    ".csv": InputFormat.CSV,
    ".txt": InputFormat.TEXT,
    ".md": InputFormat.MARKDOWN,
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_streamed_segments_are_the_whole_files_segments(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(TEXTS[name].encode("utf-8"))
    fmt = FORMATS[path.suffix]
    options = (
        ReadOptions("zh-Hans", "en") if fmt in (InputFormat.TSV, InputFormat.CSV) else ReadOptions()
    )
    assert list(iter_read(path, fmt, options)) == read(path, fmt, options)


def _error(call: object) -> tuple[int, str]:
    try:
        list(call())  # type: ignore[operator]
    except InputError as e:
        return e.line, e.detail
    raise AssertionError("no error")


@pytest.mark.parametrize(
    "tail",
    [b"\xff\xfe bad bytes\tx\n", "智能向善\tone\ttwo\n".encode(), b'"unclosed\tquote\n'],
)
def test_a_late_error_is_the_same_error(tmp_path: Path, tail: bytes) -> None:
    path = tmp_path / "late.tsv"
    rows = "".join(f"智能向善\tintelligent for good {n}\n" for n in range(5000))
    path.write_bytes(("zh-Hans\ten\n" + rows).encode() + tail)
    options = ReadOptions()
    assert _error(lambda: iter_read(path, InputFormat.TSV, options)) == _error(
        lambda: read(path, InputFormat.TSV, options)
    )


def test_a_file_with_a_late_error_gives_the_error_and_nothing_else(tmp_path: Path) -> None:
    """As when the file is read whole: LT001, and none of the 5,000 findings before it."""
    rows = "".join(f"智能向善\tintelligent for good {n}\n" for n in range(5000))
    (tmp_path / "late.tsv").write_bytes(("zh-Hans\ten\n" + rows).encode() + b"\xff\n")
    (tmp_path / "fine.tsv").write_text("zh-Hans\ten\n智能向善\tintelligent for good\n", "utf-8")
    result = run(
        "lint", "late.tsv", "fine.tsv", "-f", "json", "-t", str(ROOT / "terms"), cwd=tmp_path
    )
    found = json.loads(result.stdout)
    assert [(f["path"], f["code"]) for f in found] == [
        ("fine.tsv", "LT103"),
        ("late.tsv", "LT001"),
    ]
    assert found[1]["line"] == 5002  # the header, 5,000 rows, then the bad byte
