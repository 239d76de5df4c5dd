"""JUnit XML: one test case per finding, so that CI systems list them like failed tests."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from termbase.checks.rules import XML_ILLEGAL
from termbase.finding import Finding, Severity


def _attr(text: str) -> str:
    """An XML attribute value: characters XML 1.0 cannot carry (a control character read from
    a fuzzed file) written as \\xNN escapes, so the report is always well-formed."""
    return quoteattr(XML_ILLEGAL.sub(lambda m: repr(m.group())[1:-1], text))


def render(findings: Sequence[Finding], *, strict: bool = False) -> str:
    """`strict`: warnings are failures too (as `--strict` makes them fail the run); otherwise
    they are skipped test cases, listed but not failing."""

    def fails(f: Finding) -> bool:
        return strict or f.severity is Severity.ERROR

    errors = sum(1 for f in findings if fails(f))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="termbase" tests="{max(1, len(findings))}" failures="{errors}">',
        f'  <testsuite name="termbase" tests="{max(1, len(findings))}" failures="{errors}">',
    ]
    if not findings:
        lines.append('    <testcase classname="termbase" name="no findings"/>')
    for f in findings:
        name = f"{f.code} {f.concept or ''} {f.location}".strip()
        if f.segment:
            name += f" segment {f.segment}"
        kind = "failure" if fails(f) else "skipped"
        message = f.message + (f"; {f.hint}" if f.hint else "")
        classname = f.path.as_posix() if f.path else "termbase"
        lines.append(f"    <testcase classname={_attr(classname)} name={_attr(name)}>")
        if kind == "failure":
            lines.append(f"      <failure message={_attr(message)} type={_attr(f.code)}/>")
        else:
            lines.append(f"      <skipped message={_attr('warning: ' + message)}/>")
        lines.append("    </testcase>")
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"
