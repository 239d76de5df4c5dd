"""The names of the formats termbase reads and writes, as plain enums: the command line takes
its choices from here without importing the readers and writers (`termbase --help` stays
light), and `termbase.lint.segment` and `termbase.exchange` map each to its module."""

from __future__ import annotations

from enum import StrEnum


class InputFormat(StrEnum):
    """What `termbase lint` reads: one reader module each (termbase.lint.segment.READERS)."""

    XLIFF = "xliff"
    PO = "po"
    TMX = "tmx"
    CSV = "csv"
    TSV = "tsv"
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


class ExportFormat(StrEnum):
    """What `termbase export` writes: one module each (termbase.exchange.MODULES)."""

    HTML = "html"
    TBX = "tbx"
    TBX2 = "tbx2"
    JSON = "json"
    CSV = "csv"
    TSV = "tsv"
    XLSX = "xlsx"
    TEXTLINT = "textlint"
    PRH = "prh"
    VALE = "vale"
