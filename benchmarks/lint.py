"""`termbase lint` on a 1 MB bilingual TSV against the 125,000-concept CC-CEDICT base.

Run: python benchmarks/lint.py [--size MB] [--runs N]
Goals (issue 18): checking at least 5 MB/s on the translated file and 4 MB/s on the random-gloss
file (42k findings a MB), loading at most 0.5 s after the first run, peak under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
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


def approved_tsv(base: Path, size: int) -> Path:
    """The same Chinese, translated with the preferred rendering of every term found in it:
    the file a translator who follows the term base hands in (few findings), beside the
    random-gloss file where nearly every term is missing (tens of thousands of findings)."""
    path = OUT / f"bilingual-approved-{size // 1_000_000}MB.tsv"
    if path.exists():
        return path
    from termbase.lint import Linter, LintSettings
    from termbase.search.index import Index

    linter = Linter.from_index(Index.open([base]), LintSettings())
    rows = bilingual_tsv(size).read_text("utf-8").splitlines()[1:]
    with path.open("w", encoding="utf-8") as f:
        f.write("zh-Hans\ten\n")
        for row in rows:
            src = row.split("\t")[0]
            table, hits = linter.matcher.hits(src, "zh-Hans")
            concepts = dict.fromkeys(table.concepts[k] for k, _, _ in hits)
            words = [r[0] for c in concepts if (r := linter._renderings(c, "en"))]
            f.write(f"{src}\t{' '.join(words).replace(chr(9), ' ')}\n")
    return path


def peak_mb() -> float:
    """This process's peak resident memory. Not ru_maxrss: a child started by fork and exec
    inherits its parent's high-water mark there; VmHWM starts afresh with the new program."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(base: Path, tsv: Path) -> None:
    """One run in this process: open the index, make the linter, check the file."""
    from termbase.lint import Linter, LintSettings, ReadOptions, lint_files
    from termbase.search.index import Index

    start = time.perf_counter()
    index = Index.open([base])
    linter = Linter.from_index(index, LintSettings())
    linter.prepare("zh-Hans", "en")
    built = time.perf_counter()
    result = lint_files(linter, [tsv], ReadOptions())
    took = time.perf_counter() - built
    print(json.dumps([built - start, took, result.segments, len(result.findings), peak_mb()]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("TERMBASE_CACHE_DIR", str(OUT / "cache"))
    base = large_base()
    tsv = bilingual_tsv(args.size * 1_000_000)
    if args.measure:
        measure(base, Path(args.measure))
        return
    from termbase.search.index import Index

    approved = approved_tsv(base, args.size * 1_000_000)
    index = Index.open([base])  # the look-up index (lookup.py times building it)
    assert index.path is not None
    for stale in index.path.parent.glob(index.path.name + ".*"):
        stale.unlink()  # the lint matchers, so that the first run builds them
    index.close()
    term_count = len(Index.open([base]).ids())
    print(f"term base: {term_count} concepts; input {tsv.stat().st_size / 1e6:.2f} MB")
    cases = [
        ("random glosses (nearly every term missing)", tsv),
        ("translated with the preferred renderings", approved),
    ]
    for n, (label, path) in enumerate(cases):
        mb = path.stat().st_size / 1e6
        rows = [once(path) for _ in range(args.runs + 1)]
        if n == 0:
            first = rows[0]
            print(
                f"first run, builds the matchers and keeps them beside the index: load + build "
                f"{first[0]:.2f} s, peak {first[4]:.0f} MB"
            )
        rows = rows[1:]  # the first is the warm-up (or the build)
        load = statistics.median(r[0] for r in rows)
        check = statistics.median(r[1] for r in rows)
        print(
            f"{label}, {mb:.2f} MB, {rows[0][2]} segments, {rows[0][3]} findings; median of "
            f"{len(rows)}: load + build {load:.2f} s, check {check:.2f} s = {mb / check:.1f} MB/s, "
            f"peak {max(r[4] for r in rows):.0f} MB"
        )
    print(
        "goals: load <= 0.5 s (after the first run); check >= 5 MB/s translated, "
        ">= 4 MB/s random; peak < 300 MB"
    )


def once(path: Path) -> list[float]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(path)], check=True, capture_output=True
    )
    row: list[float] = json.loads(out.stdout)
    return row


if __name__ == "__main__":
    main()
