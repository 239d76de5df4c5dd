"""TOML -> TBX -> TOML on the 125,000-concept CC-CEDICT base: every concept must come back field
for field (v3; v2 too with --v2). Prints the counts, the time of each step and the peak memory.

Run: python benchmarks/round_trip.py [--v2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from _corpus import OUT
from lookup import large_base

from termbase.base import store
from termbase.exchange import ExportFormat, ExportOptions, export_chunks, tbx_read


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--v2", action="store_true", help="TBX-Basic v2 instead of v3")
    args = parser.parse_args()
    fmt = ExportFormat.TBX2 if args.v2 else ExportFormat.TBX
    start = time.perf_counter()
    tb = store.load([large_base()]).termbase
    loaded = time.perf_counter()
    out = Path(OUT / f"round-trip.{fmt.value}")
    with out.open("w", encoding="utf-8") as f:
        for piece in export_chunks(tb, fmt, ExportOptions()):
            f.write(piece)
    exported = time.perf_counter()
    back = tbx_read.read(out)
    read = time.perf_counter()
    differ = [a.id for a, b in zip(tb.concepts, back, strict=False) if a != b]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{fmt.value}: {len(tb.concepts):,} concepts written, {len(back):,} read back, "
        f"{len(differ):,} differ; load {loaded - start:.1f} s, export {exported - loaded:.1f} s, "
        f"read {read - exported:.1f} s; file {out.stat().st_size / 1e6:.0f} MB; peak {peak:.0f} MB"
    )
    if differ:
        print("first differing:", ", ".join(differ[:10]))
    return 0 if not differ and len(back) == len(tb.concepts) else 1


if __name__ == "__main__":
    sys.exit(main())
