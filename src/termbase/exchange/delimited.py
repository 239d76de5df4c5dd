"""`--format csv|tsv|xlsx --profile P`: a glossary in one tool's layout (see exchange.tabular).
A profile that wants one file for each target language (Weblate) gives several files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from termbase.errors import TermbaseError
from termbase.exchange import FALLBACK, ExportOptions, with_fallback
from termbase.exchange.tabular import (
    PROFILES,
    Languages,
    Profile,
    check_format,
    left_out,
    profile,
    write,
)
from termbase.model import TermBase


def chosen_profile(options: ExportOptions) -> Profile:
    if options.profile is None:
        raise TermbaseError(f"--format {options.format} needs --profile: {', '.join(PROFILES)}")
    p = profile(options.profile)
    check_format(p, options.format)
    return p


def source_language(tb: TermBase, options: ExportOptions) -> str:
    """--source, else the term base's source language, else (when --lang leaves it out) the
    first Chinese language --lang keeps: `--lang zh-Hant --lang en` makes a Traditional file."""
    if options.source:
        return options.source
    base = tb.settings.source_language
    if options.languages and base not in options.languages:
        chinese = [lang for lang in options.languages if lang.split("-")[0] == "zh"]
        if chinese:
            return chinese[0]
    return base


def target_languages(tb: TermBase, options: ExportOptions, source: str) -> list[str]:
    if options.target:
        return [options.target]
    present = dict.fromkeys(t.lang for c in tb.concepts for t in c.terms)
    return [lang for lang in present if lang != source]


def languages(tb: TermBase, options: ExportOptions) -> Languages:
    source = source_language(tb, options)
    return Languages(source, options.target or "en")


def export(tb: TermBase, options: ExportOptions) -> str:
    p = chosen_profile(options)
    if p.per_target:
        files = export_files(tb, options)
        if len(files) != 1:
            raise TermbaseError(
                f"the {p.name} profile writes one file for each target language "
                f"({', '.join(name for name, _ in files)}): give -o a folder, or --target"
            )
        return files[0][1]
    return write(tb, p, languages(tb, options), options.format or "csv")


def _regional(tb: TermBase, lang: str, options: ExportOptions) -> TermBase:
    """The base as a file for `lang` sees it: a regional language's file falls back, concept by
    concept, to its script (see termbase.exchange.FALLBACK) unless --no-fallback."""
    if not options.fallback or lang not in FALLBACK:
        return tb
    return dataclasses.replace(tb, concepts=tuple(with_fallback(c, [lang]) for c in tb.concepts))


def export_files(tb: TermBase, options: ExportOptions) -> list[tuple[str, str]]:
    """(file name, text) for each target language: `en.csv`, `zh_Hant.csv`, ..."""
    p = chosen_profile(options)
    source = source_language(tb, options)
    fmt = options.format or "csv"
    files = [
        (
            f"{p.code(target)}.{fmt}",
            write(_regional(tb, target, options), p, Languages(source, target), fmt),
        )
        for target in target_languages(tb, options, source)
    ]
    for name, _ in files:  # the names are language codes: never a path
        if Path(name).name != name or name.startswith("."):
            raise TermbaseError(f"{name!r} is not a file name for a language")
    return files


def banned_note(tb: TermBase, options: ExportOptions) -> str | None:
    """What the chosen profile leaves out because its tool cannot hold it (see
    tabular.left_out), for the export to say once on stderr."""
    p = chosen_profile(options)
    source = source_language(tb, options)
    targets = (
        target_languages(tb, options, source) if p.per_target else [languages(tb, options).target]
    )
    return left_out(tb, p, targets)
