"""termbase: a multilingual term base kept as TOML files in git.

The library does the work and returns values; the `termbase` command only parses arguments
and prints what the library returns.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from termbase.base.store import load
    from termbase.checks.validation import Validation, validate
    from termbase.errors import ReadError, TermbaseError
    from termbase.finding import Finding, Severity
    from termbase.model import (
        Concept,
        Origin,
        PartOfSpeech,
        Settings,
        Source,
        Status,
        Term,
        TermBase,
        TermType,
    )

# Imported on first use, so that `termbase --help` stays as fast as `import typer`.
_HOME = {
    "ReadError": "termbase.errors",
    "TermbaseError": "termbase.errors",
    "load": "termbase.base.store",
    "Validation": "termbase.checks.validation",
    "validate": "termbase.checks.validation",
    "Finding": "termbase.finding",
    "Severity": "termbase.finding",
    **dict.fromkeys(
        (
            "Concept",
            "Origin",
            "PartOfSpeech",
            "Settings",
            "Source",
            "Status",
            "Term",
            "TermBase",
            "TermType",
        ),
        "termbase.model",
    ),
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        import importlib

        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'termbase' has no attribute {name!r}")


__all__ = [
    "Concept",
    "Finding",
    "Origin",
    "PartOfSpeech",
    "ReadError",
    "Settings",
    "Severity",
    "Source",
    "Status",
    "Term",
    "TermBase",
    "TermType",
    "TermbaseError",
    "Validation",
    "__version__",
    "load",
    "validate",
]
