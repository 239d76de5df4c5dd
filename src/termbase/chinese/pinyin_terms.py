"""The term base's terms in running text, for its pinyin: where a term stands as a word of
its own (written as the term base writes it), not inside a longer word the segmenter reads
(算力 of 计算力 is the word jìsuànlì), and 以 … 为 read across them."""

from __future__ import annotations

from termbase.chinese.pinyin_words import Token
from termbase.chinese.segment import words


def term_spans(text: str, terms: dict[str, str]) -> list[tuple[str, str | None]]:
    """`text` cut into the terms of the term base (with their stored pinyin) and the rest."""
    if not terms:
        return [(text, None)]
    import ahocorasick_rs

    keys = list(terms)
    ac = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    out: list[tuple[str, str | None]] = []
    pos = 0
    for k, s, e in ac.find_matches_as_indexes(text):
        if inside_word(text, s, e):
            continue  # 算力 of 计算力: the longer word's
        if s > pos:
            out.append((text[pos:s], None))
        out.append((text[s:e], terms[keys[k]]))
        pos = e
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def inside_word(text: str, start: int, end: int) -> bool:
    """Whether the segmenter, reading a few characters either side, puts a word across
    `start` or `end`: a term of the base inside a longer word (算力 of 计算力) is not the term."""
    a, b = max(0, start - 3), min(len(text), end + 3)
    cuts, at = set(), a
    for w, _ in words(text[a:b], hmm=False):  # dictionary words: no guess across the term
        at += len(w)
        cuts.add(at)
    return (start != a and start not in cuts) or end not in cuts


def taking_as(tokens: list[Token]) -> list[Token]:
    """以 … 为 across a term of the base (本文将以/算力/为锚): 为 is wéi, "as"."""
    taking = False
    for t in tokens:
        if t.kind == "punct":
            taking = False
        elif t.source == "以" and t.tag == "p":
            taking = True
        elif taking and t.source == "为" and t.kind == "word":
            t.text, taking = "wéi", False
    return tokens
