"""The checks of one segment (LT101-LT106, suppressions LT201/LT202): a Linter holds the term
base's matchers and renderings and checks any number of segments. The rules are listed in
`termbase.lint`'s docstring."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from termbase.catalog import RULES, finding
from termbase.lint.ellipsis import coordinated
from termbase.lint.matcher import (
    Hit,
    Match,
    MatcherCache,
    PatternTable,
    TermMatcher,
    is_chinese_tag,
    iter_patterns,
    tag_fits,
)
from termbase.lint.segment import (
    Segment,
)
from termbase.lint.settings import LintSettings
from termbase.model import Finding

APPROVED = ("preferred", "admitted")
_APPROVED = frozenset(APPROVED)
REGIONS = frozenset({"zh-TW", "zh-HK", "zh-MO"})
_IGNORE = re.compile(r"termbase-ignore:\s*([A-Za-z0-9*][\w*-]*)\s*(?:--\s*(\S.*?))?\s*$")


# A finding carries its segment's texts; a longer segment (a whole file on one line) is cut
# to this many characters around the finding, so that a report grows with the findings, never
# with findings times the segment's length.
EXCERPT = 400


def excerpt(text: str | None, column: int) -> str | None:
    """The text, or, if longer than EXCERPT, the EXCERPT characters around `column` (1-based)
    with "…" where it was cut."""
    if text is None or len(text) <= EXCERPT:
        return text
    start = max(0, min(column - 1 - EXCERPT // 2, len(text) - EXCERPT))
    end = start + EXCERPT
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


class Linter:
    """The term base's terms, ready to check any number of segments."""

    def __init__(
        self,
        cards: Iterable[dict[str, Any]] | Callable[[], Iterable[dict[str, Any]]],
        fold: dict[int, str],
        settings: LintSettings,
        *,
        cache: MatcherCache | None = None,
    ) -> None:
        """`cards`: the concept cards, or a function giving a fresh pass over them (only a
        cache miss calls it, and a large base is then not held in memory)."""
        if callable(cards):
            self._cards: Callable[[], Iterable[dict[str, Any]]] = cards
        else:
            kept = list(cards)
            self._cards = lambda: kept
        self.matcher = TermMatcher(lambda: iter_patterns(self._cards()), fold, cache)
        self.settings = settings
        self.default_source = settings.source_lang or "zh-Hans"
        self._rendering_cache: dict[tuple[str, str], list[str]] = {}
        self._rendered_keys: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._listed_cache: dict[tuple[str, str], str] = {}
        self._banned: dict[tuple[str, int], tuple[str, str, Any, str, str | None]] = {}
        self._on = {code: settings.severity(code) is not None for code in RULES}
        self._tables: dict[str, tuple[dict[str, Any], dict[str, dict[str, str]]]] = {}

    @classmethod
    def from_index(cls, index: Any, settings: LintSettings) -> Linter:
        """A linter over an open `termbase.index.Index`: its compiled matchers and rendering
        tables are kept beside the index between runs; the cards are read only to build them."""
        return cls(index.iter_cards, index.fold_table(), settings, cache=index.matcher_cache())

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

    def check_many(self, segs: Sequence[Segment]) -> list[list[Finding]]:
        """`check` of each segment, the targets of a spaced language coded and scanned in one
        pass (the per-segment rules are `check`'s)."""
        # Monolingual segments only: a bilingual one's checks cost more than its coding, and
        # measured 15% slower in a batch
        by_lang: dict[str, list[int]] = {}
        for i, seg in enumerate(segs):
            if seg.source is None:
                by_lang.setdefault(self.languages(seg)[1], []).append(i)
        ready: dict[int, tuple[PatternTable, list[Hit]]] = {}
        for lang, group in by_lang.items():
            if is_chinese_tag(lang):
                continue
            hits = self.matcher.hits_many([segs[i].target for i in group], lang)
            ready.update(zip(group, hits, strict=True))
        out: list[list[Finding]] = []
        for i, seg in enumerate(segs):
            target = ready.get(i)
            if target is not None and not target[1] and seg.source is None and not seg.notes:
                out.append([])  # no term in a target without source or notes: nothing to say
            else:
                out.append(self.check(seg, None, target))
        return out

    def check(
        self,
        seg: Segment,
        explain: list[str] | None = None,
        target: tuple[PatternTable, list[Hit]] | None = None,
    ) -> list[Finding]:
        """The findings of one segment. `target`: its target's hits, found already
        (`check_many`)."""
        src_lang, tgt_lang = self.languages(seg)
        found: list[Finding] = []
        tgt_table, tgt_hits = target or self.matcher.hits(seg.target, tgt_lang)
        src_hits: list[Hit] = []
        src_table: PatternTable | None = None
        if seg.source is not None and src_lang is not None:
            src_table, src_hits = self.matcher.hits(seg.source, src_lang)
        if explain is not None:
            explain.extend(
                self._explain(
                    seg,
                    src_lang,
                    tgt_lang,
                    [Match(src_table[k], s, e) for k, s, e in src_hits] if src_table else [],
                    [Match(tgt_table[k], s, e) for k, s, e in tgt_hits],
                )
            )
        # The concepts of the source, each with where its first term is.
        first: dict[str, tuple[int, int]] = {}
        if src_table is not None:
            concepts = src_table.concepts
            for k, s, e in src_hits:
                first.setdefault(concepts[k], (s, e))
        t_concepts, t_statuses = tgt_table.concepts, tgt_table.statuses
        if self._on["LT101"] and seg.source is not None and first:
            # the concepts the target renders; a deprecated or forbidden rendering in its place
            # is reported as such (LT102, LT103, naming the preferred one), not also as missing
            present = {t_concepts[k] for k, _, _ in tgt_hits}
            found.extend(self._missing(seg, tgt_lang, first, present))
        unexpected = self._on["LT104"] and seg.source is not None
        for k, s, e in tgt_hits:
            status = t_statuses[k]
            if status in _APPROVED:
                cid = t_concepts[k]
                if unexpected and cid not in first:
                    found.append(
                        self._finding(
                            "LT104",
                            seg,
                            s + 1,
                            f"{seg.target[s:e]!r} renders {cid}, which is not in the source",
                            cid,
                        )
                    )
                continue
            banned = self._banned.get((tgt_lang, k))
            if banned is None:
                banned = self._banned[tgt_lang, k] = self._banned_info(tgt_table, k, tgt_lang)
            cid, code, severity, use, hint = banned
            found.append(
                Finding(
                    seg.path,
                    seg.line,
                    code,
                    severity,
                    f"{seg.target[s:e]!r} is a {status} rendering of {cid}{use}",
                    cid,
                    s + 1,
                    hint,
                    seg.id,
                    excerpt(seg.source, s + 1),
                    excerpt(seg.target, s + 1),
                )
            )
        if self._on["LT105"]:
            found.extend(self._script(seg, tgt_lang))
        if self._on["LT106"] and tgt_lang in REGIONS:
            found.extend(self._regional(seg, tgt_lang, tgt_table, tgt_hits))
        if not found and not seg.notes:
            return found
        return self._suppress(seg, found)

    def _banned_info(
        self, table: PatternTable, k: int, lang: str
    ) -> tuple[str, str, Any, str, str | None]:
        """What every finding of a deprecated or forbidden pattern shares: its concept, code,
        severity, the preferred rendering to use and the term's usage note."""
        m = Match(table[k], 0, 0)
        code = "LT103" if m.pattern.status == "forbidden" else "LT102"
        preferred = self._renderings(m.concept, lang)[:1]
        use = f'; use "{preferred[0]}"' if preferred else ""
        return m.concept, code, RULES[code].severity, use, self._term_note(m)

    def prepare(self, source: str | None, target: str) -> None:
        """Load (or build) now what checking this language pair needs, rather than at the
        first segment: the matchers of both languages, the renderings of the target's."""
        for lang in (source, target):
            if lang is None:
                continue
            if is_chinese_tag(lang):
                self.matcher.chinese()
            else:
                self.matcher.spaced(lang)
        self._language_table(target)

    def _listed(self, cid: str, lang: str) -> str:
        key = (cid, lang)
        text = self._listed_cache.get(key)
        if text is None:
            text = self._listed_cache[key] = ", ".join(map(repr, self._renderings(cid, lang)))
        return text

    def _renderings(self, cid: str, lang: str) -> list[str]:
        key = (cid, lang)
        found = self._rendering_cache.get(key)
        if found is None:
            found = self._rendering_cache[key] = self._find_renderings(cid, lang)
        return found

    def _find_renderings(self, cid: str, lang: str) -> list[str]:
        terms = self._language_table(lang)[0].get(cid, ())
        return [
            text for term_lang, text, _, form in terms if not form and tag_fits(term_lang, lang)
        ]

    def _missing(
        self, seg: Segment, lang: str, first: dict[str, tuple[int, int]], present: set[str]
    ) -> list[Finding]:
        """LT101 for each concept of the source with none of its approved renderings in the
        target. A rendering counts also where the non-overlapping hits did not show it,
        because a longer term of another concept covers it ("digital divide" inside a term
        "digital divide index"), and where a coordination shares its head word ("digital and
        AI divides"). The hot path of a file full of missing terms: what serves every concept
        of the segment (the target's word codes, its excerpt) is made once."""
        assert seg.source is not None
        out: list[Finding] = []
        target = seg.target
        chinese = is_chinese_tag(lang)
        spaced = None if chinese else self.matcher.spaced(lang)
        coded_plain: str | None = None
        coded_cased: str | None = None
        keys_of = self._rendered_keys
        severity = RULES["LT101"].severity
        excerpts: tuple[str | None, str | None] | None = None
        for cid, (s, e) in first.items():
            if cid in present:
                continue
            renderings = self._renderings(cid, lang)
            if not renderings:
                continue
            keys = keys_of.get((cid, lang))
            if keys is None:
                keys = keys_of[cid, lang] = self._keys_of(cid, lang)
            plain, cased = keys
            if spaced is None:
                if any(self.matcher.contains(target, lang, text) for text in plain):
                    continue
            else:
                if plain:
                    if coded_plain is None:
                        coded_plain = spaced.coded(target, False)
                    if any(key in coded_plain for key in plain):
                        continue
                if cased:
                    if coded_cased is None:
                        coded_cased = spaced.coded(target, True)
                    if any(key in coded_cased for key in cased):
                        continue
                if coordinated(target, renderings):
                    continue
            if excerpts is None:
                excerpts = (excerpt(seg.source, 0), excerpt(target, 0))
            message = (
                f"{seg.source[s:e]!r} is in the source but the target has none of "
                f"{self._listed(cid, lang)}"
            )
            out.append(
                Finding(
                    seg.path, seg.line, "LT101", severity, message, cid, 0, None, seg.id, *excerpts
                )
            )
        return out

    def _keys_of(self, cid: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The approved renderings of `cid` that serve `lang`, case-insensitive ones and
        case-sensitive ones: for Chinese as written, for spaced languages as word codes (one
        check is then a substring test)."""
        terms = [
            (text, cased)
            for term_lang, text, cased, _ in self._language_table(lang)[0].get(cid, ())
            if tag_fits(term_lang, lang)
        ]
        if is_chinese_tag(lang):
            return tuple(text for text, _ in terms), ()
        spaced = self.matcher.spaced(lang)
        coded = [(spaced.term_key(text, cased), cased) for text, cased in terms]
        return (
            tuple(key for key, cased in coded if key and not cased),
            tuple(key for key, cased in coded if key and cased),
        )

    def _term_note(self, m: Match) -> str | None:
        notes = self._language_table(m.pattern.lang)[1].get(m.concept)
        return notes.get(m.pattern.text) if notes else None

    def _language_table(self, lang: str) -> tuple[dict[str, Any], dict[str, dict[str, str]]]:
        """For one language (all its variants): each concept's approved terms, preferred
        first, as (tag, text); and the usage notes of its deprecated and forbidden terms by
        text and form. Built from the cards once, then kept with the matchers."""
        primary = lang.split("-", maxsplit=1)[0].lower()
        table = self._tables.get(primary)
        if table is None:
            name = f"renderings-{primary}"
            state = self.matcher.cache.get(name)
            if state is None:
                state = _renderings_state(self._cards(), primary)
                self.matcher.cache.put(name, state)
            table = self._tables[primary] = (state[0], state[1])
        return table

    def _script(self, seg: Segment, lang: str) -> list[Finding]:
        if not is_chinese_tag(lang):
            return []
        from termbase import script
        from termbase.langtags import is_simplified, is_traditional

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

    def _regional(
        self, seg: Segment, lang: str, table: PatternTable, hits: list[Hit]
    ) -> list[Finding]:
        """A general Chinese term (zh-Hans/zh-Hant) in a zh-TW or zh-HK target where the
        concept has a term of that region: 人工智能 where Taiwan writes 人工智慧."""
        out: list[Finding] = []
        approved = self._language_table(lang)[0]
        for k, s, e in hits:
            if table.statuses[k] not in _APPROVED or table.langs[k] == lang:
                continue
            cid = table.concepts[k]
            regional = [t for tl, t, _, _ in approved.get(cid, ()) if tl == lang]
            written = seg.target[s:e]
            if regional and written not in regional:
                out.append(
                    self._finding(
                        "LT106",
                        seg,
                        s + 1,
                        f"{written!r} is the general form of {cid}; {lang} uses {regional[0]!r}",
                        cid,
                        hint=f'use "{regional[0]}"',
                    )
                )
        return out

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
            source=excerpt(seg.source, column),
            target=excerpt(seg.target, column),
        )

    def _suppress(self, seg: Segment, found: list[Finding]) -> list[Finding]:
        out: list[Finding] = []
        ignores: list[tuple[str, str | None]] = []
        for note in seg.notes:
            for line in note.splitlines():
                m = _IGNORE.search(line)
                if m:
                    ignores.append((m.group(1), m.group(2)))
        if not ignores:
            return found
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
    if text.isascii():
        return 0.0
    letters = len(_LETTER_RE.findall(text))
    return len(_HAN_RE.findall(text)) / letters if letters else 0.0


def _renderings_state(cards: Iterable[dict[str, Any]], primary: str) -> tuple[Any, ...]:
    renderings: dict[str, tuple[tuple[str, str, bool, bool], ...]] = {}
    notes: dict[str, dict[str, str]] = {}
    for card in cards:
        terms = [t for t in card["terms"] if t["lang"].split("-")[0].lower() == primary]
        ok = sorted((t for t in terms if t["status"] in APPROVED), key=_approved_rank)
        if ok:
            renderings[card["id"]] = tuple(
                (t["lang"], text, bool(t.get("case_sensitive")), n > 0)  # n > 0: a form
                for t in ok
                for n, text in enumerate((t["text"], *(t.get("forms") or ())))
            )
        for t in terms:
            if t["status"] not in APPROVED and t.get("usage_note"):
                into = notes.setdefault(card["id"], {})
                for text in (t["text"], *(t.get("forms") or ())):
                    into.setdefault(text, str(t["usage_note"]))
    return (renderings, notes)


def _approved_rank(term: dict[str, Any]) -> int:
    return APPROVED.index(term["status"])
