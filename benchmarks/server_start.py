"""`termbase lsp` and `termbase mcp` on the 125,000-concept base: time from process start to the
answer to `initialize` (issue 36: 10.5-12.5 s when the command parsed the whole base first; the
goal is <= 1 s from the kept index). The first run builds the index and is left out.

Run: python benchmarks/server_start.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import time

from _corpus import OUT
from _timing import termbase_command
from lookup import large_base


def _frame(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def start(kind: str, base: str) -> float:
    """Seconds from starting the process to its answer to `initialize`."""
    began = time.perf_counter()
    proc = subprocess.Popen(
        [*termbase_command(), kind, "-t", base],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    try:
        if kind == "lsp":
            params: dict[str, object] = {"processId": None, "rootUri": None, "capabilities": {}}
            proc.stdin.write(
                _frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params})
            )
            proc.stdin.flush()
            while proc.stdout.readline() not in (b"\r\n", b""):
                pass
        else:
            params = {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "bench", "version": "1"},
            }
            message = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params}
            proc.stdin.write(json.dumps(message).encode() + b"\n")
            proc.stdin.flush()
            proc.stdout.readline()
        return time.perf_counter() - began
    finally:
        proc.kill()
        proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("TERMBASE_CACHE_DIR", str(OUT / "cache"))
    base = str(large_base())
    for kind in ("lsp", "mcp"):
        start(kind, base)  # builds the index if it is not kept yet
        times = [start(kind, base) for _ in range(args.runs)]
        print(
            f"termbase {kind}: initialize answered {statistics.median(times):.2f} s after the "
            f"process started (median of {args.runs}; goal <= 1 s)"
        )


if __name__ == "__main__":
    main()
