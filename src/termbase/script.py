"""Chinese script: which characters belong to which script, and conversion between scripts.

This is the only module that uses OpenCC (opencc-python-reimplemented). Its dictionaries date
from 2022; callers that need a term's own form look it up in the term base first.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from termbase.model import Finding, TermBase
from termbase.rules import finding, is_simplified, is_traditional

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


def traditional_only(text: str) -> list[str]:
    _, trad = character_sets()
    return list(dict.fromkeys(ch for ch in text if ch in trad))


def simplified_only(text: str) -> list[str]:
    simp, _ = character_sets()
    return list(dict.fromkeys(ch for ch in text if ch in simp))


def check(tb: TermBase) -> Iterator[Finding]:
    """TB301, TB302: a character of the other script in a Chinese term."""
    for c in tb.concepts:
        for t in c.terms:
            if is_simplified(t.lang):
                bad = traditional_only(t.text)
                if bad:
                    yield finding(
                        "TB301",
                        c.path,
                        t.line or c.line,
                        f"{t.lang} term {t.text!r} has Traditional-only {''.join(bad)}",
                        concept=c.id,
                        hint=f'Simplified: "{converter("t2s")(t.text)}"',
                    )
            elif is_traditional(t.lang):
                bad = simplified_only(t.text)
                if bad:
                    config = CONFIG_FOR_TAG.get(t.lang.split("-")[0] + "-" + t.lang.split("-")[1])
                    yield finding(
                        "TB302",
                        c.path,
                        t.line or c.line,
                        f"{t.lang} term {t.text!r} has Simplified-only {''.join(bad)}",
                        concept=c.id,
                        hint=f'OpenCC {config or "s2t"}: "{converter(config or "s2t")(t.text)}"',
                    )
