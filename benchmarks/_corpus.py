"""Generated test texts for benchmarks (never committed: written under benchmarks/out/)."""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SHARED = HERE.parent.parent / "shared"
CEDICT = SHARED / "data" / "cedict_ts.u8"
ARTICLE = SHARED / "seeds" / "000_6fb597dbf228831d.txt"


def chinese_text(size: int, path: Path | None = None, seed: int = 0) -> Path:
    """About `size` bytes of Simplified Chinese prose-like lines: sentences of the source
    article and runs of CC-CEDICT headwords, with Chinese punctuation."""
    path = path or OUT / f"zh-{size // 1_000_000}MB.txt"
    if path.exists() and path.stat().st_size >= size:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    words = [
        line.split(" ", 2)[1]
        for line in CEDICT.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    article = ARTICLE.read_text(encoding="utf-8").split("人民日报和音", 1)[1].replace("\n", "")
    rng = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8") as f:
        while written < size:
            if rng.random() < 0.3:
                start = rng.randrange(0, len(article) - 200)
                line = article[start : start + rng.randint(20, 120)]
            else:
                clauses = (
                    "".join(rng.choice(words) for _ in range(rng.randint(2, 6)))
                    for _ in range(rng.randint(1, 4))
                )
                line = "，".join(clauses) + "。"
            f.write(line + "\n")
            written += len(line.encode()) + 1
    return path
