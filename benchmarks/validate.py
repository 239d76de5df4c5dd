"""`termbase validate` of the CC-CEDICT base beside a bare tomllib parse of the same files,
at 1,000, 10,000 and 125,000 concepts (the cost should grow linearly), with peak memory.

Run: python benchmarks/validate.py [--runs N]
Goal: at most 2x the parse at 125,000 concepts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _corpus import OUT
from _timing import termbase_command
from lookup import large_base

PARSE = (
    "import sys, tomllib, pathlib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.toml')):\n"
    "    tomllib.loads(p.read_text('utf-8'))\n"
)


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one run (validate exits 1 on CEDICT's findings)."""
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    return wall, int(proc.stderr.strip().splitlines()[-1]) / 1024


def base_of(size: int) -> Path:
    if size >= 125_000:
        return large_base()
    path = OUT / f"cedict-{size}"
    if not (path / "termbase.toml").exists():
        script = Path(__file__).with_name("make_cedict_base.py")
        subprocess.run(
            [sys.executable, str(script), str(path), "--limit", str(size)],
            check=True,
            stderr=subprocess.DEVNULL,
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 125_000])
    args = parser.parse_args()
    tb = termbase_command()
    for size in args.sizes:
        base = base_of(size)
        ours_cmd = [*tb, "validate", "-q", "-o", os.devnull, str(base)]
        parse_cmd = [sys.executable, "-c", PARSE, str(base)]
        timed(ours_cmd)
        timed(parse_cmd)
        ours = [timed(ours_cmd) for _ in range(args.runs)]
        parse = [timed(parse_cmd) for _ in range(args.runs)]
        o, p = statistics.median(x[0] for x in ours), statistics.median(x[0] for x in parse)
        mem = max(x[1] for x in ours)
        goal = " (goal <= 2x)" if size >= 125_000 else ""
        print(
            f"validate, {size} concepts: {o:.2f} s; tomllib parse: {p:.2f} s; "
            f"ratio {o / p:.2f}x{goal}; peak {mem:.0f} MB"
        )


if __name__ == "__main__":
    main()
