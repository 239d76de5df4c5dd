"""What the matchers share: a term to find (Pattern) and where it was found (Match, Hit), the
patterns of a matcher as columns (PatternTable), which language tags serve which text, and the
spans of text that never match (placeholders, tags, URLs, code)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

APPROVED = ("preferred", "admitted")  # the statuses of renderings to use

# Placeholders, tags, URLs, e-mail addresses and code spans: never part of a match.
PROTECTED = re.compile(
    r"\{[^{}\n]*\}"  # {0} {name} {AI for Good}
    r"|%(?:\([^)\n]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z@]"  # %s %d %(x)s
    r"|%\d+\$[a-zA-Z]"  # %1$s
    r"|\$\{[^}\n]*\}"  # ${var}
    r"|</?[A-Za-z][^<>\n]*>"  # <b>, </g>
    r"|https?://\S+|www\.\S+"  # URLs
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"  # e-mail addresses
    r"|`[^`\n]+`"  # code spans
    r"|\ufffc"  # an inline code removed by a reader
)
# A word, or U+FFFC: an inline code a reader removed, which breaks a match like any other word.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\ufffc", re.UNICODE)
_WIDE = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_WIDE[0x3000] = 0x20


def protected_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PROTECTED.finditer(text)]


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def term_texts(term: dict[str, Any]) -> list[tuple[str, bool, str]]:
    """What counts as a card's term in a text: (text, case-sensitive, why) for the term, each
    form it lists and, in English, the forms `termbase.english.surface_forms` adds (a verb
    phrase's other forms, an approved rendering without its article). `why` is "" for the term
    itself. An all-capitals acronym is case-sensitive unless the term says otherwise."""
    from termbase.english import is_acronym, surface_forms

    given = term.get("case_sensitive")

    def cased(text: str) -> bool:
        return is_acronym(text) if given is None else bool(given)

    out = [(term["text"], cased(term["text"]), "")]
    out += [(f, cased(f), "a form the term lists") for f in term.get("forms") or ()]
    if term["lang"].split("-")[0].lower() == "en":
        approved = term["status"] in APPROVED
        inflect = term.get("inflect") is not False
        seen = {t for t, _, _ in out}
        for text, _, _ in list(out):
            for form, why in surface_forms(text, approved=approved, inflect=inflect):
                if form not in seen:
                    seen.add(form)
                    out.append((form, cased(form), why))
    return out


class Pattern(NamedTuple):
    """One term (or one of its forms) to find, with what it belongs to."""

    concept: str
    lang: str
    text: str  # the term as written (for messages)
    status: str  # preferred, admitted, deprecated, forbidden
    not_in: tuple[str, ...] = ()
    case_sensitive: bool = False


class Match(NamedTuple):
    pattern: Pattern
    start: int  # offsets in the original text
    end: int

    @property
    def concept(self) -> str:
        return self.pattern.concept


Hit = tuple[int, int, int]  # (pattern number, start, end) in the original text


class PatternTable:
    """Patterns by number, kept as columns: quick to load from the cache, and the checks read
    the concept and status of a hit without making an object for it."""

    __slots__ = ("_made", "cased", "concepts", "langs", "not_in", "statuses", "texts")

    def __init__(
        self,
        concepts: list[str],
        langs: list[str],
        texts: list[str],
        statuses: list[str],
        not_in: dict[int, tuple[str, ...]],
        cased: set[int],
    ) -> None:
        self.concepts = concepts
        self.langs = langs
        self.texts = texts
        self.statuses = statuses
        self.not_in = not_in
        self.cased = cased
        self._made: dict[int, Pattern] = {}

    @classmethod
    def of(cls, patterns: Iterable[Pattern]) -> PatternTable:
        table = cls([], [], [], [], {}, set())
        for p in patterns:
            table.append(p)
        return table

    def append(self, p: Pattern) -> None:
        k = len(self.concepts)
        self.concepts.append(p.concept)
        # a handful of tags and statuses, each one object (marshal then saves one and refers
        # to it, and loading makes one string, not one a pattern)
        self.langs.append(sys.intern(p.lang))
        self.texts.append(p.text)
        self.statuses.append(sys.intern(p.status))
        if p.not_in:
            self.not_in[k] = p.not_in
        if p.case_sensitive:
            self.cased.add(k)

    def __len__(self) -> int:
        return len(self.concepts)

    def __getitem__(self, k: int) -> Pattern:
        p = self._made.get(k)
        if p is None:
            p = self._made[k] = Pattern(
                self.concepts[k],
                self.langs[k],
                self.texts[k],
                self.statuses[k],
                self.not_in.get(k, ()),
                k in self.cased,
            )
        return p

    def state(self) -> tuple[Any, ...]:
        return (self.concepts, self.langs, self.texts, self.statuses, self.not_in, self.cased)

    @classmethod
    def from_state(cls, state: tuple[Any, ...]) -> PatternTable:
        return cls(*state)

    @lru_cache(maxsize=64)  # noqa: B019 - a handful of tables live for the whole run
    def misfits(self, lang: str) -> frozenset[int]:
        """The patterns whose language does not serve text in `lang` (an en-GB term in en-US
        text); usually none, so that hits need no filtering."""
        bad = {tag for tag in set(self.langs) if not fits(tag, lang)}
        if not bad:
            return frozenset()
        return frozenset(k for k, tag in enumerate(self.langs) if tag in bad)


@lru_cache(maxsize=4096)
def tag_fits(term_lang: str, lang: str) -> bool:
    """Does a term in `term_lang` serve text in `lang`? en serves en-GB; zh-Hans serves zh-CN."""
    a, b = term_lang.lower(), lang.lower()
    if a == b or b.startswith(a + "-") or a.startswith(b + "-"):
        return True
    return _CHINESE_FAMILY.get(a) == _CHINESE_FAMILY.get(b) is not None


_CHINESE_FAMILY = {
    "zh-hans": "hans",
    "zh-cn": "hans",
    "zh-sg": "hans",
    "zh-my": "hans",
    "zh": "hans",
    "zh-hant": "hant",
    "zh-tw": "hant",
    "zh-hk": "hant",
    "zh-mo": "hant",
}


@lru_cache(maxsize=4096)
def fits(term_lang: str, lang: str) -> bool:
    """Chinese matching already folds scripts: any Chinese term counts in Chinese text."""
    if is_chinese_tag(lang):
        return is_chinese_tag(term_lang)
    return tag_fits(term_lang, lang)


@lru_cache(maxsize=256)
def is_chinese_tag(lang: str) -> bool:
    return lang.split("-", maxsplit=1)[0].lower() in ("zh", "cmn", "yue", "lzh")
