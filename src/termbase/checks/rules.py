"""Validation rules: one stable code per problem, and the checks that span the whole term base.

Codes never change meaning. TB0xx are about reading files, TB1xx about one concept's fields,
TB2xx about links between concepts, TB3xx about Chinese script and pinyin, TB4xx about the
characters in a term.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from termbase.catalog import RULES, Rule, did_you_mean, finding
from termbase.finding import Finding
from termbase.langtags import CHINESE, is_chinese, is_simplified, is_traditional
from termbase.model import Concept, Status, Term, TermBase

__all__ = [
    "CHINESE",
    "RULES",
    "Rule",
    "did_you_mean",
    "finding",
    "is_chinese",
    "is_simplified",
    "is_traditional",
]


def _at(concept: Concept, term: Term | None = None) -> tuple[Path | None, int]:
    return concept.path, (term.line if term and term.line else concept.line)


def check_links(tb: TermBase) -> Iterator[Finding]:
    """TB201, TB204, TB205, TB206: ids, cross-references, replacement chains and sources."""
    first: dict[str, Concept] = {}
    for c in tb.concepts:
        if c.id in first:
            other = first[c.id]
            yield finding(
                "TB201",
                c.path,
                c.line,
                f"concept id {c.id!r} is also defined at {other.path}:{other.line}",
                concept=c.id,
                hint="give one of the two concepts another id, or merge them",
            )
        else:
            first[c.id] = c
    for c in tb.concepts:
        refs = [("see-also", r) for r in c.see_also]
        if c.replaced_by:
            refs.append(("replaced-by", c.replaced_by))
        for key, ref in refs:
            if ref not in first:
                yield finding(
                    "TB204",
                    c.path,
                    c.line,
                    f"{key} names {ref!r}, which is not a concept in this term base",
                    concept=c.id,
                    hint=did_you_mean(ref, first),
                )
        term_sources = (s for t in c.terms for s in (*t.sources, t.context_source) if s)
        for sid in (*c.sources, *term_sources):
            if sid not in tb.sources:
                yield finding(
                    "TB206",
                    c.path,
                    c.line,
                    f"source {sid!r} is not defined in termbase.toml [sources]",
                    concept=c.id,
                    hint=did_you_mean(sid, tb.sources),
                )
    yield from _cycles(tb, first)


def _cycles(tb: TermBase, by_id: dict[str, Concept]) -> Iterator[Finding]:
    reported: set[str] = set()
    for start in tb.concepts:
        seen: list[str] = []
        cur: Concept | None = start
        while cur is not None and cur.replaced_by and cur.id not in seen:
            seen.append(cur.id)
            cur = by_id.get(cur.replaced_by)
        if cur is not None and cur.id in seen:
            cycle = seen[seen.index(cur.id) :]
            key = min(cycle)
            if key in reported:
                continue
            reported.add(key)
            head = by_id[key]
            chain = " -> ".join([*cycle[cycle.index(key) :], *cycle[: cycle.index(key)], key])
            yield finding(
                "TB205",
                head.path,
                head.line,
                f"replaced-by forms a cycle: {chain}",
                concept=key,
                hint="a replaced concept must lead to one that is not replaced",
            )


# ---------------------------------------------------------------- one concept's terms


def check_terms(tb: TermBase) -> Iterator[Finding]:
    """TB110, TB111, TB108, TB4xx: the terms of each concept on their own."""
    for c in tb.concepts:
        seen: set[tuple[str, str]] = set()
        langs: dict[str, Term] = {}
        preferred: set[str] = set()
        for t in c.terms:
            langs.setdefault(t.lang, t)
            # An admitted term with a usage note stands in on purpose: the content policy admits
            # our own rendering, saying so, until an official one is found.
            if t.status is Status.PREFERRED or (t.status is Status.ADMITTED and t.usage_note):
                preferred.add(t.lang)
        for lang, first in langs.items():
            if lang not in preferred:
                path, line = _at(c, first)
                yield finding(
                    "TB110",
                    path,
                    line,
                    f"no preferred {lang} term",
                    concept=c.id,
                    hint='mark the term translators should use with status = "preferred"',
                )
        for t in c.terms:
            key = (t.lang, t.text)
            if key in seen:
                path, line = _at(c, t)
                yield finding(
                    "TB111",
                    path,
                    line,
                    f"{t.lang} term {t.text!r} appears twice",
                    concept=c.id,
                    hint="remove one; add other spellings under forms",
                )
            seen.add(key)
            if t.origin.value != "human":
                path, line = _at(c, t)
                what = "the pinyin of " if t.origin.value == "machine-pinyin" else ""
                yield finding(
                    "TB120",
                    path,
                    line,
                    f"{what}{t.lang} term {t.text!r} was filled in by a machine",
                    concept=c.id,
                    hint=f'check it, then delete its origin = "{t.origin.value}" line',
                )
            for ctx in t.not_in:
                if t.text.casefold() not in ctx.casefold():
                    path, line = _at(c, t)
                    yield finding(
                        "TB108",
                        path,
                        line,
                        f"not-in context {ctx!r} does not contain {t.text!r}",
                        concept=c.id,
                        hint="a context is the surrounding text in which a match does not count",
                    )
            yield from _characters(c, t)
        yield from _validity(c)


def _overlap(a: Term, b: Term) -> bool:
    """Whether two dated terms were both valid on some day."""
    low, high = dt.date.min, dt.date.max
    start = max(a.valid_from or low, b.valid_from or low)
    return start < min(a.valid_to or high, b.valid_to or high)


def _validity(c: Concept) -> Iterator[Finding]:
    """TB112, TB113: a concept's dated renderings."""
    by_text = {(t.lang, t.text): t for t in c.terms}
    for t in c.terms:
        path, line = _at(c, t)
        if t.valid_from and t.valid_to and t.valid_from >= t.valid_to:
            yield finding(
                "TB112",
                path,
                line,
                f"{t.lang} term {t.text!r} is valid from {t.valid_from} to {t.valid_to}",
                concept=c.id,
                hint="valid-to is the day its replacement took effect: after valid-from",
            )
        if t.replaced_by is None:
            continue
        new = by_text.get((t.lang, t.replaced_by))
        if new is None:
            yield finding(
                "TB112",
                path,
                line,
                f"replaced-by names {t.replaced_by!r}, which is not a {t.lang} term of {c.id}",
                concept=c.id,
                hint=did_you_mean(t.replaced_by, [x.text for x in c.terms if x.lang == t.lang]),
            )
        elif t.valid_to and new.valid_from and new.valid_from < t.valid_to:
            yield finding(
                "TB113",
                path,
                line,
                f"{t.text!r} is valid until {t.valid_to}, and {new.text!r}, which replaced it, "
                f"from {new.valid_from}",
                concept=c.id,
                hint="give the replacement's valid-from as the old term's valid-to",
            )
    dated = [t for t in c.terms if t.status is Status.PREFERRED and t.dated]
    for n, a in enumerate(dated):
        for b in dated[n + 1 :]:
            if a.lang == b.lang and _overlap(a, b):
                path, line = _at(c, b)
                yield finding(
                    "TB113",
                    path,
                    line,
                    f"two preferred {a.lang} terms valid on the same day: {a.text!r} and "
                    f"{b.text!r}",
                    concept=c.id,
                    hint="mark the older one deprecated, with valid-to the day the newer began",
                )


_FULLWIDTH = re.compile("[\uff01-\uff5e]")
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_CJK_TEXT = re.compile("[\u3040-\u30ff\u3400-\u9fff\U00020000-\U0003134f]")
_HAN = r"[\u3400-\u9fff\U00020000-\U0003134f]"
_HALF_PUNCT_NEAR_HAN = re.compile(rf"(?<={_HAN})[,;:?!()]|[,;:?!()](?={_HAN})")
_CJK_PUNCT = re.compile("[\u3000-\u3003\u3008-\u3011\u3014-\u301f]")


_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\uff01-\uff5e\u3000-\u303f,;:?!()]|^ | $|  ")


def _characters(c: Concept, t: Term) -> Iterator[Finding]:
    if not _SUSPECT.search(t.text):
        return  # the common case: nothing here for the rules below
    path, line = _at(c, t)
    bad = [ch for ch in t.text if unicodedata.category(ch) in ("Cc", "Zl", "Zp")]
    if bad:
        yield finding(
            "TB404",
            path,
            line,
            f"{t.lang} term {t.text!r} contains {', '.join(repr(ch) for ch in bad[:3])}",
            concept=c.id,
            hint="a term is one line of text",
        )
    if t.text != t.text.strip() or "  " in t.text:
        yield finding(
            "TB401",
            path,
            line,
            f"{t.lang} term {t.text!r} has leading, trailing or repeated spaces",
            concept=c.id,
            hint=f'write "{" ".join(t.text.split())}"',
        )
    chinese = is_chinese(t.lang)
    # A Latin-script term that quotes Chinese or Japanese text keeps that text's punctuation.
    quotes_cjk = not chinese and _CJK_TEXT.search(t.text) is not None
    wide_pattern = _FULLWIDTH_ALNUM if chinese else _FULLWIDTH
    if not quotes_cjk and wide_pattern.search(t.text):
        wide = [ch for ch in t.text if wide_pattern.match(ch)]
        yield finding(
            "TB402",
            path,
            line,
            f"{t.lang} term {t.text!r} has full-width {''.join(dict.fromkeys(wide))}",
            concept=c.id,
            hint=f'write "{_fold_wide(t.text, keep_cjk_punct=chinese)}"',
        )
    if chinese:
        m = _HALF_PUNCT_NEAR_HAN.search(t.text)
        if m:
            yield finding(
                "TB403",
                path,
                line,
                f"{t.lang} term {t.text!r} has half-width {m.group()!r} next to Chinese text",
                concept=c.id,
                hint="use full-width punctuation in Chinese text",
            )
    elif not quotes_cjk:
        m = _CJK_PUNCT.search(t.text)
        if m:
            yield finding(
                "TB403",
                path,
                line,
                f"{t.lang} term {t.text!r} has full-width {m.group()!r}",
                concept=c.id,
                hint="use ASCII punctuation in Latin-script text",
            )


def _fold_wide(text: str, *, keep_cjk_punct: bool) -> str:
    out = []
    for ch in text:
        if "\uff01" <= ch <= "\uff5e" and not (keep_cjk_punct and not _FULLWIDTH_ALNUM.match(ch)):
            out.append(chr(ord(ch) - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------- across concepts


def check_uses(tb: TermBase) -> Iterator[Finding]:
    """TB202, TB203: one text that means two things to a checker."""
    preferred: dict[tuple[str, str], list[tuple[Concept, Term]]] = defaultdict(list)
    banned: dict[tuple[str, str], list[tuple[Concept, Term]]] = defaultdict(list)
    for c in tb.concepts:
        for t in c.terms:
            key = (t.lang, t.text.casefold() if not t.case_sensitive else t.text)
            if t.status is Status.PREFERRED:
                preferred[key].append((c, t))
            elif t.status is Status.FORBIDDEN:
                banned[key].append((c, t))
    for key, uses in preferred.items():
        ids = list(dict.fromkeys(c.id for c, _ in uses))
        if len(ids) > 1:
            c, t = uses[1]
            path, line = _at(c, t)
            yield finding(
                "TB202",
                path,
                line,
                f"{t.lang} term {t.text!r} is also preferred in {', '.join(ids[:1] + ids[2:])}",
                concept=c.id,
                hint="a checker cannot tell the concepts apart; add a not-in context or "
                "make one of them admitted",
            )
        for bc, bt in banned.get(key, ()):
            if bc.id in ids:
                continue
            path, line = _at(bc, bt)
            yield finding(
                "TB203",
                path,
                line,
                f"{bt.lang} term {bt.text!r} is forbidden here but preferred in {ids[0]}",
                concept=bc.id,
                hint="a checker will flag the preferred use too; say which concept it belongs to",
            )


# Characters XML 1.0 cannot carry, even escaped: C0 controls but tab, LF and CR; surrogates;
# U+FFFE and U+FFFF. A TBX or XLSX export with one of them is not well-formed.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def concept_texts(c: Concept) -> Iterator[tuple[str, str, Term | None]]:
    """Every text of a concept with the name of its field (and its term)."""
    for name, value in (("subject", c.subject), ("note", c.note)):
        if value:
            yield name, value, None
    for lang, text in c.definition.items():
        yield f"definition ({lang})", text, None
    for t in c.terms:
        yield f"{t.lang} term", t.text, t
        for name, value in (
            ("pinyin", t.pinyin),
            ("usage-note", t.usage_note),
            ("context", t.context),
        ):
            if value:
                yield name, value, t
        for name, values in (("forms", t.forms), ("not-in", t.not_in)):
            for value in values:
                yield name, value, t


def xml_problem(text: str) -> str | None:
    """What in `text` XML 1.0 cannot carry, said for a message; None when nothing."""
    m = XML_ILLEGAL.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def check_xml(tb: TermBase) -> Iterator[Finding]:
    """TB405: characters that a TBX or XLSX export could not write."""
    for c in tb.concepts:
        for name, text, term in concept_texts(c):
            bad = xml_problem(text)
            if bad:
                path, line = _at(c, term)
                yield finding(
                    "TB405",
                    path,
                    line,
                    f"{name} {text!r} contains {bad}, which XML cannot carry",
                    concept=c.id,
                    hint="remove the character: TBX and XLSX exports cannot hold it",
                )


def check_base(tb: TermBase) -> list[Finding]:
    """The rules that look across concepts."""
    return [*check_links(tb), *check_uses(tb)]
