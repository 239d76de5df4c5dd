"""`termbase validate` of the CC-CEDICT base beside a bare tomllib parse of the same files,
at 1,000, 10,000 and 125,000 concepts (the cost should grow linearly), with peak memory.

Run: python benchmarks/validate.py [--runs N] [--sizes N ...]
Goals: without the cache (--no-cache), at most 2x the parse at 125,000 concepts; with the cache,
an unchanged 125k base in at most 1 s.
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
        cold_cmd = [*tb, "validate", "--no-cache", "-q", "-o", os.devnull, str(base)]
        warm_cmd = [*tb, "validate", "-q", "-o", os.devnull, str(base)]
        parse_cmd = [sys.executable, "-c", PARSE, str(base)]
        timed(warm_cmd)  # fills the validation cache
        timed(parse_cmd)
        cold, parse, warm = [], [], []
        for _ in range(args.runs):  # alternately, so that both see the same noise
            cold.append(timed(cold_cmd))
            parse.append(timed(parse_cmd))
            warm.append(timed(warm_cmd))
        c, p = statistics.median(x[0] for x in cold), statistics.median(x[0] for x in parse)
        w = statistics.median(x[0] for x in warm)
        goal = " (goal <= 2x)" if size >= 125_000 else ""
        print(
            f"validate --no-cache, {size} concepts: {c:.2f} s; tomllib parse: {p:.2f} s; "
            f"ratio {c / p:.2f}x{goal}; peak {max(x[1] for x in cold):.0f} MB"
        )
        print(
            f"validate, unchanged base (cache): {w:.2f} s (goal <= 1 s at 125k); "
            f"peak {max(x[1] for x in warm):.0f} MB"
        )


if __name__ == "__main__":
    main()
