"""DeepL glossary entries: TSV, no header, no BOM, one preferred target per source, terms at
most 1024 UTF-8 bytes, no duplicate sources. DeepL knows Chinese only as `zh`: export one
script per glossary (`--lang zh-Hant` for a Traditional one)."""

from __future__ import annotations

from termbase.exchange.tabular import Layout, Profile, pair_rows, pairs

PROFILE = Profile(
    "deepl", Layout(pairs, read=pair_rows), ("tsv",), max_term_bytes=1024, max_file_bytes=10_000_000
)
