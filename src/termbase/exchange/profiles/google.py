"""Google Cloud Translation unidirectional glossary: CSV, no header, source and target."""

from __future__ import annotations

from termbase.exchange.tabular import Layout, Profile, pair_rows, pairs

PROFILE = Profile(
    "google", Layout(pairs, read=pair_rows), ("csv", "tsv"), max_file_bytes=10_000_000
)
