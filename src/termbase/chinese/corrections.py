"""The project's own conversion rows, beside OpenCC's dictionaries: corrections of known wrong
conversions (`data/corrections.toml`), and regional usage, where Taiwan or Hong Kong write a word
otherwise than OpenCC's phrase tables give it (`data/regional.toml`, each row with its sense and a
source). Both become `Correction` rows for the configurations they apply to; a regional row also
reversed, for text converted back from Taiwan or Hong Kong to Simplified (tw2sp, hk2sp)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Correction:
    """A known wrong conversion and its fix. With `followed_by` (or `preceded_by`), the row
    holds only where `source` stands before (after) one of those strings: 并发 is 並發 before 挥,
    布, 出 (并 + 发挥: "and give play to"), 併發 elsewhere (并发症). `wrong` empty: the dependency
    is right here, and the row keeps a broader row of ours from applying."""

    configs: tuple[str, ...]
    source: str
    wrong: str
    right: str
    note: str
    followed_by: tuple[str, ...] = ()
    preceded_by: tuple[str, ...] = ()
    origin: str = "correction"  # or "regional": a row of the regional usage table

    def phrases(self, convert: Callable[[str], str]) -> list[tuple[str, str, str]]:
        """(source, what the dependency gives, right) for each context, `convert` being the
        dependency's own conversion of the context strings."""
        if not self.followed_by and not self.preceded_by:
            return [(self.source, self.wrong, self.right)]
        out = [
            (self.source + f, self.wrong and self.wrong + convert(f), self.right + convert(f))
            for f in self.followed_by
        ]
        out += [
            (p + self.source, self.wrong and convert(p) + self.wrong, convert(p) + self.right)
            for p in self.preceded_by
        ]
        return out


def _table(name: str) -> dict[str, Any]:
    text = resources.files("termbase").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def _corrections() -> tuple[Correction, ...]:
    return tuple(
        Correction(
            tuple(r["configs"]),
            r["source"],
            r.get("wrong", ""),
            r["right"],
            r.get("note", ""),
            tuple(r.get("followed-by", ())),
            tuple(r.get("preceded-by", ())),
        )
        for r in _table("corrections.toml")["correction"]
    )


# The configurations that write each region's script, and those that read it back
WRITES = {"zh-TW": ("s2twp",), "zh-HK": ("s2hkp", "s2hk")}  # s2tw writes characters only
READS = {"zh-TW": "tw2sp", "zh-HK": "hk2sp"}


@dataclass(frozen=True, slots=True)
class RegionalRow:
    """A row of the regional usage table."""

    source: str  # Simplified
    forms: dict[str, str]  # region tag -> its form
    sense: str
    cite: str  # a key of the table's [sources]
    followed_by: tuple[str, ...] = ()
    preceded_by: tuple[str, ...] = ()
    reverse: bool = True


@cache
def regional_rows() -> tuple[RegionalRow, ...]:
    data = _table("regional.toml")
    return tuple(
        RegionalRow(
            r["source"],
            {tag: r[tag] for tag in WRITES if tag in r},
            r["sense"],
            r["cite"],
            tuple(r.get("followed-by", ())),
            tuple(r.get("preceded-by", ())),
            r.get("reverse", True),
        )
        for r in data["phrase"]
    )


def regional_sources() -> dict[str, str]:
    """The regional table's sources: key -> address."""
    return dict(_table("regional.toml")["sources"])


def _regional(config: str, write: Callable[[str], str]) -> list[Correction]:
    """The regional rows for `config`; `write` is OpenCC's conversion of the region's script
    (s2twp, s2hk), for the contexts of a reversed row."""
    out: list[Correction] = []
    taken: set[str] = set()
    # a whole phrase's row reads back before a row in context: 數位轉型 is 数字化转型
    for row in sorted(regional_rows(), key=lambda r: bool(r.followed_by or r.preceded_by)):
        for tag, form in row.forms.items():
            note = f"{tag}: {row.sense}"
            if config in WRITES[tag]:
                rule = (row.source, "", form, note, row.followed_by, row.preceded_by)
                out.append(Correction((config,), *rule, origin="regional"))
            elif config == READS[tag] and row.reverse:
                contexts = [(row.source + f, form + write(f)) for f in row.followed_by]
                contexts += [(p + row.source, write(p) + form) for p in row.preceded_by]
                for simplified, regional in contexts or [(row.source, form)]:
                    if regional in taken:
                        continue  # the first row wins
                    taken.add(regional)
                    back = (regional, "", simplified, note)
                    out.append(Correction((config,), *back, origin="regional"))
    return out


def corrections(
    config: str | None = None, write: Callable[[str], str] | None = None
) -> list[Correction]:
    """The correction rows (all, or those of `config`), and for `config` its regional rows."""
    rows = [r for r in _corrections() if config is None or config in r.configs]
    if config is not None and write is not None:
        rows += _regional(config, write)
    return rows


# Characters each region writes and the other does not (Hong Kong's List of Graphemes of
# Commonly-Used Chinese Characters against Taiwan's standard forms), and words of Hong Kong
_HK = re.compile("[裏綫衞啓着]|本港|港元|港幣|特區政府|金管局")
_TW = re.compile("[裡線衛啟]|臺灣|台灣|新臺幣|行政院")


def guess_region(text: str) -> str:
    """zh-HK where the text has more of Hong Kong's marks than of Taiwan's, else zh-TW."""
    hk = len(_HK.findall(text))
    return "zh-HK" if hk and hk > len(_TW.findall(text)) else "zh-TW"
