"""Corrections from the terminology reviews in ../shared/reference/reviews/ (issue 34), each a
route through `termbase lint` with the sentence the reviewer probed."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT
from .test_lint_routes import run

TERMS = str(ROOT / "terms")


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # 中央军委主席: the CMC chairmanship is right as Chairman (review 1, president-xi-jinping)
        ("中央军委主席习近平视察部队", "CMC Chairman Xi Jinping inspected the troops", ""),
        ("中央军委主席习近平出席", "Central Military Commission Chairman Xi Jinping came", ""),
        # the second-mention form the concept's note gives
        ("习近平主席出席会议", "President Xi attended the meeting", ""),
        # still wrong for the head of state
        ("习近平主席出席会议", "Chairman Xi Jinping attended the meeting", "LT103"),
    ],
)
def test_the_title_of_xi_jinping(tmp_path: Path, source: str, target: str, expected: str) -> None:
    (tmp_path / "t.csv").write_text(f"source,target\n{source},{target}\n", "utf-8")
    result = run("lint", "t.csv", "-t", TERMS, cwd=tmp_path)
    codes = [line.split()[2] for line in result.stdout.splitlines() if line.startswith("t.csv")]
    assert codes == ([expected] if expected else []), result.stdout


@pytest.mark.parametrize("name", ["initiative-2023.po", "mfa-2024.po"])
def test_official_wordings_of_their_day_lint_clean(name: str) -> None:
    """Our own translations of short official phrases, each in the wording of its source and
    dated as it: the initiative (2023) and the Foreign Ministry's remarks (2024)."""
    path = ROOT / "tests" / "data" / "dated" / name
    result = run("lint", str(path), "-t", TERMS, "--as-of", "auto", cwd=path.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings in 4 segments" in result.stderr


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("广泛参与", "wide participation"),  # review 1, broad-participation
        ("协商一致", "consensus-based decision-making"),
        ("共商共建共享", "extensive consultation and joint contribution for shared benefit"),
        ("共商共建共享", "wide consultation, joint contribution and shared benefits"),
        ("全人类共同价值", "shared human values"),
        ("干涉他国内政", "intervening in other countries' internal affairs"),  # review 2
        ("开放、公正、有效的治理机制", "an open, fair and effective governance mechanism"),
        ("发展导向", "aligning with development goals"),
    ],
)
def test_official_variants_the_reviews_found_are_admitted(
    tmp_path: Path, source: str, target: str
) -> None:
    (tmp_path / "t.csv").write_text(f'source,target\n{source},"{target}"\n', "utf-8")
    result = run("lint", "t.csv", "-t", TERMS, cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_the_unofficial_account_is_deprecated_where_official_english_differs(
    tmp_path: Path,
) -> None:
    text = "source,target\n弥合智能鸿沟,bridge the intelligence divide\n"
    (tmp_path / "t.csv").write_text(text, "utf-8")
    result = run("lint", "t.csv", "-t", TERMS, cwd=tmp_path)
    assert "LT102 ai-divide" in result.stdout
