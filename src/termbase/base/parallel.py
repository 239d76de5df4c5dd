"""Reading many term-base files in worker processes: when it pays, and safely.

Both readers (`store` for validation and loading, `index` for the look-up index) map a function
over the files. Below `PARALLEL_BYTES` in all, starting workers costs more than it saves. In a
process that runs threads (the language server lints in a worker thread), a forked child can
inherit a lock another thread held and wait forever: there the workers start by forkserver.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# Below this many bytes, starting worker processes costs more than it saves.
PARALLEL_BYTES = 4_000_000


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off while a large structure is built and checked: there is
    nothing for it to free, yet each full collection walks every object built so far (on the
    125k base, 8 of validate's 21 s). Nests; the previous state comes back."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def jobs(requested: int | None = None) -> int:
    """Worker processes: `requested`, else $TERMBASE_JOBS, else one per core."""
    return requested or int(os.environ.get("TERMBASE_JOBS", "0")) or (os.cpu_count() or 1)


def map_files(
    func: Callable[[Path], T], files: Sequence[Path], workers: int | None = None
) -> list[T]:
    """`func` over `files`, in order: in worker processes when there are several files of
    `PARALLEL_BYTES` or more and more than one worker, else here."""
    n = jobs(workers)
    if n > 1 and len(files) > 1:
        try:
            size = sum(f.stat().st_size for f in files)
        except OSError:
            size = 0
        if size >= PARALLEL_BYTES:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = None
            if threading.active_count() > 1:
                context = multiprocessing.get_context("forkserver")
            chunk = max(1, len(files) // (n * 4))
            with ProcessPoolExecutor(max_workers=min(n, len(files)), mp_context=context) as pool:
                return list(pool.map(func, files, chunksize=chunk))
    return [func(f) for f in files]
