"""`--format csv|tsv --profile P`: a glossary in one tool's layout (see exchange.tabular)."""

from __future__ import annotations

from termbase.errors import TermbaseError
from termbase.exchange import ExportOptions
from termbase.exchange.tabular import PROFILES, Languages, profile, write
from termbase.model import TermBase


def export(tb: TermBase, options: ExportOptions) -> str:
    if options.profile is None:
        raise TermbaseError(f"--format {options.format} needs --profile: {', '.join(PROFILES)}")
    p = profile(options.profile)
    kind = "tsv" if p.delimiter == "\t" else "csv"
    if options.format != kind:
        raise TermbaseError(f"the {p.name} profile writes {kind}: use --format {kind}")
    source = options.source or tb.settings.source_language
    target = options.target or "en"
    return write(tb, p, Languages(source, target))
