"""`termbase score` beside the official WMT25 track-2 terminology metric, on the development
years in ../shared (each (system, mode, year) a point, proper terms): Pearson r and mean
|difference| per direction, the gold references' misses, and time against the official loops.

The official formula is taken from ../shared/data/wmt25-terminology/metric/evaluate_track2.py
(its get_term_success_rate, read from the file; the script itself runs on import).

Run: python benchmarks/score_wmt25.py
"""

from __future__ import annotations

import ast
import json
import math
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "wmt25-terminology"


def official_rate() -> Any:
    source = (DATA / "metric" / "evaluate_track2.py").read_text("utf-8")
    tree = ast.parse(source)
    func = next(
        n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "get_term_success_rate"
    )
    namespace: dict[str, Any] = {}
    exec(compile(ast.Module([func], []), "evaluate_track2", "exec"), namespace)
    return namespace["get_term_success_rate"]


def official(refs: list[dict[str, Any]], hyps: list[str], src: str, tgt: str) -> float:
    rate = official_rate()
    valid = 0
    total = 0.0
    for ref, hyp in zip(refs, hyps, strict=True):
        for key, targets in ref["proper"].items():
            term = key.strip()
            s, r = ref[src].strip(), ref[tgt].strip()
            if term and term.lower() in s.lower() and any(t.lower() in r.lower() for t in targets):
                valid += 1
                total += float(rate(s, hyp, term, targets, lowercase=True))
    return float(total / valid) if valid else -1.0


def pearson(xs: list[float], ys: list[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    covariance: float = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return covariance / (sx * sy)


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"{DATA}: not here (the WMT25 data lies next to the project)")
    from termbase.evolution import score

    for direction, years in (("zhen", (2016, 2018)), ("enzh", (2015, 2017))):
        src, tgt = direction[:2], direction[2:]
        ours: list[float] = []
        theirs: list[float] = []
        t_ours = t_theirs = 0.0
        for year in years:
            ref_path = DATA / "references" / f"full_data_{year}.jsonl"
            refs = [json.loads(line) for line in ref_path.read_text("utf-8").splitlines()]
            docs = score.read_wmt25(ref_path, src, tgt, "proper")
            began = time.perf_counter()
            reference = score.Reference(docs)
            t_ours += time.perf_counter() - began
            gold = reference.score("gold", [d.reference for d in docs])
            print(
                f"{direction} {year} gold reference: {gold.missed} of {gold.required} pairs "
                f"missed ({100 * gold.missed / gold.required:.1f} %), success "
                f"{gold.success_rate:.3f}"
            )
            for path in sorted((DATA / "submissions").glob(f"*/*.{year}.{direction}.*.jsonl")):
                hyps = score.read_outputs(path, tgt, len(docs))
                began = time.perf_counter()
                ours.append(reference.score(path.name, hyps).success_rate)
                t_ours += time.perf_counter() - began
                began = time.perf_counter()
                theirs.append(official(refs, hyps, src, tgt))
                t_theirs += time.perf_counter() - began
        diffs = [o - t for o, t in zip(ours, theirs, strict=True)]
        print(
            f"{direction}: {len(ours)} points, Pearson r {pearson(ours, theirs):.4f}, mean "
            f"|difference| {statistics.fmean(map(abs, diffs)):.4f} (mean difference "
            f"{statistics.fmean(diffs):+.4f}); time {t_ours:.2f} s against the official "
            f"loops' {t_theirs:.2f} s ({t_ours / t_theirs:.1f}x)"
        )


if __name__ == "__main__":
    main()
