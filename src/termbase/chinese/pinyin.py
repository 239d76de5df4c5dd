"""Pinyin: reading, checking and suggesting it. The only module that imports pypinyin.

Term-base pinyin follows GB/T 16159-2012: the syllables of a word are written together, an
apostrophe comes before a syllable that starts with a, o or e inside a word (Bó'áo), proper
nouns are capitalised, tones are marked on the vowels. pypinyin supplies the readings of each
character; it is a source of suggestions, not the authority.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from termbase.catalog import finding
from termbase.finding import Finding
from termbase.langtags import is_chinese
from termbase.model import Concept, Term, TermBase

_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
# Characters read as one syllable: ideographs, radicals, 〇 and the Suzhou numerals, ○ as zero,
# and □, which dictionaries write for a character that has no code point.
_HAN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u25a1\u25cb]"
)
_LITERAL = re.compile(r"[0-9]+|[A-Za-z]+")
_ERHUA = frozenset("儿兒")
_SEPARATORS = re.compile(r"[\s\-'’‘·,，、;；:：()（）“”\"!?！？.。]+")
_TONE_NUMBERS = re.compile(r"(?:[a-zü:]+[1-5])+", re.IGNORECASE)


@lru_cache(maxsize=8192)
def split_tone(syllable: str) -> tuple[str, int]:
    """'xiǎo' -> ('xiao', 3); 'lǜ' -> ('lü', 4); 'de' -> ('de', 0)."""
    tone = 0
    chars = []
    for ch in unicodedata.normalize("NFD", syllable.lower()):
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        else:
            chars.append(ch)
    return unicodedata.normalize("NFC", "".join(chars)), tone


@cache
def _readings_table() -> dict[int, str]:
    """pypinyin's table of every reading of every character (code point -> "a,b,c").

    The table is read from pypinyin's own JSON file: importing the `pypinyin` package would also
    load its 47,000-phrase dictionary (about 0.2 s), which checking readings does not need.
    """
    import importlib.util
    import json
    from pathlib import Path

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        raise RuntimeError("pypinyin is not installed")
    raw = json.loads((Path(spec.origin).parent / "pinyin_dict.json").read_bytes())
    return {int(k): v for k, v in raw.items()}


def readings(char: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for one character, tone-marked; () if it knows none."""
    value = _readings_table().get(ord(char))
    return tuple(value.split(",")) if value else ()


@lru_cache(maxsize=32768)
def _spelled(char: str) -> frozenset[tuple[str, int]]:
    return frozenset(split_tone(r) for r in readings(char))


@cache
def syllables() -> frozenset[str]:
    """Every toneless syllable that some character is read as."""
    spelled = {r for value in set(_readings_table().values()) for r in value.split(",")}
    return frozenset(split_tone(r)[0] for r in spelled)


@lru_cache(maxsize=65536)
def segment(word: str) -> tuple[str, ...] | None:
    """Split one toneless written word into syllables, or None if it cannot be split.

    Inside a word a syllable never starts with a, o or e (GB/T 16159 puts an apostrophe there),
    which settles the -n/-ng question: 'fangan' is fan-gan, and fāng'àn needs its apostrophe.
    """
    valid = syllables()

    def walk(i: int) -> tuple[str, ...] | None:
        if i == len(word):
            return ()
        for j in range(min(len(word), i + 7), i, -1):
            piece = word[i:j]
            # An erhua syllable adds r (wánr, for 玩儿); 'er' itself is a syllable.
            if piece not in valid and not (
                len(piece) > 2 and piece[-1] == "r" and piece[:-1] in valid
            ):
                continue
            if j < len(word) and word[j] in "aoeê":
                continue
            rest = walk(j)
            if rest is not None:
                return (piece, *rest)
        return None

    return walk(0)


@dataclass(frozen=True, slots=True)
class Token:
    """One unit of written pinyin: a syllable (with its tone) or a literal such as 2024 or G20."""

    text: str
    base: str
    tone: int
    literal: bool = False
    erhua: bool = False


class PinyinError(ValueError):
    """Pinyin that cannot be read as syllables; the message says where."""


@lru_cache(maxsize=65536)
def parse(pinyin: str, literals: frozenset[str] = frozenset()) -> tuple[Token, ...]:
    """Written pinyin as tokens. Raises PinyinError for something that is not pinyin.

    `literals` are the Latin or digit runs of the term itself (G20, 2024), written as they are.
    """
    tokens: list[Token] = []
    text = unicodedata.normalize("NFC", pinyin)
    for chunk in _SEPARATORS.split(text):
        if not chunk:
            continue
        if chunk.casefold() in literals or chunk.isdigit():
            tokens.append(Token(chunk, chunk.casefold(), 0, literal=True))
            continue
        if _TONE_NUMBERS.fullmatch(chunk):
            raise PinyinError(f"tone numbers in {chunk!r}; write tone marks (xiǎo, not xiao3)")
        for lit in _split_digits(chunk):
            if lit.casefold() in literals:
                tokens.append(Token(lit, lit.casefold(), 0, literal=True))
                continue
            base, _ = split_tone(lit)
            if "v" in base or "u:" in base:
                raise PinyinError(f"{lit!r}: write ü, not v or u:")
            parts = segment(base)
            if parts is None:
                raise PinyinError(f"{lit!r} is not made of pinyin syllables")
            tokens.extend(_with_tones(lit, parts))
    return tuple(tokens)


def _split_digits(chunk: str) -> list[str]:
    """Separate a digit run glued to pinyin (2024nián) from the syllables."""
    pieces = re.split(r"([0-9]+)", chunk)
    return [p for p in pieces if p]


def _with_tones(written: str, parts: tuple[str, ...]) -> Iterator[Token]:
    """Cut the written (tone-marked) word where the toneless split says."""
    nfd = unicodedata.normalize("NFD", written)
    valid = syllables()
    i = 0
    for part in parts:
        need = len(unicodedata.normalize("NFD", part))
        taken = 0
        start = i
        tone = 0
        while i < len(nfd) and taken < need:
            if nfd[i] in _TONE_MARKS:
                tone = _TONE_MARKS[nfd[i]]
            else:
                taken += 1
            i += 1
        while i < len(nfd) and nfd[i] in _TONE_MARKS:
            tone = _TONE_MARKS[nfd[i]]
            i += 1
        erhua = part not in valid
        yield Token(
            unicodedata.normalize("NFC", nfd[start:i]),
            part[:-1] if erhua else part,
            tone,
            erhua=erhua,
        )


def _expected(text: str) -> list[str]:
    """The term as units pinyin must cover: each Han character, each run of digits or letters."""
    units: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if _HAN.match(ch):
            units.append(ch)
            i += 1
            continue
        m = _LITERAL.match(text, i)
        if m:
            units.append(m.group())
            i = m.end()
            continue
        i += 1
    return units


def _align(units: list[str], tokens: tuple[Token, ...]) -> list[tuple[str, Token]] | None:
    """Pair each character with its syllable, or None when the pinyin does not fit the term.

    Latin letters and digits may be written as they are (G20, 2024); digits may also be read,
    one syllable each (996 jiǔjiǔliù). An erhua syllable (wánr) covers its character and 儿.
    """
    pairs: list[tuple[str, Token]] = []
    i = k = 0
    while k < len(units):
        unit = units[k]
        k += 1
        nxt = tokens[i] if i < len(tokens) else None
        if _HAN.match(unit):
            if nxt is None or nxt.literal:
                return None
            pairs.append((unit, nxt))
            i += 1
            if nxt.erhua and k < len(units) and units[k] in _ERHUA:
                k += 1
        elif nxt is not None and nxt.literal and nxt.base == unit.casefold():
            i += 1
        elif unit.isdigit():
            if i + len(unit) > len(tokens) or any(t.literal for t in tokens[i : i + len(unit)]):
                return None
            i += len(unit)
        else:
            return None
    return pairs if i == len(tokens) else None


def suggest(text: str) -> str:
    """pypinyin's reading, one syllable per character, from the Simplified form."""
    from pypinyin import Style, lazy_pinyin

    from termbase.chinese import script

    simplified = script.converter("t2s")(text)
    return " ".join(lazy_pinyin(simplified, style=Style.TONE, errors="default"))


def check(tb: TermBase) -> Iterator[Finding]:
    """TB311-TB314: pinyin that does not fit its characters."""
    for c in tb.concepts:
        for t in c.terms:
            if t.pinyin is not None and is_chinese(t.lang):
                yield from check_term(c, t)


def check_term(c: Concept, t: Term) -> Iterator[Finding]:
    assert t.pinyin is not None
    line = t.line or c.line
    units = _expected(t.text)
    literals = frozenset(u.casefold() for u in units if not _HAN.match(u))
    try:
        tokens = parse(t.pinyin, literals)
    except PinyinError as e:
        yield finding(
            "TB314",
            c.path,
            line,
            f"pinyin {t.pinyin!r}: {e}",
            concept=c.id,
            hint=f"pypinyin reads {t.text} as {suggest(t.text)}",
        )
        return
    pairs = _align(units, tokens)
    if pairs is None:
        syl = sum(1 for tok in tokens if not tok.literal)
        chars = sum(1 if _HAN.match(u) else len(u) for u in units if u.isdigit() or _HAN.match(u))
        yield finding(
            "TB311",
            c.path,
            line,
            f"pinyin {t.pinyin!r} has {syl} syllables for the {chars} characters of {t.text!r}",
            concept=c.id,
            hint=f"pypinyin reads {t.text} as {suggest(t.text)}",
        )
        return
    for ch, tok in pairs:
        spelled = _spelled(ch)
        if not spelled or (tok.base, tok.tone) in spelled:
            continue
        bases = {b for b, _ in spelled}
        shown = "/".join(readings(ch))
        if tok.base in bases:
            if tok.tone == 0:
                continue  # a neutral tone, as in 东西 dōngxi
            yield finding(
                "TB313",
                c.path,
                line,
                f"pinyin {tok.text!r} for {ch} in {t.text!r} has a tone {ch} does not have "
                f"({shown})",
                concept=c.id,
                hint="check the tone",
            )
        else:
            yield finding(
                "TB312",
                c.path,
                line,
                f"pinyin {tok.text!r} is not a reading of {ch} in {t.text!r} ({shown})",
                concept=c.id,
                hint=f"pypinyin reads {t.text} as {suggest(t.text)}",
            )


# ---------------------------------------------------------------- running text to pinyin


class Style(StrEnum):
    MARKS = "marks"  # xiǎoyuàn
    NUMBERS = "numbers"  # xiao3yuan4
    NONE = "none"  # xiaoyuan
    INITIALS = "initials"  # xy


def overrides() -> dict[str, str]:
    """The project's table of readings pypinyin gets wrong: phrase -> syllables."""
    import tomllib
    from importlib import resources

    text = resources.files("termbase").joinpath("data/pinyin_overrides.toml").read_text("utf-8")
    return tomllib.loads(text)


def dictionary_readings() -> dict[str, str]:
    """CC-CEDICT's readings of the common words pypinyin's phrase dictionary lacks and would
    read otherwise, character by character (data/cedict/readings.tsv, made by
    benchmarks/make_readings.py: 中微子 zhōng wēi zǐ, 调酒 tiáo jiǔ): word -> syllables."""
    from importlib import resources

    text = resources.files("termbase").joinpath("data/cedict/readings.tsv").read_text("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


@cache
def _pypinyin_ready() -> None:
    """Import pypinyin and teach it CC-CEDICT's readings of the words its phrase dictionary
    lacks, then the override table, which wins (once per process)."""
    from pypinyin import load_phrases_dict
    from pypinyin.constants import PHRASES_DICT

    cedict = {k: v for k, v in dictionary_readings().items() if k not in PHRASES_DICT}
    load_phrases_dict({k: [[s] for s in v.split()] for k, v in {**cedict, **overrides()}.items()})


def syllables_of(text: str) -> list[str]:
    """pypinyin's reading of `text`, one tone-marked syllable per character; other characters
    are kept as they are. Traditional text is read through its Simplified form."""
    return list(_syllables(text))


@lru_cache(maxsize=1 << 16)
def _syllables(text: str) -> tuple[str, ...]:
    """`syllables_of`, remembered: running text repeats its words (half the time of `termbase
    pinyin` on a megabyte was pypinyin reading the same words again)."""
    from pypinyin import Style as PStyle
    from pypinyin import lazy_pinyin

    from termbase.chinese import script

    _pypinyin_ready()
    return tuple(
        str(s)
        for s in lazy_pinyin(
            script.simplify_characters(text), style=PStyle.TONE, errors=_each_character
        )
    )


def _each_character(text: str) -> Any:
    """For pypinyin: keep characters it has no reading for, one item each."""
    return list(text)


def pypinyin_alone(word: str) -> list[str]:
    """pypinyin's own reading of `word`, tone-marked, with none of termbase's tables: for the
    scripts that make those tables, in a process that has read no running text yet."""
    from pypinyin import Style as PStyle
    from pypinyin import lazy_pinyin

    return [str(s) for s in lazy_pinyin(word, style=PStyle.TONE)]


def is_phrase(word: str) -> bool:
    """Whether pypinyin's phrase dictionary (of words with their readings) has `word`."""
    return word in _phrases()


@cache
def _phrases() -> dict[str, Any]:
    """pypinyin's phrase dictionary, imported once (`is_phrase` is asked of every word)."""
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


@lru_cache(maxsize=4096)
def from_numbers(syllable: str) -> str:
    """A syllable with a tone number as written with its mark (Qing1 -> Qīng, lu:4 -> lǜ)."""
    from pypinyin.contrib.tone_convert import to_tone

    written: str = to_tone(syllable.replace("u:", "v").replace("U:", "V").lower())
    return written[:1].upper() + written[1:] if syllable[:1].isupper() else written


def join_word(syllables: Sequence[str]) -> str:
    """GB/T 16159: the syllables of one word written together, with an apostrophe before a
    syllable that starts with a, o or e."""
    out = ""
    for s in syllables:
        if out and s[:1].lower() in "aoeāáǎàōóǒòēéěè":
            out += "'"
        out += s
    return out


def restyle(written: str, style: Style) -> str:
    """GB/T pinyin (tone marks) in another style, keeping word boundaries."""
    if style is Style.MARKS:
        return written
    words = []
    for word in written.split(" "):
        try:
            tokens = parse(word)
        except PinyinError:
            words.append(word)
            continue
        if style is Style.INITIALS:
            words.append("".join(t.base[:1] for t in tokens if not t.literal) or word)
            continue
        parts = []
        for t in tokens:
            base = split_tone(t.text)[0] if not t.literal else t.text
            if t.text[:1].isupper():
                base = base[:1].upper() + base[1:]
            parts.append(base + (str(t.tone) if style is Style.NUMBERS and t.tone else ""))
            if t.erhua:
                parts[-1] += "r"
        joined = "".join(parts) if style is Style.NUMBERS else join_word(parts)
        words.append(joined)
    sep = "" if style is Style.INITIALS else " "
    return sep.join(words)


def heteronyms(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each character of `text` with more than one reading, and its readings."""
    from termbase.chinese import script

    seen: dict[str, tuple[str, ...]] = {}
    for ch in script.simplify_characters(text):
        if ch not in seen and _HAN.match(ch):
            r = readings(ch)
            if len(r) > 1:
                seen[ch] = r
    return list(seen.items())


def term_readings(tb: TermBase) -> dict[str, str]:
    """Simplified term text -> the term base's pinyin for it (preferred terms first)."""
    out: dict[str, str] = {}
    for c in tb.concepts:
        for t in sorted(c.terms, key=lambda t: t.status.rank):
            if t.pinyin and t.lang in ("zh-Hans", "zh", "zh-CN", "zh-SG"):
                out.setdefault(t.text, t.pinyin)
    return out
