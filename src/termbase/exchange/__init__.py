"""Exporting the term base to the formats other tools read. One module per format, each with
`export(tb, options)` (text, or bytes for a binary format), and `chunks` where it streams;
adding a format means adding a module and naming it here."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from termbase.errors import TermbaseError
from termbase.formats import ExportFormat as ExportFormat
from termbase.model import Concept, Status, Term, TermBase

MODULES: dict[ExportFormat, str] = {
    ExportFormat.HTML: "termbase.exchange.html_page",
    ExportFormat.TBX: "termbase.exchange.tbx",
    ExportFormat.TBX2: "termbase.exchange.tbx2",
    ExportFormat.JSON: "termbase.exchange.json_model",
    ExportFormat.CSV: "termbase.exchange.delimited",
    ExportFormat.TSV: "termbase.exchange.delimited",
    ExportFormat.XLSX: "termbase.exchange.xlsx",
    ExportFormat.TEXTLINT: "termbase.exchange.writing_tools",
    ExportFormat.PRH: "termbase.exchange.writing_tools",
    ExportFormat.VALE: "termbase.exchange.writing_tools",
}
BINARY = (ExportFormat.XLSX,)


@dataclass(frozen=True, slots=True)
class ExportOptions:
    subjects: tuple[str, ...] = ()
    statuses: tuple[Status, ...] = ()
    languages: tuple[str, ...] = ()
    title: str | None = None
    profile: str | None = None  # csv/tsv: the tool's layout
    source: str | None = None  # csv/tsv: source language (default: the term base's)
    target: str | None = None  # csv/tsv: target language (default: en)
    format: str | None = None  # the format asked for, for modules that write several
    fallback: bool = True  # a regional language (zh-TW) falls back to its script (zh-Hant)


# Where a concept has no term in a regional language, the terms of the language it falls back
# to stand in: a Taiwan user's glossary has every concept, in its Traditional form.
FALLBACK: dict[str, tuple[str, ...]] = {
    "zh-TW": ("zh-Hant",),
    "zh-HK": ("zh-Hant",),
    "zh-MO": ("zh-HK", "zh-Hant"),
    "zh-CN": ("zh-Hans",),
    "zh-SG": ("zh-Hans",),
}


def with_fallback(c: Concept, wanted: Iterable[str]) -> Concept:
    """`c` with, for each regional language in `wanted` that it has no term in, the terms of
    the first language it falls back to (as terms of the regional language)."""
    extra: list[Term] = []
    for lang in wanted:
        if lang not in FALLBACK or c.terms_in(lang):
            continue
        for general in FALLBACK[lang]:
            found = c.terms_in(general)
            if found:
                extra += [dataclasses.replace(t, lang=lang) for t in found]
                break
    return dataclasses.replace(c, terms=c.terms + tuple(extra)) if extra else c


def select(tb: TermBase, options: ExportOptions) -> TermBase:
    """The concepts and terms the filters keep (a concept with no term left is dropped)."""
    subjects = {s.casefold() for s in options.subjects}
    concepts = []
    wanted = [*options.languages, *(x for x in (options.source, options.target) if x)]
    regional = options.fallback and any(lang in FALLBACK for lang in wanted)
    for given in tb.concepts:
        if subjects and (given.subject or "").casefold() not in subjects:
            continue
        c = with_fallback(given, wanted) if regional else given
        terms = tuple(
            t
            for t in c.terms
            if (not options.statuses or t.status in options.statuses)
            and (not options.languages or t.lang in options.languages)
        )
        if terms:
            concepts.append(dataclasses.replace(c, terms=terms))
    return dataclasses.replace(tb, concepts=tuple(concepts))


def export_chunks(tb: TermBase, fmt: ExportFormat, options: ExportOptions) -> Iterator[str]:
    """The export in pieces: formats that can stream do (TBX: one concept at a time)."""
    if fmt in BINARY:
        raise TermbaseError(f"{fmt.value} is a binary format: use export_binary")
    module, chosen, opts = _prepare(tb, fmt, options)
    if hasattr(module, "chunks"):
        pieces: Iterator[str] = module.chunks(chosen, opts)
        return pieces
    return iter([module.export(chosen, opts)])


def _check_tags(options: ExportOptions) -> None:
    """Language options are BCP 47 tags before anything uses them (in file names too: a
    `--target ../../x` must never write outside the folder asked for)."""
    from termbase.langtags import canonical_tag

    given = [("--source", options.source), ("--target", options.target)]
    given += [("--lang", lang) for lang in options.languages]
    for option, tag in given:
        if tag is not None and canonical_tag(tag) is None:
            raise TermbaseError(f"{option} {tag!r} is not a BCP 47 language tag (zh-Hans, en, ...)")


def _prepare(
    tb: TermBase, fmt: ExportFormat, options: ExportOptions
) -> tuple[Any, TermBase, ExportOptions]:
    _check_tags(options)
    chosen = select(tb, options)
    if not chosen.concepts:
        raise TermbaseError("nothing to export: no concept is left after the filters")
    return (
        importlib.import_module(MODULES[fmt]),
        chosen,
        dataclasses.replace(options, format=fmt.value),
    )


def export(tb: TermBase, fmt: ExportFormat, options: ExportOptions) -> str:
    return "".join(export_chunks(tb, fmt, options))


def export_binary(tb: TermBase, fmt: ExportFormat, options: ExportOptions) -> bytes:
    """A binary format (XLSX) as bytes."""
    module, chosen, opts = _prepare(tb, fmt, options)
    data: bytes = module.export(chosen, opts)
    return data


def export_files(tb: TermBase, fmt: ExportFormat, options: ExportOptions) -> list[tuple[str, str]]:
    """A profile that writes one file for each target language (Weblate): (name, text) pairs."""
    module, chosen, opts = _prepare(tb, fmt, options)
    if not hasattr(module, "export_files"):
        raise TermbaseError(f"--format {fmt.value} writes one file")
    files: list[tuple[str, str]] = module.export_files(chosen, opts)
    return files
