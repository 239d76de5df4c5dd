"""A progress line on stderr for long runs: only when stderr is a terminal, and only once the
work has taken more than a second (a quick export prints nothing)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")
DELAY = 1.0  # seconds before the first line
EVERY = 0.2  # seconds between updates


def progress(
    items: Iterable[T],
    total: int,
    label: str,
    *,
    stream: TextIO | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[T]:
    out = stream if stream is not None else sys.stderr
    if not out.isatty():
        yield from items
        return
    start = clock()
    shown = 0.0
    for done, item in enumerate(items, 1):
        yield item
        now = clock()
        if now - start >= DELAY and now - shown >= EVERY:
            shown = now
            pct = min(100, done * 100 // max(total, 1))
            out.write(f"\r{label}: {pct:3d}% ({done:,}/{total:,})")
            out.flush()
    if shown:
        out.write(f"\r{label}: 100% ({total:,}/{total:,}) in {clock() - start:.1f} s\n")
        out.flush()
