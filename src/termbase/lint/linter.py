"""The checks of one segment (LT101-LT106, suppressions LT201/LT202): a Linter holds the term
base's matchers and renderings and checks any number of segments. The rules are listed in
`termbase.lint`'s docstring.

Over the house's ~500 lines: every rule reads the same per-segment state (both sides' hits,
the word codes, the renderings tables) on the hot path, and splitting the rules into modules
would pass that state through every call (benchmarks/lint_ab.py measures the path).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from operator import itemgetter
from typing import Any

from termbase.catalog import RULES
from termbase.finding import Finding, quick_finding
from termbase.lint import dated
from termbase.lint.ellipsis import coordinated_by
from termbase.lint.explain import explain
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
from termbase.lint.missing import FIELD, ITEM, Wanted, WantedTable, table_state
from termbase.lint.patterns import APPROVED, term_texts
from termbase.lint.segment import Segment, excerpt
from termbase.lint.settings import LintSettings
from termbase.lint.suppress import segment_finding, suppress

_APPROVED = frozenset(APPROVED)
# `'found' is a forbidden rendering of CONCEPT; use "RENDERING"` (see `_banned_info`)
_BANNED_MESSAGE = re.compile(
    r"(?P<found>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\") is an? \w+ rendering of \S+?"
    r"(?: \([^)]*\))?(?:; use \"(?P<use>.*)\")?\Z",
    re.DOTALL,
)
_KEY = itemgetter(0)  # a hit's pattern number
REGIONS = frozenset({"zh-TW", "zh-HK", "zh-MO"})

# Each concept found in a source segment, with the span of its first occurrence
Spans = dict[str, tuple[int, int]]


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
        self._wanted: dict[str, WantedTable] = {}  # by target language
        self._wanted_chinese: dict[str, dict[str, Wanted]] = {}
        self._lt101 = RULES["LT101"].severity
        self._banned: dict[tuple[str, int], tuple[str, str, Any, str, str | None]] = {}
        self._on = {code: settings.severity(code) is not None for code in RULES}
        self._tables: dict[str, tuple[Any, ...]] = {}
        # the date each segment's text is judged on (termbase lint --as-of), by its file
        self.as_of: Callable[[Any], dt.date] | None = (
            dated.AsOf.parse(settings.as_of) if settings.as_of else None
        )
        self._tags: dict[str, str] = {}  # tags as written -> as BCP 47 writes them

    @classmethod
    def from_index(cls, index: Any, settings: LintSettings) -> Linter:
        """A linter over an open `termbase.search.index.Index`: its compiled matchers and rendering
        tables are kept beside the index between runs; the cards are read only to build them."""
        return cls(index.iter_cards, index.fold_table(), settings, cache=index.matcher_cache())

    # ------------------------------------------------------------ languages

    def languages(self, seg: Segment) -> tuple[str | None, str]:
        src = seg.source_lang or self.settings.source_lang or None
        tgt = seg.target_lang or self.settings.target_lang
        if src is not None:
            src = self._tags.get(src) or self._tag(src, seg, target=False)
        if tgt is not None:
            tgt = self._tags.get(tgt) or self._tag(tgt, seg, target=True)
        if seg.source is None:
            if tgt is None:
                tgt = "zh-Hans" if _han_share(seg.target) > 0.3 else "en"
            return None, tgt
        if src is None:
            src = "zh-Hans" if _han_share(seg.source) > 0.3 else self.default_source
        if tgt is None:
            tgt = "en" if is_chinese_tag(src) else "zh-Hans"
        return src, tgt

    def _tag(self, tag: str, seg: Segment, *, target: bool) -> str:
        """A file's or an option's language tag as BCP 47 writes it (`en_US`, `eng`, `zho-CN`
        are spellings of tags); what is not a tag, or a target language the term base has no
        term in, stops the run (`UsageError`): checking would pass with nothing checked."""
        from termbase.langtags import normalize_tag, not_a_tag
        from termbase.lint.segment import UsageError

        found = normalize_tag(tag)
        if found is None:
            raise UsageError(seg.path, 0, not_a_tag(tag))
        if target:
            m = self.matcher.chinese() if is_chinese_tag(found) else self.matcher.spaced(found)
            if not len(m.table):
                raise UsageError(
                    seg.path,
                    0,
                    f"the term base has no terms in {found} (the target language): nothing was "
                    "checked; name the language with --target or in the file",
                )
        self._tags[tag] = found
        return found

    # ------------------------------------------------------------ checking

    def check_many(self, segs: Sequence[Segment]) -> list[list[Finding]]:
        """`check` of each segment, the sources and targets of each language scanned in one
        pass (and the targets of a spaced language coded in one pass); the rules are
        `check`'s."""
        langs = [self.languages(seg) for seg in segs]
        n = len(segs)
        sides: dict[tuple[bool, str], list[int]] = {}  # (source?, language) -> segments
        if len(set(langs)) == 1:  # one language pair, as in most files
            src, tgt = langs[0]
            sides[False, tgt] = list(range(n))
            with_source = [i for i, seg in enumerate(segs) if seg.source is not None]
            if src is not None and with_source:
                sides[True, src] = with_source
        else:
            for i, (seg, (src, tgt)) in enumerate(zip(segs, langs, strict=True)):
                sides.setdefault((False, tgt), []).append(i)
                if seg.source is not None and src is not None:
                    sides.setdefault((True, src), []).append(i)
        # each segment's hits (with their table) on each side, and its target's word codes
        scanned: dict[bool, list[tuple[PatternTable, list[Hit]] | None]] = {
            True: [None] * n,
            False: [None] * n,
        }
        coded: list[str | None] = [None] * n
        for (is_source, lang), group in sides.items():
            texts = [(segs[i].source if is_source else segs[i].target) or "" for i in group]
            table, found, codes = self.matcher.scan_many(texts, lang)
            into = scanned[is_source]
            if len(group) == n:  # every segment, in order
                into[:] = zip(repeat(table), found)
                if not is_source:
                    coded[:] = codes
                continue
            for i, hits, code in zip(group, found, codes, strict=True):
                into[i] = (table, hits)
                if not is_source:
                    coded[i] = code
        out: list[list[Finding]] = []
        for seg, (src_lang, tgt_lang), source, target, code in zip(
            segs, langs, scanned[True], scanned[False], coded, strict=True
        ):
            assert target is not None  # every segment has a target
            if seg.source is None and not target[1] and not seg.notes:
                out.append([])  # no term in a target without source or notes: nothing to say
                continue
            day = self.as_of(seg.path) if self.as_of is not None else None
            out.append(self._check(seg, src_lang, tgt_lang, source, target, code, day))
        return out

    def check(
        self,
        seg: Segment,
        explain: list[str] | None = None,
        target: tuple[PatternTable, list[Hit]] | None = None,
        day: dt.date | None = None,
    ) -> list[Finding]:
        """The findings of one segment. `target`: its target's hits, found already; `day`: the
        date its text is judged on, where not the linter's `as_of`."""
        if day is None and self.as_of is not None:
            day = self.as_of(seg.path)
        src_lang, tgt_lang = self.languages(seg)
        tgt = target or self.matcher.hits(seg.target, tgt_lang)
        src: tuple[PatternTable, list[Hit]] | None = None
        if seg.source is not None and src_lang is not None:
            src = self.matcher.hits(seg.source, src_lang)
        if explain is not None:
            explain.extend(
                self._explain(
                    seg,
                    src_lang,
                    tgt_lang,
                    [Match(src[0][k], s, e) for k, s, e in src[1]] if src else [],
                    [Match(tgt[0][k], s, e) for k, s, e in tgt[1]],
                )
            )
        return self._check(seg, src_lang, tgt_lang, src, tgt, None, day)

    def _check(
        self,
        seg: Segment,
        src_lang: str | None,
        tgt_lang: str,
        src: tuple[PatternTable, list[Hit]] | None,
        tgt: tuple[PatternTable, list[Hit]],
        coded: str | None,
        day: dt.date | None = None,
    ) -> list[Finding]:
        """The rules, given the hits of both sides; `coded`: the target's word codes, if
        made already; `day`: the date the text is judged on (None: by today's statuses)."""
        found: list[Finding] = []
        tgt_table, tgt_hits = tgt
        # The concepts of the source, each with where its first term is.
        first: Spans = {}
        if src is not None:
            concepts = src[0].concepts
            for k, s, e in src[1]:
                if concepts[k] not in first:
                    first[concepts[k]] = (s, e)
        t_concepts, t_statuses = tgt_table.concepts, tgt_table.statuses
        keys = list(map(_KEY, tgt_hits))  # the hits' pattern numbers, read in C
        if self._on["LT101"] and seg.source is not None and first:
            # the concepts the target renders; a deprecated or forbidden rendering in its place
            # is reported as such (LT102, LT103, naming the preferred one), not also as missing
            present = set(map(t_concepts.__getitem__, keys))
            found.extend(self._missing(seg, tgt_lang, first, present, coded))
        unexpected = self._on["LT104"] and seg.source is not None
        # the windows of the language's dated renderings, where the text is judged on its date
        windows = self._language_table(tgt_lang)[2] if day is not None else None
        # each hit that is deprecated or forbidden, or with LT104 on, each hit
        looked_at: list[Hit] = tgt_hits
        if (
            not unexpected
            and not windows
            and _APPROVED.issuperset(map(t_statuses.__getitem__, keys))
        ):
            looked_at = []  # every hit approved, and nothing to say about approved ones here
        for k, s, e in looked_at:
            status = t_statuses[k]
            if windows and day is not None:
                approved = self._renderings(t_concepts[k], tgt_lang)
                judged = dated.judge(seg, tgt_table[k], (s, e), windows, day, approved)
                if judged is not None:
                    found.extend(judged)
                    continue
            if status in _APPROVED:
                cid = t_concepts[k]
                if unexpected and cid not in first:
                    found.append(
                        segment_finding(
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
                quick_finding(
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
        return suppress(seg, found)

    @staticmethod
    def banned_parts(message: str) -> tuple[str, str | None] | None:
        """The text found and the rendering to use, read back from an LT102 or LT103 message
        (the found text is a Python literal: a rendering with an apostrophe is written in
        double quotes; the rendering to use may hold quotes of its own)."""
        import ast

        m = _BANNED_MESSAGE.match(message)
        if m is None:
            return None
        return ast.literal_eval(m.group("found")), m.group("use")

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
        first segment: the matchers of both languages, what LT101 looks for in the target."""
        for lang in (source, target):
            if lang is None:
                continue
            if is_chinese_tag(lang):
                self.matcher.chinese()
            else:
                self.matcher.spaced(lang)
        if not is_chinese_tag(target):
            self._wanted.get(target) or self._wanted_table(target)

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
        self, seg: Segment, lang: str, first: Spans, present: set[str], coded: str | None = None
    ) -> list[Finding]:
        """LT101 for each concept of the source with none of its approved renderings in the
        target. A rendering counts also where the non-overlapping hits did not show it,
        because a longer term of another concept covers it ("digital divide" inside a term
        "digital divide index"), and where a coordination shares its head word ("digital and
        AI divides"). `coded`: the target's case-insensitive word codes, if made already."""
        assert seg.source is not None
        missing = [(cid, se) for cid, se in first.items() if cid not in present]
        if not missing:
            return []
        if is_chinese_tag(lang):
            found = self._missing_chinese(seg.target, lang, missing)
        else:
            found = self._missing_spaced(seg.target, lang, missing, coded)
        if not found:
            return []
        source, severity = seg.source, self._lt101
        excerpts = (excerpt(source, 0), excerpt(seg.target, 0))
        return [
            quick_finding(
                seg.path,
                seg.line,
                "LT101",
                severity,
                f"{source[s:e]!r} is in the source but the target has none of {listed}",
                cid,
                0,
                None,
                seg.id,
                *excerpts,
            )
            for cid, (s, e), listed in found
        ]

    def _missing_spaced(
        self, target: str, lang: str, missing: list[tuple[str, Any]], coded: str | None
    ) -> list[tuple[str, Any, str]]:
        """Of the concepts missing from the hits, those none of whose renderings is in the
        target, with their list of renderings. The hot path of a file full of missing terms:
        each concept's record (`missing.WantedTable`) is split in one call; the target's word
        codes and its case-folded text are made once for all its concepts."""
        table = self._wanted.get(lang) or self._wanted_table(lang)
        records, others = table.records, table.others
        coded_cased: str | None = None
        folded: str | None = None
        out = []
        for cid, se in missing:
            record = records.get(cid)
            if record is None and (cid not in others or (record := table.get(cid)) is None):
                continue  # no rendering in this language: not checked
            plain, cased, coordinations, listed = record.split(FIELD)
            if plain:
                if coded is None:
                    coded = self.matcher.spaced(lang).coded(target, False)
                if ITEM in plain:  # several renderings or forms: any one will do
                    if any(map(coded.__contains__, plain.split(ITEM))):
                        continue
                elif plain in coded:
                    continue
            if cased:
                if coded_cased is None:
                    coded_cased = self.matcher.spaced(lang).coded(target, True)
                if any(map(coded_cased.__contains__, cased.split(ITEM))):
                    continue
            if coordinations:
                if folded is None:
                    folded = target.casefold()
                if coordinated_by(target, coordinations.split(ITEM), folded):
                    continue
            out.append((cid, se, listed))
        return out

    def _missing_chinese(
        self, target: str, lang: str, missing: list[tuple[str, Any]]
    ) -> list[tuple[str, Any, str]]:
        """`_missing_spaced` for a Chinese target: renderings are texts, compared folded."""
        wanted = self._wanted_chinese.get(lang)
        if wanted is None:
            wanted = self._wanted_chinese[lang] = {}
        out = []
        for cid, se in missing:
            c = wanted.get(cid)
            if c is None:
                terms = self._language_table(lang)[0].get(cid, ())
                c = wanted[cid] = Wanted.of(terms, lang, None)
            if not c.listed:
                continue
            if not any(self.matcher.contains(target, lang, text) for text in c.plain):
                out.append((cid, se, c.listed))
        return out

    def _wanted_table(self, lang: str) -> WantedTable:
        """What LT101 looks for in a target of a spaced language (`missing.WantedTable`):
        made from the renderings table once, then kept with the matchers."""
        primary = lang.split("-", maxsplit=1)[0].lower()
        term_key = self.matcher.spaced(lang).term_key
        name = f"wanted-{primary}"
        state = self.matcher.cache.get(name)
        if state is None:
            state = table_state(self._language_table(lang)[0], primary, term_key)
            self.matcher.cache.put(name, state)

        def slow(cid: str) -> Wanted:
            return Wanted.of(self._language_table(lang)[0].get(cid, ()), lang, term_key)

        table = self._wanted[lang] = WantedTable(state, slow)
        return table

    def _term_note(self, m: Match) -> str | None:
        notes = self._language_table(m.pattern.lang)[1].get(m.concept)
        return notes.get(m.pattern.text) if notes else None

    def _language_table(self, lang: str) -> tuple[Any, ...]:
        """For one language (all its variants): each concept's approved terms, preferred
        first, as (tag, text); the usage notes of its deprecated and forbidden terms by text
        and form; the windows of its dated terms (`dated.Window`) by text and form. Built from
        the cards once, then kept with the matchers."""
        primary = lang.split("-", maxsplit=1)[0].lower()
        table = self._tables.get(primary)
        if table is None:
            name = f"renderings-{primary}"
            state = self.matcher.cache.get(name)
            if state is None:
                state = _renderings_state(self._cards(), primary)
                self.matcher.cache.put(name, state)
            table = self._tables[primary] = state
        return table

    def _script(self, seg: Segment, lang: str) -> list[Finding]:
        if not is_chinese_tag(lang):
            return []
        from termbase.chinese import script
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
            segment_finding(
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
                    segment_finding(
                        "LT106",
                        seg,
                        s + 1,
                        f"{written!r} is the general form of {cid}; {lang} uses {regional[0]!r}",
                        cid,
                        hint=f'use "{regional[0]}"',
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
        return explain(
            self.matcher, self._renderings, seg, (src_lang, tgt_lang), src_matches, tgt_matches
        )


_LETTER_RE = re.compile(r"[^\W\d_]")


@functools.cache
def _han_re() -> re.Pattern[str]:
    """Compiled when first needed: 2 ms, for a range beyond U+FFFF, that ASCII text never
    needs."""
    return re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _han_share(text: str) -> float:
    if text.isascii():
        return 0.0
    letters = len(_LETTER_RE.findall(text))
    return len(_han_re().findall(text)) / letters if letters else 0.0


def _renderings_state(cards: Iterable[dict[str, Any]], primary: str) -> tuple[Any, ...]:
    renderings: dict[str, tuple[tuple[str, str, bool, bool], ...]] = {}
    notes: dict[str, dict[str, str]] = {}
    windows: dict[str, dict[str, dated.Window]] = {}
    for card in cards:
        terms = [t for t in card["terms"] if t["lang"].split("-")[0].lower() == primary]
        ok = sorted((t for t in terms if t["status"] in APPROVED), key=_approved_rank)
        if ok:
            renderings[card["id"]] = tuple(
                (t["lang"], text, cased, bool(why))  # why: a form
                for t in ok
                for text, cased, why in term_texts(t)
            )
        for t in terms:
            if t["status"] not in APPROVED and t.get("usage_note"):
                into = notes.setdefault(card["id"], {})
                for text in (t["text"], *(t.get("forms") or ())):
                    into.setdefault(text, str(t["usage_note"]))
            when = dated.window(t)
            if when is not None:
                for text in (t["text"], *(t.get("forms") or ())):
                    windows.setdefault(card["id"], {}).setdefault(text, when)
    return (renderings, notes, windows)


def _approved_rank(term: dict[str, Any]) -> int:
    return APPROVED.index(term["status"])
