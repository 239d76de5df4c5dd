"""`termbase set` on the 125,000-concept base beside `termbase validate` of the same base.

Run: python benchmarks/edit.py [--runs N]
Goal: an edit costs at most one full read of the base (edits parse only the file they change).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics

from _corpus import OUT
from _timing import run_once, termbase_command
from lookup import large_base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    source = large_base()
    base = OUT / "cedict-edit"
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(source, base)
    tb = termbase_command()
    values = ["first value", "second value"]
    edits = []
    for n in range(args.runs):
        cmd = [*tb, "set", "ren-gong-zhi-neng", "note", values[n % 2], "-t", str(base)]
        edits.append(run_once(cmd, check=True))
    validate = [
        run_once([*tb, "validate", "-q", "-o", os.devnull, str(base)], check=False)
        for _ in range(2)
    ]
    e, v = statistics.median(edits), statistics.median(validate)
    verdict = "ok" if e <= v else "over goal"
    print(
        f"termbase set on 125k base: {e:.2f} s; termbase validate: {v:.2f} s; "
        f"ratio {e / v:.3f} (goal <= 1, {verdict})"
    )


if __name__ == "__main__":
    main()
