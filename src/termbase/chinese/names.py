"""Proper names, as evidence for the pinyin of running text: CC-CEDICT's (data/cedict, CC BY-SA
4.0), whose pinyin starts each word of a name with a capital (国家发展改革委 Guójiā Fāzhǎn Gǎigé
Wěi), and its one-character surnames, for the names of people no dictionary lists."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


def _data(name: str) -> str:
    return resources.files("termbase").joinpath(f"data/cedict/{name}").read_text("utf-8")


@cache
def _rows() -> tuple[list[str], ...]:
    """names.tsv's rows: the name, its numbered pinyin and, for a place, "place"."""
    return tuple(line.split("\t") for line in _data("names.tsv").splitlines() if "\t" in line)


@cache
def _table() -> tuple[dict[str, str], Any]:
    import daachorse

    names = {row[0]: row[1] for row in _rows()}
    keys = list(names)
    automaton = daachorse.CharwiseDoubleArrayAhoCorasick(
        keys, match_kind=daachorse.MATCH_KIND_LEFTMOST_LONGEST
    )
    return names, (automaton, keys)


@cache
def surnames() -> frozenset[str]:
    return frozenset(_data("surnames.txt").strip())


def is_name(word: str) -> bool:
    return word in _table()[0]


@cache
def _places() -> frozenset[str]:
    return frozenset(row[0] for row in _rows() if row[-1] == "place")


def is_place(word: str) -> bool:
    """A name CC-CEDICT glosses as a place or an organisation (合肥, 百度), not as a thing that
    is also a common noun's sense (互联网 "Internet")."""
    return word in _places()


def find(text: str, cuts: set[int]) -> list[tuple[int, int, str]]:
    """The names in `text` that start and end where the segmenter cuts (`cuts`: the offsets
    between its words), as (start, end, name), leftmost-longest: 中国 is not found inside
    发展中/国家."""
    table, (automaton, keys) = _table()
    out = []
    for start, end, k in automaton.find(text):
        if start not in cuts:
            continue
        if end in cuts:
            out.append((start, end, keys[k]))
            continue
        # the longest name runs on past a cut (中国人 of 中国/人民): a shorter one may end there
        shorter = next(
            (e for e in range(end - 1, start + 1, -1) if e in cuts and text[start:e] in table),
            None,
        )
        if shorter is not None:
            out.append((start, shorter, text[start:shorter]))
    return out


def person(name: str) -> bool:
    """Whether CC-CEDICT writes the name as a person's: a capital after the first (李白 Li3
    Bai2, 习近平 Xi2 Jin4 ping2), not one word (华为 Hua2 wei2)."""
    return sum(s[:1].isupper() for s in syllables(name)) > 1


def syllables(name: str) -> list[str]:
    """CC-CEDICT's syllables of a name, numbered as it writes them (Ya4 Tai4 di4 qu1)."""
    return _table()[0][name].split()


def words_of(name: str) -> list[tuple[str, list[str]]]:
    """The name's words with their syllables (tone marks, a capital on the first): 清华大学 ->
    [(清华, [Qīng, huá]), (大学, [Dà, xué])]."""
    from termbase.chinese.pinyin import from_numbers

    out: list[tuple[str, list[str]]] = []
    for ch, numbered in zip(name, syllables(name), strict=True):
        written = from_numbers(numbered)
        if numbered[:1].isupper() or not out:
            out.append((ch, [written[:1].upper() + written[1:]]))
        else:
            chars, group = out[-1]
            out[-1] = (chars + ch, [*group, written])
    return _abbreviations(out)


# Countries, continents and provinces by one character: two of them are two names (中美
# Zhōng-Měi, 京津 Jīng-Jīn); two characters of one name's abbreviation are one word (人大 Réndà)
_ONE_CHARACTER_PLACES = frozenset(
    "中美日俄英法德韩朝印欧亚非澳加意西葡荷越泰巴以伊"
    "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕甘陇青宁新港台蒙"
    "成穗深杭汉厦太"  # 成渝 Chéng-Yú (Chengdu, Chongqing), 亚太 Yà-Tài (Asia, the Pacific)
)
# Generic nouns of geography GB/T writes apart from a name of one syllable (Huáng Hé, Tài Shān)
_GENERICS = frozenset("河江湖山海岛峰")


def _abbreviations(groups: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """CC-CEDICT capitalises each syllable of an abbreviation (教科文 Jiao4 Ke1 Wen2); GB/T
    writes three or more as one word (Jiàokēwén) and two with a hyphen (中美 Zhōng-Měi), but a
    river's or a mountain's name and its generic noun as two words (黄河 Huáng Hé)."""
    out: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(groups):
        j = i
        while j < len(groups) and len(groups[j][0]) == 1:
            j += 1
        if j - i >= 2:
            chars = "".join(g[0] for g in groups[i:j])
            sylls = [g[1][0] for g in groups[i:j]]
            if j - i == 2 and chars[1] in _GENERICS:
                out += groups[i:j]  # 黄河 Huáng Hé: a name and its generic noun (6.3.2)
            elif j - i == 2 and all(c in _ONE_CHARACTER_PLACES for c in chars):
                out.append((chars, [f"{sylls[0]}-{sylls[1]}"]))
            elif j - i == 2:  # 人大 of 全国人大常委会: one name's abbreviation, Réndà
                out.append((chars, [sylls[0] + sylls[1].lower()]))
            else:
                out.append((chars, [sylls[0], *(s.lower() for s in sylls[1:])]))
            i = j
        else:
            out.append(groups[i])
            i += 1
    return out
