"""The seed's Chinese through the real commands, against texts reviewed line by line
(tests/golden/seed/REVIEW.md says what was checked and what was corrected)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, Golden, shared_file
from .test_lint_routes import run_ok

GOLDEN = ROOT / "tests" / "golden" / "seed"


def seed_chinese() -> str:
    lines = shared_file("seeds/000_6fb597dbf228831d.txt").read_text("utf-8").splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("人民日报和音"))
    return "".join(line + "\n" for line in lines[at:] if line.strip())


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "seed.zh.txt"
    path.write_text(seed_chinese(), "utf-8")
    return path


def test_seed_in_pinyin(source: Path, golden: Golden) -> None:
    result = run_ok("pinyin", "-", stdin=source.read_text("utf-8"), cwd=ROOT)
    assert len(result.stdout.splitlines()) == 8
    golden.check(result.stdout, GOLDEN / "pinyin.txt")


@pytest.mark.parametrize("target", ["zh-Hant", "zh-TW", "zh-HK"])
def test_seed_converted(source: Path, target: str, golden: Golden) -> None:
    result = run_ok("convert", "--to", target, str(source), cwd=ROOT)
    golden.check(result.stdout, GOLDEN / f"{target}.txt")


def test_seed_back_from_taiwan() -> None:
    """The reviewed zh-TW text read back to Simplified (issue 33): Taiwan's phrases reversed,
    「」 as “”; at most 3 differences from the original per 1,000 Han characters (none today;
    the original itself is the expected text, so no golden copy of it is kept)."""
    import difflib
    import re

    taiwan = (GOLDEN / "zh-TW.txt").read_text("utf-8")
    result = run_ok("convert", "--to", "zh-Hans", "-", stdin=taiwan, cwd=ROOT)
    original = seed_chinese()
    spans = difflib.SequenceMatcher(None, original, result.stdout, autojunk=False).get_opcodes()
    differences = [s for s in spans if s[0] != "equal"]
    han = len(re.findall(r"[\u4e00-\u9fff]", original))
    assert len(differences) * 1000 <= 3 * han, differences
