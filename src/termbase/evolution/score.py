"""How well machine or LLM output keeps its terms: `termbase score`.

A document has a source text, a reference translation and its term constraints (a source
term and the renderings accepted for it). A (document, term) pair is *required* where the term
occurs in the source and one of its renderings in the reference (the WMT25 terminology metric's
rule: the constraints were extracted by a model and only reviewed, so a rendering the reference
does not use is not demanded). Its success is the number of renderings found in the system's
output over the number of the term's occurrences in the source, capped at 1.

Unlike the official script's substring counts:
- occurrences are exclusive: where one source term is inside another (存款保障計劃 in
  存款保障計劃（修訂）條例), the longer one's occurrence is not also the shorter one's, and
  n occurrences need n disjoint renderings in the output;
- English renderings are matched on word boundaries, in any case, with a verb phrase's other
  forms and an approved rendering's leading article optional (`termbase.english`): "go" is not
  found in "good";
- Chinese renderings are matched with the spaces of tokenised output removed, and in the
  script written: a Simplified rendering of a Hong Kong Traditional term is missed unless
  `fold_script` (then both sides are folded to Simplified) - `script_misses` counts them.

`consistency`: for each source term that occurs at least twice in a document and whose
renderings were found, the share of the found renderings that are its most frequent one;
averaged over those terms.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from termbase.errors import TermbaseError


@dataclass(frozen=True, slots=True)
class Document:
    source: str
    reference: str
    constraints: tuple[tuple[str, tuple[str, ...]], ...]  # (source term, accepted renderings)
    every_term: bool = False  # every constraint is required (no reference to check against)


@dataclass(frozen=True, slots=True)
class TermScore:
    term: str
    required: int  # (document, term) pairs
    success: float  # summed over them
    missed: int  # pairs with no rendering at all


@dataclass(frozen=True, slots=True)
class SystemScore:
    file: str
    success_rate: float
    required: int
    missed: int
    consistency: float | None
    script_misses: int  # pairs missed only because the output is in the other script
    terms: tuple[TermScore, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "success_rate": round(self.success_rate, 4),
            "required": self.required,
            "missed": self.missed,
            "consistency": None if self.consistency is None else round(self.consistency, 4),
            "script_misses": self.script_misses,
            "concepts": [
                {
                    "term": t.term,
                    "required": t.required,
                    "success_rate": round(t.success / t.required, 4),
                    "missed": t.missed,
                }
                for t in self.terms
            ],
        }


# ---------------------------------------------------------------- reading WMT25 files


def read_wmt25(path: Path, source: str, target: str, terms: str) -> list[Document]:
    """The documents of a WMT25 track-2 reference file (`full_data_YEAR.jsonl`)."""
    out = []
    for n, row in enumerate(_jsonl(path), 1):
        try:
            constraints = tuple(
                (k.strip(), tuple(v.strip() for v in vs))
                for k, vs in row[terms].items()
                if k.strip()
            )
            out.append(Document(row[source].strip(), row[target].strip(), constraints))
        except (KeyError, TypeError, AttributeError) as e:
            raise TermbaseError(f"{path}:{n}: not a WMT25 reference line ({e})") from e
    return out


def read_outputs(path: Path, target: str, count: int) -> list[str]:
    """A system's outputs, one document a line (WMT25 jsonl: the `target` field)."""
    rows = _jsonl(path)
    if len(rows) != count:
        raise TermbaseError(f"{path}: {len(rows)} documents, the references have {count}")
    try:
        return [str(r[target]).strip() for r in rows]
    except (KeyError, TypeError) as e:
        raise TermbaseError(f"{path}: a line without {target!r}") from e


def _jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise TermbaseError(f"{path}: cannot read: {e}") from e
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as e:
            raise TermbaseError(f"{path}:{n}: not JSON: {e}") from e
        if not isinstance(row, dict):
            raise TermbaseError(f"{path}:{n}: not a JSON object")
        rows.append(row)
    return rows


_SGM_DOC = re.compile(r'<doc\b[^>]*\bdocid="([^"]*)"[^>]*>(.*?)</doc>', re.DOTALL)
_SGM_SEG = re.compile(r"<seg\b[^>]*>(.*?)</seg>", re.DOTALL)
_SGM_TERM = re.compile(r'<term\b[^>]*?\bsrc="([^"]*)"[^>]*?\btgt="([^"]*)"[^>]*>')
_TAG = re.compile(r"<[^>]+>")


def _sgm_docs(path: Path) -> list[tuple[str, list[str]]]:
    """(docid, the raw text of each segment) of an SGML file (WMT's srcset/refset/tstset)."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise TermbaseError(f"{path}: cannot read: {e}") from e
    docs = [(m.group(1), _SGM_SEG.findall(m.group(2))) for m in _SGM_DOC.finditer(text)]
    if not docs:
        raise TermbaseError(f"{path}: no <doc docid=...> with <seg> elements: not WMT SGML")
    return docs


def _plain(segment: str) -> str:
    import html

    return html.unescape(" ".join(_TAG.sub(" ", segment).split()))


def read_wmt21(source: Path) -> tuple[list[str], list[Document]]:
    """The documents of a WMT21 terminology source file (`<term src=... tgt="a|b">` inline):
    every annotated term is required (there is no reference to check against), with the
    renderings its `tgt` lists. Returns the doc ids and the documents."""
    import html

    ids: list[str] = []
    out: list[Document] = []
    for docid, segs in _sgm_docs(source):
        constraints: dict[str, list[str]] = {}
        for seg in segs:
            for src, tgt in _SGM_TERM.findall(seg):
                wanted = constraints.setdefault(html.unescape(src).strip(), [])
                for t in html.unescape(tgt).split("|"):
                    if t.strip() and t.strip() not in wanted:
                        wanted.append(t.strip())
        text = "\n".join(_plain(s) for s in segs)
        ids.append(docid)
        out.append(
            Document(text, "", tuple((k, tuple(v)) for k, v in constraints.items() if k), True)
        )
    return ids, out


def read_sgm_outputs(path: Path, ids: Sequence[str]) -> list[str]:
    """A system's SGML output, one text a document, in the order of `ids`."""
    found = {docid: "\n".join(_plain(s) for s in segs) for docid, segs in _sgm_docs(path)}
    missing = [d for d in ids if d not in found]
    if missing:
        raise TermbaseError(f"{path}: no document {missing[0]!r} ({len(missing)} missing)")
    return [found[d] for d in ids]


def read_constraints(constraints: Path, source: Path, src: str, tgt: str) -> list[Document]:
    """WMT23-style files: the source text a segment a line, and beside it a JSON list of
    {SRC: term, TGT: rendering} a line (the same term may come with several renderings). A
    constraint is required where its term occurs in its segment's source."""
    rows = _lines(constraints)
    texts = _lines(source)
    if len(rows) != len(texts):
        raise TermbaseError(
            f"{constraints}: {len(rows)} lines, the source {source} has {len(texts)}"
        )
    out = []
    for n, (row, text) in enumerate(zip(rows, texts, strict=True), 1):
        try:
            items = json.loads(row) if row.strip() else []
            wanted: dict[str, list[str]] = {}
            for item in items:
                wanted.setdefault(str(item[src]).strip(), []).append(str(item[tgt]).strip())
        except (ValueError, KeyError, TypeError) as e:
            raise TermbaseError(
                f"{constraints}:{n}: not a JSON list of {{{src!r}: ..., {tgt!r}: ...}} ({e})"
            ) from e
        constraints_here = tuple((k, tuple(v)) for k, v in wanted.items() if k)
        out.append(Document(text, "", constraints_here, True))
    return out


def read_lines(path: Path, count: int) -> list[str]:
    """A system's output, a segment a line."""
    lines = _lines(path)
    if len(lines) != count:
        raise TermbaseError(f"{path}: {len(lines)} lines, the source has {count}")
    return lines


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise TermbaseError(f"{path}: cannot read: {e}") from e


# ---------------------------------------------------------------- matching


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_chinese(text: str) -> bool:
    return bool(_HAN.search(text))


@lru_cache(maxsize=65536)
def _english_pattern(rendering: str) -> re.Pattern[str]:
    """A rendering on word boundaries, in any case unless it is an acronym (WHO is not
    "who"), with its other forms (a verb phrase's, and without a leading article)."""
    from termbase.english import is_acronym, surface_forms

    if is_acronym(rendering):
        return re.compile(r"(?<![\w])" + re.escape(rendering) + r"(?![\w])")
    texts = [rendering, *(f for f, _ in surface_forms(rendering, approved=True))]
    alts = sorted({_number_free(t.lower()) for t in texts}, key=len)
    body = "|".join(reversed(alts))
    return re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)


def _number_free(text: str) -> str:
    """A pattern for `text` whose last word may be singular, plural or possessive (issue,
    issues, policy, policies, country's), words apart by any space. Only the last: every word
    made plural-tolerant took the mean difference from the official metric from 0.008 to
    0.016 (zh->en) and from 0.009 to 0.016 (en->zh) on the WMT25 development years."""
    from termbase.english import singular

    head, _, last = text.rpartition(" ")
    base = singular(last)
    if base != last or (last.isalpha() and last.islower() and len(last) > 3):
        stem = re.escape(base[:-1]) + "(?:y|ies)" if base.endswith("y") else re.escape(base)
        tail = stem + r"(?:s|es)?(?:'s|’s|')?"
    else:
        tail = re.escape(last)
    prefix = re.escape(head + " ").replace(r"\ ", r"\s+") if head else ""
    return prefix + tail


def spans(text: str, renderings: Iterable[str], chinese: bool) -> list[tuple[int, int]]:
    """Disjoint occurrences of any of `renderings` in `text` (leftmost, then longest)."""
    found: list[tuple[int, int]] = []
    for r in renderings:
        if not r:
            continue
        if chinese:
            start = text.find(r)
            while start >= 0:
                found.append((start, start + len(r)))
                start = text.find(r, start + 1)
        else:
            found += [(m.start(), m.end()) for m in _english_pattern(r).finditer(text)]
    found.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    end = -1
    for s, e in found:
        if s >= end:
            out.append((s, e))
            end = e
    return out


def source_counts(text: str, terms: Sequence[str], chinese: bool) -> dict[str, int]:
    """Each term's exclusive occurrences: a term inside a longer term's occurrence is not
    counted again."""
    found: list[tuple[int, int, str]] = []
    for t in terms:
        found += [(s, e, t) for s, e in spans(text, [t], chinese)]
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    counts: Counter[str] = Counter()
    taken_end = -1
    for s, e, t in found:
        if s >= taken_end:
            counts[t] += 1
            taken_end = e
    return counts


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class _Pair:
    """A required (document, term) pair: the term, its exclusive occurrences in the source,
    its renderings as the output is matched."""

    term: str
    occurrences: int
    renderings: tuple[str, ...]


class Reference:
    """The documents read and matched once: the required pairs of each (a system's score only
    scans its own output)."""

    def __init__(self, documents: Sequence[Document], *, fold_script: bool = False) -> None:
        self.fold_script = fold_script
        self.fold: Callable[[str], str] = script_folder() if fold_script else (lambda s: s)
        self.chinese: list[bool] = []
        self.pairs: list[list[_Pair]] = []
        for doc in documents:
            src_chinese = has_chinese(doc.source)
            tgt_chinese = has_chinese(doc.reference) or (
                not src_chinese and any(has_chinese(r) for _, rs in doc.constraints for r in rs)
            )
            src = prepare(doc.source, src_chinese, self.fold)
            ref = prepare(doc.reference, tgt_chinese, self.fold)
            # a term in two spellings of case (the WMT25 lists have "Deposit protection
            # Scheme" beside "Deposit Protection Scheme") is one term, but for an acronym
            keys = {t: case_key(prepare(t, src_chinese, self.fold)) for t, _ in doc.constraints}
            counts = source_counts(src, list(dict.fromkeys(keys.values())), src_chinese)
            pairs = []
            for term, renderings in doc.constraints:
                n = counts.get(keys[term], 0)
                wanted = tuple(prepare(r, tgt_chinese, self.fold) for r in renderings)
                if n and (doc.every_term or spans(ref, wanted, tgt_chinese)):
                    pairs.append(_Pair(term, n, wanted))
            self.chinese.append(tgt_chinese)
            self.pairs.append(pairs)

    def score(self, file: str, outputs: Sequence[str]) -> SystemScore:
        required = missed = script_misses = 0
        total = 0.0
        by_term: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0])
        consistency: list[float] = []
        for pairs, tgt_chinese, output in zip(self.pairs, self.chinese, outputs, strict=True):
            hyp = prepare(output, tgt_chinese, self.fold)
            for pair in pairs:
                found = spans(hyp, pair.renderings, tgt_chinese)
                success = min(len(found) / pair.occurrences, 1.0)
                required += 1
                total += success
                row = by_term[pair.term]
                row[0] += 1
                row[1] += success
                if not found:
                    missed += 1
                    row[2] += 1
                    if tgt_chinese and not self.fold_script:
                        fold = script_folder()
                        if spans(fold(hyp), [fold(w) for w in pair.renderings], True):
                            script_misses += 1
                if pair.occurrences >= 2 and found:
                    texts = Counter(hyp[s:e] for s, e in found)
                    consistency.append(texts.most_common(1)[0][1] / len(found))
        return SystemScore(
            file,
            total / required if required else 0.0,
            required,
            missed,
            sum(consistency) / len(consistency) if consistency else None,
            script_misses,
            _term_scores(by_term),
        )


def _term_scores(by_term: dict[str, list[float]]) -> tuple[TermScore, ...]:
    """Each term's row (required, summed success, missed), the worst kept first."""
    return tuple(
        TermScore(t, int(r[0]), r[1], int(r[2]))
        for t, r in sorted(by_term.items(), key=lambda kv: (kv[1][1] / kv[1][0], kv[0]))
    )


def score(
    file: str,
    documents: Sequence[Document],
    outputs: Sequence[str],
    *,
    fold_script: bool = False,
) -> SystemScore:
    """One system's score over `documents` (its `outputs`, one a document); for several
    systems, make one `Reference` and score each against it."""
    return Reference(documents, fold_script=fold_script).score(file, outputs)


def case_key(term: str) -> str:
    from termbase.english import is_acronym

    return term if is_acronym(term) else term.lower()


def prepare(text: str, chinese: bool, fold: Callable[[str], str]) -> str:
    """Chinese without the spaces of tokenised text (WMT21 writes 世界 卫生 组织 and 确诊 的
    COVID-19 感染 病例), folded if asked, lower-cased; other languages as written (their
    patterns ignore case, but for acronyms)."""
    if chinese:
        return fold(re.sub(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])", "", text)).lower()
    return text


@lru_cache(maxsize=1)
def script_folder() -> Callable[[str], str]:
    from termbase.chinese import script

    return script.simplify_characters


# ---------------------------------------------------------------- the term base as constraints


def termbase_scores(linter: Any, segments: Iterable[Any]) -> list[SystemScore]:
    """Each file's score with the term base as the constraints: a (segment, concept) pair is
    required where the concept occurs in the source and has an approved rendering in the
    target language; it is kept where the target has one and no banned rendering of it (the
    lint findings LT101, LT102, LT103 decide, so lint and score agree)."""
    import dataclasses

    files: dict[Path, list[Any]] = defaultdict(list)
    for seg in segments:
        if seg.source and seg.target is not None:
            files[seg.path].append(seg)
    out = []
    for path, segs in files.items():
        by_term: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0])
        required = missed = 0
        for seg in segs:
            wanted = {
                f.concept
                for f in linter.check(dataclasses.replace(seg, target=""))
                if f.code == "LT101" and f.concept
            }
            if not wanted:
                continue
            lost = {f.concept for f in linter.check(seg) if f.code in ("LT101", "LT102", "LT103")}
            for concept in wanted:
                row = by_term[concept]
                row[0] += 1
                required += 1
                if concept in lost:
                    row[2] += 1
                    missed += 1
                else:
                    row[1] += 1
        rate = (required - missed) / required if required else 0.0
        out.append(SystemScore(str(path), rate, required, missed, None, 0, _term_scores(by_term)))
    return out
