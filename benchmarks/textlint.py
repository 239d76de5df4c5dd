"""Monolingual lint beside textlint + textlint-rule-terminology (npm), with the same list of
renderings not to use, on an English Markdown file: time of each whole command (median of
--runs after a warm-up, run alternately), the ratio, and whether both report the same places.

The list: every deprecated and forbidden English rendering of the bundled term base, each with
the preferred rendering as its replacement (textlint-rule-terminology's [pattern, replacement]
form, the pattern escaped). The text: sentences of CC-CEDICT English glosses with those
renderings put in, exactly as written, at random places. textlint and the rule are installed
with npm into benchmarks/out/node on the first run.

Run: python benchmarks/textlint.py [--runs N] [--size MB]
Goal: termbase at least 10x faster, with the same findings.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _corpus import CEDICT, HERE, OUT
from _timing import termbase_command

from termbase.base import store
from termbase.model import Status

TERMS = HERE.parent / "terms"
NODE = OUT / "node"


def banned(base: Path) -> list[tuple[str, str]]:
    """(rendering not to use, preferred rendering) for every concept that has both in English."""
    pairs = []
    for c in store.load([base]).termbase.concepts:
        good = c.preferred("en")
        for t in c.terms_in("en"):
            if good is not None and t.status in (Status.DEPRECATED, Status.FORBIDDEN):
                pairs.append((t.text, good.text))
    return pairs


def generated_base(count: int) -> Path:
    """A term base of `count` CC-CEDICT entries, each with its first English gloss as the
    preferred rendering and its second as a deprecated one (glosses of letters and spaces
    only, each used once), for the comparison with a longer list."""
    base = OUT / f"textlint-base-{count}"
    if (base / "termbase.toml").exists():
        return base
    base.mkdir(parents=True, exist_ok=True)
    (base / "termbase.toml").write_text('[termbase]\nname = "generated"\n', "utf-8")
    used: set[str] = set()
    blocks: list[str] = []
    for line in CEDICT.read_text("utf-8").splitlines():
        if len(blocks) == count:
            break
        if not line or line.startswith("#"):
            continue
        glosses = [g.strip() for g in line.split("/")[1:-1]]
        if len(glosses) < 2 or not all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", g) for g in glosses[:2]):
            continue
        good, bad = glosses[0], glosses[1]
        if good in used or bad in used or len(bad) < 6:
            continue
        used.update((good, bad))
        zh = line.split(" ")[1]
        n = len(blocks)
        blocks.append(
            f'[c{n}]\n[[c{n}.term]]\nlang = "zh-Hans"\ntext = "{zh}"\nstatus = "preferred"\n'
            f'[[c{n}.term]]\nlang = "en"\ntext = "{good}"\nstatus = "preferred"\n'
            f'[[c{n}.term]]\nlang = "en"\ntext = "{bad}"\nstatus = "deprecated"\n'
        )
    (base / "terms.toml").write_text("\n".join(blocks), "utf-8")
    return base


def english_text(size: int, terms: list[str], path: Path) -> Path:
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    glosses = [
        re.sub(r"[^A-Za-z ]+", " ", line.split("/")[1]).split()
        for line in CEDICT.read_text("utf-8").splitlines()
        if line and not line.startswith("#") and "/" in line
    ]
    words = [w.lower() for g in glosses for w in g if len(w) > 2]
    rng = random.Random(2)
    written = 0
    with path.open("w", encoding="utf-8") as f:
        f.write("# Glossary test text\n\n")
        while written < size:
            sentence = [rng.choice(words) for _ in range(rng.randint(8, 20))]
            if rng.random() < 0.5:
                sentence.insert(rng.randrange(1, len(sentence)), rng.choice(terms))
            joined = " ".join(sentence)
            line = joined[0].upper() + joined[1:] + ".\n\n"
            f.write(line)
            written += len(line.encode())
    return path


def install() -> Path:
    binary = NODE / "node_modules" / ".bin" / "textlint"
    if binary.exists():
        return binary
    if shutil.which("npm") is None:
        sys.exit("npm is not installed: apt-get install npm")
    NODE.mkdir(parents=True, exist_ok=True)
    (NODE / "package.json").write_text('{"name": "termbase-bench", "private": true}\n')
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "textlint", "textlint-rule-terminology"],
        cwd=NODE,
        check=True,
    )
    return binary


def timed(cmd: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.stdout


def compare(base: Path, size: float, runs: int, textlint: Path) -> None:
    pairs = banned(base)
    text = english_text(
        int(size * 1_000_000), [b for b, _ in pairs], OUT / f"english-{base.name}-{size:g}MB.md"
    )
    config = NODE / f".textlintrc-{base.name}.json"
    rules = [[re.escape(b).replace("\\ ", " "), good] for b, good in pairs]
    config.write_text(
        json.dumps({"rules": {"terminology": {"defaultTerms": False, "terms": rules}}}, indent=1)
    )
    ours = [*termbase_command(), "lint", str(text), "-t", str(base), "-f", "json", "-q"]
    theirs = [str(textlint), "--config", str(config), "-f", "json", str(text)]
    timed(ours, NODE)  # warm-up: builds the index and the matchers
    timed(theirs, NODE)
    ours_times, theirs_times = [], []
    ours_out = theirs_out = ""
    for _ in range(runs):
        t, ours_out = timed(ours, NODE)
        ours_times.append(t)
        t, theirs_out = timed(theirs, NODE)
        theirs_times.append(t)
    a, b = statistics.median(ours_times), statistics.median(theirs_times)
    found_ours = {
        (f["line"], f["column"]) for f in json.loads(ours_out) if f["code"] in ("LT102", "LT103")
    }
    found_theirs = {
        (m["line"], m["column"])
        for result in json.loads(theirs_out)
        for m in result["messages"]
        if m["ruleId"] == "terminology"
    }
    mb = text.stat().st_size / 1e6
    print(f"{base.name}: {len(pairs)} renderings not to use; {mb:.2f} MB of English Markdown")
    verdict = "ok" if b / a >= 10 else "under goal"
    print(
        f"  termbase lint: {a:.2f} s; textlint + terminology: {b:.2f} s; textlint / termbase: "
        f"{b / a:.1f}x (goal >= 10x, {verdict})"
    )
    print(
        f"  findings: termbase {len(found_ours)}, textlint {len(found_theirs)}, in both "
        f"{len(found_ours & found_theirs)}; only termbase {len(found_ours - found_theirs)}, "
        f"only textlint {len(found_theirs - found_ours)}"
    )
    lines = text.read_text("utf-8").splitlines()
    for label, only in (
        ("only termbase", found_ours - found_theirs),
        ("only textlint", found_theirs - found_ours),
    ):
        for line, col in sorted(only)[:3]:
            print(f"    {label}: {line}:{col}: {lines[line - 1][col - 1 : col + 40]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=float, default=1.0, help="MB of text")
    parser.add_argument(
        "--terms", type=int, default=1000, help="size of the generated list (0: bundled only)"
    )
    args = parser.parse_args()
    textlint = install()
    compare(TERMS, args.size, args.runs, textlint)
    if args.terms:
        compare(generated_base(args.terms), args.size, args.runs, textlint)


if __name__ == "__main__":
    main()
