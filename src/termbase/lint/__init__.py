"""`termbase lint`: check translations against the term base.

Checks (rule codes are stable; severities can be changed in termbase.toml's [lint] table):

- LT101 missing: a term of the term base is in the source, and none of its concept's preferred
  or admitted renderings (or their forms) is in the target, not even by a coordinated ellipsis,
  and no deprecated or forbidden rendering stands in its place (that is LT102/LT103);
- LT102 deprecated / LT103 forbidden: the target uses such a rendering; the finding names the
  preferred one;
- LT104 unexpected (off unless turned on): the target has an approved rendering whose concept
  is not in the source;
- LT105 wrong script: Traditional-only characters in a Simplified target, or the reverse;
- LT106 regional term (off unless turned on): a zh-TW/zh-HK target uses a concept's general
  form where the concept has a term of that region;
- LT201 / LT202: a `termbase-ignore: CONCEPT -- reason` without a reason, or one that
  suppresses nothing; LT001 an input that cannot be read, LT002 a pair that does not align.

Modules, each importing only those listed before it: `patterns` (what the matchers share),
`tokens` (text cut into words), `chinese` and `words` (the matchers of Chinese and of spaced
languages), `matcher` (a term base's matchers, kept between runs), `ellipsis` (coordinations),
`missing` (what LT101 looks for, kept with the matchers), `segment` and the readers of each
format (`tabular`, `plain`, `po`, `xliff`, `tmx`, `pairs`), `settings`, `suppress`
(termbase-ignore notes), `explain`, `linter` (the rules of a segment), `engine` (files in
batches, severities, order) and `baseline`.
"""

from termbase.lint.baseline import baseline_key, baseline_keys, read_baseline, write_baseline
from termbase.lint.engine import (
    Inputs,
    LintResult,
    SegmentMemo,
    check_inputs,
    collect,
    lint_files,
    read_inputs,
)
from termbase.lint.linter import REGIONS, Linter
from termbase.lint.patterns import APPROVED
from termbase.lint.segment import ReadOptions, excerpt
from termbase.lint.settings import LintSettings, parse_settings

__all__ = [
    "APPROVED",
    "REGIONS",
    "Inputs",
    "LintResult",
    "LintSettings",
    "Linter",
    "ReadOptions",
    "SegmentMemo",
    "baseline_key",
    "baseline_keys",
    "check_inputs",
    "collect",
    "excerpt",
    "lint_files",
    "parse_settings",
    "read_baseline",
    "read_inputs",
    "write_baseline",
]
