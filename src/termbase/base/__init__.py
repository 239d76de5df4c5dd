"""The term base on disk: finding its files, reading them (tomllib, fast) and writing them
(tomlkit through one atomic, journaled, locked transaction), the settings files, the caches.

Owns: tomlread, toml_file, files, config, store (reading concepts), records (the model as
JSON data: the JSON export, the index's copy of the base), transaction, atomic,
tempfiles, cachedir, parallel. May import: the bottom modules (errors, finding, model,
langtags, catalog, card) only. Nothing here knows Chinese, lint or any exchange format.
"""
