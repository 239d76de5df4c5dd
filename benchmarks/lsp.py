"""Latency of `termbase lsp`, over stdio as an editor talks to it: a 2,000-line Markdown file
opened, then changed one line at a time (the time from sending a change to receiving the
diagnostics for that version), and hovers over a term. Goals (issue 19): diagnostics within
100 ms of a change on the bundled base and within 500 ms on the 125k base once loaded; hover
within 20 ms.

Run: python benchmarks/lsp.py [--changes N] [--skip-large]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from lookup import large_base

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_lsp import Client  # noqa: E402  (the tests' stdio client: one JSON-RPC framing)

SENTENCES = [
    "China upholds the principle of AI for good and opposes a small yard with high fences.",
    "We must bridge the digital divide and build capacity in developing countries.",
    "Some translations still say intelligent for good, which the term base forbids.",
    "The Global AI Governance Initiative calls for extensive consultation and joint contribution.",
    "Plain sentences without any term of the base keep the file realistic.",
]


def document(lines: int = 2000) -> str:
    return "".join(f"{SENTENCES[n % len(SENTENCES)]} ({n})\n" for n in range(lines))


def change(client: Client, uri: str, version: int, text: str) -> float:
    """Seconds from sending a new text to receiving the diagnostics of that version."""
    start = time.perf_counter()
    client.send(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        request=False,
    )
    client.until(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"].get("version") == version
        )
    )
    return time.perf_counter() - start


def measure(base: Path, changes: int) -> dict[str, float]:
    client = Client(base)
    try:
        client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        client.send("initialized", {}, request=False)
        uri = (Path("/tmp") / "termbase-lsp-bench.md").as_uri()
        text = document()
        start = time.perf_counter()
        client.send(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
            request=False,
        )
        first = client.until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        opened = time.perf_counter() - start
        found = len(first["params"]["diagnostics"])
        lines = text.splitlines(keepends=True)
        times = []
        for n in range(changes):
            lines[n * 7 % len(lines)] = f"A changed line, intelligent for good ({n}).\n"
            times.append(change(client, uri, n + 2, "".join(lines)))
        # every line changed at once (a paste, a search-and-replace): nothing is remembered
        whole = [
            change(client, uri, changes + 2 + n, "".join(f"{n} {line}" for line in lines))
            for n in range(3)
        ]
        hovers = []
        for _ in range(20):
            start = time.perf_counter()
            client.request(
                "textDocument/hover",
                {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 32}},
            )
            hovers.append(time.perf_counter() - start)
    finally:
        client.close()
    return {
        "open": opened,
        "diagnostics": found,
        "change": statistics.median(times),
        "change_max": max(times),
        "whole": statistics.median(whole),
        "hover": statistics.median(hovers),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=15)
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    bases = [("bundled base", ROOT / "terms", 0.1)]
    if not args.skip_large:
        bases.append(("125k base", large_base(), 0.5))
    print(f"2,000-line Markdown file ({len(document().encode()) // 1000} KB)")
    for name, base, goal in bases:
        measure(base, 1)  # builds the look-up index and the matchers once, if needed
        r = measure(base, args.changes)
        ok = "ok" if r["change"] <= goal else "NOT MET"
        print(
            f"{name}: open to first diagnostics {r['open']:.2f} s ({r['diagnostics']:.0f} "
            f"diagnostics); change to diagnostics median {r['change'] * 1000:.0f} ms, max "
            f"{r['change_max'] * 1000:.0f} ms (goal {goal * 1000:.0f} ms, {ok}); every line "
            f"changed {r['whole'] * 1000:.0f} ms; hover median "
            f"{r['hover'] * 1000:.1f} ms (goal 20 ms, {'ok' if r['hover'] <= 0.02 else 'NOT MET'})"
        )


if __name__ == "__main__":
    main()
