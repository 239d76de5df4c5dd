"""XLSX glossaries, importing tools' glossary files back, and the files a tool would reject."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from termbase.base import store
from termbase.cli import app
from termbase.cli._progress import progress
from termbase.errors import TermbaseError
from termbase.exchange import (
    ExportFormat,
    ExportOptions,
    export,
    export_binary,
    tabular,
    tabular_read,
)
from termbase.model import Status, TermBase

from .conftest import ROOT, Golden

runner = CliRunner()
GOLDEN = ROOT / "tests" / "golden" / "profiles"
TERMS = ROOT / "terms"
ZH_EN = tabular.Languages("zh-Hans", "en")

EVERY = [
    ("tsv", "deepl"),
    ("csv", "google"),
    ("csv", "google-sets"),
    ("csv", "amazon"),
    ("tsv", "omegat"),
    ("csv", "memoq"),
    ("xlsx", "memoq"),
    ("xlsx", "phrase"),
    ("xlsx", "trados"),
    ("csv", "trados"),
    ("csv", "crowdin"),
    ("xlsx", "crowdin"),
    ("csv", "lokalise"),
    ("csv", "weblate"),
]


@pytest.fixture(scope="module")
def bundled() -> TermBase:
    return store.load([TERMS]).termbase


def _write(tb: TermBase, fmt: str, name: str, path: Path) -> Path:
    target = "en" if name == "weblate" else None
    options = ExportOptions(profile=name, target=target)
    kind = ExportFormat(fmt)
    if kind is ExportFormat.XLSX:
        path.write_bytes(export_binary(tb, kind, options))
    else:
        path.write_text(export(tb, kind, options), "utf-8", newline="")
    return path


def _dump(data: bytes) -> str:
    """An XLSX file's first sheet as text: one line a row, cells separated by tabs, booleans as
    TRUE/FALSE, and a formula-looking text cell marked with its type."""
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    lines = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            if c.value is None:
                cells.append("")
            elif isinstance(c.value, bool):
                cells.append("TRUE" if c.value else "FALSE")
            else:
                assert c.data_type == "s", (c.coordinate, c.data_type)
                cells.append(str(c.value))
        lines.append("\t".join(cells).rstrip("\t"))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", ["phrase", "trados", "memoq", "crowdin"])
def test_xlsx_golden_and_deterministic(bundled: TermBase, name: str, golden: Golden) -> None:
    options = ExportOptions(profile=name)
    first = export_binary(bundled, ExportFormat.XLSX, options)
    again = export_binary(bundled, ExportFormat.XLSX, options)
    assert first == again  # byte for byte: fixed timestamps in the zip and the properties
    assert zipfile.ZipFile(io.BytesIO(first)).testzip() is None
    golden.check(_dump(first), GOLDEN / f"{name}.xlsx.txt")


@pytest.mark.parametrize(("fmt", "name"), EVERY)
def test_export_then_import_changes_nothing(
    bundled: TermBase, tmp_path: Path, fmt: str, name: str
) -> None:
    """Every profile reads back what it wrote, and finds it already in the term base."""
    p = tabular.profile(name)
    path = _write(bundled, fmt, name, tmp_path / f"g.{fmt}")
    concepts = tabular_read.read(path, fmt, p, ZH_EN)
    assert concepts
    resolved = tabular_read.resolve(concepts, bundled, "zh-Hans", full_status=p.full_status)
    assert resolved.concepts == []
    assert resolved.unchanged >= 1


def test_phrase_round_trip_is_field_for_field(bundled: TermBase, tmp_path: Path) -> None:
    """Phrase carries every status, usage notes, case, subject, definition and note: a new
    term base made from its file has the same zh-Hans and en terms."""
    path = _write(bundled, "xlsx", "phrase", tmp_path / "p.xlsx")
    back = {c.id: c for c in tabular_read.read(path, "xlsx", tabular.profile("phrase"), ZH_EN)}
    assert len(back) == len(bundled.concepts)
    for c in bundled.concepts:
        got = back[c.id]
        assert (got.subject, got.note) == (c.subject, c.note)
        assert got.definition == ({"en": c.definition["en"]} if "en" in c.definition else {})
        for lang in ("zh-Hans", "en"):
            want = [
                (t.text, t.status, t.usage_note, bool(t.case_sensitive)) for t in c.terms_in(lang)
            ]
            have = [
                (t.text, t.status, t.usage_note, bool(t.case_sensitive)) for t in got.terms_in(lang)
            ]
            assert sorted(have, key=str) == sorted(want, key=str), c.id


def test_formula_cells_are_text_in_xlsx(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text(
        '[bad-cell]\n[[bad-cell.term]]\nlang = "zh-Hans"\ntext = "公式"\nstatus = "preferred"\n'
        '[[bad-cell.term]]\nlang = "en"\ntext = "=SUM(A1)"\nstatus = "preferred"\n',
        "utf-8",
    )
    out = tmp_path / "m.xlsx"
    result = runner.invoke(
        app, ["export", "-f", "xlsx", "--profile", "memoq", "-t", str(tmp_path), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    cell = openpyxl.load_workbook(out).worksheets[0]["C2"]
    assert (cell.value, cell.data_type) == ("=SUM(A1)", "s")


def test_binary_export_goes_to_a_pipe() -> None:
    result = runner.invoke(app, ["export", "-f", "xlsx", "--profile", "phrase", "-t", str(TERMS)])
    # CliRunner's stdout is not a terminal: the bytes go through
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"PK")


def test_weblate_writes_one_file_per_language(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "-f", "csv", "--profile", "weblate", "-t", str(TERMS), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "en.csv",
        "zh_Hant.csv",
        "zh_Hant_HK.csv",
        "zh_Hant_TW.csv",
    ]
    head = (tmp_path / "zh_Hant.csv").read_text("utf-8").splitlines()[:2]
    assert head == [
        "source,target,context,developer_comments",
        '人工智能,人工智能,artificial-intelligence,"Computer systems that perform tasks which '
        "normally call for human intelligence, such as understanding language, recognising images "
        'or making decisions. | réngōng zhìnéng"',
    ]
    result = runner.invoke(app, ["export", "-f", "csv", "--profile", "weblate", "-t", str(TERMS)])
    assert result.exit_code == 2
    assert "one file for each target language" in result.stderr


def _copy(tmp_path: Path) -> Path:
    base = tmp_path / "terms"
    shutil.copytree(TERMS, base)
    return base


def test_import_new_and_changed_concepts(tmp_path: Path) -> None:
    base = _copy(tmp_path)
    glossary = tmp_path / "g.tsv"
    glossary.write_text(
        "智能向善\tAI for good purposes\n"  # a new rendering of an existing concept
        "量子计算\tquantum computing\n",  # a new concept
        "utf-8",
    )
    before = {p.name: p.read_bytes() for p in base.glob("*.toml")}
    args = ["import", str(glossary), "--profile", "deepl", "-t", str(base)]
    result = runner.invoke(app, [*args, "--into", str(base / "new.toml")])
    assert result.exit_code == 0, result.stderr
    assert "conflict: ai-for-good exists" in result.stderr
    assert "added quantum-computing to" in result.stderr
    assert {p.name: p.read_bytes() for p in base.glob("*.toml") if p.name != "new.toml"} == before
    tb = store.load([base]).termbase
    new = tb.concept("quantum-computing")
    assert new is not None
    assert [(t.lang, t.text, t.status) for t in new.terms] == [
        ("zh-Hans", "量子计算", Status.PREFERRED),
        ("en", "quantum computing", Status.PREFERRED),
    ]
    # --update adds the rendering to the existing concept and keeps everything else
    result = runner.invoke(app, [*args, "--update"])
    assert result.exit_code == 0, result.stderr
    assert "updated ai-for-good" in result.stderr
    c = store.load([base]).termbase.concept("ai-for-good")
    assert c is not None
    assert ("en", "AI for good purposes") in [(t.lang, t.text) for t in c.terms]
    old = store.load([TERMS]).termbase.concept("ai-for-good")
    assert old is not None
    assert c.terms[: len(old.terms)] == old.terms
    assert c.definition == old.definition


def test_import_csv_details(tmp_path: Path) -> None:
    """BOM, CRLF, a quoted line break and semicolons (Lokalise)."""
    path = tmp_path / "l.csv"
    path.write_bytes(
        "\ufeffterm;description;casesensitive;translatable;forbidden;tags;en;en_description\r\n"
        '新词;"two\r\nlines";no;yes;yes;x;bad rendering;\r\n'.encode()
    )
    [c] = tabular_read.read(path, "csv", tabular.profile("lokalise"), ZH_EN)
    assert c.definition == {"en": "two\r\nlines"}
    assert [(t.text, t.status) for t in c.terms] == [
        ("新词", Status.PREFERRED),
        ("bad rendering", Status.FORBIDDEN),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("r.csv", "zh,en\n一,one\n二,two,extra\n", "r.csv:3: 3 cells where the first row has 2"),
        ("e.csv", "zh,en\n中文,one\n".encode("gb18030").decode("latin-1"), "e.csv:2: not UTF-8"),
        ("h.csv", "zh-Hans\n一\n", "h.csv:1: not an amazon file: the header needs two"),
        ("q.csv", 'zh,en\n"一,one\n', "q.csv:2: unexpected end of data"),
    ],
)
def test_bad_glossary_files(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1") if name == "e.csv" else content.encode())
    result = runner.invoke(app, ["import", str(path), "--profile", "amazon", "-t", str(TERMS)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"termbase: {path.parent}/{message}"), result.stderr
    assert "Traceback" not in result.stderr


SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>{}</t></is></c></row></sheetData></worksheet>'
)


def _hostile_xlsx(tmp_path: Path, doctype: str, text: str) -> Path:
    """A real workbook whose sheet declares entities and uses them in a cell."""
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"  # type: ignore[index]
    raw = io.BytesIO()
    wb.save(raw)
    out = tmp_path / "evil.xlsx"
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if item.filename != sheet:
                dst.writestr(item, src.read(item.filename))
        dst.writestr(sheet, '<?xml version="1.0"?>' + doctype + SHEET.format(text))
    return out


@pytest.mark.parametrize(
    ("doctype", "text"),
    [
        ('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "&e;"),
        (
            '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            + "".join(
                f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8)
            )
            + "]>",
            "&i;",
        ),
    ],
    ids=["xxe", "billion-laughs"],
)
def test_hostile_xlsx(tmp_path: Path, doctype: str, text: str) -> None:
    path = _hostile_xlsx(tmp_path, doctype, text)
    result = runner.invoke(app, ["import", str(path), "--profile", "memoq", "-t", str(TERMS)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"termbase: {path}: not a readable XLSX file"), result.stderr
    assert "root:" not in result.stderr
    assert len(result.stderr) < 300


def test_not_an_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("zh,en\n", "utf-8")
    with pytest.raises(TermbaseError, match=r"x.xlsx: not a readable XLSX file \(not a zip"):
        tabular_read.read(path, "xlsx", tabular.profile("memoq"), ZH_EN)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_after_a_second() -> None:
    ticks = iter(range(100))
    out = _Terminal()
    assert list(
        progress(range(5), 5, "exporting", stream=out, clock=lambda: next(ticks) * 0.5)
    ) == [0, 1, 2, 3, 4]
    text = out.getvalue()
    assert "\rexporting:  60% (3/5)" in text
    assert text.endswith("exporting: 100% (5/5) in 3.0 s\n")
    quiet = io.StringIO()
    assert list(progress(range(5), 5, "x", stream=quiet, clock=lambda: next(ticks) * 9.0)) == [
        0,
        1,
        2,
        3,
        4,
    ]
    assert quiet.getvalue() == ""
    fast = _Terminal()
    list(progress(range(5), 5, "x", stream=fast, clock=lambda: 0.0))
    assert fast.getvalue() == ""


def test_formula_cells_in_an_imported_csv_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('zh,en\n一,one\n二,"=HYPERLINK(""http://x"",""y"")"\n三,-3\n', "utf-8")
    result = runner.invoke(app, ["import", str(path), "--profile", "amazon", "-t", str(TERMS)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"termbase: {path}:3: cell 2 ('=HYPERLINK(\"http://x\",\"y\")') starts with '=': a "
        "spreadsheet would run it as a formula. Nothing was imported"
    )
    # written with an apostrophe, as spreadsheet-bound exports write it, the text is taken
    path.write_text("zh,en\n二,'=x\n三,-3\n", "utf-8")
    concepts = tabular_read.read(path, "csv", tabular.profile("amazon"), ZH_EN)
    assert [t.text for c in concepts for t in c.terms] == ["二", "=x", "三", "-3"]


def test_formula_cells_in_an_imported_xlsx_are_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["zho-CN", "eng"])
    ws.append(["一", '=CONCAT("o","ne")'])  # a real formula cell
    path = tmp_path / "f.xlsx"
    wb.save(path)
    with pytest.raises(TermbaseError, match=r"f.xlsx: cell B2 holds a formula"):
        tabular_read.read(path, "xlsx", tabular.profile("memoq"), ZH_EN)
    # our own export stores such text as text: it reads back
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "x.toml").write_text(
        '[c]\n[[c.term]]\nlang = "zh-Hans"\ntext = "一"\nstatus = "preferred"\n'
        '[[c.term]]\nlang = "en"\ntext = "=SUM(A1)"\nstatus = "preferred"\n',
        "utf-8",
    )
    tb = store.load([tmp_path / "t"]).termbase
    path.write_bytes(export_binary(tb, ExportFormat.XLSX, ExportOptions(profile="memoq")))
    [c] = tabular_read.read(path, "xlsx", tabular.profile("memoq"), ZH_EN)
    assert [t.text for t in c.terms] == ["一", "=SUM(A1)"]


def test_an_xlsx_that_unpacks_too_large_is_refused(
    bundled: TermBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The zip-bomb guard, with the limit lowered so that an ordinary file crosses it."""
    from termbase.exchange import xlsx

    path = tmp_path / "p.xlsx"
    path.write_bytes(export_binary(bundled, ExportFormat.XLSX, ExportOptions(profile="memoq")))
    monkeypatch.setattr(xlsx, "MAX_UNPACKED", 1000)
    with pytest.raises(TermbaseError, match=r"p.xlsx: unpacks to [\d,]+ bytes, over the 1,000"):
        tabular_read.read(path, "xlsx", tabular.profile("memoq"), ZH_EN)
