"""The catalog of findings: one stable code per problem, its name, default severity and
summary, and the constructor every check uses. Below every module that reports findings
(rules, pinyin, script, lint, the reports), so that none of them imports another for it.

Codes never change meaning. TB0xx are about reading files, TB1xx about one concept's fields,
TB2xx about links between concepts, TB3xx about Chinese script and pinyin, TB4xx about the
characters in a term; LTxxx are lint's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from termbase.finding import Finding, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str


def _rules(*rows: tuple[str, str, Severity, str]) -> dict[str, Rule]:
    return {code: Rule(code, name, sev, summary) for code, name, sev, summary in rows}


E, W = Severity.ERROR, Severity.WARNING

RULES: dict[str, Rule] = _rules(
    ("TB001", "toml-syntax", E, "The file is not valid TOML."),
    ("TB002", "encoding", E, "The file is not UTF-8."),
    ("TB003", "byte-order-mark", W, "The file starts with a UTF-8 byte order mark."),
    ("TB004", "line-endings", W, "The file has CRLF line endings."),
    ("TB005", "empty-file", W, "The file holds no concept."),
    ("TB101", "wrong-type", E, "A field has a value of the wrong type."),
    ("TB102", "missing-field", E, "A required field is missing or empty."),
    ("TB103", "unknown-key", E, "A key that the format does not define."),
    ("TB104", "bad-value", E, "A value outside its list (status, part of speech, term type...)."),
    ("TB105", "language-tag", E, "A language tag that is not well-formed BCP 47."),
    ("TB106", "concept-id", E, "A concept id that is not a lower-case slug."),
    ("TB107", "pinyin-language", E, "Pinyin on a term that is not Chinese."),
    ("TB108", "exclusion-context", E, "A not-in context that does not contain the term."),
    ("TB110", "no-preferred-term", W, "A language with terms but none of them preferred."),
    ("TB111", "duplicate-term", E, "The same term twice in one concept and language."),
    ("TB112", "validity", E, "Dates that end before they start, or a replaced-by that is no term."),
    ("TB113", "overlapping-validity", E, "Two renderings that replace each other valid at once."),
    ("TB120", "machine-made", W, "A term filled in by a machine that a person has yet to review."),
    ("TB201", "duplicate-id", E, "Two concepts with the same id."),
    ("TB202", "ambiguous-preferred", W, "One term preferred in two concepts of one language."),
    ("TB203", "conflicting-status", W, "A term approved in one concept and forbidden in another."),
    ("TB204", "dangling-reference", E, "A cross-reference to a concept that does not exist."),
    ("TB205", "replacement-cycle", E, "replaced-by links that form a cycle."),
    ("TB206", "unknown-source", E, "A source id that termbase.toml does not define."),
    ("TB301", "traditional-in-simplified", E, "Traditional-only characters in a zh-Hans term."),
    ("TB302", "simplified-in-traditional", E, "Simplified-only characters in a Traditional term."),
    ("TB311", "pinyin-syllable-count", E, "Pinyin with more or fewer syllables than characters."),
    ("TB312", "pinyin-reading", E, "A pinyin syllable that is not a reading of its character."),
    ("TB313", "pinyin-tone", W, "A pinyin syllable whose tone differs from every reading."),
    ("TB314", "pinyin-spelling", E, "Pinyin that is not made of valid syllables."),
    ("TB401", "whitespace", W, "Leading, trailing or repeated spaces in a term."),
    ("TB402", "full-width-ascii", W, "Full-width Latin letters, digits or signs in a term."),
    ("TB403", "mixed-punctuation", W, "Half-width punctuation in Chinese or full-width in Latin."),
    ("TB404", "control-character", E, "A line break, tab or control character in a term."),
    ("TB405", "xml-character", E, "A character that XML 1.0 cannot carry (TBX, XLSX exports)."),
    # termbase lint
    ("LT001", "unreadable-input", E, "A file to lint that cannot be read as its format."),
    ("LT002", "alignment", W, "Source and target files of a pair do not align."),
    ("LT101", "missing-term", E, "A source term whose approved rendering is not in the target."),
    ("LT102", "deprecated-term", W, "A deprecated rendering in the target."),
    ("LT103", "forbidden-term", E, "A forbidden rendering in the target."),
    ("LT104", "unexpected-term", W, "An approved rendering whose concept is not in the source."),
    ("LT105", "wrong-script", E, "Traditional characters in Simplified text, or the reverse."),
    ("LT106", "regional-term", W, "A general Chinese term where the region has its own (opt-in)."),
    ("LT201", "suppression-without-reason", W, "A termbase-ignore without -- and a reason."),
    ("LT202", "unused-suppression", W, "A termbase-ignore that suppresses nothing."),
)


def finding(
    code: str,
    path: Path | None,
    line: int,
    message: str,
    *,
    concept: str | None = None,
    column: int = 0,
    hint: str | None = None,
    severity: Severity | None = None,
    segment: str | None = None,
    source: str | None = None,
    target: str | None = None,
) -> Finding:
    """A finding with its rule's default severity (or `severity`)."""
    return Finding(
        path=path,
        line=line,
        code=code,
        severity=severity or RULES[code].severity,
        message=message,
        concept=concept,
        column=column,
        hint=hint,
        segment=segment,
        source=source,
        target=target,
    )


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.75) -> str | None:
    """A hint naming the closest choice, if one is close enough."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f'did you mean "{close[0]}"?' if close else None
