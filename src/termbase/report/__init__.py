"""Renderers for findings: each format is one module with a pure `render(findings) -> str`.

Adding a format means adding a module and naming it in `FORMATS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termbase.finding import Finding


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"
    JUNIT = "junit"


FORMATS: dict[Format, str] = {f: f"termbase.report.{f.value}_format" for f in Format}


def renderer(fmt: Format, *, strict: bool = False) -> Callable[[Sequence[Finding]], str]:
    """The renderer of `fmt`. `strict`: warnings fail as errors do (JUnit marks them as
    failures rather than skipped tests)."""
    module = importlib.import_module(FORMATS[fmt])
    render: Callable[[Sequence[Finding]], str] = module.render
    if strict and fmt is Format.JUNIT:
        import functools

        return functools.partial(module.render, strict=True)
    return render


def streamer(fmt: Format, *, strict: bool = False) -> Callable[[Sequence[Finding]], Iterable[str]]:
    """`renderer`, as pieces of the report to write one after the other (text and JSON: a
    thousand findings a piece; the other formats whole)."""
    module = importlib.import_module(FORMATS[fmt])
    pieces: Callable[[Sequence[Finding]], Iterable[str]] | None = getattr(module, "chunks", None)
    if pieces is not None:
        return pieces
    render = renderer(fmt, strict=strict)
    return lambda findings: [render(findings)]


def sort(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: f.sort_key())
