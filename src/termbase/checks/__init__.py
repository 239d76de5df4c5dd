"""Checking a term base: one function per stable rule code (rules), the whole validation
(validation) and its cache between runs (validate_cache). The rule catalog itself (codes,
names, severities) is the bottom module `termbase.catalog`, shared with lint.

May import: the bottom modules, `base` and `chinese`.
"""
