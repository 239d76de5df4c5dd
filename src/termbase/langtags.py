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


# ISO 639-2/3 codes that tools write for languages BCP 47 tags with two letters (XLIFF from
# some CAT tools says "eng", "zho-CN"); BCP 47 uses the shortest code.
_ISO639_3 = {
    "ara": "ar", "chi": "zh", "zho": "zh", "deu": "de", "ger": "de", "eng": "en", "fra": "fr",
    "fre": "fr", "spa": "es", "ita": "it", "jpn": "ja", "kor": "ko", "por": "pt", "rus": "ru",
    "nld": "nl", "dut": "nl", "pol": "pl", "tur": "tr", "vie": "vi", "tha": "th", "ind": "id",
    "msa": "ms", "may": "ms", "hin": "hi", "swe": "sv", "ukr": "uk", "ces": "cs", "cze": "cs",
    "ell": "el", "gre": "el", "heb": "he", "fas": "fa", "per": "fa", "dan": "da", "fin": "fi",
    "nor": "no", "hun": "hu", "ron": "ro", "rum": "ro",
}  # fmt: skip
# Language names written where a tag belongs: named in the error, never taken silently.
_NAMES = {
    "english": "en", "chinese": "zh-Hans", "mandarin": "zh-Hans", "french": "fr",
    "german": "de", "spanish": "es", "japanese": "ja", "korean": "ko", "russian": "ru",
    "portuguese": "pt", "italian": "it", "arabic": "ar", "cantonese": "zh-HK",
}  # fmt: skip


@lru_cache(maxsize=4096)
def normalize_tag(tag: str) -> str | None:
    """A language tag as tools write it, as BCP 47 writes it: `en_US` -> en-US, `ENG` -> en,
    `zho-CN` -> zh-CN, `zh-hant` -> zh-Hant. None for what is not a tag ("english", "a b", a
    primary subtag of 4 to 8 letters, which no registered language has)."""
    tag = tag.strip().replace("_", "-")
    found = canonical_tag(tag)
    if found is None:
        return None
    primary, _, rest = found.partition("-")
    if len(primary) > 3:
        return None
    primary = _ISO639_3.get(primary, primary)
    return f"{primary}-{rest}" if rest else primary


def not_a_tag(tag: str) -> str:
    """Why `tag` is not a language tag, with the tag meant where it is a language's name."""
    meant = _NAMES.get(tag.strip().lower())
    hint = f"; did you mean {meant}?" if meant else " (BCP 47: en, en-US, zh-Hans, zh-TW)"
    return f"{tag!r} is not a language tag{hint}"


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
