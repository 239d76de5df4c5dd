"""Google Cloud Translation unidirectional glossary: CSV, no header, source and target."""

from __future__ import annotations

from termbase.exchange.tabular import Profile, pair_rows, pairs

PROFILE = Profile("google", pairs, ("csv", "tsv"), read=pair_rows, max_file_bytes=10_000_000)
