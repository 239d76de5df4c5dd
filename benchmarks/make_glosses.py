"""Make termbase's table of English glosses (src/termbase/data/cedict/glosses.tsv) from
CC-CEDICT, for `termbase mine` (termbase.evolution.glosses).

Run: python benchmarks/make_glosses.py [../shared/data/cedict_ts.u8]

One row per Simplified headword of up to four characters (the segmenter's words): the word and
the stems of the English words its glosses use, function words aside. Glosses that only point
elsewhere are left out: classifiers (CL:), variants, "see ...", "abbr. for ...", surnames; so
are bracketed remarks and pinyin. CC-CEDICT is CC BY-SA 4.0: so is the table (NOTICE.md says so
beside it).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from make_names import ROOT, entries

from termbase.evolution.glosses import stem

LONGEST = 4
_POINTERS = ("CL:", "variant of", "old variant", "see ", "abbr. for")
_FUNCTION = frozenset(
    [
        *("to", "of", "the", "a", "an", "and", "or", "in", "on", "for", "with", "by", "at"),
        *("as", "sth", "sb", "one's", "abbr", "be", "etc", "used", "also", "lit", "fig"),
        *("something", "someone", "oneself", "one", "from", "into", "is", "it", "its"),
        *("that", "this", "up", "out", "not"),
    ]
)
_REMARK = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def stems(glosses: str) -> set[str]:
    out: set[str] = set()
    for gloss in glosses.split("/"):
        if gloss.startswith(_POINTERS) or "surname" in gloss:
            continue
        for w in _WORD.findall(_REMARK.sub(" ", gloss)):
            if w.lower() not in _FUNCTION and len(w) > 1:
                out.add(stem(w))
    return out


def table(source: Path) -> dict[str, set[str]]:
    """Each Simplified headword of up to `LONGEST` characters -> the stems of its glosses."""
    out: dict[str, set[str]] = {}
    for _, simplified, _, glosses in entries(source):
        if len(simplified) <= LONGEST:
            out.setdefault(simplified, set()).update(stems(glosses))
    return out


def rows(glossed: dict[str, set[str]]) -> str:
    return "".join(f"{k}\t{' '.join(sorted(v))}\n" for k, v in sorted(glossed.items()) if v)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/cedict_ts.u8"
    text = rows(table(source))
    (ROOT / "src/termbase/data/cedict/glosses.tsv").write_text(text, "utf-8")
    print(f"{text.count(chr(10))} words")


if __name__ == "__main__":
    main()
