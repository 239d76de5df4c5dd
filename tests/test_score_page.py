"""`termbase score --html`: one self-contained page, tried in Chromium like the glossary page:
a bar for each system, every term's row, sorted by a click on a header, no network request,
the user's names shown as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import ROOT
from .test_html import _open, _requests, browser  # noqa: F401 - the fixture
from .test_lint_routes import run_ok


def _page(tmp_path: Path) -> Path:
    (tmp_path / "<b>evil<i>.tsv").write_text(
        "zh-Hans\ten\n"
        "坚持智能向善。\tWe uphold intelligent for good.\n"
        "反对小院高墙。\tWe oppose small yard, high fence.\n",
        "utf-8",
    )
    (tmp_path / "good.tsv").write_text(
        "zh-Hans\ten\n坚持智能向善。\tWe uphold AI for good.\n"
        "反对小院高墙。\tSmall yard, high fence.\n",
        "utf-8",
    )
    page = tmp_path / "scores.html"
    run_ok(
        "score",
        "<b>evil<i>.tsv",
        "good.tsv",
        "-t",
        str(ROOT / "terms"),
        "--html",
        str(page),
        cwd=tmp_path,
    )
    return page


def test_the_page_is_self_contained_and_escaped(tmp_path: Path) -> None:
    text = _page(tmp_path).read_text("utf-8")
    assert "<b>evil<i>" not in text
    assert "&lt;b&gt;evil&lt;i&gt;" in text
    assert "http://" not in text
    assert "https://" not in text


def test_the_page_in_chromium(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    page = _page(tmp_path)
    _open(browser, page.as_uri())
    bars = browser.find_elements(By.CSS_SELECTOR, "#bars .bar")
    assert [b.find_element(By.CSS_SELECTOR, ".name").text for b in bars] == [
        "<b>evil<i>.tsv",
        "good.tsv",
    ]
    rows = browser.find_elements(By.CSS_SELECTOR, "#terms tbody tr")
    assert len(rows) == 4  # two concepts for each of two systems
    first = rows[0].find_elements(By.TAG_NAME, "td")
    assert first[3].text == "0.000"  # worst first
    browser.find_element(By.CSS_SELECTOR, '#terms th[data-key="rate"]').click()
    top = browser.find_elements(By.CSS_SELECTOR, "#terms tbody tr")[0]
    assert top.find_elements(By.TAG_NAME, "td")[3].text == "1.000"  # clicked again: best first
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert [u for u in _requests(browser) if u.startswith(("http:", "https:", "ws:", "wss:"))] == []
