"""`termbase convert --to zh-Hant` beside the official OpenCC (the `opencc` package's C++
binding, 1.4.x) and the OpenCC C++ command-line tool (Debian `opencc`, 1.1.6).

Run: python benchmarks/convert.py [--size MB] [--runs N] [--big] [--official PYTHON] [--text FILE]
--text repeats a file of your own up to --size (real prose: the seed's Chinese lines, say); by
default the text is the benchmark corpus. The C++ tool is timed where it is installed.
The official binding shares its import name with opencc-python-reimplemented, so it lives in a
virtual environment of its own: `python3 -m venv /tmp/occ && /tmp/occ/bin/pip install opencc`,
then `--official /tmp/occ/bin/python` (the default when it exists). Both sides are timed as whole
processes converting the file to a file. Prints the throughput ratio (goal: termbase at least
0.5x the official binding), the cost of term-aware conversion against plain (goal: at most 20%
slower), and peak memory; --big also streams 200 MB through stdin (peak memory must stay flat).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from _corpus import OUT, chinese_text
from _timing import termbase_command


def timed(cmd: list[str], stdin: Path | None = None) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one run."""
    inp = stdin.open("rb") if stdin else None
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *cmd],
            stdin=inp or subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        )
    finally:
        if inp:
            inp.close()
    elapsed = time.perf_counter() - start
    return elapsed, int(proc.stderr.strip().splitlines()[-1])


def median(cmd: list[str], runs: int) -> tuple[float, int]:
    timed(cmd)
    results = [timed(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10, help="megabytes of text")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big", action="store_true", help="also stream 200 MB")
    parser.add_argument(
        "--official",
        default="/tmp/occ/bin/python",
        help="a Python with the official `opencc` package (default: /tmp/occ/bin/python)",
    )
    parser.add_argument("--text", type=Path, help="repeat this file up to --size")
    args = parser.parse_args()
    opencc = shutil.which("opencc")
    if args.text is not None:
        text = OUT / f"repeated-{args.text.stem}-{args.size}MB.txt"
        body = args.text.read_bytes()
        if not body.strip():
            raise SystemExit(f"convert.py: {args.text}: empty, nothing to repeat")
        text.write_bytes(body * (args.size * 1_000_000 // len(body) + 1))
    else:
        text = chinese_text(args.size * 1_000_000)
    mb = text.stat().st_size / 1e6
    tb = termbase_command()
    ours_plain = [
        *tb,
        "convert",
        "--to",
        "zh-Hant",
        "--no-terms",
        "-o",
        str(OUT / "c1.txt"),
        str(text),
    ]
    ours_terms = [*tb, "convert", "--to", "zh-Hant", "-o", str(OUT / "c2.txt"), str(text)]
    t_plain, m_plain = median(ours_plain, args.runs)
    t_terms, m_terms = median(ours_terms, args.runs)
    print(f"input: {mb:.1f} MB of Simplified Chinese, median of {args.runs} runs")
    if opencc is not None:
        cpp = [opencc, "-c", "s2t", "-i", str(text), "-o", str(OUT / "c3.txt")]
        t_cpp, m_cpp = median(cpp, args.runs)
        print(f"opencc -c s2t (C++):            {mb / t_cpp:6.2f} MB/s, peak {m_cpp / 1024:.0f} MB")
        print(f"throughput ratio termbase/C++ tool: {t_cpp / t_terms:.2f}x")
    else:
        print("opencc -c s2t (C++): not measured (apt-get install opencc)")
    print(f"termbase convert --no-terms:    {mb / t_plain:6.2f} MB/s, peak {m_plain / 1024:.0f} MB")
    print(f"termbase convert (term-aware):  {mb / t_terms:6.2f} MB/s, peak {m_terms / 1024:.0f} MB")
    if Path(args.official).exists():
        code = (
            "import sys, opencc; c = opencc.OpenCC('s2t.json'); "
            "src = open(sys.argv[1], encoding='utf-8').read(); "
            "open(sys.argv[2], 'w', encoding='utf-8').write(c.convert(src))"
        )
        official = [args.official, "-c", code, str(text), str(OUT / "c4.txt")]
        t_off, m_off = median(official, args.runs)
        print(f"official OpenCC binding:        {mb / t_off:6.2f} MB/s, peak {m_off / 1024:.0f} MB")
        print(f"throughput ratio termbase/official: {t_off / t_terms:.2f}x (goal >= 0.5x)")
    else:
        print(f"official OpenCC binding: not measured ({args.official} is missing)")
    print(f"term-aware cost: {100 * (t_terms / t_plain - 1):+.0f}% (goal <= +20%)")
    if args.big:
        big = OUT / "zh-200MB.txt"
        if not big.exists():
            with big.open("wb") as out:
                for _ in range(max(1, 200 // args.size)):
                    out.write(text.read_bytes())
        t_big, m_big = timed([*tb, "convert", "--to", "zh-Hant"], stdin=big)
        size = big.stat().st_size / 1e6
        rate, peak = size / t_big, m_big / 1024
        print(f"streaming {size:.0f} MB via stdin: {rate:.2f} MB/s, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
