"""The `termbase` command: parses arguments, calls the library, prints what it returns.

One module per command (or group of commands); each registers itself on `app`.
"""

from __future__ import annotations

from termbase.cli import convert, edit, export, lint, lookup, pinyin, validate
from termbase.cli._app import app, main

__all__ = [
    "app",
    "convert",
    "edit",
    "export",
    "lint",
    "lookup",
    "main",
    "pinyin",
    "validate",
]
