"""SARIF 2.1.0 for code scanning, with every rule described and stable fingerprints."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from termbase import __version__
from termbase.catalog import RULES, Rule
from termbase.finding import Finding, Severity
from termbase.report import rule_help
from termbase.report.json_format import json_string, json_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@lru_cache(maxsize=1024)
def _uri(path: Path) -> str:
    return path.as_uri() if path.is_absolute() else path.as_posix()


def fingerprint(f: Finding) -> str:
    """Stays the same when lines move: rule, file, concept and message, not the line."""
    key = "\0".join(
        (f.code, f.path.as_posix() if f.path else "", f.concept or "", f.segment or "", f.message)
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _result(f: Finding, index: dict[str, int]) -> str:
    """One result as `json.dumps(..., ensure_ascii=False, indent=2)` writes it in its place in
    the document (eight spaces in), made by formatting, each string encoded by the json module's
    C function: the pure-Python encoder that `indent` brings took 55 us a finding (a test
    compares the two byte for byte). Its members: ruleId, level, message, partialFingerprints,
    ruleIndex (a rule of the catalog), properties (a lint finding's segment and texts),
    locations (where the finding has a file)."""
    text = f.message + (f"; {f.hint}" if f.hint else "")
    if f.concept:
        text = f"{f.concept}: {text}"
    level = "error" if f.severity is Severity.ERROR else "warning"
    lines = [
        "{",
        f'  "ruleId": {json_string(f.code)},',
        f'  "level": "{level}",',
        '  "message": {',
        f'    "text": {json_string(text)}',
        "  },",
        '  "partialFingerprints": {',
        f'    "termbaseFinding/v1": "{fingerprint(f)}"',
        "  }",
    ]
    if f.code in index:
        lines[-1] += ","
        lines.append(f'  "ruleIndex": {index[f.code]}')
    if f.segment is not None:
        lines[-1] += ","
        lines += [
            '  "properties": {',
            f'    "segment": {json_string(f.segment)},',
            f'    "source": {json_text(f.source)},',
            f'    "target": {json_text(f.target)}',
            "  }",
        ]
    if f.path:
        lines[-1] += ","
        lines += [
            '  "locations": [',
            "    {",
            '      "physicalLocation": {',
            '        "artifactLocation": {',
            f'          "uri": {json_string(_uri(f.path))}',
            "        }",
        ]
        if f.line:
            lines[-1] += ","
            lines += ['        "region": {', f'          "startLine": {f.line}']
            if f.column:
                lines[-1] += ","
                lines.append(f'          "startColumn": {f.column}')
            lines.append("        }")
        lines += ["      }", "    }", "  ]"]
    lines.append("}")
    return _PAD + _NEXT_LINE.join(lines)


# Where a result stands in the document: each of its lines eight spaces in.
_PAD = " " * 8
_NEXT_LINE = "\n" + _PAD


def _rule(r: Rule) -> dict[str, Any]:
    """A rule with what code scanning shows beside an alert: why, and how to fix it."""
    text = rule_help.full_text(r)
    rule: dict[str, Any] = {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": f"**{r.code} {r.name}**: {text}"},
        "defaultConfiguration": {"level": "error" if r.severity is Severity.ERROR else "warning"},
    }
    uri = rule_help.help_uri(r)
    if uri is not None:  # absolute or absent, as SARIF 2.1.0 wants (3.49.12)
        rule["helpUri"] = uri
    return rule


def _driver(rules: list[Rule]) -> dict[str, Any]:
    driver: dict[str, Any] = {"name": "termbase", "version": __version__}
    docs = rule_help.docs_url()
    if docs is not None:
        driver["informationUri"] = docs
    driver["rules"] = [_rule(r) for r in rules]
    return driver


def render(findings: Sequence[Finding]) -> str:
    return "".join(chunks(findings))


def chunks(findings: Sequence[Finding], size: int = 1000) -> Iterator[str]:
    """The document a thousand results at a time: the whole report is never one string (the
    random 1 MB file's SARIF peaked at 652 MB when it was)."""
    rules = list(RULES.values())
    index = {r.code: i for i, r in enumerate(rules)}
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(rules)},
                "results": [],
            }
        ],
    }
    head = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if not findings:
        yield head
        return
    # the results in their place: the last member of the run, where json writes an empty list
    # (no string of the document can hold this text: its quotes would be escaped)
    before, after = head.rsplit('"results": []', 1)
    yield f'{before}"results": [\n'
    for at in range(0, len(findings), size):
        body = ",\n".join(_result(f, index) for f in findings[at : at + size])
        yield body + (",\n" if at + size < len(findings) else "")
    yield f"\n      ]{after}"
