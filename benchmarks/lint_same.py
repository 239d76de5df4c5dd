"""Findings of this checkout's `termbase lint` beside those of another checkout (an earlier
commit, in a git worktree), on the benchmark files and a stress file, against the 125k base:
the speed work must not change one finding.

Run: python benchmarks/lint_same.py OTHER_SRC  (for instance: git worktree add /tmp/old HEAD~3,
then python benchmarks/lint_same.py /tmp/old/src)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from _corpus import CEDICT, OUT
from lint import approved_tsv, bilingual_tsv
from lookup import large_base

HERE = Path(__file__).resolve().parent


def stress_tsv(size: int = 1_000_000) -> Path:
    """Glosses bent the ways English text bends them: plurals, possessives, capitals,
    hyphens, placeholders and tags around and inside terms, non-ASCII words and full-width
    letters; beside real Chinese sources."""
    path = OUT / f"stress-{size // 1_000_000}MB.tsv"
    if path.exists():
        return path
    zh = (OUT / "zh-10MB.txt").read_text("utf-8").splitlines()
    glosses = [
        line.split("/")[1]
        for line in CEDICT.read_text("utf-8").splitlines()
        if line and not line.startswith("#") and "/" in line
    ]
    rng = random.Random(7)
    bends: list[Callable[[str], str]] = [
        lambda g: g + "s",
        lambda g: g + "'s",
        lambda g: g + "’s",
        lambda g: g.upper(),
        lambda g: g.title(),
        lambda g: g.replace(" ", "-"),
        lambda g: "{0} " + g,
        lambda g: g.replace(" ", " {name} ", 1),
        lambda g: "<b>" + g + "</b>",
        lambda g: "%s " + g + " %(x)s",
        lambda g: g.replace("e", "é", 1),
        lambda g: "".join(chr(ord(c) + 0xFEE0) if "a" <= c <= "z" else c for c in g),
        lambda g: "naïve café " + g,
        lambda g: g + ", and " + rng.choice(glosses),
        lambda g: "`" + g + "`",
        lambda g: "https://example.org/" + g.replace(" ", "_"),
        lambda g: g,
    ]
    written = 0
    with path.open("w", encoding="utf-8") as f:
        f.write("zh-Hans\ten\n")
        while written < size:
            src = rng.choice(zh)
            parts = [rng.choice(bends)(rng.choice(glosses)) for _ in range(rng.randint(3, 12))]
            row = f"{src}\t{' '.join(parts).replace(chr(9), ' ')}\n"
            f.write(row)
            written += len(row.encode())
    return path


def findings(src: Path, tsv: Path, cache: Path) -> list[list[object]]:
    env = {**os.environ, "PYTHONPATH": str(src), "TERMBASE_CACHE_DIR": str(cache)}
    code = (
        "import json, sys; from pathlib import Path; from termbase.search.index import Index; "
        "from termbase.lint import Linter, LintSettings, ReadOptions, lint_files; "
        "linter = Linter.from_index(Index.open([Path(sys.argv[1])]), LintSettings()); "
        "r = lint_files(linter, [Path(sys.argv[2])], ReadOptions()); "
        "print(json.dumps([[f.line, f.column, f.code, f.severity.value, f.concept, f.message, "
        "f.hint] for f in r.findings]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(large_base()), str(tsv)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: list[list[object]] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("other", type=Path, help="the other checkout's src folder")
    args = parser.parse_args()
    here = HERE.parent / "src"
    files = [bilingual_tsv(1_000_000), approved_tsv(large_base(), 1_000_000), stress_tsv()]
    for tsv in files:
        mine = findings(here, tsv, OUT / "cache")
        theirs = findings(args.other.resolve(), tsv, OUT / "cache-other")
        same = "identical" if mine == theirs else "DIFFERENT"
        print(f"{tsv.name}: {len(mine)} findings here, {len(theirs)} there: {same}")
        if mine != theirs:
            for a, b in zip(mine, theirs, strict=False):
                if a != b:
                    print("  first difference:", a, "|", b)
                    break


if __name__ == "__main__":
    main()
