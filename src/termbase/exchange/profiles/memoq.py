"""memoQ term base CSV: UTF-8 with a BOM, a header row memoQ maps by name, one row per concept
and language pair, with the forbidden flag (memoQ's own model has forbidden terms). Language
codes are memoQ's three-letter ones (zho-CN, zho-TW, eng). A spreadsheet opens this file, so
formula-like cells are escaped with a leading apostrophe rather than refused."""

from __future__ import annotations

from collections.abc import Iterator

from termbase.exchange.tabular import Languages, Profile, Row
from termbase.model import Status, TermBase

CODES = {
    "zh-Hans": "zho-CN",
    "zh-CN": "zho-CN",
    "zh-Hant": "zho-TW",
    "zh-TW": "zho-TW",
    "zh-HK": "zho-HK",
    "en": "eng",
    "en-GB": "eng-GB",
    "en-US": "eng-US",
}


def _code(lang: str) -> str:
    return CODES.get(lang, lang)


def header(langs: Languages) -> Row:
    s, t = _code(langs.source), _code(langs.target)
    return [s, f"{s}_Forbidden", t, f"{t}_Forbidden", "Entry_Subject", "Entry_Note"]


def rows(tb: TermBase, langs: Languages) -> Iterator[tuple[str, Row]]:
    for c in tb.concepts:
        sources = [t for t in c.terms if t.lang == langs.source]
        targets = [t for t in c.terms if t.lang == langs.target]
        if not sources or not targets:
            continue
        src = next((t for t in sources if t.status is Status.PREFERRED), sources[0])
        for tgt in targets:
            forbidden = "Yes" if tgt.status in (Status.FORBIDDEN, Status.DEPRECATED) else "No"
            yield (
                c.id,
                [
                    src.text,
                    "No",
                    tgt.text,
                    forbidden,
                    c.subject or "",
                    c.definition.get("en", ""),
                ],
            )


PROFILE = Profile("memoq", ",", rows, header=header, bom=True, machine_bound=False)
