"""`termbase lint` on a 1 MB bilingual TSV against the 125,000-concept CC-CEDICT base.

Run: python benchmarks/lint.py [--size MB]
Goals: at least 5 MB/s of source plus target text once the term base is loaded; loading plus
building the automata at most 2 s; peak memory under 500 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time
from pathlib import Path

from _corpus import CEDICT, OUT, chinese_text
from lookup import large_base


def bilingual_tsv(size: int) -> Path:
    path = OUT / f"bilingual-{size // 1_000_000}MB.tsv"
    if path.exists():
        return path
    zh = chinese_text(10_000_000).read_text("utf-8").splitlines()
    glosses = [
        line.split("/")[1]
        for line in CEDICT.read_text("utf-8").splitlines()
        if line and not line.startswith("#") and "/" in line
    ]
    rng = random.Random(1)
    written = 0
    with path.open("w", encoding="utf-8") as f:
        f.write("zh-Hans\ten\n")
        while written < size:
            src = rng.choice(zh)
            tgt = " ".join(rng.choice(glosses) for _ in range(rng.randint(3, 12))).replace(
                "\t", " "
            )
            row = f"{src}\t{tgt}\n"
            f.write(row)
            written += len(row.encode())
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("TERMBASE_CACHE_DIR", str(OUT / "cache"))
    from termbase.index import Index
    from termbase.lint import Linter, LintSettings, ReadOptions, lint_files

    base = large_base()
    tsv = bilingual_tsv(args.size * 1_000_000)
    Index.open([base]).close()  # warm the index cache (not timed: lookup.py times that)
    start = time.perf_counter()
    index = Index.open([base])
    cards = index.cards()
    loaded = time.perf_counter()
    linter = Linter(cards, index.fold_table(), LintSettings())
    linter.matcher.chinese()
    linter.matcher.spaced("en")
    built = time.perf_counter()
    result = lint_files(linter, [tsv], ReadOptions())
    done = time.perf_counter()
    mb = tsv.stat().st_size / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"term base: {len(cards)} concepts; input {mb:.2f} MB, {result.segments} segments")
    print(
        f"load cards from the index: {loaded - start:.2f} s; build automata: {built - loaded:.2f} s"
    )
    total = built - start
    print(f"load + build: {total:.2f} s (goal <= 2 s, {'ok' if total <= 2 else 'over goal'})")
    rate = mb / (done - built)
    verdict = "ok" if rate >= 5 else "under goal"
    print(f"check: {done - built:.2f} s, {rate:.1f} MB/s (goal >= 5 MB/s, {verdict})")
    print(f"findings: {len(result.findings)}; peak memory {peak:.0f} MB (goal < 500 MB)")


if __name__ == "__main__":
    main()
