"""Quality of `termbase mine` on the seed article: precision and recall of the top 50 and top
100 candidates against a reference list.

The reference: the concepts of the bundled term base that cite the article (source
he-yin-2024) and whose Simplified Chinese term occurs in its Chinese text. The miner runs with
an empty term base (nothing known), on the Chinese paragraphs aligned with the English account's
paragraphs (they correspond one to one). A candidate is right when it is one of a reference
concept's Simplified terms (an enumeration also with its 、 taken out); precision counts right
candidates among the top N, recall counts reference concepts found among the top N. Rendering
accuracy: of the right candidates that come with English suggestions, how many have one of the
concept's English terms (any status) among them.

Run: python benchmarks/mine.py [--show N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from termbase.base import store
from termbase.evolution.mine import Candidate, Unit, mine

HERE = Path(__file__).resolve().parent
# Set phrases of the article that a terminologist found missing from the base (issue 17):
# counted in a second, extended reference.
MISSING = [
    *("习近平主席", "全球治理体系变革", "引领", "发挥引领作用", "旗帜鲜明", "负责任大国担当"),
    *("广泛参与", "唱响中国理念主张", "防范风险", "恶意阻挠", "不可或缺", "国际治理理念之争"),
]
SEED = HERE.parent.parent / "shared" / "seeds" / "000_6fb597dbf228831d.txt"
TERMS = HERE.parent / "terms"


def seed_units() -> list[Unit]:
    lines = SEED.read_text("utf-8").splitlines()
    chinese, english = lines[18:26], lines[10:18]
    return [
        Unit(SEED, 19 + i, zh, en) for i, (zh, en) in enumerate(zip(chinese, english, strict=True))
    ]


def reference(units: list[Unit]) -> dict[str, tuple[set[str], set[str]]]:
    """Concept id -> (its Simplified terms in the text, its English terms in lower case)."""
    text = "\n".join(u.chinese for u in units)
    out = {}
    for c in store.load_termbase([TERMS]).concepts:
        if "he-yin-2024" not in c.sources:
            continue
        zh = {t.text for t in c.terms if t.lang == "zh-Hans" and t.text in text}
        if zh:
            out[c.id] = (zh, {t.text.lower() for t in c.terms if t.lang == "en"})
    return out


def hit(candidate: Candidate, ref: dict[str, tuple[set[str], set[str]]]) -> str | None:
    forms = {candidate.term, candidate.term.replace("、", "")}
    return next((cid for cid, (zh, _) in ref.items() if forms & zh), None)


def scores(candidates: list[Candidate], ref: dict[str, tuple[set[str], set[str]]]) -> None:
    for n in (50, 100):
        top = candidates[:n]
        found = [hit(c, ref) for c in top]
        right = [f for f in found if f]
        print(
            f"  top {n}: precision {len(right) / len(top):.2f} ({len(right)}/{len(top)}), "
            f"recall {len(set(right)) / len(ref):.2f} ({len(set(right))}/{len(ref)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", type=int, default=0, help="print the top N with their marks")
    args = parser.parse_args()
    units = seed_units()
    ref = reference(units)
    text = "\n".join(u.chinese for u in units)
    extended = ref | {f"missing:{m}": ({m}, set()) for m in MISSING if m in text}
    print(f"seed: {len(units)} aligned paragraphs, {len(text)} characters")
    for min_count in (1, 2):
        start = time.perf_counter()
        candidates = mine(units, top=None, min_count=min_count)
        took = time.perf_counter() - start
        print(f"--min-count {min_count}: {len(candidates)} candidates in {took:.2f} s")
        print(f" reference of {len(ref)} concepts (the base's concepts from the article):")
        scores(candidates, ref)
        print(f" extended reference of {len(extended)} (and the phrases issue 17 found missing):")
        scores(candidates, extended)
    candidates = mine(units, top=None, min_count=1)
    with_renderings = [(c, hit(c, ref)) for c in candidates[:100] if c.renderings]
    judged = [(c, cid) for c, cid in with_renderings if cid]
    good = [c for c, cid in judged if {r.text for r in c.renderings} & ref[cid][1]]
    print(
        f"renderings: {len(with_renderings)} of the top 100 have suggestions; of the "
        f"{len(judged)} right ones, {len(good)} include one of the concept's English terms"
    )
    for i, c in enumerate(candidates[: args.show], 1):
        mark = hit(c, ref) or "-"
        renderings = "; ".join(f"{r.text} ({r.count})" for r in c.renderings)
        print(f"{i:3} {c.term}  {c.frequency} {c.score} {','.join(c.kinds)}  {mark}  {renderings}")


if __name__ == "__main__":
    main()
