"""`termbase --help` beside `python -c "import typer"`: the cost of termbase's own start-up.

Run: python benchmarks/startup.py [--runs N]. Prints medians and their ratio (goal <= 1.3x).
"""

from __future__ import annotations

import argparse
import sys

from _timing import median_pair, report, termbase_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    ours, anchor = median_pair(
        [*termbase_command(), "--help"], [sys.executable, "-c", "import typer"], runs=args.runs
    )
    print(report("termbase --help", ours, 'python -c "import typer"', anchor, 1.3))


if __name__ == "__main__":
    main()
