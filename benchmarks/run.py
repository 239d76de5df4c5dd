"""Run every benchmark and write benchmarks/RESULTS.md: machine, date, versions, each figure
beside its anchor in the same run.

Run: python benchmarks/run.py [--runs N] [--skip NAME ...]
The large base is generated from ../shared/data/cedict_ts.u8 into benchmarks/out/ (git-ignored).
Takes a while: about 20 minutes on 2 cores with the defaults.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    ("startup", ["startup.py"], "termbase --help beside python -c 'import typer' (goal <= 1.3x)"),
    ("lookup", ["lookup.py"], "look-ups, bundled and 125k base (goals 1.5x, 3x, cold <= validate)"),
    ("validate", ["validate.py"], "validate beside a bare tomllib parse, 1k/10k/125k (goal <= 2x)"),
    ("edit", ["edit.py"], "termbase set on the 125k base beside validate (goal <= 1x)"),
    ("convert", ["convert.py", "--big"], "convert --to zh-Hant beside the OpenCC C++ tool"),
    ("lint", ["lint.py"], "lint of a 1 MB TSV against the 125k base"),
    ("textlint", ["textlint.py"], "monolingual lint beside textlint + textlint-rule-terminology"),
    ("export", ["export.py"], "export of the 125k base to tbx and csv beside a tomllib parse"),
    ("round-trip", ["round_trip.py"], "TOML -> TBX -> TOML of the 125k base, field for field"),
    ("html", ["html_page.py"], "glossary page of the 125k base in headless Chromium"),
    ("mine", ["mine.py"], "termbase mine on the seed: precision and recall of the top 50 and 100"),
    ("scaling", ["scaling.py"], "lookup, export and lint at 1k, 10k and 125k concepts"),
]
PACKAGES = [
    "termbase",
    "typer",
    "tomlkit",
    "pypinyin",
    "opencc-python-reimplemented",
    "ahocorasick-rs",
    "rapidfuzz",
    "lxml",
    "selenium",
]


def version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def opencc_version() -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", "opencc"],
            capture_output=True,
            text=True,
            check=False,
        )
        return out.stdout.strip() or "not installed"
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="at least 5 for the record")
    parser.add_argument("--skip", nargs="*", default=[])
    args = parser.parse_args()
    lines = [
        "# Benchmark results",
        "",
        f"Written by `python benchmarks/run.py` on {dt.date.today().isoformat()}. Ratios compare",
        "each command with its anchor measured in the same run, as medians after a warm-up;",
        "absolute times on these shared machines vary by 20% or more.",
        "",
        "## Machine",
        "",
        f"- {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        f"- OpenCC C++ tool (Debian package): {opencc_version()}",
        *(f"- {p} {version(p)}" for p in PACKAGES),
        "",
    ]
    for name, script, what in BENCHMARKS:
        if name in args.skip:
            continue
        cmd = [sys.executable, str(HERE / script[0]), *script[1:]]
        if name not in ("round-trip", "scaling"):  # those two run once / their own count
            cmd += ["--runs", str(max(args.runs, 5) if name != "startup" else 21)]
        print(f"== {name}: {' '.join(cmd)}", file=sys.stderr)
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=HERE.parent)
        out = proc.stdout.strip() or f"(no output; exit {proc.returncode})\n{proc.stderr[-2000:]}"
        lines += [f"## {name}", "", what, "", "```", out, "```", ""]
        print(out, file=sys.stderr)
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
