"""The lint engine's load and check beside another checkout's, run alternately, and the
instructions each executes under callgrind: on a machine whose speed drifts by tens of percent
within an hour, the ratio of alternating runs and the instruction count are the figures that
hold still (issue 18, session 5).

Run: python benchmarks/lint_ab.py OTHER_SRC [--runs N] [--count] [--command]
(for instance: git worktree add /tmp/old HEAD~3, then python benchmarks/lint_ab.py /tmp/old/src).
--count adds `valgrind --tool=callgrind` instruction counts of `Linter.check_many` on the
first 1,000 segments of each file (load subtracted; the garbage collector off). --command adds
the whole `termbase lint` command on the 1 MB English Markdown file of benchmarks/textlint.py
with the bundled term base (starting Python, imports, settings, reading, check, JSON report,
exit), each checkout's `src` first on the path.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _corpus import OUT
from lint import approved_tsv, bilingual_tsv
from lookup import large_base

HERE = Path(__file__).resolve().parent
MAIN_SRC = HERE.parent / "src"


def measure(src: str, base: Path, tsv: Path) -> None:
    """One run in this process, `src` first on the path: load, then check the whole file."""
    sys.path.insert(0, src)
    from termbase.lint import Linter, LintSettings, ReadOptions, lint_files
    from termbase.search.index import Index

    start = time.perf_counter()
    linter = Linter.from_index(Index.open([base]), LintSettings())
    linter.prepare("zh-Hans", "en")
    loaded = time.perf_counter()
    result = lint_files(linter, [tsv], ReadOptions())
    print(json.dumps([loaded - start, time.perf_counter() - loaded, len(result.findings)]))


def count(src: str, base: Path, tsv: Path, work: bool) -> None:
    """What callgrind counts: loading, and with `work` checking 1,000 segments too."""
    import gc

    sys.path.insert(0, src)
    from termbase.lint import Linter, LintSettings, ReadOptions
    from termbase.lint.segment import InputFormat, iter_read
    from termbase.search.index import Index

    linter = Linter.from_index(Index.open([base]), LintSettings())
    linter.prepare("zh-Hans", "en")
    segments = list(iter_read(tsv, InputFormat.TSV, ReadOptions()))[:1000]
    gc.disable()
    if work:
        linter.check_many(segments)


def cache_for(src: str) -> str:
    """Each checkout its own matcher cache: their formats may differ."""
    if Path(src).resolve() == MAIN_SRC.resolve():
        return str(OUT / "cache")
    return str(OUT / ("cache-" + re.sub(r"\W", "_", str(Path(src).resolve()))))


def child(args: list[str], src: str) -> str:
    env = dict(os.environ, TERMBASE_CACHE_DIR=cache_for(src))
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def instructions(src: str, base: Path, tsv: Path) -> int:
    totals = []
    for work in ("load", "check"):
        out = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                sys.executable,
                __file__,
                "--count",
                work,
                src,
                str(base),
                str(tsv),
            ],
            env=dict(os.environ, TERMBASE_CACHE_DIR=cache_for(src)),
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        found = re.search(r"Collected : (\d+)", out)
        if found is None:
            sys.exit(f"callgrind gave no count: {out[-300:]}")
        totals.append(int(found.group(1)))
    return totals[1] - totals[0]


def whole_command(sources: list[str], runs: int) -> None:
    """`termbase lint` of the Markdown file with the bundled base, each checkout alternately."""
    text = OUT / "english-terms-1MB.md"
    if not text.exists():
        sys.exit(f"{text} is missing: python benchmarks/textlint.py --terms 0 makes it")
    args = ["lint", str(text), "-t", str(MAIN_SRC.parent / "terms"), "-f", "json", "-q"]
    start = "import sys; from termbase.cli import main; sys.argv[0] = 'termbase'; main()"
    times: dict[str, list[float]] = {s: [] for s in sources}
    outputs: dict[str, bytes] = {}
    for n in range(runs + 1):
        for src in sources:
            env = dict(os.environ, PYTHONPATH=src, TERMBASE_CACHE_DIR=cache_for(src))
            began = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", start, *args], env=env, capture_output=True, check=False
            )
            if n:  # the first is a warm-up (or builds that checkout's matchers)
                times[src].append(time.perf_counter() - began)
            outputs[src] = done.stdout
    same = len(set(outputs.values())) == 1
    for src in sources:
        t = times[src]
        print(
            f"{text.name} (termbase lint -f json) {src}: min {min(t):.3f} "
            f"median {statistics.median(t):.3f} s; output identical: {same}"
        )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("--measure", "--count"):
        if sys.argv[1] == "--measure":
            measure(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
        else:
            count(sys.argv[3], Path(sys.argv[4]), Path(sys.argv[5]), sys.argv[2] == "check")
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("other", help="the src folder of the other checkout")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count", action="store_true", help="callgrind instruction counts")
    parser.add_argument(
        "--command", action="store_true", help="the whole command on the Markdown file too"
    )
    args = parser.parse_args()
    base = large_base()
    files = [bilingual_tsv(1_000_000)]
    files.append(approved_tsv(base, 1_000_000))
    sources = [args.other, str(MAIN_SRC)]
    if args.command:
        whole_command(sources, args.runs)
    for tsv in files:
        rows: dict[str, list[list[float]]] = {s: [] for s in sources}
        for n in range(args.runs + 1):
            for src in sources:
                row = json.loads(child(["--measure", src, str(base), str(tsv)], src))
                if n:  # the first is a warm-up (or builds that checkout's matchers)
                    rows[src].append(row)
        for src in sources:
            load = [r[0] for r in rows[src]]
            check = [r[1] for r in rows[src]]
            print(
                f"{tsv.name} {src}: {int(rows[src][0][2])} findings; load min {min(load):.3f} "
                f"median {statistics.median(load):.3f} s; check min {min(check):.3f} "
                f"median {statistics.median(check):.3f} s"
            )
        if args.count:
            if shutil.which("valgrind") is None:
                sys.exit("valgrind is not installed: apt-get install valgrind")
            for src in sources:
                millions = instructions(src, base, tsv) / 1e6
                print(f"{tsv.name} {src}: check_many of 1,000 segments: {millions:,.0f} M instr.")


if __name__ == "__main__":
    main()
