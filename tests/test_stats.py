"""`termbase stats` (issue 35): what a corpus says about each concept, checked against a direct
count of the same files, by year, in every format, and its page in Chromium."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .conftest import ROOT
from .test_html import _open, browser  # noqa: F401 - the fixture
from .test_lint_routes import run, run_ok

TERMS = str(ROOT / "terms")

# (year, [(source, target)]) : one PO file a year
CORPUS = {
    2014: [
        ("推进一带一路建设", "advance the One Belt, One Road"),
        ("坚持智能向善", "uphold AI for good"),
    ],
    2016: [
        ("推进一带一路建设", "advance the One Belt, One Road"),
        ("推进一带一路建设", "advance the Belt and Road Initiative"),
        ("坚持智能向善", "uphold intelligent for good"),
    ],
    2024: [
        ("推进一带一路建设", "advance the Belt and Road Initiative"),
        ("坚持智能向善", "uphold AI for good"),
        ("反对小院高墙", "oppose it"),
    ],
}


def _po(year: int, pairs: list[tuple[str, str]]) -> str:
    head = (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n'
        f'"PO-Revision-Date: {year}-06-01 12:00+0800\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    )
    body = "".join(
        f'\nmsgctxt "{n}"\nmsgid "{src}"\nmsgstr "{tgt}"\n' for n, (src, tgt) in enumerate(pairs)
    )
    return head + body


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "translations"
    folder.mkdir()
    for year, pairs in CORPUS.items():
        (folder / f"news-{year}.po").write_text(_po(year, pairs), "utf-8")
    return folder


def _stats(tmp_path: Path, *args: str) -> Any:
    return run_ok("stats", "translations", "-t", TERMS, *args, cwd=tmp_path)


def test_the_json_is_a_direct_count_of_the_corpus(tmp_path: Path) -> None:
    _corpus(tmp_path)
    data = json.loads(_stats(tmp_path, "-f", "json", "--candidates", "0").stdout)
    assert (data["files"], data["segments"]) == (3, 8)
    by_id = {c["concept"]: c for c in data["concepts"]}
    bri = by_id["belt-and-road-initiative"]
    assert bri["occurrences"] == sum(
        src == "推进一带一路建设" for p in CORPUS.values() for src, _ in p
    )
    assert bri["documents"] == 3
    used = Counter(
        ("One Belt, One Road" if "One Belt" in tgt else "Belt and Road Initiative")
        for p in CORPUS.values()
        for src, tgt in p
        if src == "推进一带一路建设"
    )
    assert {r["text"]: r["count"] for r in bri["renderings"]} == dict(used)
    assert {r["text"]: r["status"] for r in bri["renderings"]} == {
        "One Belt, One Road": "deprecated",
        "Belt and Road Initiative": "preferred",
    }
    # each file judged on its own date: One Belt, One Road was right in 2014, not in 2016
    assert bri["compliance"] == round(3 / 4, 4)
    assert bri["periods"] == {
        "2014": {"One Belt, One Road": 1},
        "2016": {"Belt and Road Initiative": 1, "One Belt, One Road": 1},
        "2024": {"Belt and Road Initiative": 1},
    }
    assert (bri["first_seen"], bri["last_seen"]) == ("2014-06-01", "2024-06-01")
    good = by_id["ai-for-good"]
    assert good["compliance"] == round(2 / 3, 4)
    assert {r["text"]: r["status"] for r in good["renderings"]}["intelligent for good"] == (
        "forbidden"
    )
    fence = by_id["small-yard-high-fence"]
    assert fence["renderings"] == [{"text": "(none)", "status": "none", "count": 1}]
    assert fence["compliance"] == 0.0


def test_text_csv_and_monthly_periods(tmp_path: Path) -> None:
    _corpus(tmp_path)
    text = _stats(tmp_path, "--candidates", "0").stdout
    assert "belt-and-road-initiative  4 in 3 document(s), compliance 75%" in text
    csv_text = _stats(tmp_path, "-f", "csv", "--candidates", "0").stdout
    assert csv_text.splitlines()[0].startswith("concept,occurrences,documents,compliance")
    monthly = json.loads(_stats(tmp_path, "-f", "json", "--by", "month").stdout)
    bri = next(c for c in monthly["concepts"] if c["concept"] == "belt-and-road-initiative")
    assert set(bri["periods"]) == {"2014-06", "2016-06", "2024-06"}
    assert isinstance(monthly["candidates"], list)


def test_nothing_to_count_is_said(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("stats", "empty", "-t", TERMS, cwd=tmp_path)
    assert result.returncode == 2
    assert "no translation file to read" in result.stderr
    (tmp_path / "broken.po").write_text('msgid "x\n', "utf-8")
    broken = run("stats", "broken.po", "-t", TERMS, cwd=tmp_path)
    assert broken.returncode == 2
    assert broken.stderr.startswith("termbase: broken.po:")


def test_the_page_in_chromium(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    _corpus(tmp_path)
    page = tmp_path / "stats.html"
    _stats(tmp_path, "-f", "html", "-o", str(page))
    text = page.read_text("utf-8").replace("http://www.w3.org/2000/svg", "")  # a name, no request
    assert "http://" not in text
    assert "https://" not in text
    _open(browser, page.as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "#concepts tbody tr")
    assert rows[0].find_element(By.CSS_SELECTOR, "td").text == "belt-and-road-initiative"
    parts = rows[0].find_elements(By.CSS_SELECTOR, ".stack span")
    assert len(parts) == 2
    assert rows[0].find_elements(By.CSS_SELECTOR, "svg.trend polyline")
    names = [r.find_element(By.CSS_SELECTOR, "td").text for r in rows]
    browser.find_element(By.CSS_SELECTOR, 'th[data-key="concept"]').click()
    first = browser.find_element(By.CSS_SELECTOR, "#concepts tbody tr td").text
    assert first == max(names)  # by concept, descending at the first click


def _commit(repo: Path, day: str, message: str) -> None:
    import os
    import subprocess

    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"{day}T10:00:00",
        "GIT_COMMITTER_DATE": f"{day}T10:00:00",
    }
    for args in (
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", message],
    ):
        subprocess.run(["git", "-C", str(repo), *args], check=True, env=env)


def test_git_history_counts_every_committed_version_on_its_date(tmp_path: Path) -> None:
    """`--git`: a file's history, each committed version on its commit's date (issue 35): the
    forbidden rendering of 2020 and the preferred one that replaced it in 2022, each in its year,
    and the version of 2023 under the file's new name; the file as it is now is not counted
    again."""
    from .test_lint_routes import git_repo

    repo = git_repo(tmp_path / "repo")
    tsv = repo / "t.tsv"
    tsv.write_text("zh-Hans\ten\n坚持智能向善。\tWe uphold intelligent for good.\n", "utf-8")
    _commit(repo, "2020-03-01", "first")
    tsv.write_text("zh-Hans\ten\n坚持智能向善。\tWe uphold AI for good.\n", "utf-8")
    _commit(repo, "2022-05-01", "second")
    tsv.rename(repo / "renamed.tsv")  # the history follows the file under its new name
    _commit(repo, "2023-01-01", "third")
    result = run_ok(
        "stats",
        "--git",
        "renamed.tsv",
        "-f",
        "json",
        "--candidates",
        "0",
        "-t",
        str(ROOT / "terms"),
        cwd=repo,
    )
    found = {c["concept"]: c for c in json.loads(result.stdout)["concepts"]}["ai-for-good"]
    years = {"2020": {"intelligent for good": 1}, "2022": {"AI for good": 1}}
    assert found["periods"] == {**years, "2023": {"AI for good": 1}}
    seen = (found["first_seen"], found["last_seen"], found["documents"])
    assert seen == ("2020-03-01", "2023-01-01", 3)


def test_git_history_outside_a_repository_is_said(tmp_path: Path) -> None:
    from .test_lint_routes import one_line_exit_2

    (tmp_path / "t.tsv").write_text("zh-Hans\ten\n智能向善\tAI for good\n", "utf-8")
    result = run("stats", "--git", "t.tsv", "-t", str(ROOT / "terms"), cwd=tmp_path)
    assert "--git" in one_line_exit_2(result)
