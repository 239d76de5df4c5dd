"""`termbase lint --explain SEGMENT`: what the matchers saw in one segment, and why each
concept of its source passes or fails."""

from __future__ import annotations

from collections.abc import Callable

from termbase.lint.matcher import Match, TermMatcher, is_chinese_tag, normalise_word, words
from termbase.lint.patterns import APPROVED
from termbase.lint.segment import Segment


def explain(
    matcher: TermMatcher,
    renderings: Callable[[str, str], list[str]],
    seg: Segment,
    langs: tuple[str | None, str],
    src_matches: list[Match],
    tgt_matches: list[Match],
) -> list[str]:
    """The lines of the explanation; `renderings(concept, language)`: the approved
    renderings LT101 looks for."""
    src_lang, tgt_lang = langs
    lines = [f"segment {seg.id} ({seg.path}:{seg.line})"]
    for side, text, lang, matches in (
        ("source", seg.source, src_lang, src_matches),
        ("target", seg.target, tgt_lang, tgt_matches),
    ):
        if text is None:
            continue
        lines.append(f"  {side} ({lang}): {text}")
        if lang and is_chinese_tag(lang):
            lines.append(f"    normalised: {matcher.chinese().fold(text)}")
        else:
            normal = " ".join(normalise_word(w, keep_case=False) for w, _, _ in words(text))
            lines.append(f"    normalised words: {normal}")
        if not matches:
            lines.append("    no term found")
        for m in matches:
            lines.append(
                f"    found {text[m.start : m.end]!r} at {m.start + 1}-{m.end}: "
                f"{m.concept}, {m.pattern.lang} {m.pattern.status} {m.pattern.text!r}"
                + _relaxed(m, renderings(m.concept, m.pattern.lang))
            )
    for cid in dict.fromkeys(m.concept for m in src_matches):
        wanted = renderings(cid, tgt_lang)
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


def _relaxed(m: Match, wanted: list[str]) -> str:
    """Which relaxation of an approved rendering a match is (a verb form, without the
    article), said so that none passes unseen."""
    from termbase.english import surface_forms

    if m.pattern.status not in APPROVED or m.pattern.text in wanted:
        return ""
    for w in wanted:
        for form, why in surface_forms(w, approved=True):
            if form == m.pattern.text:
                return f" ({why} of {w!r})"
    return ""
