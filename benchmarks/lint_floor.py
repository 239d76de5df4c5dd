"""The least work a lint of the random-gloss file must do in CPython, each step in the fastest
form measured, none of the rules' conditions: what a check of that file cannot go below with
this design (issue 18's 4 MB/s goal is 0.25 s a MB).

Run: python benchmarks/lint_floor.py [--runs N]
Each step is timed alone (best of N, in one process, the matchers loaded first):
- read: the file's lines split into source and target, no segment objects;
- Chinese scan: all sources joined, folded and scanned by the saved automaton at once, the hits
  then given to their segments as concepts (first place of each concept kept);
- English codes: all targets cut into words and coded from the table of spellings in C (the
  regular expression for the non-ASCII texts), joined, scanned by the word automaton;
- missing: for each (segment, source concept) not among the target's hits, one look-up of the
  concept's record and one substring test of its codes in the target's codes;
- findings: one `Finding` (made through its slots) with its message for each missing concept;
- order: the findings sorted as the report lists them.
Rules, coordinations, exclusion contexts, cased terms and suppressions are all left out.
"""

from __future__ import annotations

import argparse
import os
import sys
import timeit
from itertools import repeat
from operator import attrgetter
from pathlib import Path

from _corpus import OUT
from lint import bilingual_tsv
from lookup import large_base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("TERMBASE_CACHE_DIR", str(OUT / "cache"))
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from termbase.finding import Finding, Severity, quick_finding
    from termbase.lint import Linter, LintSettings
    from termbase.lint.missing import FIELD
    from termbase.lint.tokens import Words
    from termbase.search.index import Index

    base = large_base()
    tsv = bilingual_tsv(1_000_000)
    linter = Linter.from_index(Index.open([base]), LintSettings())
    linter.prepare("zh-Hans", "en")
    zh, en = linter.matcher.chinese(), linter.matcher.spaced("en")
    records = linter._wanted["en"].records
    concepts = zh.table.concepts
    t_concepts = en.table.concepts
    raw = tsv.read_text("utf-8")

    def read() -> list[list[str]]:
        return [line.split("\t") for line in raw.splitlines()[1:]]

    rows = read()
    sources = [r[0] for r in rows]
    targets = [r[1] for r in rows]

    def chinese() -> list[dict[str, tuple[int, int]]]:
        joined = "\n".join(sources)
        low = joined.translate(zh.fold_table).casefold()
        out: list[dict[str, tuple[int, int]]] = [{} for _ in sources]
        ends = [len(s) + 1 for s in sources]
        i, end, base = 0, ends[0], 0
        for a, b, k in zh.automaton.find(low):
            while a >= end:
                base, i = end, i + 1
                end += ends[i]
            out[i].setdefault(concepts[k], (a - base, b - base))
        return out

    def english() -> tuple[list[str], list[set[str]]]:
        sep = "qzxsep0"
        joined = f" {sep} ".join(targets)
        split = Words(joined, joined.isascii())
        tokens = split.tokens
        codes = list(map(en.variants[False].get, map(str.lower, tokens), repeat("\ue000")))
        at = -1
        for _ in range(len(targets) - 1):
            at = tokens.index(sep, at + 1)
            codes[at] = "\n"  # no word's code
        joined_codes = "".join(codes)
        coded = joined_codes.split("\n")
        starts = [0]
        for c in coded:
            starts.append(starts[-1] + len(c) + 1)
        present: list[set[str]] = [set() for _ in targets]
        i = 0
        for a, _, k in en.trie.find(joined_codes):
            while a >= starts[i + 1]:
                i += 1
            present[i].add(t_concepts[k])
        return coded, present

    first = chinese()
    coded, present = english()

    def missing() -> list[tuple[int, str, tuple[int, int], str]]:
        out = []
        for n, (wanted, here, code) in enumerate(zip(first, present, coded, strict=True)):
            for cid, se in wanted.items():
                if cid in here:
                    continue
                record = records.get(cid)
                if record is None:
                    continue
                plain, _, _, listed = record.split(FIELD)
                if plain and plain not in code:
                    out.append((n, cid, se, listed))
        return out

    lost = missing()
    path = tsv
    error = Severity.ERROR

    def findings() -> list[Finding]:
        return [
            quick_finding(
                path,
                n + 2,
                "LT101",
                error,
                f"{sources[n][s:e]!r} is in the source but the target has none of {listed}",
                cid,
                0,
                None,
                None,
                sources[n],
                targets[n],
            )
            for n, cid, (s, e), listed in lost
        ]

    made = findings()
    key = attrgetter("line", "column", "code", "message")

    def order() -> None:
        sorted(made, key=key)

    steps = [
        ("read", read),
        ("Chinese scan", chinese),
        ("English codes and scan", english),
        ("missing concepts", missing),
        ("findings and messages", findings),
        ("order", order),
    ]
    print(f"{tsv.name}: {len(rows)} segments, {len(lost)} missing concepts found")
    total = 0.0
    for name, step in steps:
        best = min(timeit.repeat(step, number=1, repeat=args.runs))
        total += best
        print(f"  {name:24} {best * 1000:7.1f} ms")
    mb = tsv.stat().st_size / 1e6
    print(f"  {'sum':24} {total * 1000:7.1f} ms = {mb / total:.1f} MB/s (goal 4 MB/s: 250 ms)")


if __name__ == "__main__":
    main()
