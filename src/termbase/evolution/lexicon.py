"""Word translation probabilities learnt from the aligned sentences themselves (IBM Model 1,
expectation maximisation): which English words a Chinese word stands for, so that a mined
term's rendering is the English phrase its words explain (银行 体系 -> banking system, not
banking; 浮动 薪酬 -> variable pay, not fixed pay). Nothing is downloaded or shipped: the
table comes from the documents being mined."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

_NULL = ""
ITERATIONS = 4
FLOOR = 1e-3  # a word no Chinese word explains still counts this much (geometric means)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """t(english word | Chinese word)."""

    table: dict[str, dict[str, float]]

    def explained(self, chinese: Sequence[str], english: Sequence[str]) -> float:
        """How well the Chinese words and the English words explain each other: the geometric
        mean, over the words of both sides, of each word's best translation probability on the
        other side (FLOOR where none)."""
        if not chinese or not english:
            return 1.0
        rows = [self.table.get(f, {}) for f in chinese]
        product = 1.0
        for e in english:
            product *= max(FLOOR, *(row.get(e, 0.0) for row in rows))
        for row in rows:
            product *= max(FLOOR, *(row.get(e, 0.0) for e in english))
        return float(product ** (1 / (len(english) + len(rows))))


def train(pairs: Sequence[tuple[Sequence[str], Sequence[str]]]) -> Lexicon:
    """IBM Model 1 over (Chinese words, English words) pairs, with an empty Chinese word for
    English words that translate nothing. Every (pair, Chinese word, English word) is one entry
    of flat arrays, so that an iteration is a few vector operations (numpy)."""
    import numpy as np

    f_ids: dict[str, int] = {}
    e_ids: dict[str, int] = {}
    fs_all: list[np.ndarray] = []
    es_all: list[np.ndarray] = []
    groups: list[np.ndarray] = []
    group = 0
    for zh, en in pairs:
        if not en:
            continue
        f = np.array([f_ids.setdefault(w, len(f_ids)) for w in (_NULL, *zh)], dtype=np.int64)
        e = np.array([e_ids.setdefault(w, len(e_ids)) for w in en], dtype=np.int64)
        fs_all.append(np.tile(f, len(e)))
        es_all.append(np.repeat(e, len(f)))
        groups.append(np.repeat(np.arange(group, group + len(e)), len(f)))
        group += len(e)
    if not groups:
        return Lexicon({})
    fs, es, gs = np.concatenate(fs_all), np.concatenate(es_all), np.concatenate(groups)
    # one probability per distinct (Chinese word, English word)
    key = fs * len(e_ids) + es
    distinct, entry = np.unique(key, return_inverse=True)
    f_of = distinct // len(e_ids)
    t = np.ones(len(distinct))
    for _ in range(ITERATIONS):
        values = t[entry]
        share = values / np.bincount(gs, weights=values)[gs]
        counts = np.bincount(entry, weights=share, minlength=len(distinct))
        t = counts / np.bincount(f_of, weights=counts)[f_of]
    f_words = list(f_ids)
    e_words = list(e_ids)
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for k, p in zip(distinct.tolist(), t.tolist(), strict=True):
        f_id, e_id = divmod(k, len(e_ids))
        table[f_words[f_id]][e_words[e_id]] = p
    return Lexicon(dict(table))
