"""termbase: a multilingual term base kept as TOML files in git.

The library does the work and returns values; the `termbase` command only parses arguments
and prints what the library returns.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # `X as X`: the names this package re-exports (PEP 484)
    from termbase.base.store import load as load
    from termbase.checks.validation import Validation as Validation
    from termbase.checks.validation import validate as validate
    from termbase.errors import ReadError as ReadError
    from termbase.errors import TermbaseError as TermbaseError
    from termbase.finding import Finding as Finding
    from termbase.finding import Severity as Severity
    from termbase.model import Concept as Concept
    from termbase.model import Origin as Origin
    from termbase.model import PartOfSpeech as PartOfSpeech
    from termbase.model import Settings as Settings
    from termbase.model import Source as Source
    from termbase.model import Status as Status
    from termbase.model import Term as Term
    from termbase.model import TermBase as TermBase
    from termbase.model import TermType as TermType

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
