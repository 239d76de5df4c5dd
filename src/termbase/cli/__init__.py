"""The `termbase` command: parses arguments, calls the library, prints what it returns.

One module per command (or group of commands); each registers itself on `app`. `main` imports
only the module of the command being run, so that a look-up does not pay for building the
other commands; `app` (for tests and `--help`) has them all.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import Any

# Command name -> the module that defines it. A test checks that this lists every command.
COMMANDS = {
    "validate": "validate",
    "rules": "validate",
    "lookup": "lookup",
    "show": "lookup",
    "forms": "lookup",
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
    "import": "export",
    "diff": "history",
    "impact": "history",
    "mine": "mine",
    "score": "score",
    "stats": "stats",
    "mcp": "servers",
    "lsp": "servers",
}


# The first sentence of each command's help, for `termbase --help` without loading the
# commands (a test checks that it prints exactly what the full app prints).
SUMMARIES = {
    "validate": "Check the term base: TOML syntax, fields and values, links between concepts, Chinese script, pinyin and stray characters.",
    "rules": "List every validation rule: code, name, default severity and what it catches.",
    "lookup": "Find a term: by Simplified or Traditional characters, pinyin with or without tones or spaces (xiǎo yuàn, xiaoyuan, xiao3 yuan4), initials (xygq) or English, also from a fragment or with a typo.",
    "show": "Show one concept by its id.",
    "forms": "List what lint and score accept as each term of a concept in a text.",
    "list": "List concepts, one line each: id, preferred Chinese and English terms, subject.",
    "lint": "Check translations against the term base.",
    "convert": "Convert Chinese text between Simplified and Traditional (Taiwan, Hong Kong) script.",
    "pinyin": "Write Chinese text in Hanyu pinyin, after GB/T 16159-2012.",
    "add": "Add a concept.",
    "set": "Change one field of a concept or of one of its terms.",
    "rm": "Remove a concept, one of its terms (--lang and --term) or a field (--field).",
    "mv": "Rename a concept and rewrite every see-also and replaced-by that names it.",
    "fill": 'Fill in missing zh-Hant terms (and zh-TW / zh-HK where termbase.toml lists them and they differ) and missing pinyin, marked origin = "machine" so that validate can list what a person still has to review.',
    "fmt": "Give the files the canonical layout: key order, double quotes, one blank line between tables, comments kept with the line below them.",
    "export": "Export the term base.",
    "import": "Import a TBX file or another tool's glossary.",
    "diff": "Show what changed in meaning between two states of the term base.",
    "impact": "Show which translations a change of the term base breaks or fixes.",
    "mine": "Find candidate terms in new documents: repeated words and set phrases not in the term base.",
    "score": "Score how well MT or LLM output keeps the terms, per system and per term.",
    "stats": "Show what a corpus says about each concept: occurrences and documents, the renderings used and how often (preferred, admitted, deprecated, forbidden, none), the compliance rate, first and last seen and the counts per year (each file's date as lint --as-of auto reads it: its own date, else its last commit, else today).",
    "mcp": "Serve the term base to AI assistants over stdio (Model Context Protocol).",
    "lsp": "Serve the term base to editors over stdio (Language Server Protocol).",
}


def load_all() -> Any:
    """The app with every command registered."""
    for module in dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"termbase.cli.{module}")
    from termbase.cli._app import app

    return app


def help_app() -> Any:
    """An app whose commands are only names and summaries: enough for the top-level help."""
    from termbase.cli._app import make_app

    stub = make_app()
    for name, summary in SUMMARIES.items():
        stub.command(name, help=summary)(_stub)
    return stub


def _stub() -> None:  # pragma: no cover - never run: the help ends the command first
    raise SystemExit(2)


def main() -> None:
    try:
        _run(sys.argv[1:])
    finally:
        # Everything the command made is left to be freed as the interpreter ends, and the
        # collector's last full pass at shutdown would walk it all: a tenth of a run that
        # checks a megabyte. Frozen objects are out of that pass; their memory goes back as
        # the process exits. (Output is flushed and files closed by then.)
        gc.freeze()


def _run(args: list[str]) -> None:
    import os

    if "_TERMBASE_COMPLETE" in os.environ:
        load_all()()  # shell completion: every command's options, choices and arguments
        return
    name = next((a for a in args if not a.startswith("-")), None)
    if name in COMMANDS and args[:1] not in (["--help"], ["-h"]):
        importlib.import_module(f"termbase.cli.{COMMANDS[name]}")
        from termbase.cli._app import app

        app()
    elif name is None and (not args or args in (["--help"], ["-h"])):
        help_app()()
    else:
        load_all()()


def __getattr__(name: str) -> Any:
    if name == "app":
        return load_all()
    raise AttributeError(f"module 'termbase.cli' has no attribute {name!r}")
