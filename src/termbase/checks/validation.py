"""Validating a term base: read it once, run every rule, return the findings as values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from termbase.base import store
from termbase.base.config import default_paths
from termbase.checks import rules
from termbase.finding import Counted, Finding
from termbase.model import Concept, TermBase


@dataclass(frozen=True, slots=True)
class Validation(Counted):
    termbase: TermBase
    findings: tuple[Finding, ...]


def validate(paths: Iterable[Path | str] | None = None) -> Validation:
    """Check the term base at `paths` (default: see `termbase.base.config.default_paths`).

    Raises `termbase.errors.ReadError` when a path cannot be read at all, or when the base
    has no concept and nothing to report (an empty folder, a folder of lint settings).
    """
    from termbase.base.parallel import paused_gc

    chosen = [Path(p) for p in paths] if paths is not None else default_paths()
    with paused_gc():
        return _validate(chosen)


def _validate(chosen: list[Path]) -> Validation:
    loaded = store.load(chosen, check=check_concepts)
    if not loaded.termbase.concepts and not loaded.findings:
        from termbase.base.files import no_concepts_message
        from termbase.errors import ReadError

        raise ReadError(no_concepts_message(chosen))
    found = [*loaded.findings, *rules.check_base(loaded.termbase)]
    return Validation(loaded.termbase, tuple(sorted(found, key=Finding.sort_key)))


def check_concepts(concepts: list[Concept]) -> list[Finding]:
    """The rules that look at one concept at a time (run as each file is read)."""
    from termbase.chinese import pinyin

    part = TermBase(tuple(concepts))
    return [
        *rules.check_terms(part),
        *rules.check_xml(part),
        *_script_findings(part),
        *pinyin.check(part),
    ]


def _script_findings(tb: TermBase) -> Iterator[Finding]:
    """TB301, TB302: a character of the other script in a Chinese term."""
    from termbase.catalog import finding
    from termbase.chinese import script
    from termbase.langtags import is_simplified, is_traditional

    for c in tb.concepts:
        for t in c.terms:
            if is_simplified(t.lang):
                code, kind, config = "TB301", "Traditional", "t2s"
                bad = script.traditional_only(t.text)
            elif is_traditional(t.lang):
                code, kind = "TB302", "Simplified"
                region = t.lang.split("-")[0] + "-" + t.lang.split("-")[1]
                config = script.CONFIG_FOR_TAG.get(region) or "s2t"
                bad = script.simplified_only(t.text)
            else:
                continue
            if bad:
                written = script.converter(config)(t.text)
                name = "Simplified" if code == "TB301" else f"OpenCC {config}"
                yield finding(
                    code,
                    c.path,
                    t.line or c.line,
                    f"{t.lang} term {t.text!r} has {kind}-only {''.join(bad)}",
                    concept=c.id,
                    hint=f'{name}: "{written}"',
                )
