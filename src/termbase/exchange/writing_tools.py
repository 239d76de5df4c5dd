"""The term base's English renderings not to use, for the tools people write English with:
textlint (textlint-rule-terminology's configuration), prh (its YAML rules) and Vale (a
substitution rule and a vocabulary). One source of truth: each deprecated or forbidden English
rendering with the concept's preferred rendering as its replacement, longest first, so that the
longest match wins where one rendering contains another.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from termbase.errors import TermbaseError
from termbase.exchange import ExportOptions
from termbase.model import Status, TermBase


def replacements(tb: TermBase, lang: str = "en") -> list[tuple[str, str]]:
    """(rendering not to use, preferred rendering), longest first, each rendering once."""
    pairs: dict[str, str] = {}
    for c in tb.concepts:
        good = c.preferred(lang)
        if good is None or c.lookup_only:
            continue
        for t in c.terms_in(lang):
            if t.status in (Status.DEPRECATED, Status.FORBIDDEN):
                for text in (t.text, *t.forms):
                    pairs.setdefault(text, good.text)
    if not pairs:
        raise TermbaseError(f"no deprecated or forbidden {lang} rendering to export")
    return sorted(pairs.items(), key=lambda p: (-len(p[0]), p[0]))


def _lang(options: ExportOptions) -> str:
    return options.languages[0] if options.languages else "en"


def _pattern(text: str) -> str:
    """A regular expression for textlint-rule-terminology: the text, escaped, whole words."""
    return re.escape(text).replace("\\ ", " ")


def export(tb: TermBase, options: ExportOptions) -> str:
    pairs = replacements(tb, _lang(options))
    if options.format == "prh":
        return _prh(pairs)
    rules = [[_pattern(bad), good] for bad, good in pairs]
    config = {"rules": {"terminology": {"defaultTerms": False, "terms": rules}}}
    return json.dumps(config, ensure_ascii=False, indent=2) + "\n"


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _prh(pairs: list[tuple[str, str]]) -> str:
    lines = ["version: 1", "rules:"]
    for bad, good in pairs:
        lines += [
            f"  - expected: {_yaml(good)}",
            f"    pattern: {_yaml('/' + _pattern(bad) + '/i')}",
            f"    prh: {_yaml(f'{bad!r} is a rendering not to use: write {good!r}')}",
        ]
    return "\n".join(lines) + "\n"


def export_files(tb: TermBase, options: ExportOptions) -> list[tuple[str, str]]:
    """Vale: a style folder (`-o styles/`): Termbase/Terms.yml, a substitution rule, and the
    vocabulary config/vocabularies/Termbase/{accept,reject}.txt (Vale 3 layout)."""
    lang = _lang(options)
    pairs = replacements(tb, lang)
    swap = "\n".join(f"  {_yaml(_pattern(bad))}: {_yaml(good)}" for bad, good in pairs)
    rule = (
        "# Made by termbase export --format vale: the term base's renderings not to use.\n"
        "extends: substitution\n"
        "message: \"Use '%s' instead of '%s' (the term base).\"\n"
        "level: error\n"
        "ignorecase: true\n"
        f"swap:\n{swap}\n"
    )
    preferred = sorted(
        {t.text for c in tb.concepts if not c.lookup_only and (t := c.preferred(lang)) is not None}
    )
    rejected = sorted({bad for bad, _ in pairs})
    return [
        ("Termbase/Terms.yml", rule),
        ("config/vocabularies/Termbase/accept.txt", _lines(preferred)),
        ("config/vocabularies/Termbase/reject.txt", _lines(rejected)),
    ]


def _lines(items: list[str]) -> str:
    return "".join(re.escape(x).replace("\\ ", " ") + "\n" for x in items)


def chunks(tb: TermBase, options: ExportOptions) -> Iterator[str]:
    if options.format == "vale":
        raise TermbaseError("--format vale writes a style folder: give -o FOLDER/")
    yield export(tb, options)
