"""TBX import without loss, on the official samples in ../shared/tbx: every definition (also
those in descripGrp) and every context with its source, notes that are not cut to the last one,
white space of the file's indentation normalised, what the format cannot hold said per data
category, and a file that breaks TBX-Basic said (refused under --strict). Each sample imported
into an empty folder, exported again and read back gives the same concepts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from termbase import load
from termbase.exchange import ExportFormat, ExportOptions, export, tbx_read

from .test_tbx import schemas, schematron_failures

SAMPLES = {
    "basic-v3": ("v3", "samples", "TBX-Basic_Example_Astronomy_DCA_VALID.tbx"),
    "min-v3": ("v3", "samples", "TBX-Min_Example_Astronomy_DCA_VALID.tbx"),
    "basic-v2": ("v2", "TBX-basic-sample.tbx"),
}


def _sample(name: str) -> Path:
    return schemas().joinpath(*SAMPLES[name])


def _termbase(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termbase", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _count(path: Path, kind: str) -> int:
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    return sum(1 for el in root.iter() if isinstance(el.tag, str) and el.get("type") == kind)


def _all_texts(concepts: list[Any]) -> list[str]:
    texts: list[str] = []
    for c in concepts:
        texts += [c.subject or "", c.note or "", *c.definition.values()]
        for t in c.terms:
            texts += [t.text, t.usage_note or "", t.context or ""]
    return texts


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_definition_and_context_of_the_official_samples_is_kept(name: str) -> None:
    path = _sample(name)
    read = tbx_read.read_file(path)
    definitions = sum(len(c.definition) for c in read.concepts)
    contexts = sum(1 for c in read.concepts for t in c.terms if t.context)
    assert definitions == _count(path, "definition")
    assert contexts == _count(path, "context")
    assert read.problems == ()
    for text in _all_texts(read.concepts):  # the file's indentation is not in the text
        assert "\t" not in text
        assert "  " not in text


def test_the_contexts_keep_their_sources_and_a_term_keeps_all_its_notes() -> None:
    read = tbx_read.read_file(_sample("basic-v3"))
    c1 = next(c for c in read.concepts if c.id == "c1")
    galactic = next(t for t in c1.terms if t.text == "galactic cluster")
    assert galactic.context is not None
    assert galactic.context.startswith("In contrast, the galactic cluster represented by M29")
    assert galactic.context_source in read.sources
    assert read.sources[galactic.context_source].url == (
        "http://www.eastbayastro.org/2000/0900/r0900-8.htm"
    )
    assert galactic.usage_note is not None
    assert galactic.usage_note.startswith("Another name for an open star cluster.")
    assert galactic.usage_note.endswith(
        "N-Source: http://www.delscope.demon.co.uk/astronomy/glossary.htm#G"
    )
    # the definition's source (in its descripGrp) is the concept's
    assert "oxford2007" in c1.sources
    assert read.sources["oxford2007"].title == "Oxford2007"


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_an_official_sample_round_trips_through_the_term_base(name: str, tmp_path: Path) -> None:
    """Import into an empty folder (the user's route), export v3 and v2, read both back: the
    same concepts; the v3 export passes the official RELAX NG schema and Schematron."""
    from lxml import etree

    run = _termbase("import", str(_sample(name)), "--into", "terms/glossary.toml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "not kept (the format has no field for them): transacGrp" in run.stderr or (
        name == "min-v3"
    )
    assert _termbase("validate", cwd=tmp_path).returncode == 0
    tb = load([tmp_path / "terms"]).termbase
    assert sum(len(c.definition) for c in tb.concepts) == _count(_sample(name), "definition")
    for fmt in (ExportFormat.TBX, ExportFormat.TBX2):
        out = tmp_path / f"again-{fmt.value}.tbx"
        out.write_text(export(tb, fmt, ExportOptions()), "utf-8")
        back = tbx_read.read_file(out)
        assert back.concepts == list(tb.concepts), fmt
        assert back.dropped == {}
        assert back.problems == ()
    from termbase.exchange import json_model

    assert json_model.read(export(tb, ExportFormat.JSON, ExportOptions())).concepts == tb.concepts
    if name == "basic-v3":  # the page takes the contexts; the cards show them
        page = export(tb, ExportFormat.HTML, ExportOptions())
        assert isinstance(page, str)
        shown = _termbase("show", "c1", cwd=tmp_path).stdout
        assert "in use: “Over 1100 open clusters are known" in shown
    v3 = tmp_path / "again-tbx.tbx"
    rng = etree.RelaxNG(etree.parse(str(schemas() / "v3" / "core" / "TBXcoreStructV03.rng")))
    assert rng.validate(etree.parse(str(v3))), rng.error_log
    assert schematron_failures(v3) == []
    dtd = etree.DTD(str(schemas() / "v2" / "TBXBasiccoreStructV02.dtd"))
    parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)
    assert dtd.validate(etree.parse(str(tmp_path / "again-tbx2.tbx"), parser)), dtd.error_log


def test_a_file_that_breaks_tbx_basic_is_said_and_refused_under_strict(tmp_path: Path) -> None:
    bad = schemas() / "v3" / "samples" / "basic_bad.tbx"
    strict = _termbase("import", str(bad), "--into", "terms/bad.toml", "--strict", cwd=tmp_path)
    assert strict.returncode == 2
    assert len(strict.stderr.strip().splitlines()) == 1
    assert "--strict: nothing was imported" in strict.stderr
    assert not (tmp_path / "terms").exists()
    said = _termbase("import", str(bad), "--into", "terms/bad.toml", cwd=tmp_path)
    assert said.returncode == 0, said.stderr
    assert "problem(s) against TBX-Basic, imported anyway" in said.stderr
    # the five kinds of error the file announces in its comment
    problems = tbx_read.read_file(bad).problems
    for expected in (
        '<transac type="theWrongType">',
        '<transacNote type="wrongType">',
        "'nominal' is not one of",
        '<descrip type="definition"> at term level',
        '<termNote type="usageStatus">',
    ):
        assert any(expected in p for p in problems), expected


def test_the_official_samples_have_no_problem() -> None:
    for name in SAMPLES:
        assert tbx_read.read_file(_sample(name)).problems == (), name
