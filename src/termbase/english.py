"""English word forms, for matching terms in running text and for look-up keys."""

from __future__ import annotations

from typing import Any


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


# Words that follow a verb that takes an object or a prepositional phrase: a term that starts
# with a verb and then one of these is a verb phrase (interfering in ..., building a ...), whose
# verb takes every form (interfere, interferes, interfered). A term whose second word is a noun
# (developing countries, shared future) is a noun phrase: its first word keeps its form.
_AFTER_VERB = frozenset(
    (
        *("in", "on", "with", "to", "the", "a", "an", "for", "against", "into", "from", "at"),
        *("by", "up", "out", "over", "about", "through", "toward", "towards", "between"),
        *("among", "our", "their", "its", "all", "other", "others", "each", "every", "his"),
        *("her", "your", "my"),
    )
)
ARTICLES = ("the", "a", "an")


def _lexicon() -> Any:
    """lemminflect (imported when a term first needs it: 0.1 s, and numpy)."""
    import lemminflect  # type: ignore[import-untyped]

    return lemminflect


def _inflections(word: str, upos: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's inflections of the first lemma of `word` as this part of speech, by
    Penn tag ({} when it has no such lemma)."""
    lemminflect = _lexicon()
    lemmas = lemminflect.getAllLemmas(word).get(upos)
    if not lemmas:
        return {}
    found: dict[str, tuple[str, ...]] = lemminflect.getAllInflections(lemmas[0], upos=upos)
    return found


def is_acronym(text: str) -> bool:
    """An all-capitals abbreviation (WHO, G20, BRICS, NGOs): matched case-sensitively unless
    the term says otherwise, so that WHO is not the word "who"."""
    bare = text[:-1] if text.endswith("s") else text
    return (
        len(bare) >= 2
        and bare.isascii()
        and bare.isalnum()
        and bare.isupper()
        and sum(c.isalpha() for c in bare) >= 2
    )


def without_article(text: str) -> str | None:
    """The text without a leading article (the Belt and Road Initiative -> Belt and Road
    Initiative), or None when it has none or is nothing else."""
    first, _, rest = text.partition(" ")
    if first.lower() in ARTICLES and rest.strip():
        return rest.strip()
    return None


def verb_forms(text: str) -> tuple[str, ...]:
    """The other forms of a verb phrase (interfering in X -> interfere in X, interferes in X,
    interfered in X), from lemminflect's lexicon; () for what is not a verb phrase."""
    first, _, rest = text.partition(" ")
    second = rest.split(" ", 1)[0].lower()
    if not rest or not first.isalpha() or not first.islower() or second not in _AFTER_VERB:
        return ()
    inflections = _inflections(first, "VERB")
    if first not in {w for forms in inflections.values() for w in forms}:
        return ()  # not a verb, or a spelling lemminflect only guessed
    found = dict.fromkeys(
        w for tag in ("VB", "VBZ", "VBD", "VBN", "VBG") for w in inflections.get(tag, ())
    )
    return tuple(f"{w} {rest}" for w in found if w != first)


def noun_forms(text: str) -> tuple[str, ...]:
    """The other number of a term whose last word is a noun with an irregular plural (child
    -> children, criteria -> criterion, analysis -> analyses), from lemminflect's lexicon;
    regular plurals need no form (every word is matched singular: `singular`)."""
    head, _, last = text.rpartition(" ")
    if not last.isalpha() or not last.islower() or len(last) < 3:
        return ()
    inflections = _inflections(last, "NOUN")
    words = {w for tag in ("NN", "NNS") for w in inflections.get(tag, ())}
    if last not in words:
        return ()  # not a noun, or a spelling lemminflect only guessed
    folded = singular(last)
    found = sorted(w for w in words if w != last and singular(w) != folded)
    return tuple(f"{head} {w}" if head else w for w in found)


def surface_forms(
    text: str, *, approved: bool, inflect: bool = True
) -> tuple[tuple[str, str], ...]:
    """The texts besides `text` that count as `text` in a translation, each with why: the
    other forms of a verb phrase and an irregular noun's other number (unless `inflect` is
    false), and for an approved rendering the
    text without its leading article (a banned rendering is never relaxed into a shorter one).
    Plurals and possessives need no form: every word is matched singular (`singular`)."""
    out: list[tuple[str, str]] = []
    if inflect:
        out += [(f, "verb form") for f in verb_forms(text)]
        out += [(f, "irregular plural or singular") for f in noun_forms(text)]
    if approved:
        bare = without_article(text)
        if bare is not None:
            out.append((bare, "without the article"))
    return tuple(out)
