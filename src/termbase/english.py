"""English word forms, for matching terms in running text and for look-up keys."""

from __future__ import annotations


def singular(word: str) -> str:
    """A small plural and possessive rule (no stemmer: 'developed' must not become 'develop')."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) <= 3 or not word.isalpha() or word.isupper():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
