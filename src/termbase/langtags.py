"""Language tags of Chinese: which are Chinese, which Traditional, which Simplified."""

from __future__ import annotations

import re

CHINESE = re.compile(r"^(zh|cmn|yue|wuu|lzh)(-|$)", re.IGNORECASE)
_TRADITIONAL_TAGS = re.compile(r"^zh-(Hant|TW|HK|MO)\b")


def is_chinese(lang: str) -> bool:
    return bool(CHINESE.match(lang))


def is_traditional(lang: str) -> bool:
    return bool(_TRADITIONAL_TAGS.match(lang))


def is_simplified(lang: str) -> bool:
    return lang in ("zh", "zh-Hans", "zh-CN", "zh-SG", "zh-MY") or lang.startswith("zh-Hans-")


# ---------------------------------------------------------------- links between concepts
