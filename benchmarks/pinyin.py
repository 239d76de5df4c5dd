"""`termbase pinyin` of 1 MB of running text beside its own building blocks called directly:
the segmenter (rjieba, with part-of-speech tags) and pypinyin on each word.

Run: python benchmarks/pinyin.py [--runs N]
Goal (issue 16): termbase at most 2x the segmenter plus pypinyin on the same text.
"""

from __future__ import annotations

import argparse
import sys

from _corpus import OUT, chinese_text
from _timing import median_pair, termbase_command

DIRECT = """
import sys
import rjieba
from pypinyin import Style, pinyin
text = open(sys.argv[1], encoding="utf-8").read()
out = []
for line in text.splitlines():
    for word, _ in rjieba.tag(line):
        out.append("".join(s[0] for s in pinyin(word, style=Style.TONE)))
sys.stdout.write(" ".join(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ten = chinese_text(10_000_000)
    one = OUT / "zh-1MB-pinyin.txt"
    if not one.exists():
        data = ten.read_bytes()[:1_000_000]
        one.write_bytes(data.decode("utf-8", errors="ignore").encode("utf-8"))
    ours = ["sh", "-c", f"{' '.join(termbase_command())} pinyin - --no-terms < {one}"]
    direct = [sys.executable, "-c", DIRECT, str(one)]
    t_ours, t_direct = median_pair(ours, direct, runs=args.runs, warmup=1)
    print(f"termbase pinyin - --no-terms < 1 MB:                {t_ours:.2f} s")
    print(f"rjieba.tag + pypinyin per word, directly:           {t_direct:.2f} s")
    print(f"ratio {t_ours / t_direct:.2f}x (goal <= 2x)")


if __name__ == "__main__":
    main()
