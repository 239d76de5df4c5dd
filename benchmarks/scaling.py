"""How each command's cost grows with the term base: 1,000, 10,000 and 125,000 concepts of
CC-CEDICT, the median of --runs after a warm-up (which also builds the index and the lint
matchers), with peak memory. The cost should grow linearly or better; `validate.py` has the
same three points for validation, beside a bare tomllib parse.

Run: python benchmarks/scaling.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
from collections.abc import Callable

from _corpus import OUT
from _timing import GOOGLE_CSV, termbase_command
from lint import bilingual_tsv
from validate import base_of, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("TERMBASE_CACHE_DIR", str(OUT / "cache"))
    tb = termbase_command()
    sample = OUT / "bilingual-100KB.tsv"
    if not sample.exists():
        lines = bilingual_tsv(1_000_000).read_text("utf-8").splitlines(keepends=True)
        sample.write_text("".join(lines[:290]), "utf-8")
    commands: dict[str, Callable[[str], list[str]]] = {
        "lookup 人工智能 (warm index)": lambda b: [*tb, "lookup", "人工智能", "-t", b],
        "export --format tbx": lambda b: [*tb, "export", "-f", "tbx", "-t", b, "-o", os.devnull],
        "export --format csv --profile google": lambda b: [
            *tb,
            *GOOGLE_CSV,
            "-t",
            b,
            "-o",
            os.devnull,
        ],
        "lint of a 100 KB TSV (kept matchers)": lambda b: [
            *tb,
            "lint",
            str(sample),
            "-t",
            b,
            "-q",
            "-o",
            os.devnull,
        ],
    }
    print(f"{'command':40} {'1,000':>16} {'10,000':>16} {'125,000':>16}")
    for label, make in commands.items():
        cells = []
        for size in (1_000, 10_000, 125_000):
            cmd = make(str(base_of(size)))
            timed(cmd)  # warm-up
            runs = [timed(cmd) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cells.append(f"{wall:6.2f} s {max(r[1] for r in runs):4.0f} MB")
        print(f"{label:40} {cells[0]:>16} {cells[1]:>16} {cells[2]:>16}")


if __name__ == "__main__":
    main()
