"""Language tags: well-formed BCP 47 and its canonical case; which are Chinese, which
Traditional, which Simplified."""

from __future__ import annotations

import re
from functools import lru_cache

# BCP 47 well-formed tags (RFC 5646 section 2.1), without the grandfathered irregular ones.
_LANGTAG = re.compile(
    r"^(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-(?P<script>[A-Za-z]{4}))?"
    r"(?:-(?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?P<variants>(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*)"
    r"(?P<extensions>(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*)"
    r"(?:-x(?:-[A-Za-z0-9]{1,8})+)?$"
)


@lru_cache(maxsize=4096)
def canonical_tag(tag: str) -> str | None:
    """The tag in its canonical case (zh-Hant, en-GB), or None if it is not well-formed."""
    m = _LANGTAG.fullmatch(tag)
    if not m:
        return None
    parts = tag.split("-")
    out = [parts[0].lower()]
    private = False
    for p in parts[1:]:
        if private or p.lower() == "x":
            private = True
            out.append(p.lower())
        elif len(p) == 4 and p.isalpha():
            out.append(p.title())
        elif len(p) == 2 and p.isalpha():
            out.append(p.upper())
        else:
            out.append(p.lower())
    return "-".join(out)


# The source language of a term base whose termbase.toml names none.
DEFAULT_SOURCE_LANGUAGE = "zh-Hans"


def written_canonically(tag: str) -> bool:
    """Whether `tag` is a well-formed tag written as BCP 47 writes it (zh-Hant, not zh_hant)."""
    return canonical_tag(tag.replace("_", "-")) == tag


CHINESE = re.compile(r"^(zh|cmn|yue|wuu|lzh)(-|$)", re.IGNORECASE)
_TRADITIONAL_TAGS = re.compile(r"^zh-(Hant|TW|HK|MO)\b")


def is_chinese(lang: str) -> bool:
    return bool(CHINESE.match(lang))


def is_traditional(lang: str) -> bool:
    return bool(_TRADITIONAL_TAGS.match(lang))


def is_simplified(lang: str) -> bool:
    return lang in ("zh", "zh-Hans", "zh-CN", "zh-SG", "zh-MY") or lang.startswith("zh-Hans-")


# ---------------------------------------------------------------- links between concepts
