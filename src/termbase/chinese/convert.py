"""Term-aware script conversion: OpenCC, the correction table, and the term base's own forms.

Where a text contains a term of the term base, the term base's form in the target script wins
over OpenCC's general conversion; where OpenCC's 2022 dictionaries are known to be wrong, the
correction table (`data/corrections.toml`) wins. Everything else is exactly what
opencc-python-reimplemented gives.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO

from termbase.chinese.corrections import Correction, corrections, guess_region
from termbase.errors import TermbaseError
from termbase.langtags import is_simplified, is_traditional
from termbase.model import Term, TermBase

Target = StrEnum(
    "Target",
    [("ZH_HANT", "zh-Hant"), ("ZH_TW", "zh-TW"), ("ZH_HK", "zh-HK"), ("ZH_HANS", "zh-Hans")],
)
# The OpenCC configuration for each target. zh-TW uses Taiwan phrases (软件 -> 軟體).
CONFIG_FOR_TARGET = dict(zip(Target, ("s2t", "s2twp", "s2hkp", "t2s"), strict=True))
# The configuration that writes each region's script, and the one that reads it back
WRITER_OF_REGION = {"zh-TW": "s2twp", "zh-HK": "s2hkp"}
READER_OF_REGION = {"zh-TW": "tw2sp", "zh-HK": "hk2sp", "zh-Hant": "t2s"}
_REGION_OF_READER = {"tw2sp": "zh-TW", "hk2sp": "zh-HK"}
# The configuration without the region's phrases, for titles (《數據安全法》 stays 數據)
_WITHOUT_PHRASES = {"s2twp": "s2tw", "s2hkp": "s2hk"}
_TITLE = re.compile(r"(《[^《》\n]{1,80}》)")
# The script a configuration writes.
TARGET_OF_CONFIG = {
    "s2t": Target.ZH_HANT,
    "t2tw": Target.ZH_TW,
    "s2tw": Target.ZH_TW,
    "s2twp": Target.ZH_TW,
    "t2hk": Target.ZH_HK,
    "s2hk": Target.ZH_HK,
    "s2hkp": Target.ZH_HK,
    "t2s": Target.ZH_HANS,
    "hk2sp": Target.ZH_HANS,
    "tw2s": Target.ZH_HANS,
    "tw2sp": Target.ZH_HANS,
    "hk2s": Target.ZH_HANS,
}


@dataclass(frozen=True, slots=True)
class Override:
    """A source string and what it must become, with where that rule comes from."""

    source: str
    target: str
    origin: str  # a concept id, "correction" or "regional"


def term_overrides(tb: TermBase, target: Target) -> list[Override]:
    """The term base's own forms: each source-script term and its counterpart in `target`.

    Terms are paired by status and order within the concept (the preferred zh-Hans term with
    the preferred zh-TW term, and so on). zh-TW and zh-HK fall back to zh-Hant where the concept
    has no regional term. Ambiguous sources (two concepts, two answers) are left to OpenCC.
    """
    found: dict[str, Override] = {}
    ambiguous: set[str] = set()
    for c in tb.concepts:
        if target is Target.ZH_HANS:
            sources = [t for t in c.terms if is_traditional(t.lang)]
            targets = [t for t in c.terms if is_simplified(t.lang)]
        else:
            sources = [t for t in c.terms if is_simplified(t.lang)]
            targets = [t for t in c.terms if t.lang == target.value]
            if not targets and target is not Target.ZH_HANT:
                targets = [t for t in c.terms if t.lang == Target.ZH_HANT.value]
        for src in sources:
            # Paired within the source's own language: zh-TW 人工智慧 with the zh-Hans term as
            # zh-Hant 人工智能 is, not as the second Traditional term of the concept.
            dst = _counterpart(src, [t for t in sources if t.lang == src.lang], targets)
            if dst is None:
                continue  # an identical form still counts: it keeps OpenCC's hands off
            prior = found.get(src.text)
            if prior is not None and prior.target != dst.text:
                ambiguous.add(src.text)
            found.setdefault(src.text, Override(src.text, dst.text, c.id))
    return [o for key, o in found.items() if key not in ambiguous]


def _counterpart(term: Term, sources: list[Term], targets: list[Term]) -> Term | None:
    """The target term with the same status that writes the same words: each target belongs
    to the source term whose characters, simplified, are closest to its own (人工智慧 to
    人工智能; 國際人工智慧治理機構 to 国际人工智能治理机构, not to 国际治理机构); a source term
    that owns none is left to OpenCC."""
    import difflib

    from termbase.chinese import script

    same = [t for t in targets if t.status is term.status]
    rivals = [t for t in sources if t.status is term.status]
    if rivals == [term] and len(same) <= 1:
        return same[0] if same else None  # nothing to compare: most concepts, each load

    def closeness(a: Term, b: Term) -> float:
        plain = script.simplify_characters
        return difflib.SequenceMatcher(None, plain(a.text), plain(b.text)).ratio()

    def owner(target: Term) -> Term:
        return max(rivals, key=lambda s: closeness(s, target))  # the first of equals

    mine = [t for t in same if owner(t) is term]
    return max(mine, key=lambda t: closeness(term, t)) if mine else None


_DOUBLE = re.compile("“([^“”]*)”")
_SINGLE = re.compile("‘([^‘’]*)’")
_HAN_CHAR = re.compile("[\u3400-\u9fff\U00020000-\U0003134f]")


def corner_quotes(text: str) -> str:
    """“人工智慧” -> 「人工智慧」, ‘…’ -> 『…』: pairs on one line whose content has Han characters
    (an English “quote” or an apostrophe stays)."""

    def swap(open_: str, close: str) -> Callable[[re.Match[str]], str]:
        def one(m: re.Match[str]) -> str:
            inner = m.group(1)
            return open_ + inner + close if _HAN_CHAR.search(inner) else m.group(0)

        return one

    return _SINGLE.sub(swap("『", "』"), _DOUBLE.sub(swap("「", "」"), text))


_MAINLAND_QUOTES = str.maketrans("「」『』", "“”‘’")


def mainland_quotes(text: str) -> str:
    """「」 -> “”, 『』 -> ‘’: the marks of GB/T 15834 for text written across the line."""
    return text.translate(_MAINLAND_QUOTES)


class TermAwareConverter:
    """Converts text for one OpenCC configuration, with the term base's forms and corrections."""

    def __init__(
        self,
        config: str,
        termbase: TermBase | None = None,
        *,
        use_corrections: bool = True,
        quotes: bool = True,
        common_forms: bool = True,
    ) -> None:
        """`quotes`: for zh-TW and zh-HK, “” and ‘’ around Chinese text become 「」 and 『』, the
        marks readers there use. `common_forms`: for zh-Hant (s2t), the characters in common use
        in Taiwan and Hong Kong (為, 峰, 審核, 群) instead of OpenCC's standard forms (爲, 峯,
        審覈, 羣); the term base's own forms are never changed."""
        from termbase.chinese import script

        self.config = config
        self._quotes = quotes and TARGET_OF_CONFIG.get(config) in (Target.ZH_TW, Target.ZH_HK)
        self._mainland_quotes = quotes and TARGET_OF_CONFIG.get(config) is Target.ZH_HANS
        overrides: dict[str, Override] = {}
        if use_corrections:
            # the dependency's conversion of the context strings, by our engine (identical to
            # the dependency, a test says; the dependency's own takes 0.1 s to start)
            plain = script.Converter(config).plain
            region = _REGION_OF_READER.get(config)
            write = script.Converter(WRITER_OF_REGION[region]).plain if region else plain
            for row in corrections(config, write):
                for source, _, right in row.phrases(plain):
                    overrides[source] = Override(source, right, row.origin)
        if termbase is not None:
            target = TARGET_OF_CONFIG[config]
            for o in term_overrides(termbase, target):
                overrides[o.source] = o  # the term base wins over the correction table
        self.overrides = overrides
        after = script.common_forms() if common_forms and config == "s2t" else None
        self._converter = script.Converter(
            config, {k: o.target for k, o in overrides.items()}, after=after
        )
        # a 《title》 names a work as its author wrote it: its characters, not the region's words
        # (that converter is built when a title first comes)
        self._title_options = (termbase, use_corrections)
        self._titles: TermAwareConverter | None = None

    def convert(self, text: str) -> str:
        out = self._converter.convert(text)
        base = _WITHOUT_PHRASES.get(self.config)
        if base and "《" in text:
            if self._titles is None:
                termbase, use_corrections = self._title_options
                self._titles = TermAwareConverter(
                    base, termbase, use_corrections=use_corrections, quotes=False
                )
            # each title as the region would write it, then as its author did (the text around
            # it converted whole: 通过了《决定》 keeps its context)
            for title in dict.fromkeys(_TITLE.findall(text)):
                regional = self._converter.convert(title, count=False)
                own = self._titles.convert(title)
                if regional != own:
                    out = out.replace(regional, own)
        if self._mainland_quotes:
            return mainland_quotes(out)
        return corner_quotes(out) if self._quotes and ("“" in out or "‘" in out) else out

    def applied(self) -> list[tuple[Override, int]]:
        """The overrides used so far, with how often, most used first."""
        counts = dict(self._converter.applied)
        found = {k: (self.overrides[k], n) for k, n in counts.items()}
        for o, n in self._titles.applied() if self._titles else ():
            found[o.source] = (o, found.get(o.source, (o, 0))[1] + n)
        return sorted(found.values(), key=lambda p: (-p[1], p[0].source))


class Simplifier:
    """Traditional to Simplified for text whose region is not given: each piece of text with
    the Taiwan (tw2sp) or Hong Kong (hk2sp) phrase tables reversed, as `guess_region` reads it;
    `pinned` keeps one choice for a whole file read in segments."""

    def __init__(self, termbase: TermBase | None = None, **options: bool) -> None:
        self._termbase = termbase
        self._options = options
        self._made: dict[str, TermAwareConverter] = {}
        self.config = "t2s"  # the script it writes, for callers that ask (target_language)

    def for_region(self, region: str) -> TermAwareConverter:
        if region not in self._made:
            config = READER_OF_REGION[region]
            self._made[region] = TermAwareConverter(config, self._termbase, **self._options)
        return self._made[region]

    def pinned(self, sample: str) -> TermAwareConverter:
        return self.for_region(guess_region(sample))

    def convert(self, text: str) -> str:
        return self.pinned(text).convert(text)

    @property
    def overrides(self) -> dict[str, Override]:
        return {k: o for c in self._made.values() for k, o in c.overrides.items()}

    def applied(self) -> list[tuple[Override, int]]:
        return sorted(
            (p for c in self._made.values() for p in c.applied()),
            key=lambda p: (-p[1], p[0].source),
        )


# ---------------------------------------------------------------- reading and writing text

CHUNK = 1 << 20


def iter_text(stream: IO[bytes], name: str, encoding: str = "utf-8") -> Iterator[str]:
    """Decoded text in pieces of about a megabyte that end at a line break.

    A byte sequence that is not valid in `encoding` raises a `TermbaseError` naming the file
    and the byte offset.
    """
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    pending = ""
    while True:
        raw = stream.read(CHUNK)
        try:
            text = decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as e:
            at = offset + e.start
            bad = e.object[e.start : e.start + 1].hex()
            raise TermbaseError(
                f"{name}: not valid {encoding} at byte {at} (0x{bad}); "
                "convert the file to UTF-8 or pass --encoding"
            ) from e
        offset += len(raw)
        text = pending + text
        if not raw:
            if text:
                yield text
            return
        cut = text.rfind("\n") + 1
        if cut:
            yield text[:cut]
            pending = text[cut:]
        else:
            pending = text


def convert_stream(
    source: IO[bytes],
    sink: Callable[[str], object],
    convert: Callable[[str], str],
    name: str,
    encoding: str = "utf-8",
) -> None:
    """Convert a text stream piece by piece; memory stays flat whatever its size."""
    for piece in iter_text(source, name, encoding):
        sink(convert(piece))


# ---------------------------------------------------------------- structured files


class Format(StrEnum):
    TEXT = "text"
    PO = "po"
    XLIFF = "xliff"
    JSON = "json"


def detect_format(path: Path | None) -> Format:
    if path is None:
        return Format.TEXT
    suffix = path.suffix.lower()
    if suffix in (".po", ".pot"):
        return Format.PO
    if suffix in (".xlf", ".xliff", ".sdlxliff", ".mqxliff"):
        return Format.XLIFF
    if suffix == ".json":
        return Format.JSON
    return Format.TEXT


# Placeholders and markup that are never converted: {0} {name} %s %(x)s %1$s <tags> &entities;
_PROTECTED = re.compile(
    r"\{[^{}\n]*\}|%(?:\([^)\n]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z@]|%\d+\$[a-zA-Z]"
    r"|<[^<>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
)


def convert_protected(text: str, convert: Callable[[str], str]) -> str:
    """Convert `text` except inside placeholders, tags and entities."""
    out: list[str] = []
    pos = 0
    for m in _PROTECTED.finditer(text):
        out.append(convert(text[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(convert(text[pos:]))
    return "".join(out)


_PO_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_PO_KEYWORD = re.compile(r"^(msgstr(?:\[\d+\])?|msgid|msgid_plural|msgctxt)\s")


def convert_po(text: str, convert: Callable[[str], str], language: str | None) -> str:
    """Convert the translations (msgstr) of a PO file; ids, contexts and comments stay.

    The header's Language field is set to `language`.
    """
    blocks = re.split(r"(\n[ \t]*\n)", text)
    return "".join(
        part if n % 2 else _convert_po_entry(part, convert, language)
        for n, part in enumerate(blocks)
    )


def _convert_po_entry(block: str, convert: Callable[[str], str], language: str | None) -> str:
    lines = block.splitlines(keepends=True)
    field = ""
    fields: dict[str, str] = {}
    owner: list[str] = []
    for line in lines:
        stripped = line.lstrip()
        m = _PO_KEYWORD.match(stripped)
        if m:
            field = m.group(1)
        elif not stripped.startswith('"'):
            field = ""
        owner.append(field)
        if field:
            fields[field] = fields.get(field, "") + "".join(_PO_STRING.findall(line))
    header = "msgid" in fields and fields["msgid"] == "" and "msgctxt" not in fields
    out: list[str] = []
    for line, field in zip(lines, owner, strict=True):
        new = line
        if field.startswith("msgstr"):
            if not header:
                new = _PO_STRING.sub(
                    lambda s: '"' + convert_protected(s.group(1), convert) + '"', line
                )
            elif language and "Language:" in line:
                new = re.sub(r"Language: [^\\\"]*", f"Language: {_po_language(language)}", line)
        out.append(new)
    return "".join(out)


def _po_language(tag: str) -> str:
    return {"zh-Hans": "zh_CN", "zh-Hant": "zh_TW", "zh-TW": "zh_TW", "zh-HK": "zh_HK"}.get(
        tag, tag.replace("-", "_")
    )


_XLIFF_TARGET = re.compile(r"(<target(?:\s[^>]*)?(?<!/)>)(.*?)(</target>)", re.S)  # not <target/>
_XLIFF_LANG = re.compile(r'\b(target-language|trgLang)="[^"]*"')


def convert_xliff(text: str, convert: Callable[[str], str], language: str | None) -> str:
    """Convert the text of every <target> in an XLIFF 1.2 or 2.0 file, not its tags or attributes.

    The file's target language attribute is set to `language`; every other byte stays.
    """
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise TermbaseError("XLIFF with a DOCTYPE or entity declarations is not accepted")

    def target(m: re.Match[str]) -> str:
        return m.group(1) + convert_protected(m.group(2), convert) + m.group(3)

    out = _XLIFF_TARGET.sub(target, text)
    if language:
        out = _XLIFF_LANG.sub(lambda m: f'{m.group(1)}="{language}"', out, count=1)
    return out


_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"(\s*:)?')


def convert_json(text: str, convert: Callable[[str], str]) -> str:
    """Convert the string values of a JSON file (i18n messages), never its keys.

    The file must be valid JSON; its layout is kept byte for byte.
    """
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        raise TermbaseError(f"line {e.lineno}, column {e.colno}: invalid JSON: {e.msg}") from e

    def value(m: re.Match[str]) -> str:
        if m.group(2):  # a key
            return m.group(0)
        return '"' + convert_protected(m.group(1), convert) + '"'

    return _JSON_STRING.sub(value, text)


def convert_structured(
    text: str, fmt: Format, convert: Callable[[str], str], language: str | None
) -> str:
    if fmt is Format.PO:
        return convert_po(text, convert, language)
    if fmt is Format.XLIFF:
        return convert_xliff(text, convert, language)
    if fmt is Format.JSON:
        return convert_json(text, convert)
    return convert(text)


def report_lines(applied: Iterable[tuple[Override, int]]) -> list[str]:
    return [f"{o.source} -> {o.target}  ({o.origin}) x{n}" for o, n in applied]


def report_json(applied: Iterable[tuple[Override, int]]) -> str:
    rows = [
        {"source": o.source, "target": o.target, "origin": o.origin, "count": n} for o, n in applied
    ]
    return json.dumps(rows, ensure_ascii=False)


def target_language(config: str) -> str:
    return TARGET_OF_CONFIG[config].value


def config_for(target: Target | None, config: str | None) -> str:
    if config:
        return config
    return CONFIG_FOR_TARGET[target or Target.ZH_HANT]


__all__ = [
    "CONFIG_FOR_TARGET",
    "Correction",
    "Format",
    "Override",
    "Target",
    "TermAwareConverter",
    "convert_stream",
    "convert_structured",
    "corrections",
    "detect_format",
    "term_overrides",
]
