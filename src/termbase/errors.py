"""Errors for input termbase cannot use at all. Problems in data are `Finding` values instead.

Every message starts with where the problem is: ``terms/x.toml:12: ...`` or ``terms/: ...``.
"""

from __future__ import annotations


class TermbaseError(Exception):
    """Bad input: the command cannot run. The CLI prints the message and exits with 2."""

    exit_code = 2


class ReadError(TermbaseError):
    """A file or folder could not be read."""
