"""SARIF 2.1.0 for code scanning, with every rule described and stable fingerprints."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termbase import __version__
from termbase.catalog import RULES, Rule
from termbase.model import Finding, Severity
from termbase.report import rule_help

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: Path) -> str:
    return path.as_uri() if path.is_absolute() else path.as_posix()


def fingerprint(f: Finding) -> str:
    """Stays the same when lines move: rule, file, concept and message, not the line."""
    key = "\0".join(
        (f.code, f.path.as_posix() if f.path else "", f.concept or "", f.segment or "", f.message)
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    text = f.message + (f"; {f.hint}" if f.hint else "")
    if f.concept:
        text = f"{f.concept}: {text}"
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": "error" if f.severity is Severity.ERROR else "warning",
        "message": {"text": text},
        "partialFingerprints": {"termbaseFinding/v1": fingerprint(f)},
    }
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    if f.segment is not None:
        result["properties"] = {"segment": f.segment, "source": f.source, "target": f.target}
    if f.path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.path)}}
        if f.line:
            region: dict[str, int] = {"startLine": f.line}
            if f.column:
                region["startColumn"] = f.column
            physical["region"] = region
        result["locations"] = [{"physicalLocation": physical}]
    return result


def _rule(r: Rule) -> dict[str, Any]:
    """A rule with what code scanning shows beside an alert: why, and how to fix it."""
    text = rule_help.full_text(r)
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": f"**{r.code} {r.name}**: {text}"},
        "helpUri": rule_help.help_uri(r),
        "defaultConfiguration": {"level": "error" if r.severity is Severity.ERROR else "warning"},
    }


def render(findings: Sequence[Finding]) -> str:
    rules = list(RULES.values())
    index = {r.code: i for i, r in enumerate(rules)}
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "termbase",
                        "version": __version__,
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "results": [_result(f, index) for f in findings],
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
