"""`termbase stats --wmt25`: what a corpus says about the terms of a reviewed term list.

The WMT25 terminology track's files (`full_data_YEAR.jsonl`: a document a line, its Chinese
and English and its term lists) carry their own concepts: each listed source term with the
renderings its reviewers accept. For each listed term that occurs in a document's source: its
occurrences and documents, which listed rendering the target uses and how often, and, where it
uses none, the rendering it does use as alignment finds it (`unlisted`), or `(none)`.

The documents are paragraph-parallel (the same number of paragraphs on both sides): each
paragraph pair is a segment, as `termbase stats` counts a translation's segments; a document
whose paragraphs do not pair is one segment. Occurrences are counted as the WMT25 scorer counts
them (`termbase.evolution.score`: exclusive, a term inside a longer listed term is not counted
again; English on word boundaries with its other forms). A file's year is the year in its name
(`full_data_2016.jsonl`), else its date as `lint --as-of auto` reads it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termbase.errors import TermbaseError
from termbase.evolution import score as matching
from termbase.evolution.renderings import (
    english_index,
    gram_pattern,
    ngram_spans,
    renderings,
    surface,
)
from termbase.evolution.stats import NONE, ConceptStats, Stats, period_of

LISTED, UNLISTED = "listed", "unlisted"
# An unlisted rendering is reported only where alignment is sure of it: Dice over the
# paragraphs that hold the term and none of its listed renderings, in three such paragraphs at
# least, or in two where it is an abbreviation or shares a word with a listed rendering; not
# where another n-gram ranks as high and is not part of it (a tie is chance), nor where the
# same words are a surer rendering of another term. Measured in docs/stats.md.
MIN_DICE = 0.6
MIN_SEGMENTS = 3
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_PARAGRAPHS = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class _Segment:
    """A paragraph pair (or a whole document) with its place, as renderings.Aligned wants."""

    document: str
    source: str
    target: str
    english: str | None  # the English side, for alignment


def pair_systems(paths: Sequence[Path], systems: Sequence[Path]) -> dict[Path, Path]:
    """Each system's outputs with the references file of its year (the year in both names:
    CommandA_MT.2016.zhen.proper.jsonl with full_data_2016.jsonl); TermbaseError where a
    system has no such file, or two systems the same one."""
    by_year: dict[str, list[Path]] = {}
    for path in paths:
        for year in _YEAR.findall(path.name)[-1:]:
            by_year.setdefault(year, []).append(path)
    out: dict[Path, Path] = {}
    for system in systems:
        years = _YEAR.findall(system.name)[-1:]
        found = by_year.get(years[0], []) if years else []
        if len(found) != 1:
            given = f"({years[0]})" if years else "(no year in its name)"
            raise TermbaseError(
                f"{system}: no references file of its year {given} among the files given"
                if not found
                else f"{system}: two references files of its year: {found[0]}, {found[1]}"
            )
        if found[0] in out:
            raise TermbaseError(f"{system}: {out[found[0]]} is already the system of {found[0]}")
        out[found[0]] = system
    return out


def year_of(path: Path, date_of: Callable[[Path], dt.date]) -> dt.date:
    """The year in the file's name (1 January of it), else the file's own date."""
    found = _YEAR.findall(path.name)
    return dt.date(int(found[-1]), 1, 1) if found else date_of(path)


def read(path: Path, terms: str) -> tuple[list[matching.Document], bool]:
    """The documents of a WMT25 file and whether their listed terms are Chinese (zh->en)."""
    documents = matching.read_wmt25(path, "zh", "en", terms)
    keys = [k for doc in documents for k, _ in doc.constraints]
    if not keys:
        raise TermbaseError(f"{path}: no {terms!r} term list in any document")
    chinese = sum(matching.has_chinese(k) for k in keys) * 2 >= len(keys)
    if not chinese:
        documents = matching.read_wmt25(path, "en", "zh", terms)
    return documents, chinese


def segments(path: Path, n: int, doc: matching.Document, chinese: bool) -> list[_Segment]:
    """A document's paragraph pairs, or the whole document where they do not pair."""
    name = f"{path.name}:{n}"
    src = [p for p in _PARAGRAPHS.split(doc.source) if p.strip()]
    tgt = [p for p in _PARAGRAPHS.split(doc.reference) if p.strip()]
    if len(src) != len(tgt):
        src, tgt = [doc.source], [doc.reference]
    return [_Segment(name, s, t, t if chinese else s) for s, t in zip(src, tgt, strict=True)]


def gather(
    paths: Sequence[Path],
    date_of: Callable[[Path], dt.date],
    *,
    terms: str = "proper",
    by: str = "year",
    progress: Callable[[int], None] | None = None,
    systems: Mapping[Path, Path] | None = None,
) -> Stats:
    """The figures of every listed term over the files, a file at a time; with `systems` (a
    references file -> a system's outputs of the same documents), the system's renderings
    instead of the reference's."""
    stats = Stats()
    for path in paths:
        documents, chinese = read(path, terms)
        system = (systems or {}).get(path)
        if system is not None:
            outputs = matching.read_outputs(system, "en" if chinese else "zh", len(documents))
            documents = [
                dataclasses.replace(doc, reference=out)
                for doc, out in zip(documents, outputs, strict=True)
            ]
        day = year_of(path, date_of)
        _count_file(stats, path, documents, chinese, day, period_of(day, by))
        stats.files += 1
        if progress is not None:
            progress(stats.files)
    return stats


def _count_file(
    stats: Stats,
    path: Path,
    documents: Sequence[matching.Document],
    chinese: bool,
    day: dt.date,
    period: str,
) -> None:
    units: list[_Segment] = []
    # (segment, term, its listed renderings) where the target has none of them
    unmatched: list[tuple[int, str, tuple[str, ...]]] = []
    for n, doc in enumerate(documents, 1):
        keys = {
            t: matching.case_key(matching.prepare(t, chinese, _same)) for t, _ in doc.constraints
        }
        listed: dict[str, tuple[str, ...]] = {}
        for term, accepted in doc.constraints:  # one entry a term, in its first spelling
            listed.setdefault(keys[term], accepted)
        for seg in segments(path, n, doc, chinese):
            at = len(units)
            units.append(seg)
            stats.segments += 1
            src = matching.prepare(seg.source, chinese, _same)
            tgt = matching.prepare(seg.target, not chinese, _same)
            counts = matching.source_counts(src, list(listed), chinese)
            for key, occurrences in counts.items():
                found = _listed_in(tgt, listed[key], not chinese)
                c = stats.concept(key)
                c.occurrences += occurrences
                c.documents.add(seg.document)
                c.seen(day)
                if found:
                    c.compliant += occurrences
                    for rendering in found:
                        _count(c, rendering, LISTED, period)
                else:
                    unmatched.append((at, key, listed[key]))
    _count_unlisted(stats, units, unmatched, chinese, period)


def _same(text: str) -> str:
    return text  # the scorer's default: no folding of the script


def _listed_in(target: str, accepted: Iterable[str], chinese: bool) -> list[str]:
    """The listed renderings the target holds, each once (IFFo and IFFO are one), in the list's
    order."""
    out: list[str] = []
    seen: set[str] = set()
    for rendering in accepted:
        key = rendering.casefold()
        if key not in seen:
            seen.add(key)
            if matching.spans(target, [rendering], chinese):
                out.append(rendering)
    return out


def _count(c: ConceptStats, text: str, status: str, period: str) -> None:
    c.renderings[text, status] += 1
    c.periods[period][text] += 1


def _count_unlisted(
    stats: Stats,
    units: list[_Segment],
    unmatched: list[tuple[int, str, tuple[str, ...]]],
    chinese: bool,
    period: str,
) -> None:
    """Each (segment, term) without a listed rendering: the n-gram of the target (English
    words, or Chinese words as the segmenter cuts them) that alignment ranks best over the
    term's other such segments, where the segment holds it; else none."""
    by_term: dict[str, list[int]] = {}
    accepted: dict[str, tuple[str, ...]] = {}
    for at, key, listed in unmatched:
        by_term.setdefault(key, []).append(at)
        accepted[key] = listed
    grams = english_index(units) if chinese else chinese_index([u.target for u in units])
    best: dict[str, str | None] = {}
    claims: dict[str, tuple[float, int, str]] = {}  # rendering -> its surest term
    for key, ats in by_term.items():
        found = _aligned(sorted(set(ats)), grams, accepted[key], units, chinese=not chinese)
        best[key] = found[0] if found else None
        if found:
            rank = (found[1], found[2], key)
            claims[found[0].lower()] = max(claims.get(found[0].lower(), rank), rank)
    for key, guess in best.items():
        if guess is not None and claims[guess.lower()][2] != key:
            best[key] = None  # the surer term's rendering
    for at, key, _ in unmatched:
        guess = best[key]
        c = stats.concept(key)
        if guess is not None and _holds(units[at].target, guess, chinese=not chinese):
            _count(c, guess, UNLISTED, period)
        else:
            _count(c, NONE, "none", period)


def _aligned(
    ats: list[int],
    grams: dict[int, set[str]],
    listed: tuple[str, ...],
    units: list[_Segment],
    *,
    chinese: bool = False,
) -> tuple[str, float, int] | None:
    """The rendering alignment is sure of, as the text writes it, with its Dice and count;
    `chinese`: the target is Chinese, its n-grams words of the segmenter."""
    size = len(_words(listed[0], chinese)) if listed else 1
    words = {w for r in listed for w in _words(r, chinese)}
    ranked = [r for r in renderings(ats, grams, size, limit=5) if r.dice >= MIN_DICE]
    for n, found in enumerate(ranked):
        tied = [
            r.text
            for r in ranked[:n] + ranked[n + 1 :]
            if (r.dice, r.count) == (found.dice, found.count)
        ]
        if any(found.text not in t and t not in found.text for t in tied):
            return None  # as likely as something else: chance
        if chinese:
            written: str | None = found.text.replace(" ", "")
            abbreviation = False
        else:
            written = surface(found.text, [units[a].target for a in ats])
            abbreviation = written is not None and written.isupper() and " " not in written
        if written is None:
            continue
        shared = bool(words & set(_words(written, chinese)))
        # Chinese: only where it shares two characters with a listed rendering (金融系統 for
        # 金融體系): by count alone 1 in 4 was right on 2015 and 2017 (白皮書 for DLT)
        if shared or (not chinese and (found.count >= MIN_SEGMENTS or abbreviation)):
            return written, found.dice, found.count
    return None


def _words(text: str, chinese: bool) -> list[str]:
    """The words a rendering shares with another: English words of four letters or more, or
    Chinese two-character runs."""
    if chinese:
        han = "".join(ch for ch in text if matching.has_chinese(ch))
        return [han[i : i + 2] for i in range(len(han) - 1)]
    return [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3]


# Chinese words a rendering neither starts nor ends on: particles, prepositions, conjunctions,
# pronouns, adverbs and numbers (the segmenter's tags)
_CHINESE_EDGE = ("u", "p", "c", "r", "d", "m", "q", "x", "w", "y", "e", "o")
_INSIDE = ("u", "p", "r")  # nor inside


def chinese_index(texts: Sequence[str]) -> dict[int, set[str]]:
    """Text index -> its n-grams of one to four Chinese words (as the segmenter cuts the
    Simplified text, in the text's own script), joined by spaces; none across punctuation."""
    from termbase.chinese import script
    from termbase.chinese.segment import words

    out: dict[int, set[str]] = {}
    for i, text in enumerate(texts):
        simple = script.simplify_characters(text)
        if len(simple) != len(text):
            simple = text
        grams: set[str] = set()
        run: list[tuple[str, str]] = []
        at = 0
        for word, tag in [*words(simple), ("", "x")]:
            original = text[at : at + len(word)]
            at += len(word)
            if not word or not matching.has_chinese(word):
                _grams(run, grams)
                run = []
            else:
                run.append((original, tag))
        out[i] = grams
    return out


def _grams(run: list[tuple[str, str]], grams: set[str]) -> None:
    """The n-grams of a run of Chinese words: none starts or ends on an edge word, none holds
    a particle, a preposition or a pronoun (處置機制在香港, 亞洲的金融科技)."""
    edge = [tag.startswith(_CHINESE_EDGE) for _, tag in run]
    inside = [tag.startswith(_INSIDE) for _, tag in run]
    for a, b in ngram_spans(len(run), edge.__getitem__, 4, inside.__getitem__):
        grams.add(" ".join(w for w, _ in run[a:b]))


def _holds(text: str, written: str, *, chinese: bool = False) -> bool:
    if chinese:
        return written in text
    words = " ".join(re.findall(r"[A-Za-z][A-Za-z'’-]*", written)).lower()
    return gram_pattern(words).search(text) is not None


def units(paths: Sequence[Path], terms: str, most: int) -> tuple[list[Any], list[str]]:
    """The Chinese paragraphs of the files (with their English) as mining units, up to `most`
    characters, and every listed term: the candidates are what the lists do not hold."""
    from termbase.evolution.mine import Unit

    out: list[Any] = []
    known: list[str] = []
    size = 0
    for path in paths:
        documents, chinese = read(path, terms)
        for n, doc in enumerate(documents, 1):
            known += [t for t, rs in doc.constraints] + [r for _, rs in doc.constraints for r in rs]
            for seg in segments(path, n, doc, chinese):
                zh, en = (seg.source, seg.target) if chinese else (seg.target, seg.source)
                size += len(zh)
                if size <= most:
                    out.append(Unit(path, n, zh, en))
    return out, known
