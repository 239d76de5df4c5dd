"""`termbase lint`: check translations against the term base.

Checks (rule codes are stable; severities can be changed in termbase.toml's [lint] table):

- LT101 missing: a term of the term base is in the source, and none of its concept's preferred
  or admitted renderings (or their forms) is in the target;
- LT102 deprecated / LT103 forbidden: the target uses such a rendering; the finding names the
  preferred one;
- LT104 unexpected (off unless turned on): the target has an approved rendering whose concept
  is not in the source;
- LT105 wrong script: Traditional-only characters in a Simplified target, or the reverse;
- LT201 / LT202: a `termbase-ignore: CONCEPT -- reason` without a reason, or one that
  suppresses nothing; LT001 an input that cannot be read, LT002 a pair that does not align.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from termbase.lint.matcher import Match, TermMatcher, is_chinese_tag, iter_patterns
from termbase.lint.segment import (
    EXTENSIONS,
    InputError,
    InputFormat,
    ReadOptions,
    Segment,
    detect,
    read,
)
from termbase.model import Finding, Severity
from termbase.rules import RULES, finding

APPROVED = ("preferred", "admitted")
OFF_BY_DEFAULT = frozenset({"LT104"})
_IGNORE = re.compile(r"termbase-ignore:\s*([A-Za-z0-9*][\w*-]*)\s*(?:--\s*(\S.*?))?\s*$")


@dataclass(frozen=True, slots=True)
class LintSettings:
    """What the [lint] table of termbase.toml and the command line say."""

    severities: dict[str, Severity | None] = field(default_factory=dict)  # None: off
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    source_lang: str | None = None
    target_lang: str | None = None

    def severity(self, code: str) -> Severity | None:
        if code in self.severities:
            return self.severities[code]
        return None if code in OFF_BY_DEFAULT else RULES[code].severity


def parse_settings(table: dict[str, Any], where: str) -> LintSettings:
    """The [lint] table; a wrong value raises a TermbaseError that says where."""
    from termbase.errors import TermbaseError

    known = {"severity", "include", "exclude", "source-language", "target-language"}
    for key in table:
        if key not in known:
            raise TermbaseError(f"{where}: unknown key {key!r} in [lint]")
    severities: dict[str, Severity | None] = {}
    for code, value in dict(table.get("severity", {})).items():
        if code not in RULES or not code.startswith("LT"):
            raise TermbaseError(f"{where}: [lint.severity] names {code!r}, not a lint rule")
        if value not in ("error", "warning", "off"):
            raise TermbaseError(f"{where}: [lint.severity] {code} must be error, warning or off")
        severities[code] = None if value == "off" else Severity(value)

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TermbaseError(f"{where}: [lint] {key} must be a list of glob patterns")
        return tuple(value)

    return LintSettings(
        severities,
        strings("include"),
        strings("exclude"),
        table.get("source-language"),
        table.get("target-language"),
    )


@dataclass
class LintResult:
    findings: list[Finding]
    files: int = 0
    segments: int = 0
    explained: list[str] = field(default_factory=list)


class Linter:
    """The term base's terms, ready to check any number of segments."""

    def __init__(
        self, cards: Iterable[dict[str, Any]], fold: dict[int, str], settings: LintSettings
    ) -> None:
        self.cards = {c["id"]: c for c in cards}
        self.matcher = TermMatcher(list(iter_patterns(self.cards.values())), fold)
        self.settings = settings
        self.default_source = settings.source_lang or "zh-Hans"
        self._rendering_cache: dict[tuple[str, str], list[str]] = {}

    # ------------------------------------------------------------ languages

    def languages(self, seg: Segment) -> tuple[str | None, str]:
        src = seg.source_lang or self.settings.source_lang or None
        tgt = seg.target_lang or self.settings.target_lang
        if seg.source is None:
            if tgt is None:
                tgt = "zh-Hans" if _han_share(seg.target) > 0.3 else "en"
            return None, tgt
        if src is None:
            src = "zh-Hans" if _han_share(seg.source) > 0.3 else self.default_source
        if tgt is None:
            tgt = "en" if is_chinese_tag(src) else "zh-Hans"
        return src, tgt

    # ------------------------------------------------------------ checking

    def check(self, seg: Segment, explain: list[str] | None = None) -> list[Finding]:
        src_lang, tgt_lang = self.languages(seg)
        found: list[Finding] = []
        tgt_matches = [
            m for m in self.matcher.find(seg.target, tgt_lang) if _lang_fits(m, tgt_lang)
        ]
        src_matches: list[Match] = []
        if seg.source is not None and src_lang is not None:
            src_matches = [
                m for m in self.matcher.find(seg.source, src_lang) if _lang_fits(m, src_lang)
            ]
        if explain is not None:
            explain.extend(self._explain(seg, src_lang, tgt_lang, src_matches, tgt_matches))
        in_source = list(dict.fromkeys(m.concept for m in src_matches))
        in_target_ok = {m.concept for m in tgt_matches if m.pattern.status in APPROVED}
        for cid in in_source:
            renderings = self._renderings(cid, tgt_lang)
            if not renderings or cid in in_target_ok:
                continue
            src_term = next(m for m in src_matches if m.concept == cid)
            found.append(
                self._finding(
                    "LT101",
                    seg,
                    0,
                    f"{seg.source[src_term.start : src_term.end]!r} is in the source but the "  # type: ignore[index]
                    f"target has none of {', '.join(repr(r) for r in renderings)}",
                    cid,
                )
            )
        for m in tgt_matches:
            status = m.pattern.status
            if status in APPROVED:
                if seg.source is not None and m.concept not in in_source:
                    found.append(
                        self._finding(
                            "LT104",
                            seg,
                            m.start + 1,
                            f"{seg.target[m.start : m.end]!r} renders {m.concept}, which is not "
                            "in the source",
                            m.concept,
                        )
                    )
                continue
            preferred = self._renderings(m.concept, tgt_lang)[:1]
            use = f'; use "{preferred[0]}"' if preferred else ""
            note = self._term_note(m)
            found.append(
                self._finding(
                    "LT103" if status == "forbidden" else "LT102",
                    seg,
                    m.start + 1,
                    f"{seg.target[m.start : m.end]!r} is a {status} rendering of {m.concept}{use}",
                    m.concept,
                    hint=note,
                )
            )
        found.extend(self._script(seg, tgt_lang))
        return self._suppress(seg, found)

    def _renderings(self, cid: str, lang: str) -> list[str]:
        key = (cid, lang)
        found = self._rendering_cache.get(key)
        if found is None:
            found = self._rendering_cache[key] = self._find_renderings(cid, lang)
        return found

    def _find_renderings(self, cid: str, lang: str) -> list[str]:
        card = self.cards.get(cid)
        if card is None:
            return []
        terms = [t for t in card["terms"] if t["status"] in APPROVED and _tag_fits(t["lang"], lang)]
        terms.sort(key=lambda t: APPROVED.index(t["status"]))
        return [t["text"] for t in terms]

    def _term_note(self, m: Match) -> str | None:
        card = self.cards.get(m.concept, {})
        for t in card.get("terms", []):
            if t["text"] == m.pattern.text or m.pattern.text in (t.get("forms") or ()):
                note = t.get("usage_note")
                return str(note) if note else None
        return None

    def _script(self, seg: Segment, lang: str) -> list[Finding]:
        from termbase import script
        from termbase.rules import is_simplified, is_traditional

        if is_simplified(lang) or lang in ("zh-CN", "zh-SG"):
            bad = script.traditional_only(seg.target)
            kind = "Traditional"
        elif is_traditional(lang):
            bad = script.simplified_only(seg.target)
            kind = "Simplified"
        else:
            return []
        if not bad:
            return []
        column = seg.target.find(bad[0]) + 1
        return [
            self._finding(
                "LT105",
                seg,
                column,
                f"{kind}-only characters {''.join(bad[:10])} in a {lang} target",
                None,
                hint=f"termbase convert --to {lang}",
            )
        ]

    def _finding(
        self,
        code: str,
        seg: Segment,
        column: int,
        message: str,
        concept: str | None,
        hint: str | None = None,
    ) -> Finding:
        return finding(
            code,
            seg.path,
            seg.line,
            message,
            concept=concept,
            column=column,
            hint=hint,
            segment=seg.id,
            source=seg.source,
            target=seg.target,
        )

    def _suppress(self, seg: Segment, found: list[Finding]) -> list[Finding]:
        out: list[Finding] = []
        ignores: list[tuple[str, str | None]] = []
        for note in seg.notes:
            for line in note.splitlines():
                m = _IGNORE.search(line)
                if m:
                    ignores.append((m.group(1), m.group(2)))
        used: set[str] = set()
        for f in found:
            hit = next((c for c, _ in ignores if f.concept and c in (f.concept, "*")), None)
            if hit is not None:
                used.add(hit)
                continue
            out.append(f)
        for cid, reason in ignores:
            if not reason:
                out.append(
                    self._finding(
                        "LT201",
                        seg,
                        0,
                        f"termbase-ignore: {cid} gives no reason",
                        None if cid == "*" else cid,
                        hint=f"write termbase-ignore: {cid} -- why the term does not apply here",
                    )
                )
            if cid not in used:
                out.append(
                    self._finding(
                        "LT202",
                        seg,
                        0,
                        f"termbase-ignore: {cid} suppresses nothing in this segment",
                        None if cid == "*" else cid,
                        hint="remove it",
                    )
                )
        return out

    def _explain(
        self,
        seg: Segment,
        src_lang: str | None,
        tgt_lang: str,
        src_matches: list[Match],
        tgt_matches: list[Match],
    ) -> list[str]:
        lines = [f"segment {seg.id} ({seg.path}:{seg.line})"]
        for side, text, lang, matches in (
            ("source", seg.source, src_lang, src_matches),
            ("target", seg.target, tgt_lang, tgt_matches),
        ):
            if text is None:
                continue
            lines.append(f"  {side} ({lang}): {text}")
            if lang and is_chinese_tag(lang):
                lines.append(f"    normalised: {self.matcher.chinese().fold(text)}")
            else:
                from termbase.lint.matcher import normalise_word, words

                normal = " ".join(normalise_word(w, keep_case=False) for w, _, _ in words(text))
                lines.append(f"    normalised words: {normal}")
            if not matches:
                lines.append("    no term found")
            for m in matches:
                lines.append(
                    f"    found {text[m.start : m.end]!r} at {m.start + 1}-{m.end}: "
                    f"{m.concept}, {m.pattern.lang} {m.pattern.status} {m.pattern.text!r}"
                )
        for cid in dict.fromkeys(m.concept for m in src_matches):
            wanted = self._renderings(cid, tgt_lang)
            ok = [m for m in tgt_matches if m.concept == cid and m.pattern.status in APPROVED]
            verdict = (
                f"passes: found {seg.target[ok[0].start : ok[0].end]!r}"
                if ok
                else "no rendering in the term base for this language, not checked"
                if not wanted
                else "fails: none found"
            )
            lines.append(f"  {cid}: looked for {', '.join(map(repr, wanted)) or '-'}; {verdict}")
        return lines


_HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LETTER_RE = re.compile(r"[^\W\d_]")


def _han_share(text: str) -> float:
    letters = len(_LETTER_RE.findall(text))
    return len(_HAN_RE.findall(text)) / letters if letters else 0.0


@lru_cache(maxsize=4096)
def _tag_fits(term_lang: str, lang: str) -> bool:
    """Does a term in `term_lang` serve text in `lang`? en serves en-GB; zh-Hans serves zh-CN."""
    a, b = term_lang.lower(), lang.lower()
    if a == b or b.startswith(a + "-") or a.startswith(b + "-"):
        return True
    return _CHINESE_FAMILY.get(a) == _CHINESE_FAMILY.get(b) is not None


_CHINESE_FAMILY = {
    "zh-hans": "hans",
    "zh-cn": "hans",
    "zh-sg": "hans",
    "zh-my": "hans",
    "zh": "hans",
    "zh-hant": "hant",
    "zh-tw": "hant",
    "zh-hk": "hant",
    "zh-mo": "hant",
}


def _lang_fits(m: Match, lang: str) -> bool:
    """Chinese matching already folds scripts: any Chinese term counts in Chinese text."""
    return _fits(m.pattern.lang, lang)


@lru_cache(maxsize=4096)
def _fits(term_lang: str, lang: str) -> bool:
    if is_chinese_tag(lang):
        return is_chinese_tag(term_lang)
    return _tag_fits(term_lang, lang)


# ---------------------------------------------------------------- files


def collect(paths: Sequence[Path], settings: LintSettings) -> list[Path]:
    """Files named, and files of known formats below folders named, minus exclusions."""
    from termbase.errors import TermbaseError

    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).as_posix()
                if not f.is_file() or any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                if f.suffix.lower() not in EXTENSIONS:
                    continue
                if settings.include and not any(fnmatch.fnmatch(rel, g) for g in settings.include):
                    continue
                out.append(f)
        elif p.is_file():
            out.append(p)
        else:
            raise TermbaseError(f"{p}: no such file or folder")
    return [
        f
        for f in dict.fromkeys(out)
        if not any(
            fnmatch.fnmatch(f.as_posix(), g) or fnmatch.fnmatch(f.name, g) for g in settings.exclude
        )
    ]


def lint_files(
    linter: Linter,
    files: Sequence[Path],
    options: ReadOptions,
    *,
    pairs: Sequence[tuple[Path, Path]] = (),
    fmt: InputFormat | None = None,
    explain: str | None = None,
) -> LintResult:
    result = LintResult([])
    jobs: list[tuple[Path, list[Segment], list[Finding]]] = []
    for path in files:
        try:
            kind = fmt or detect(path, path.read_bytes()[:512])
            if kind is None:
                raise InputError(path, 0, "unknown format; pass --input-format")
            jobs.append((path, read(path, kind, options), []))
        except InputError as e:
            result.findings.append(finding("LT001", e.path, e.line, e.detail))
        except OSError as e:
            result.findings.append(finding("LT001", path, 0, f"cannot read: {e.strerror or e}"))
    from termbase.lint import pairs as pair_reader

    for src, tgt in pairs:
        try:
            segs, problems = pair_reader.read_pair(src, tgt, options)
            jobs.append((tgt, segs, problems))
        except InputError as e:
            result.findings.append(finding("LT001", e.path, e.line, e.detail))
    for _, segments, problems in jobs:
        result.files += 1
        result.findings.extend(problems)
        for seg in segments:
            result.segments += 1
            trace: list[str] | None = [] if explain is not None and seg.id == explain else None
            result.findings.extend(linter.check(seg, trace))
            if trace:
                result.explained.extend(trace)
    result.findings = _apply_severities(result.findings, linter.settings)
    result.findings.sort(key=Finding.sort_key)
    return result


def _apply_severities(findings: list[Finding], settings: LintSettings) -> list[Finding]:
    import dataclasses

    out = []
    for f in findings:
        sev = settings.severity(f.code)
        if sev is None:
            continue
        out.append(f if sev is f.severity else dataclasses.replace(f, severity=sev))
    return out


# ---------------------------------------------------------------- baselines


def baseline_key(f: Finding) -> str:
    """What identifies a finding across edits: file, segment, concept, rule (not the line)."""
    return "\0".join(
        (f.path.as_posix() if f.path else "", f.segment or "", f.concept or "", f.code)
    )


def write_baseline(findings: Iterable[Finding]) -> str:
    rows = sorted(
        {
            (f.path.as_posix() if f.path else "", f.segment or "", f.concept or "", f.code)
            for f in findings
        }
    )
    data = {
        "termbase-baseline": 1,
        "findings": [
            dict(zip(("path", "segment", "concept", "code"), r, strict=True)) for r in rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: Path) -> set[str]:
    from termbase.errors import TermbaseError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            "\0".join((r["path"], r["segment"], r["concept"], r["code"])) for r in data["findings"]
        }
    except OSError as e:
        raise TermbaseError(f"{path}: cannot read the baseline: {e.strerror or e}") from e
    except (ValueError, KeyError, TypeError) as e:
        raise TermbaseError(f"{path}: not a termbase baseline ({e})") from e


__all__ = [
    "LintResult",
    "LintSettings",
    "Linter",
    "ReadOptions",
    "baseline_key",
    "collect",
    "lint_files",
    "parse_settings",
    "read_baseline",
    "write_baseline",
]
