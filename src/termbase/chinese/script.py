"""Chinese script: which characters belong to which script, and conversion between scripts.

This is the only module that uses OpenCC (opencc-python-reimplemented). Its dictionaries date
from 2022; callers that need a term's own form look it up in the term base first.
"""

from __future__ import annotations

import bisect
import importlib.util
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "tw2sp", "hk2s", "t2tw", "t2hk")

# The configuration that writes a term for each Chinese language tag.
CONFIG_FOR_TAG = {"zh-Hant": "s2t", "zh-TW": "s2tw", "zh-HK": "s2hk", "zh-MO": "s2hk"}


def _dictionary_dir() -> Path:
    spec = importlib.util.find_spec("opencc")
    if spec is None or spec.origin is None:
        raise RuntimeError("opencc-python-reimplemented is not installed")
    return Path(spec.origin).parent / "dictionary"


def _pairs(name: str) -> Iterator[tuple[str, list[str]]]:
    with (_dictionary_dir() / name).open(encoding="utf-8") as f:
        for line in f:
            key, _, values = line.rstrip("\n").partition("\t")
            if key and values:
                yield key, values.split(" ")


@cache
def character_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(simplified-only, traditional-only) characters, from OpenCC's character tables.

    A character is traditional-only when OpenCC's Traditional-to-Simplified table always
    changes it (峯 to 峰, 裏 to 里; not 乾, which Simplified keeps in 乾隆). It is simplified-only
    when the Simplified-to-Traditional table always changes it and neither the Taiwan nor the Hong
    Kong variant table uses it (峰 and 台 are Traditional in Taiwan), and it is not in Big5 (cp950),
    the character set of Traditional text in Taiwan and Hong Kong: OpenCC converts 霉 to 黴 and
    虱 to 蝨, yet both are ordinary Traditional characters.
    """
    regional: set[str] = set()
    for name in ("TWVariants.txt", "HKVariants.txt"):
        for key, values in _pairs(name):
            regional.add(key)
            regional.update(values)
    simplified = {
        k for k, v in _pairs("STCharacters.txt") if k not in v and not _in_big5(k)
    } - regional
    traditional = {k for k, v in _pairs("TSCharacters.txt") if k not in v}
    return frozenset(simplified), frozenset(traditional)


# Common forms that the Taiwan and Hong Kong tables do not both list: 峯 and 羣 (named by
# readers of both, issue 16) and 麪, OpenCC's standard forms; 峰, 群 and 麵 are what both print
# (Taiwan's standard forms, and Hong Kong's List of Graphemes of Commonly-Used Chinese Characters).
_COMMON_EXTRA = {"峯": "峰", "羣": "群", "麪": "麵"}


@cache
def common_forms() -> dict[int, str]:
    """OpenCC's standard Traditional characters that Taiwan and Hong Kong both write otherwise
    (爲 -> 為, 覈 -> 核, 喫 -> 吃, 衆 -> 眾, ...: where the two variant tables agree), and
    峯 -> 峰, 羣 -> 群, 麪 -> 麵, as a `str.translate` table: general Traditional text in the
    forms in common use. Where the regions differ (着 in Hong Kong, 著 in Taiwan; 裏 and 裡),
    the standard form stays."""
    tw = {k: v[0] for k, v in _pairs("TWVariants.txt") if v}
    hk = {k: v[0] for k, v in _pairs("HKVariants.txt") if v}
    common = {k: v for k, v in tw.items() if hk.get(k) == v and k != v}
    return {ord(k): v for k, v in {**common, **_COMMON_EXTRA}.items()}


def _in_big5(char: str) -> bool:
    try:
        char.encode("cp950")
    except UnicodeEncodeError:
        return False
    return True


@cache
def converter(config: str) -> Callable[[str], str]:
    """OpenCC's converter for `config` (s2t, s2tw, t2s, ...)."""
    if config not in CONFIGS:
        raise ValueError(f"unknown OpenCC configuration {config!r}")
    from opencc import OpenCC

    cc = OpenCC(config)
    convert: Callable[[str], str] = cc.convert
    return convert


def simplified_table() -> dict[int, str]:
    """OpenCC's Traditional-to-Simplified character table, first candidates only."""
    return _dictionary("TSCharacters.txt").table


def simplify_characters(text: str) -> str:
    """Traditional characters to Simplified, one for one (OpenCC's character table only)."""
    return text.translate(_dictionary("TSCharacters.txt").translation)


def traditional_only(text: str) -> list[str]:
    _, trad = character_sets()
    return list(dict.fromkeys(ch for ch in text if ch in trad))


def simplified_only(text: str) -> list[str]:
    simp, _ = character_sets()
    return list(dict.fromkeys(ch for ch in text if ch in simp))


# ---------------------------------------------------------------- fast conversion
#
# The same result as opencc-python-reimplemented, much faster. Its algorithm, per text segment
# between separators (spaces, punctuation) and per dictionary of a configuration's chain: take
# the longest dictionary key found anywhere in the segment (the leftmost of equally long ones),
# convert it, and repeat on the text to its left and to its right. Several dictionaries in a
# group share one pass: a later one only sees what the earlier ones left unconverted. A key with
# several values takes the first.
#
# Here every dictionary's keys of two or more characters go into one Aho-Corasick automaton
# (daachorse, in Rust: it serialises, and finds overlapping matches 2.4x faster than
# ahocorasick-rs) that finds every occurrence, overlapping ones included; choosing longest-first
# among overlapping occurrences gives exactly the recursive result, and single-character keys
# become one `str.translate` table (a list indexed by code point: twice as fast as a dict). The
# built dictionaries are kept in the cache folder (keyed by the dictionary file's content), so a
# command does not parse 50,000 lines and build an automaton each time it starts.

_SEPARATORS = re.compile(
    r"(\s+|-|,|\.|\?|!|\*|　|，|。|、|；|：|？|！|…|“|”|‘|’|『|』|「|」|﹁|﹂|—|－|（|）"
    r"|《|》|〈|〉|～|．|／|＼|︒|︑|︔|︓|︿|﹀|︹|︺|︙|︐|［|﹇|］|﹈|︕|︖|︰|︳|︴|︽|︾|︵|︶|｛"
    r"|︷|｝|︸|﹃|﹄|【|︻|】|︼)"
)


@dataclass(frozen=True, slots=True)
class _Dictionary:
    """One OpenCC dictionary: its long keys as an automaton, its one-character keys as a table."""

    automaton: Any  # daachorse.CharwiseDoubleArrayAhoCorasick, or None: every key is one char
    values: tuple[str, ...]
    lengths: tuple[int, ...]
    table: dict[int, str]
    singles: re.Pattern[str] | None
    length_preserving: bool
    # `table` as a list indexed by code point (str.translate's fast path), where values are
    # single characters; the dict otherwise
    translation: Any


_CACHE_FORMAT = 1  # the layout of a kept dictionary; a new layout ignores the old files

# What a dictionary becomes: (serialised automaton or b"", key lengths, values, table items).
_Built = tuple[bytes, list[int], list[str], list[tuple[int, str]]]


@cache
def _dictionary(name: str) -> _Dictionary:
    import daachorse

    raw = (_dictionary_dir() / name).read_bytes()
    built = _load_built(name, raw)
    if built is None:
        built = _build(raw.decode("utf-8"))
        _save_built(name, raw, built)
    automaton_bytes, lengths, values, table_items = built
    table = dict(table_items)
    automaton = (
        daachorse.CharwiseDoubleArrayAhoCorasick.deserialize(automaton_bytes)
        if automaton_bytes
        else None
    )
    singles = (
        re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(table)) + "]") if table else None
    )
    length_preserving = all(len(v) == 1 for v in table.values())
    translation: Any = table
    if table and length_preserving:
        translation = [chr(i) for i in range(max(table) + 1)]
        for k, v in table.items():
            translation[k] = v
    return _Dictionary(
        automaton, tuple(values), tuple(lengths), table, singles, length_preserving, translation
    )


def _build(text: str) -> _Built:
    import daachorse

    long_keys: list[str] = []
    values: list[str] = []
    table: list[tuple[int, str]] = []
    for line in text.splitlines():
        key, _, candidates = line.partition("\t")
        if not key or not candidates:
            continue
        value = candidates.split(" ")[0]
        if len(key) == 1:
            table.append((ord(key), value))
        elif not _SEPARATORS.search(key):  # a key with a separator can never match a segment
            long_keys.append(key)
            values.append(value)
    automaton = b""
    if long_keys:
        automaton = daachorse.CharwiseDoubleArrayAhoCorasick(long_keys).serialize()
    return automaton, [len(k) for k in long_keys], values, table


def _kept_path(name: str, raw: bytes) -> Path:
    import hashlib

    from termbase.base.cachedir import cache_dir

    digest = hashlib.sha256(raw).hexdigest()[:24]
    return cache_dir() / "opencc" / f"{Path(name).stem}-{_CACHE_FORMAT}-{digest}.marshal"


def _load_built(name: str, raw: bytes) -> _Built | None:
    """The dictionary as built before (marshal: plain data, nothing runs on loading), if kept."""
    import marshal

    try:
        data = marshal.loads(_kept_path(name, raw).read_bytes())  # noqa: S302 (our own file)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(data, tuple) and len(data) == 4 and isinstance(data[0], bytes)):
        return None
    return data


def _save_built(name: str, raw: bytes, built: _Built) -> None:
    """Keep a built dictionary (best effort: a folder that cannot be written is skipped)."""
    import contextlib
    import marshal
    import os
    import tempfile

    path = _kept_path(name, raw)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name_of_tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        tmp = Path(name_of_tmp)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps(built))
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)


def _chain(config: str) -> list[list[str]]:
    """The configuration's chain of dictionary groups, as file names."""
    import json

    spec = importlib.util.find_spec("opencc")
    if spec is None or spec.origin is None:
        raise RuntimeError("opencc-python-reimplemented is not installed")
    path = Path(spec.origin).parent / "config" / f"{config}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    chain: list[list[str]] = []
    for step in data["conversion_chain"]:
        d = step["dict"]
        if d["type"] == "group":
            chain.append([x["file"] for x in d["dicts"]])
        else:
            chain.append([d["file"]])
    return chain


Match = tuple[int, int, int]  # (start, end, key index), as daachorse reports them


def _longest_first(matches: list[Match], lengths: tuple[int, ...]) -> list[Match]:
    """Non-overlapping matches, chosen longest first (leftmost among equals), sorted by start.

    The automaton reports matches in order of their end. Overlapping matches form clusters
    (a stack merges a long match with the earlier clusters it reaches back into); only
    clusters of more than one need choosing.
    """
    clusters: list[list[Match]] = []
    ends: list[int] = []
    starts: list[int] = []
    for m in matches:
        if clusters and m[0] < ends[-1]:
            merged = clusters.pop()
            start = min(starts.pop(), m[0])
            ends.pop()
            while clusters and m[0] < ends[-1]:
                merged = clusters.pop() + merged
                start = min(starts.pop(), start)
                ends.pop()
            merged.append(m)
            clusters.append(merged)
            starts.append(start)
            ends.append(m[1])
        else:
            clusters.append([m])
            starts.append(m[0])
            ends.append(m[1])
    chosen: list[Match] = []
    for cluster in clusters:
        if len(cluster) == 1:
            chosen.append(cluster[0])
        elif len(cluster) == 2:
            a, b = cluster
            la, lb = lengths[a[2]], lengths[b[2]]
            chosen.append(a if la > lb or (la == lb and a[0] < b[0]) else b)
        else:
            chosen.extend(_resolve(cluster, lengths))
    return chosen


def _resolve(cluster: list[Match], lengths: tuple[int, ...]) -> list[Match]:
    taken: list[Match] = []
    for m in sorted(cluster, key=lambda m: (-lengths[m[2]], m[0])):
        if all(m[1] <= t[0] or m[0] >= t[1] for t in taken):
            taken.append(m)
    return sorted(taken)


def _subtract(free: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of `free` spans not covered by `taken` spans (both sorted, taken inside free)."""
    out: list[tuple[int, int]] = []
    j = 0
    for a, b in free:
        pos = a
        while j < len(taken) and taken[j][0] < b:
            s, e = taken[j]
            if s > pos:
                out.append((pos, s))
            pos = max(pos, e)
            j += 1
        if pos < b:
            out.append((pos, b))
    return out


def _within(m: Match, free: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, m[0]) - 1
    return i >= 0 and m[1] <= free[i][1]


def _convert_group(text: str, group: list[_Dictionary]) -> str:
    """One step of a chain: its dictionaries in order, each seeing what the others left."""
    n = len(text)
    if n == 0:
        return text
    free = [(0, n)]
    fixed: list[tuple[int, int, str]] = []
    last = group[-1]
    for d in group:
        if d.automaton is not None:
            found: list[Match] = d.automaton.find_overlapping(text)
            if free != [(0, n)]:
                starts = [a for a, _ in free]
                found = [m for m in found if _within(m, free, starts)]
            if found:
                chosen = _longest_first(found, d.lengths)
                fixed.extend((s, e, d.values[k]) for s, e, k in chosen)
                if d is not last:
                    free = _subtract(free, [(s, e) for s, e, _ in chosen])
        if d is not last and d.singles is not None:
            hits = [(m.start(), m.end()) for a, b in free for m in d.singles.finditer(text, a, b)]
            fixed.extend((s, e, d.table[ord(text[s])]) for s, e in hits)
            free = _subtract(free, hits)
    if not fixed:
        return text.translate(last.translation) if last.table else text
    fixed.sort()
    table = last.translation if last.table else None
    out: list[str] = []
    if table and last.length_preserving:
        translated = text.translate(table)
        pos = 0
        for s, e, value in fixed:
            out.append(translated[pos:s])
            out.append(value)
            pos = e
        out.append(translated[pos:])
    else:
        pos = 0
        for s, e, value in fixed:
            out.append(text[pos:s].translate(table) if table else text[pos:s])
            out.append(value)
            pos = e
        out.append(text[pos:].translate(table) if table else text[pos:])
    return "".join(out)


class Converter:
    """Converts Chinese text between scripts: OpenCC's result, unless an override says otherwise.

    `overrides` maps source strings to what they must become (the term base's own forms and the
    correction table); the longest override found leftmost wins over OpenCC's dictionaries.
    """

    def __init__(
        self,
        config: str,
        overrides: Mapping[str, str] | None = None,
        *,
        after: Mapping[int, str] | None = None,
    ) -> None:
        """`after`: a `str.translate` table applied to OpenCC's result (`common_forms`), never
        to an override's."""
        if config not in CONFIGS:
            raise ValueError(f"unknown OpenCC configuration {config!r}")
        self.config = config
        self.chain = [[_dictionary(name) for name in group] for group in _chain(config)]
        # a character class finds the few characters to change far faster than str.translate
        # walks a whole text through a dict (10 MB: 0.4 s)
        self._after = {chr(k): v for k, v in (after or {}).items()}
        self._after_pattern = (
            re.compile("[" + "".join(map(re.escape, self._after)) + "]") if self._after else None
        )
        self.overrides = dict(overrides or {})
        self._override_keys = list(self.overrides)
        self._override_automaton: Any = None
        if self._override_keys:
            import ahocorasick_rs

            self._override_automaton = ahocorasick_rs.AhoCorasick(
                self._override_keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
        self.applied: Counter[str] = Counter()

    def plain(self, text: str) -> str:
        """OpenCC's conversion alone (and the `after` table)."""
        for group in self.chain:
            text = _convert_group(text, group)
        if self._after_pattern is None:
            return text
        return self._after_pattern.sub(lambda m: self._after[m.group()], text)

    def convert(self, text: str) -> str:
        """The conversion with overrides; counts in `applied` which overrides were used.

        Each override found is replaced by a private-use character that no dictionary knows,
        the text is converted in one pass, and the characters are replaced by the overrides'
        results: the same as converting the pieces between overrides one by one, only faster.
        """
        if self._override_automaton is None:
            return self.plain(text)
        found = self._override_automaton.find_matches_as_indexes(text)
        if not found:
            return self.plain(text)
        use_marks = len(self._override_keys) <= _MARKS and not _PRIVATE.search(text)
        out: list[str] = []
        pos = 0
        marks: dict[int, str] = {}
        for k, s, e in found:
            key = self._override_keys[k]
            self.applied[key] += 1
            if use_marks:
                out.append(text[pos:s])
                mark = _MARK_BASE + k
                out.append(chr(mark))
                marks[mark] = self.overrides[key]
            else:
                out.append(self.plain(text[pos:s]))
                out.append(self.overrides[key])
            pos = e
        out.append(text[pos:])
        if use_marks:  # a few marks in a long text: a search beats str.translate's walk
            return _PRIVATE.sub(lambda m: marks[ord(m.group())], self.plain("".join(out)))
        out[-1] = self.plain(out[-1])
        return "".join(out)


# Private-use planes 15 and 16 stand in for overrides while a text is converted.
_MARK_BASE = 0xF0000
_MARKS = 0x10FFFD - _MARK_BASE
_PRIVATE = re.compile("[\U000f0000-\U0010ffff]")
