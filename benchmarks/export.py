"""`termbase export` of the 125,000-concept base to tbx and csv, beside a bare tomllib parse of
the same files, with peak memory.

Run: python benchmarks/export.py [--runs N]
Goals: at most 2x the parse, peak memory under 1 GB.
"""

from __future__ import annotations

import argparse
import statistics
import sys

from _corpus import OUT
from _timing import GOOGLE_CSV, termbase_command
from lookup import large_base
from validate import PARSE, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = large_base()
    tb = termbase_command()
    parse_cmd = [sys.executable, "-c", PARSE, str(base)]
    commands = {
        "tbx": [*tb, "export", "-f", "tbx", "-t", str(base), "-o", str(OUT / "cedict.tbx")],
        "csv (google)": [*tb, *GOOGLE_CSV, "-t", str(base), "-o", str(OUT / "cedict.csv")],
    }
    timed(parse_cmd)
    parse = statistics.median(timed(parse_cmd)[0] for _ in range(args.runs))
    for name, cmd in commands.items():
        timed(cmd)
        runs = [timed(cmd) for _ in range(args.runs)]
        t = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        verdict = "ok" if t <= 2 * parse and peak < 1024 else "over goal"
        print(
            f"export {name}, 125k base: {t:.1f} s; tomllib parse {parse:.1f} s; "
            f"ratio {t / parse:.2f}x; peak {peak:.0f} MB (goals <= 2x, < 1 GB: {verdict})"
        )
    size = (OUT / "cedict.tbx").stat().st_size / 1e6
    print(f"cedict.tbx: {size:.0f} MB")


if __name__ == "__main__":
    main()
