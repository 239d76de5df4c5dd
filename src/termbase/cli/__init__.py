"""The `termbase` command: parses arguments, calls the library, prints what it returns.

One module per command (or group of commands); each registers itself on `app`. `main` imports
only the module of the command being run, so that a look-up does not pay for building the
other commands; `app` (for tests and `--help`) has them all.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

# Command name -> the module that defines it. A test checks that this lists every command.
COMMANDS = {
    "validate": "validate",
    "rules": "validate",
    "lookup": "lookup",
    "show": "lookup",
    "list": "lookup",
    "lint": "lint",
    "convert": "convert",
    "pinyin": "pinyin",
    "add": "edit",
    "set": "edit",
    "rm": "edit",
    "mv": "edit",
    "fill": "edit",
    "fmt": "edit",
    "export": "export",
}


def load_all() -> Any:
    """The app with every command registered."""
    for module in dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"termbase.cli.{module}")
    from termbase.cli._app import app

    return app


def main() -> None:
    name = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    if name in COMMANDS and "--help" not in sys.argv[1:2]:
        importlib.import_module(f"termbase.cli.{COMMANDS[name]}")
        from termbase.cli._app import app

        app()
    else:
        load_all()()


def __getattr__(name: str) -> Any:
    if name == "app":
        return load_all()
    raise AttributeError(f"module 'termbase.cli' has no attribute {name!r}")
