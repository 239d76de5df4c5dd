"""What each rule is for and how to fix what it finds: the long help of SARIF rules (shown by
code scanning beside an alert) and the sections of docs/rules.md (a test keeps them equal)."""

from __future__ import annotations

import os

from termbase.catalog import RULES, Rule

# Where docs/rules.md is published; SARIF's helpUri points at a rule's section there. Set
# $TERMBASE_DOCS_URL to the address of your copy (a repository's blob URL, a docs site).
DOCS_PATH = "docs/rules.md"

HELP: dict[str, str] = {
    "TB001": "Fix the syntax at the line and column given. A merge-conflict marker "
    "(`<<<<<<< HEAD`) is the usual cause. Every command that reads the term base stops here "
    "(exit 2): a look-up or a lint must not answer from part of the base.",
    "TB002": "Save the file as UTF-8. Like TB001, every command that reads the term base stops.",
    "TB110": 'Mark the term translators should use with `status = "preferred"`. Not reported '
    "where the language has an `admitted` term with a `usage-note`: that is how the content "
    "policy (docs/content-policy.md) records a rendering of our own until an official one is "
    "known, and the note says so.",
    "TB112": "A term's `valid-from` is on or after its `valid-to` (`valid-to` is the day its "
    "replacement took effect, so it comes after `valid-from`), or its `replaced-by` names no "
    "term of the same concept and language.",
    "TB113": "Renderings that follow one another are valid on the same days: a term valid until "
    "a day its replacement had already begun, or two preferred dated terms of one language "
    "whose validities overlap. Give the replacement's `valid-from` as the old term's `valid-to`.",
    "LT001": "The file could not be read as its format (broken XML, an unclosed PO string, a "
    "ragged CSV row, an XML file with entity declarations). The other files are still checked.",
    "LT002": "The source and target files of a `--pair` have a different number of lines or "
    "paragraphs; only the units that pair up are checked. Try `--align paragraph`.",
    "LT101": "A term of the term base is in the source, and none of its concept's approved "
    "renderings (preferred or admitted, or their `forms`) is in the target. A rendering inside "
    'a longer term of another concept counts, and so does a coordinated ellipsis ("digital and '
    'intelligence divides" renders both *digital divide* and *intelligence divide*). Where a '
    "deprecated or forbidden rendering stands in its place, LT102/LT103 is reported instead. "
    "Fix: use the preferred rendering the message names, or suppress with "
    "`termbase-ignore: CONCEPT-ID -- reason` where the term does not apply.",
    "LT102": "The target uses a rendering the term base lists as deprecated: replace it with the "
    "preferred rendering the message names. Its usage note says why it is deprecated.",
    "LT103": "The target uses a rendering the term base forbids (a known mistranslation or a "
    "machine rendering): replace it with the preferred rendering the message names.",
    "LT104": "Off unless enabled (`--enable LT104`): an approved rendering whose concept is not "
    "in the source, often a sign of an added or misaligned phrase.",
    "LT105": "Traditional-only characters in a Simplified target, or Simplified-only in a "
    "Traditional one. Fix: `termbase convert --to LANG`.",
    "LT106": "Off unless enabled (`--enable LT106`): a zh-TW or zh-HK target uses the general "
    "zh-Hans/zh-Hant term of a concept that has a term of its own for that region (人工智能 "
    "where Taiwan writes 人工智慧). Fix: use the regional term the message names.",
    "LT201": "A `termbase-ignore` needs a reason after `--`, so that a reviewer can judge it.",
    "LT202": "A `termbase-ignore` that suppresses nothing in its segment: remove it.",
}


def anchor(rule: Rule) -> str:
    """The section's anchor in docs/rules.md (GitHub's heading slugs)."""
    return f"{rule.code.lower()}-{rule.name}"


def docs_url() -> str | None:
    """Where the rule reference is published ($TERMBASE_DOCS_URL, an absolute http(s) URL),
    or None: SARIF wants an absolute URI or none, and termbase has no address of its own."""
    base = os.environ.get("TERMBASE_DOCS_URL", "")
    return base if base.startswith(("https://", "http://")) else None


def help_uri(rule: Rule) -> str | None:
    """The rule's section of the published reference, or None where none is published."""
    base = docs_url()
    return f"{base}#{anchor(rule)}" if base else None


def full_text(rule: Rule) -> str:
    return HELP.get(rule.code, rule.summary)


def markdown() -> str:
    """docs/rules.md."""
    lines = [
        "# Rules",
        "",
        "Generated from `termbase.report.rule_help` (a test checks that it is up to date; "
        "`pytest --update-goldens` rewrites it). Codes are stable: a code never changes meaning.",
        "Severities can be changed per rule: see [the lint settings](lint.md#settings).",
        "",
    ]
    for rule in RULES.values():
        lines += [
            f"## {rule.code} {rule.name}",
            "",
            f"Default severity: {rule.severity.value}. {rule.summary}",
            "",
        ]
        if rule.code in HELP:
            lines += [HELP[rule.code], ""]
    return "\n".join(lines)
