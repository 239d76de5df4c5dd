"""Quality of `termbase mine` on documents nobody here wrote: the Hong Kong Monetary Authority's
annual reports of the WMT25 terminology data (../shared/data/wmt25-terminology, Hong Kong
Traditional Chinese with their English), against each year's reviewed term list (`proper`).

Gold: the listed Chinese terms that occur at least twice in the year's Chinese, without title
marks or a trailing abbreviation in brackets (《銀行業條例》 is 銀行業條例). Precision of
the top 100 (candidates that are gold terms), recall in the top 500 (gold terms among them),
top-1 rendering accuracy (of the gold terms found with renderings, the first rendering is one of
the listed English ones, case and a leading article aside; and also with the last word's
number aside), and the time per megabyte.
Documents are aligned paragraph by paragraph where both sides have as many paragraphs, else as
a whole. The development years are 2016 and 2018; later years are held back (issue 35).

Run: python benchmarks/mine_wmt25.py [--years 2016 2018] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from termbase.english import singular
from termbase.evolution.mine import Unit, mine

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/wmt25-terminology/references"


def units_of(year: int) -> tuple[list[Unit], dict[str, list[str]], str]:
    path = DATA / f"full_data_{year}.jsonl"
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    units: list[Unit] = []
    proper: dict[str, list[str]] = {}
    line = 0
    for doc in docs:
        proper.update(doc["proper"])
        zh = [p for p in re.split(r"\n\s*\n", doc["zh"]) if p.strip()]
        en = [p for p in re.split(r"\n\s*\n", doc["en"]) if p.strip()]
        pairs = list(zip(zh, en, strict=True)) if len(zh) == len(en) else [(doc["zh"], doc["en"])]
        for z, e in pairs:
            line += 1
            units.append(Unit(path, line, z, e))
    return units, proper, "\n".join(d["zh"] for d in docs)


def _bare(term: str) -> str:
    """A listed term without its title marks and a trailing abbreviation in brackets: the list
    has 《銀行業條例》 and 證券及期貨事務監察委員會（證監會）, a candidate the name itself."""
    term = re.sub(r"[（(][^）)]*[）)]$", "", term.strip())
    return term.replace("《", "").replace("》", "")


def _norm(text: str) -> str:
    return re.sub(r"^(the|a|an) ", "", text.strip().lower())


def _number_aside(text: str) -> str:
    """`_norm` with the last word singular: the list has "key audit matter" where the text
    writes "key audit matters", and "SVFs" where it writes "SVF"."""
    words = _norm(text).split()
    return " ".join([*words[:-1], singular(words[-1])]) if words else ""


def measure(year: int, show: int = 0) -> dict[str, float]:
    units, proper, text = units_of(year)
    gold: dict[str, list[str]] = {}
    for t, en in proper.items():
        bare = _bare(t)
        if len(bare) >= 2 and text.count(bare) >= 2:
            gold.setdefault(bare, []).extend(en)
    start = time.perf_counter()
    found = mine(units, min_count=2, top=500)
    took = time.perf_counter() - start
    top100 = [c.term for c in found[:100]]
    precision = sum(t in gold for t in top100) / max(len(top100), 1)
    in500 = {c.term for c in found} & set(gold)
    recall = len(in500) / max(len(gold), 1)
    with_renderings = [c for c in found if c.term in gold and c.renderings]
    right = sum(
        _norm(c.renderings[0].text) in {_norm(e) for e in gold[c.term]} for c in with_renderings
    )
    aside = sum(
        _number_aside(c.renderings[0].text) in {_number_aside(e) for e in gold[c.term]}
        for c in with_renderings
    )
    for c in found[:show]:
        mark = "+" if c.term in gold else " "
        first = c.renderings[0].text if c.renderings else ""
        print(f"{mark} {c.term}  {first}  {'|'.join(gold.get(c.term, []))}")
    megabytes = len(text.encode("utf-8")) / 1e6
    return {
        "gold": len(gold),
        "precision@100": precision,
        "recall@500": recall,
        "top1 rendering": right / max(len(with_renderings), 1),
        "top1 number aside": aside / max(len(with_renderings), 1),
        "seconds/MB": took / megabytes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, nargs="+", default=[2016, 2018])
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"mine_wmt25.py: {DATA} is missing (the WMT25 data, ../shared)")
    for year in args.years:
        result = measure(year, args.show)
        print(
            year,
            ", ".join(
                f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items()
            ),
        )


if __name__ == "__main__":
    main()
