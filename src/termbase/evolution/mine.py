"""Candidate terms from new documents: the repeated words and set phrases that the term base
does not have yet, ranked, with contexts and (from aligned translations) likely renderings.
Where candidates come from: `termbase.evolution.mine_candidates`.

Words, runs and sequences count when they repeat (`min_count`); quoted phrases, titles,
enumerations and idioms are set phrases by their form and count from their first use.
General-language words are filtered by the segmenter's own dictionary frequency (jieba's: 发展
68,665, 伦理 596): a single word above `GENERAL` is not a candidate. A run nested in a longer run
with the same frequency gives way to the longer one (it never occurs on its own). A sequence
(words the tags alone would not make a term) is kept where the text has it between two
different characters at least on each side (`branching.variety`). Whatever the term base
already has, in any Chinese form, or holds inside one of its terms, is left out.

The score is frequency x (1 + half a point per extra word) x a bonus for set-phrase forms,
divided by the general-language weight (1 + log10(1 + dictionary frequency)); a run that starts
on a place CC-CEDICT names (香港银行, 中国主张) and does not end as an institution's name does
(香港会计师公会) counts half: the place's banks are no name. The whole text then weighs in: how
varied the characters around a candidate are, how well one English rendering goes with it, and
frequency damped (`_VARIETY`, `_DICE`, `_DAMPED`).

Renderings: with aligned targets, each pair is cut into sentence pairs where both sides have as
many sentences; English word n-grams (one to five words, not starting or ending on a function
word; longer ones with a whole bracketed group for a term with brackets) are scored by Dice's
coefficient over those segments (2 x both / (candidate + n-gram)), weighted by how well the
candidate's words and the n-gram's explain each other in a word translation table learnt from
the same sentences (IBM Model 1, termbase.evolution.lexicon), and less for each word that a
Chinese word around the candidate glosses in CC-CEDICT (termbase.evolution.glosses). Only
n-grams seen with the candidate in two segments at least are offered, since one co-occurrence
says nothing.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termbase.chinese import names
from termbase.chinese.segment import words
from termbase.errors import TermbaseError
from termbase.evolution import branching, glosses, lexicon, mine_candidates
from termbase.evolution import renderings as aligned
from termbase.evolution.mine_candidates import GENERAL, GLUE, HAN, general_frequency
from termbase.evolution.renderings import Rendering, english_index

# How the name of an institution ends (香港会计师公会, 香港特别行政区)
_INSTITUTION_ENDS = (
    *("公司", "会", "局", "署", "处", "所", "院", "中心", "政府", "行政区", "大学", "办", "部"),
    *("组织", "基金"),
)
_KINDS = ("title", "quoted", "enumeration", "idiom", "word", "run", "sequence")
_BONUS = {"title": 2.0, "quoted": 1.5, "enumeration": 1.5, "idiom": 1.2}
# A single two-character word's weight, and the least share of its count a candidate keeps when
# longer candidates hold most of its occurrences
_SHORT_WORD = 0.3
# How a candidate's score weighs what only the whole text shows: x (left x right variety) **
# _VARIETY (branching.variety: a term stands in varied contexts) x Dice ** _DICE (a term has a
# rendering of its own in the aligned English; a candidate without one counts `_LEAST_DICE`)
# / frequency ** _DAMPED (a frequent run of general words is no term for its frequency).
# mine_wmt25.py: P@100 / R@500 0.57/0.55 -> 0.61/0.58 (2016), 0.73/0.53 -> 0.75/0.57 (2018);
# (0.5, 0.25, 0.5) and (0.7, 0.25, 0.5) measured no better, and the seed's benchmark keeps 37
# of its top 100 with these (38 before)
_VARIETY, _DICE, _DAMPED = 0.15, 0.5, 0.3
_LEAST_DICE = 0.1
# How many of the best candidates are ranked again with their renderings' Dice, at most
_ALIGNED = 3000
_COVERED_SHARE = 0.1


# What one run mines at most. Counting is linear (about 3 s and 55 MB a megabyte of Chinese
# text), but every distinct word and run is held until the end: past this, mine a sample or
# split the corpus by topic (the README says so).
MAX_INPUT_BYTES = 24_000_000
MAX_CHARACTERS = MAX_INPUT_BYTES // 3


def check_size(files: Sequence[Path]) -> None:
    """`TermbaseError` when the files hold more than one run mines."""
    total = sum(f.stat().st_size for f in files if f.is_file())
    if total > MAX_INPUT_BYTES:
        raise TermbaseError(
            f"{', '.join(map(str, files[:3]))}{' ...' if len(files) > 3 else ''}: "
            f"{total / 1e6:.0f} MB, more than termbase mine reads at once "
            f"({MAX_INPUT_BYTES / 1e6:.0f} MB); mine a sample, or each part of the corpus"
        )


@dataclass(frozen=True, slots=True)
class Unit:
    """One Chinese text to mine (a line, a paragraph or a segment's source), with its aligned
    English if there is one."""

    path: Path
    line: int
    chinese: str
    english: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    path: Path
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Candidate:
    term: str
    frequency: int
    score: float
    kinds: tuple[str, ...]
    words: tuple[str, ...]
    contexts: tuple[Context, ...] = ()
    renderings: tuple[Rendering, ...] = ()
    # `term` is written in the input's script; from Traditional input, this is its Simplified
    # form (empty when the two are the same), for the term base's zh-Hans term
    simplified: str = ""


@dataclass
class _Tally:
    kinds: set[str] = field(default_factory=set)
    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    units: list[int] = field(default_factory=list)
    count: int = 0
    # occurrences in the current unit by kind: a title also cut as a run is one occurrence
    here: Counter[str] = field(default_factory=Counter)
    written: Counter[str] = field(default_factory=Counter)  # as the input wrote it


def mine(
    units: Sequence[Unit],
    known: Iterable[str] = (),
    *,
    min_count: int = 2,
    top: int | None = 50,
    contexts: int = 3,
) -> list[Candidate]:
    """The candidates in `units` that are not `known` (term texts of the base), best first."""
    from termbase.chinese import script

    size = sum(len(u.chinese) for u in units)
    if size > MAX_CHARACTERS:
        raise TermbaseError(
            f"{size} characters, more than one run mines ({MAX_CHARACTERS}); mine a sample"
        )
    known_set = {script.simplify_characters(k) for k in known if HAN.search(k)}
    joined = "\n".join(known_set)  # one substring search per candidate, in C
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    simple = [script.simplify_characters(u.chinese) for u in units]
    for i, (unit, text) in enumerate(zip(units, simple, strict=True)):
        # character for character (the table maps one to one): a place in one is a place in both
        source = unit.chinese if text != unit.chinese and len(text) == len(unit.chinese) else None
        seen: set[str] = set()
        for term, kind, parts in mine_candidates.candidates(text):
            t = tallies[term]
            if term not in seen:
                seen.add(term)
                t.here.clear()
                t.units.append(i)
                at = text.find(term) if source is not None else -1
                if at >= 0 and source is not None:
                    t.written[source[at : at + len(term)]] += 1
            t.kinds.add(kind)
            t.here[kind] += 1
            if t.here[kind] > max((n for k, n in t.here.items() if k != kind), default=0):
                t.count += 1
            if not t.words or kind in ("word", "run"):
                t.words = tuple(w for w, _ in parts)
                t.tags = tuple(tag for _, tag in parts)
    kept = {
        term: t
        for term, t in tallies.items()
        if (
            t.count >= (min_count if "enumeration" in t.kinds else _least(min_count, t))
            or t.kinds - {"word", "run", "sequence", "enumeration"}
            or ("enumeration" in t.kinds and _set_enumeration(t.words))
        )
        and not _known(term, known_set, joined)
        and not _general(term, t)
    }
    variety = {
        term: branching.variety(term, [simple[i] for i in t.units]) for term, t in kept.items()
    }
    kept = {
        term: t
        for term, t in kept.items()
        if t.kinds != {"sequence"} or min(variety[term]) >= branching.ACCESSOR
    }
    kept = _drop_nested(kept)
    renderings_of = _renderings(simple, units)
    aligned_at_most = _ALIGNED if top is None else min(_ALIGNED, 4 * top)
    scored, suggested = _ranked(kept, variety, _cover(kept), renderings_of, aligned_at_most)
    if top is not None:
        scored = scored[:top]
    out = []
    for score, term, t in scored:
        written = t.written.most_common(1)[0][0] if t.written else term
        ctx = tuple(
            Context(units[i].path, units[i].line, _snippet(units[i].chinese, written))
            for i in t.units[:contexts]
        )
        renderings = suggested[term] if term in suggested else renderings_of(term, t)
        # a run that is also a sequence is a run: the sequence is only news where no run is
        kinds = tuple(
            k for k in _KINDS if k in t.kinds and (k != "sequence" or "run" not in t.kinds)
        )
        simplified = term if written != term else ""
        found = (t.count, round(score, 3), kinds, t.words, ctx, renderings, simplified)
        out.append(Candidate(written, *found))
    return out


# How much the word translation table weighs beside Dice: Dice x explained ** this
# (mine_wmt25.py, top-1 rendering: 0.25, 1.0 and 2.0 measured no better)
LEXICON_POWER = 0.5
# How much less an n-gram weighs for each of its words that a Chinese word around the term
# glosses (glosses.context_share: "directive of the Chief Executive" for 行政长官 beside 指示),
# in the share of the sentences where one does (mine_wmt25.py, top-1 rendering 0.71 / 0.66 ->
# 0.73 / 0.70 with the names' heads of `surface`; 0.15-0.4 alike, 0.9 and 1.0 worse)
CONTEXT_PENALTY = 0.3


def _ranked(
    kept: dict[str, _Tally],
    variety: dict[str, tuple[int, int]],
    cover: dict[str, int],
    renderings_of: Callable[[str, _Tally], tuple[Rendering, ...]],
    at_most: int,
) -> tuple[list[tuple[float, str, _Tally]], dict[str, tuple[Rendering, ...]]]:
    """The candidates best first, and the renderings of the `at_most` best: ranked once
    without their renderings' Dice, then again with it (Dice weighs at most sqrt(1 /
    _LEAST_DICE), about 3: four times the candidates shown are enough to rank again)."""
    suggested: dict[str, tuple[Rendering, ...]] = {}

    def dice(term: str) -> float:
        r = suggested.get(term)
        return max(r[0].dice if r else 0.0, _LEAST_DICE)

    # everything but the Dice, scored once for both rankings
    base = {
        term: _score(term, t, cover.get(term, 0))
        * (variety[term][0] * variety[term][1]) ** _VARIETY
        / t.count**_DAMPED
        for term, t in kept.items()
    }

    def ranked() -> list[tuple[float, str, _Tally]]:
        return sorted(
            ((base[term] * dice(term) ** _DICE, term, t) for term, t in kept.items()),
            key=lambda x: (-x[0], -len(x[1]), x[1]),
        )

    for _, term, t in ranked()[:at_most]:
        suggested[term] = renderings_of(term, t)
    return ranked(), suggested


def _renderings(
    simple: list[str], units: Sequence[Unit]
) -> Callable[[str, _Tally], tuple[Rendering, ...]]:
    """A candidate's renderings from the units' aligned English (`simple`: their Chinese in
    Simplified), over sentence pairs, with the word table learnt from them; none without it."""
    sents = aligned.sentences(simple, [u.english for u in units])
    english = english_index(sents)
    if not english:
        return lambda term, t: ()
    texts = [s.english for s in sents]
    zh_of = [[w for w, _ in words(s.chinese) if HAN.search(w)] for s in sents]
    pairs = [
        (z, aligned.content_words(s.english))
        for z, s in zip(zh_of, sents, strict=True)
        if s.english
    ]
    lex = lexicon.train(pairs)
    by_unit: dict[int, list[int]] = defaultdict(list)
    for k, s in enumerate(sents):
        by_unit[s.unit].append(k)
    indexes = {False: (english, aligned.segment_counts(english))}
    names = aligned.name_parts(aligned.defined_names(t for t in texts if t))

    def of(term: str, t: _Tally) -> tuple[Rendering, ...]:
        brackets = "（" in term  # a name with a bracketed part: n-grams across the brackets
        if brackets not in indexes:
            index = english_index(sents, brackets=True)
            indexes[brackets] = (index, aligned.segment_counts(index))
        grams, counts = indexes[brackets]
        zh = [w for w in t.words if HAN.search(w)]

        ats = [k for i in t.units for k in by_unit[i] if term in sents[k].chinese]
        around = glosses.context_share(term, zh, [zh_of[k] for k in ats])

        def weight(gram: str) -> float:
            english = aligned.content_words(gram)
            theirs = math.prod(1 - CONTEXT_PENALTY * around(w) for w in english)
            return float(lex.explained(zh, english) ** LEXICON_POWER) * theirs

        return aligned.renderings(
            ats, grams, len(t.words), texts=texts, weight=weight, counts=counts, names=names
        )

    return of


def _set_enumeration(items: tuple[str, ...]) -> bool:
    """An enumeration that is a set phrase from its first use: words of two characters
    (开放、透明、包容) or of three with one suffix (安全性、可靠性、可控性). A list of longer or
    unlike items (託管費、交易費、預扣稅) is one only where it repeats."""
    if all(len(x) == 2 for x in items):
        return True
    return all(len(x) == 3 for x in items) and len({x[-1] for x in items}) == 1


def _least(min_count: int, t: _Tally) -> int:
    """A run of four words or more needs two occurrences even where one would do."""
    return max(min_count, 2 if len(t.words) >= 4 else 1)


def _known(term: str, known: set[str], joined: str) -> bool:
    """A term of the base, or a part of one (`joined`: every term, a line each)."""
    bare = term.replace("、", "")
    return term in known or bare in joined


def _general(term: str, t: _Tally) -> bool:
    return t.kinds <= {"word"} and general_frequency(term) > GENERAL


def _drop_nested(tallies: dict[str, _Tally]) -> dict[str, _Tally]:
    """A word or run that occurs only inside a longer candidate gives way to it. Each longer
    candidate's substrings are looked up (a candidate is at most a few words long): linear in
    the number of candidates, where comparing every pair took minutes on a megabyte."""
    runs = {k for k, t in tallies.items() if t.kinds & {"run", "word"}}
    drop = set()
    for longer in runs:
        at_least = tallies[longer].count
        for short in _inner(longer):
            if short in runs and 1 < tallies[short].count <= at_least:
                drop.add(short)
    return {
        k: t for k, t in tallies.items() if k not in drop or t.kinds - {"run", "word", "sequence"}
    }


def _cover(tallies: dict[str, _Tally]) -> dict[str, int]:
    """For each candidate, the count of the most frequent longer candidate that contains it
    (外汇 in 外汇基金): its occurrences there are the longer term's, not its own (C-value)."""
    out: dict[str, int] = {}
    for longer, t in tallies.items():
        for short in _inner(longer):
            if short in tallies and t.count > out.get(short, 0):
                out[short] = t.count
    return out


def _inner(longer: str) -> Iterator[str]:
    """Every substring of two characters or more that is shorter than `longer` (a candidate
    is at most a few words long: looking these up is linear in the number of candidates)."""
    n = len(longer)
    for size in range(2, n):
        for start in range(n - size + 1):
            yield longer[start : start + size]


def _score(term: str, t: _Tally, covered: int = 0) -> float:
    """Frequency x length (up to three words) x the set-phrase bonus x specificity: the
    geometric mean over the words of 1 / (1 + log10(1 + general frequency)), so that a run of
    general words (中国有信心有能力) ranks below a run of domain words (数字鸿沟)."""
    bonus = max((_BONUS.get(k, 1.0) for k in t.kinds), default=1.0)
    # a verb and its object (促进人工智能), or a noun and a general verb (倡议聚焦): a clause,
    # more often than a term
    if (
        t.tags
        and t.kinds <= {"run"}
        and (t.tags[0] == "v" or (t.tags[-1] == "v" and general_frequency(t.words[-1]) > GENERAL))
    ):
        bonus *= 0.5
    # a place and a common noun (香港银行, 香港货币): the place's banks, no name
    if (
        t.kinds <= {"run"}
        and t.tags
        and t.tags[0] == "ns"
        and names.is_name(t.words[0])  # 大国 is no place (jieba's ns)
        and not term.endswith(_INSTITUTION_ENDS)
    ):
        bonus *= 0.5
    parts = [w for w in t.words if w not in GLUE] or [term]
    weights = [1 + math.log10(1 + general_frequency(w)) for w in parts]
    specificity = math.exp(-sum(map(math.log, weights)) / len(weights))
    # a word of two characters on its own is seldom a term of a reviewed list (利率, 按揭)
    if t.kinds <= {"word"} and len(term) == 2:
        bonus *= _SHORT_WORD
    own = max(t.count - covered, t.count * _COVERED_SHARE)
    return own * min(len(parts), 3) * bonus * specificity


def _snippet(text: str, term: str, width: int = 24) -> str:
    at = text.find(term)
    if at < 0:
        return text[: 2 * width]
    start, end = max(0, at - width), min(len(text), at + len(term) + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def units_from_segments(segments: Iterable[object]) -> list[Unit]:
    """Lint segments as units: the Chinese side (the source, or the target of a monolingual
    file or of an English-to-Chinese file) and the English side when there is one."""
    from termbase.lint.segment import Segment

    out = []
    for seg in segments:
        assert isinstance(seg, Segment)
        zh, en = (seg.target, None) if seg.source is None else (seg.source, seg.target)
        if seg.source is not None and not HAN.search(zh) and HAN.search(seg.target):
            zh, en = seg.target, seg.source
        if HAN.search(zh):
            out.append(Unit(seg.path, seg.line, zh, en or None))
    return out


# ---------------------------------------------------------------- output
