"""The glossary page: self-contained, escaped, and searchable in a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from termbase import load
from termbase.exchange import ExportFormat, ExportOptions, export

from .conftest import ROOT, bundled_concepts, export_bundled

runner = CliRunner()
EVIL = "<script>alert(1)</script>"
EVIL2 = '" onmouseover="alert(2)'


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_bundled(tmp_path_factory, "html", "glossary.html")


@pytest.fixture(scope="module")
def evil_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("evil")
    (d / "x.toml").write_text(
        "[evil]\nsubject = " + json.dumps(EVIL) + "\nnote = " + json.dumps(EVIL2) + "\n"
        '[[evil.term]]\nlang = "en"\ntext = ' + json.dumps(EVIL) + '\nstatus = "preferred"\n'
        '[[evil.term]]\nlang = "en"\ntext = ' + json.dumps(EVIL2) + '\nstatus = "admitted"\n',
        "utf-8",
    )
    out = d / "evil.html"
    out.write_text(export(load([d]).termbase, ExportFormat.HTML, ExportOptions()), "utf-8")
    return out


def test_self_contained(page: Path) -> None:
    html = page.read_text("utf-8")
    assert re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html) is None
    assert "http://" not in html.split("<script")[0]
    assert "default-src 'none'" in html  # the page may not load anything, even by mistake
    assert "@media print" in html
    assert html.count("<script") == 2  # the data and the code, both inline


def test_content_is_escaped(evil_page: Path) -> None:
    html = evil_page.read_text("utf-8")
    assert EVIL not in html  # the subject list escapes it: &lt;script&gt;
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'onmouseover="alert' not in html
    texts = [t[1] for c in _data(html)["concepts"] for t in c["t"]]
    assert texts == [EVIL, EVIL2]


def _data(html: str) -> Any:
    import base64
    import gzip

    packed = re.search(
        r'<script type="application/gzip;base64" id="data">(.*?)</script>', html, re.S
    )
    assert packed is not None
    return json.loads(gzip.decompress(base64.b64decode(packed.group(1))))


def test_filters_select_terms(tmp_path: Path) -> None:
    tb = load([ROOT / "terms"]).termbase
    html = export(tb, ExportFormat.HTML, ExportOptions(statuses=(), languages=("en",)))
    data = _data(html)
    assert {t[0] for c in data["concepts"] for t in c["t"]} == {"en"}


# ---------------------------------------------------------------- in a browser


def _chromium() -> tuple[str, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver are needed (.ci/run installs them)")
        pytest.skip("chromium or chromedriver is not installed")
    return browser, driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    binary, driver = _chromium()
    options = Options()
    options.binary_location = binary
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1000,900",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(driver), options=options)
    yield drv
    drv.quit()


def _open(browser: Any, url: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.body.dataset.ready === 'true'")
    )


def _search(browser: Any, text: str) -> list[str]:
    from selenium.webdriver.common.by import By

    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys(text)
    return [e.get_attribute("id") for e in browser.find_elements(By.CSS_SELECTOR, "article")]


def _requests(browser: Any) -> list[str]:
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("小院高牆", "concept-small-yard-high-fence"),
        ("xygq", "concept-small-yard-high-fence"),
        ("ai for good", "concept-ai-for-good"),
        ("xiǎo yuàn gāo qiáng", "concept-small-yard-high-fence"),
        ("digital divides", "concept-digital-divide"),
        ("smal yard", "concept-small-yard-high-fence"),
    ],
)
def test_search_in_chromium(browser: Any, page: Path, query: str, first: str) -> None:
    _open(browser, page.as_uri())
    ids = _search(browser, query)
    assert ids[0] == first
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert [u for u in _requests(browser) if u.startswith(("http:", "https:", "ws:", "wss:"))] == []


def test_fragment_keeps_the_query(browser: Any, page: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, page.as_uri())
    _search(browser, "xygq")
    assert browser.current_url.endswith("#q=xygq")
    _open(browser, page.as_uri() + "#q=%E6%99%BA%E8%83%BD%E5%90%91%E5%96%84")  # 智能向善
    ids = [e.get_attribute("id") for e in browser.find_elements(By.CSS_SELECTOR, "article")]
    assert ids[0] == "concept-ai-for-good"
    forbidden = browser.find_element(By.CSS_SELECTOR, "#concept-ai-for-good tr.forbidden")
    assert "use “AI for good”" in forbidden.text
    lang = browser.find_element(By.CSS_SELECTOR, "#concept-ai-for-good .term").get_attribute("lang")
    assert lang == "zh-Hans"
    out = Path(os.environ.get("TERMBASE_TEST_OUTPUT", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(out / "glossary.png"))


def test_escaped_content_shows_as_text(browser: Any, evil_page: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, evil_page.as_uri())
    text = browser.find_element(By.ID, "results").text
    assert EVIL in text
    assert EVIL2 in text
    assert browser.find_elements(By.CSS_SELECTOR, "#results script") == []
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def _articles(browser: Any) -> list[str]:
    from selenium.webdriver.common.by import By

    return [e.get_attribute("id") for e in browser.find_elements(By.CSS_SELECTOR, "article")]


def test_every_concept_is_reachable_and_printed(browser: Any, page: Path, tmp_path: Path) -> None:
    """50 cards at first (a large base must open fast); "Show all" and printing give all of them, so
    that 智能向善 and 小院高墙 are in the print."""
    import base64

    from selenium.webdriver.common.by import By

    _open(browser, page.as_uri())
    assert len(_articles(browser)) >= 50  # 50 first; more come as the end of the list shows
    browser.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    printed = _articles(browser)
    assert len(printed) == bundled_concepts()
    assert {"concept-ai-for-good", "concept-small-yard-high-fence"} <= set(printed)
    _open(browser, page.as_uri())
    browser.execute_script("document.getElementById('more').click()")
    assert len(_articles(browser)) == bundled_concepts()
    assert browser.find_element(By.ID, "more").get_attribute("hidden") is not None
    pdf = base64.b64decode(browser.print_page())
    out = Path(os.environ.get("TERMBASE_TEST_OUTPUT", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    (out / "glossary.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 20_000


def test_cards_are_headed_by_their_preferred_terms(browser: Any, page: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, page.as_uri() + "#c=small-yard-high-fence")
    heading = browser.find_element(By.CSS_SELECTOR, "#concept-small-yard-high-fence h2")
    assert heading.text.startswith("小院高墙 · 小院高牆")
    assert "small yard, high fence" in heading.text
    assert heading.find_element(By.CSS_SELECTOR, ".slug").text == "small-yard-high-fence"
    copies = browser.find_elements(By.CSS_SELECTOR, "#concept-small-yard-high-fence button.copy")
    assert copies
    assert copies[0].get_attribute("aria-label") == "Copy 小院高墙"


def test_the_index_lists_concepts_by_initial(browser: Any, page: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, page.as_uri())
    browser.find_element(By.CSS_SELECTOR, '#index button[data-initial="py:x"]').click()
    ids = _articles(browser)
    assert "concept-small-yard-high-fence" in ids  # xiǎoyuàn gāoqiáng
    assert "concept-ai-for-good" not in ids  # zhìnéng xiàngshàn
    assert browser.current_url.endswith("#i=py%3Ax")
    browser.find_element(By.CSS_SELECTOR, '#index button[data-initial="en:s"]').click()
    assert "concept-small-yard-high-fence" in _articles(browser)


def test_traditional_text_asks_for_traditional_glyphs(browser: Any, page: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, page.as_uri() + "#c=small-yard-high-fence")
    family = {
        (e.get_attribute("lang") or ""): e.value_of_css_property("font-family")
        for e in browser.find_elements(By.CSS_SELECTOR, "#concept-small-yard-high-fence .term")
    }
    assert "CJK SC" in family["zh-Hans"]
    assert "CJK TC" in family["zh-Hant"]
    assert family["zh-Hans"].rstrip().endswith("sans-serif")
