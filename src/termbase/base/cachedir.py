"""Where termbase keeps what it can rebuild: the look-up index, the validation cache, the lint
matchers and the built OpenCC dictionaries.

``$TERMBASE_CACHE_DIR``, else ``$XDG_CACHE_HOME/termbase``, else ``~/.cache/termbase``.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    env = os.environ.get("TERMBASE_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "termbase"
