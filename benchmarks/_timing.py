"""Shared helpers: time whole commands side by side with their anchor, as medians."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

# The MT-glossary export both the export and the scaling benchmarks time
GOOGLE_CSV = ("export", "-f", "csv", "--profile", "google")


def termbase_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m termbase`."""
    script = Path(sys.executable).with_name("termbase")
    if script.exists():
        return [str(script)]
    found = shutil.which("termbase")
    return [found] if found else [sys.executable, "-m", "termbase"]


def run_once(cmd: Sequence[str], *, check: bool = False) -> float:
    """Wall time of one run, its output dropped (with `check`, a failing run raises)."""
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check)
    return time.perf_counter() - start


def median_pair(
    cmd: Sequence[str], anchor: Sequence[str], runs: int = 11, warmup: int = 2
) -> tuple[float, float]:
    """Median wall time of `cmd` and of `anchor`, run alternately so both see the same noise."""
    for _ in range(warmup):
        run_once(cmd)
        run_once(anchor)
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        ours.append(run_once(cmd))
        theirs.append(run_once(anchor))
    return statistics.median(ours), statistics.median(theirs)


def report(label: str, ours: float, anchor_label: str, anchor: float, goal: float) -> str:
    ratio = ours / anchor
    verdict = "ok" if ratio <= goal else "over goal"
    return (
        f"{label}: {ours * 1000:.0f} ms; {anchor_label}: {anchor * 1000:.0f} ms; "
        f"ratio {ratio:.2f}x (goal <= {goal}x, {verdict})"
    )
