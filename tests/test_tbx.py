"""TBX-Basic v3 export, checked by the official RELAX NG schema and TBX-Basic Schematron."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from termbase import load
from termbase.cli import app
from termbase.exchange import ExportFormat, ExportOptions, export
from termbase.exchange.tbx import STATUS

from .conftest import DATA, ROOT, SHARED, Golden, export_bundled

runner = CliRunner()
NS = {"t": "urn:iso:std:iso:30042:ed-2"}


def schemas() -> Path:
    """The official TBX schemas: $TERMBASE_TBX_SCHEMAS (set by .ci/run), else ../shared/tbx."""
    folder = Path(os.environ.get("TERMBASE_TBX_SCHEMAS", SHARED / "tbx"))
    if not (folder / "v3" / "core" / "TBXcoreStructV03.rng").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{folder}: the TBX schemas are missing; CI needs them")
        pytest.skip(f"{folder}: no TBX schemas here")
    return folder


@pytest.fixture(scope="module")
def bundled_tbx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_bundled(tmp_path_factory, "tbx", "bundled.tbx")


def test_valid_against_the_relax_ng_schema(bundled_tbx: Path) -> None:
    from lxml import etree

    rng = etree.RelaxNG(etree.parse(str(schemas() / "v3" / "core" / "TBXcoreStructV03.rng")))
    valid = rng.validate(etree.parse(str(bundled_tbx)))
    assert valid, [(e.line, e.message) for e in rng.error_log][:5]


def schematron_failures(tbx: Path) -> list[str]:
    """lxml's skeleton compiles the XSLT 2 Schematron, Saxon runs it (the schema notes' route a)."""
    pytest.importorskip("saxonche")
    from lxml import etree, isoschematron
    from saxonche import PySaxonProcessor

    sch = etree.parse(str(schemas() / "v3" / "basic" / "TBX-Basic_DCA.sch"))
    sch.getroot().set("queryBinding", "xslt")
    xsl = isoschematron.iso_svrl_for_xslt1(
        isoschematron.iso_abstract_expand(isoschematron.iso_dsdl_include(sch))
    )
    with PySaxonProcessor(license=False) as proc:
        exe = proc.new_xslt30_processor().compile_stylesheet(
            stylesheet_text=etree.tostring(xsl, encoding="unicode")
        )
        svrl = etree.fromstring(exe.transform_to_string(source_file=str(tbx)).encode())
    return [
        " ".join((f.findtext("{http://purl.oclc.org/dsdl/svrl}text") or "").split())
        for f in svrl.iter("{http://purl.oclc.org/dsdl/svrl}failed-assert")
    ]


def test_valid_against_the_tbx_basic_schematron(bundled_tbx: Path) -> None:
    assert schematron_failures(bundled_tbx) == []


def test_schematron_runner_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tbx"
    text = (DATA / "tbx-min.tbx").read_text("utf-8").replace("preferredTerm-admn-sts", "preferred")
    bad.write_text(text, "utf-8")
    assert any("administrativeStatus" in f for f in schematron_failures(bad))


def _doc(text: str) -> Any:
    from lxml import etree

    return etree.fromstring(text.encode())


def test_statuses_pinyin_and_links() -> None:
    tb = load([ROOT / "terms"]).termbase
    doc = _doc(export(tb, ExportFormat.TBX, ExportOptions()))
    entry = doc.find(".//t:conceptEntry[@id='ai-for-good']", NS)
    assert entry is not None
    statuses = {
        sec.findtext("t:term", namespaces=NS): sec.findtext(
            "t:termNote[@type='administrativeStatus']", namespaces=NS
        )
        for sec in entry.iterfind(".//t:termSec", NS)
    }
    assert statuses["AI for good"] == STATUS[__import__("termbase").Status.PREFERRED]
    assert statuses["intelligent for good"] == "deprecatedTerm-admn-sts"  # forbidden
    pinyin = entry.find(
        ".//t:note[@{http://www.w3.org/XML/1998/namespace}lang='zh-Latn-pinyin']", NS
    )
    assert pinyin is not None
    assert pinyin.text == "zhìnéng xiàngshàn"
    ref = entry.find("t:ref", NS)
    assert ref is not None
    assert (ref.get("type"), ref.get("target"), ref.text) == (
        "crossReference",
        "global-ai-governance-initiative",
        "see-also",
    )


def test_links_out_of_the_export_become_notes() -> None:
    tb = load([ROOT / "terms"]).termbase
    text = export(tb, ExportFormat.TBX, ExportOptions(subjects=("technology policy",)))
    doc = _doc(text)
    ids = {e.get("id") for e in doc.iterfind(".//t:conceptEntry", NS)}
    targets = {r.get("target") for r in doc.iterfind(".//t:ref", NS)}
    assert targets <= ids
    assert "<note>termbase:see-also=unilateral-sanctions</note>" in text


def test_golden(golden: Golden) -> None:
    tb = load([DATA / "edit" / "odd.toml"]).termbase
    golden.check(
        export(tb, ExportFormat.TBX, ExportOptions()), ROOT / "tests" / "golden" / "odd.tbx"
    )


def test_empty_selection_is_an_error() -> None:
    result = runner.invoke(
        app, ["export", "-f", "tbx", "-t", str(ROOT / "terms"), "--subject", "astronomy"]
    )
    assert result.exit_code == 2
    assert result.stderr == "termbase: nothing to export: no concept is left after the filters\n"


def test_json_round_trip_keeps_every_field() -> None:
    from termbase.exchange import json_model

    tb = load([ROOT / "terms"]).termbase
    back = json_model.read(export(tb, ExportFormat.JSON, ExportOptions()))
    assert back.concepts == tb.concepts  # every field of every concept and term
    assert back.sources == tb.sources
    assert back.settings == tb.settings
    odd = load([DATA / "edit" / "odd.toml"]).termbase
    assert json_model.read(json_model.export(odd, ExportOptions())).concepts == odd.concepts


@pytest.fixture(scope="module")
def bundled_tbx2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_bundled(tmp_path_factory, "tbx2", "bundled.tbx")


def test_tbx2_valid_against_the_v2_dtd(bundled_tbx2: Path) -> None:
    from lxml import etree

    dtd = etree.DTD(str(schemas() / "v2" / "TBXBasiccoreStructV02.dtd"))
    parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)
    assert dtd.validate(etree.parse(str(bundled_tbx2), parser)), dtd.error_log


def test_tbx2_read_by_translate_toolkit_finds_every_term_status_and_note(
    bundled_tbx2: Path,
) -> None:
    tbx = pytest.importorskip("translate.storage.tbx")
    tb = load([ROOT / "terms"]).termbase
    with bundled_tbx2.open("rb") as f:
        store = tbx.tbxfile(f, sourcelanguage="zh-Hans", targetlanguage="en")
    units = {u.getid(): u for u in store.units}
    assert set(units) == {c.id for c in tb.concepts}
    for c in tb.concepts:
        unit = units[c.id]
        found = {
            (t.text, t.administrative_status)
            for t in (*unit.get_source_terms(), *unit.get_target_terms())
        }
        expected = {(t.text, STATUS[t.status]) for t in c.terms if t.lang in ("zh-Hans", "en")}
        assert found == expected, c.id
        notes = unit.getnotes()
        for t in c.terms:
            if t.lang in ("zh-Hans", "en"):
                for text in (t.pinyin, t.usage_note):
                    if text:
                        assert text in notes, (c.id, text)


@pytest.mark.parametrize("fmt", [ExportFormat.TBX, ExportFormat.TBX2])
def test_round_trip_gives_back_every_concept(fmt: ExportFormat, tmp_path: Path) -> None:
    from termbase.exchange import tbx_read

    tb = load([ROOT / "terms"]).termbase
    out = tmp_path / "x.tbx"
    out.write_text(export(tb, fmt, ExportOptions()), "utf-8")
    back = tbx_read.read(out)
    assert back == list(tb.concepts)  # field for field (positions do not count)


def test_reads_the_official_samples() -> None:
    from termbase.exchange import tbx_read

    v3 = tbx_read.read(schemas() / "v3" / "samples" / "TBX-Basic_Example_Astronomy_DCA_VALID.tbx")
    v2 = tbx_read.read(schemas() / "v2" / "TBX-basic-sample.tbx")
    assert v3
    assert v2
    assert all(c.terms for c in (*v3, *v2))


def test_hostile_tbx_is_refused(tmp_path: Path) -> None:
    from termbase.errors import TermbaseError
    from termbase.exchange import tbx_read

    evil = tmp_path / "evil.tbx"
    evil.write_text(
        '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<tbx><text><body><conceptEntry id='a'/></body></text></tbx>",
        "utf-8",
    )
    with pytest.raises(TermbaseError, match="entity declarations are not accepted"):
        tbx_read.read(evil)


def test_import_command_appends_new_and_lists_conflicts(tmp_path: Path) -> None:
    import shutil

    base = tmp_path / "terms"
    shutil.copytree(ROOT / "terms", base)
    source = tmp_path / "in.tbx"
    source.write_text((DATA / "tbx-min.tbx").read_text("utf-8"), "utf-8")
    target = base / "imported.toml"
    result = runner.invoke(app, ["import", str(source), "--into", str(target), "-t", str(base)])
    assert result.exit_code == 0, result.stderr
    assert "added c1" in result.stderr
    assert load([base]).termbase.concept("c1") is not None
    again = runner.invoke(app, ["import", str(source), "--into", str(target), "-t", str(base)])
    assert again.exit_code == 0, again.stderr
    assert "nothing to change" in again.stderr  # the same file again: no conflict, no write
    changed = source.read_text("utf-8").replace("</term>", " (new)</term>", 1)
    source.write_text(changed, "utf-8")
    third = runner.invoke(app, ["import", str(source), "--into", str(target), "-t", str(base)])
    assert "conflict: c1 exists" in third.stderr
    assert target.read_text("utf-8").count("[c1]") == 1


_HOSTILE = {
    "xxe": '<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    "billion-laughs": '<!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
    + "]>",
}


@pytest.mark.parametrize("kind", sorted(_HOSTILE))
def test_import_of_a_hostile_tbx_reads_nothing_and_stays_small(kind: str, tmp_path: Path) -> None:
    """Run in a process of its own, so that its peak memory is its own (VmHWM)."""
    import subprocess
    import sys

    use = "&x;" if kind == "xxe" else "&i;"
    evil = tmp_path / f"{kind}.tbx"
    evil.write_text(
        f'<?xml version="1.0"?>{_HOSTILE[kind]}<tbx><text><body><conceptEntry id="a">'
        f'<langSec xml:lang="en"><termSec><term>{use}</term></termSec></langSec>'
        "</conceptEntry></body></text></tbx>",
        "utf-8",
    )
    script = (
        "import sys\n"
        "from termbase.cli import main\n"
        f"sys.argv = ['termbase', 'import', {str(evil)!r}, '-t', {str(ROOT / 'terms')!r}, '-n']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "print(code, int(hwm) // 1024, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True
    )
    message, summary = done.stderr.strip().splitlines()
    code, peak_mb = summary.split()
    assert code == "2"
    assert message.startswith(f"termbase: {evil}:1: entity declarations are not accepted")
    assert "root:" not in done.stderr
    assert "aaaaaaaaaa" not in done.stderr
    assert int(peak_mb) < 100
