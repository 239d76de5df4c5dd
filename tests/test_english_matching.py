"""Matching that knows English (issue 32, part 2), through the real `termbase lint` in a
translations folder: a verb phrase's other forms count (interfere in / interfered in for
"interfering in"), an all-capitals acronym is not the word (WHO is not "who"), a leading article
does not make a rendering missing, and none of it hides a banned rendering. `termbase forms`
lists exactly what is accepted; `--explain` says which relaxation matched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termbase.english import is_acronym, surface_forms, verb_forms

from .conftest import DATA, ROOT
from .test_lint_routes import run, run_ok

# The test term base; its English bends: a verb phrase, an acronym, a leading article
BASE = (DATA / "english" / "terms.toml").read_text("utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "tb").mkdir()
    (tmp_path / "tb" / "terms.toml").write_text(BASE, "utf-8")
    return tmp_path


def _lint(folder: Path, rows: list[tuple[str, str]], *extra: str) -> list[dict[str, object]]:
    lines = ["zh-Hans\ten", *(f"{zh}\t{en}" for zh, en in rows)]
    (folder / "t.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    result = run("lint", "t.tsv", "-t", "tb", "--format", "json", *extra, cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def _codes(found: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(f["line"], f["code"]) for f in found]


def test_a_verb_phrase_in_another_form_is_the_rendering(folder: Path) -> None:
    rows = [
        ("他们反对干涉内政。", "They never interfere in internal affairs."),
        ("他们反对干涉内政。", "It interfered in internal affairs."),
        ("他们反对干涉内政。", "She interferes in internal affairs."),
        ("他们反对干涉内政。", "They oppose interference."),  # not a form: still missing
    ]
    assert _codes(_lint(folder, rows)) == [(5, "LT101")]


def test_a_banned_verb_phrase_is_found_in_every_form(folder: Path) -> None:
    rows = [("他们反对干涉内政。", "They never meddled in internal affairs.")]
    found = _lint(folder, rows)
    assert _codes(found) == [(2, "LT103")]  # the forbidden rendering, found inflected
    assert "meddled in internal affairs" in str(found[0]["message"])


def test_inflect_false_keeps_the_verb_as_written(folder: Path) -> None:
    text = BASE.replace(
        'text = "interfering in internal affairs"\nstatus = "preferred"',
        'text = "interfering in internal affairs"\nstatus = "preferred"\ninflect = false',
    )
    (folder / "tb" / "terms.toml").write_text(text, "utf-8")
    assert run("validate", "-t", "tb", cwd=folder).returncode == 0
    rows = [("他们反对干涉内政。", "They never interfere in internal affairs.")]
    assert _codes(_lint(folder, rows)) == [(2, "LT101")]


def test_an_acronym_is_not_the_word(folder: Path) -> None:
    rows = [
        ("世界卫生组织发布了报告。", "The people who wrote the report."),
        ("世界卫生组织发布了报告。", "WHO issued the report."),
    ]
    assert _codes(_lint(folder, rows)) == [(2, "LT101")]
    text = BASE.replace(
        'text = "WHO"\nstatus = "admitted"',
        'text = "WHO"\nstatus = "admitted"\ncase-sensitive = false',
    )
    (folder / "tb" / "terms.toml").write_text(text, "utf-8")
    assert _codes(_lint(folder, rows)) == []  # the term says otherwise


def test_a_leading_article_does_not_make_a_rendering_missing(folder: Path) -> None:
    rows = [
        ("一带一路倡议", "China's Belt and Road Initiative."),
        ("一带一路倡议", "The Belt and Road Initiative."),
        ("一带一路倡议", "OBOR was the old name."),  # a banned rendering is never shortened
    ]
    found = _lint(folder, rows)
    assert [c for line, c in _codes(found) if line in (2, 3)] == []
    assert _codes(found) == [(4, "LT101")]


def test_forms_lists_what_is_accepted_and_explain_says_which(folder: Path) -> None:
    result = run_ok("forms", "internal-affairs", "-t", "tb", "-l", "en", cwd=folder)
    assert "interfered in internal affairs  (verb form)" in result.stdout
    assert "meddled in internal affairs  (verb form)" in result.stdout
    result = run("forms", "who", "-t", "tb", "--json", cwd=folder)
    rows = json.loads(result.stdout)
    assert {"text": "WHO", "case_sensitive": True, "why": "the term"} in rows[2]["forms"]
    assert run("forms", "nope", "-t", "tb", cwd=folder).returncode == 1
    (folder / "t.tsv").write_text("zh-Hans\ten\n干涉内政\tThey interfered in internal affairs.\n")
    result = run("lint", "t.tsv", "-t", "tb", "--explain", "2", cwd=folder)
    assert "(verb form of 'interfering in internal affairs')" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("building a community with a shared future", {"build a", "builds a", "built a"}),
        ("developing countries", set()),  # a noun phrase: developed countries are others
        ("shared future", set()),
        ("upholding multilateralism", set()),  # no object marker: left as written
    ],
)
def test_which_terms_are_verb_phrases(text: str, forms: set[str]) -> None:
    assert {" ".join(f.split()[:2]) for f in verb_forms(text)} == forms


def test_irregular_plurals_are_the_term() -> None:
    from termbase.english import noun_forms

    assert noun_forms("vulnerable children") == ("vulnerable child",)
    assert "assessment criterion" in noun_forms("assessment criteria")
    assert noun_forms("internal affairs") == ()  # a regular plural: matched singular anyway
    assert surface_forms("vulnerable children", approved=True, inflect=False) == ()


def test_acronyms_and_articles() -> None:
    assert [is_acronym(t) for t in ("WHO", "US", "NGOs", "BRICS", "Who", "A", "AI")] == [
        *(True, True, True, True, False, False, True)
    ]
    assert surface_forms("the Belt and Road Initiative", approved=True) == (
        ("Belt and Road Initiative", "without the article"),
    )
    assert surface_forms("the OBOR", approved=False) == ()


def test_the_bundled_base_accepts_the_official_verb_form() -> None:
    """The issue's case: an official translation writes "interfere in other countries'
    internal affairs" where the base lists "interfering in ..."."""
    result = run("forms", "interference-in-internal-affairs", "-l", "en", cwd=ROOT)
    assert "interfere in other countries' internal affairs  (verb form)" in result.stdout
