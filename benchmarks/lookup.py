"""`termbase lookup` beside `python -c "import typer"`, on the bundled base and a 125k base.

Run: python benchmarks/lookup.py [--runs N] [--no-large]
Goals: bundled base at most 1.5x; 125,000-concept base with a warm cache at most 3x; the cold
first look-up on it at most the cost of one `termbase validate` of that base.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from _corpus import OUT
from _timing import median_pair, report, run_once, termbase_command

ROOT = Path(__file__).resolve().parent.parent


def large_base() -> Path:
    base = OUT / "cedict"
    if not (base / "termbase.toml").exists():
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("make_cedict_base.py")), str(base)],
            check=True,
        )
    return base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--no-large", action="store_true")
    args = parser.parse_args()
    cache = OUT / "cache"
    os.environ["TERMBASE_CACHE_DIR"] = str(cache)
    tb = termbase_command()
    anchor = [sys.executable, "-c", "import typer"]
    bundled = [*tb, "lookup", "-t", str(ROOT / "terms"), "小院高牆"]
    run_once(bundled)  # fill the cache
    ours, base = median_pair(bundled, anchor, runs=args.runs)
    print(report("lookup 小院高牆, bundled base", ours, 'python -c "import typer"', base, 1.5))
    if args.no_large:
        return
    large = large_base()
    query = [*tb, "lookup", "-t", str(large), "xiaoyuan"]
    shutil.rmtree(cache, ignore_errors=True)
    cold = run_once(query)
    validate = run_once([*tb, "validate", "-q", "-o", os.devnull, str(large)])
    print(
        f"lookup on 125k base, cold (builds the index): {cold:.1f} s; "
        f"validate of the same base: {validate:.1f} s; ratio {cold / validate:.2f} (goal <= 1)"
    )
    for q in ("xiaoyuan", "人工智能", "digital divide", "smal yard"):
        cmd = [*tb, "lookup", "-t", str(large), q]
        ours, base = median_pair(cmd, anchor, runs=args.runs)
        print(report(f"lookup {q!r}, 125k base, warm", ours, 'python -c "import typer"', base, 3))


if __name__ == "__main__":
    main()
