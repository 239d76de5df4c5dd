"""Does a TBX file keep TBX-Basic's rules? The data categories TBX-Basic allows, at the levels
it allows them, with the values of its picklists (the DCA Schematron of release 1.2.1 and the
v2 XCS, as ../shared/tbx/NOTES.md sets them out), without the schemas, which are not ours to
ship. `termbase import --strict` refuses a file with a problem; without it, the import says how
many there are. The official samples have none; `basic_bad.tbx` has the five it announces.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ENTRY, LANG, TERM = "entry", "lang", "term"
LEVELS = {
    "conceptEntry": ENTRY,
    "termEntry": ENTRY,
    "langSec": LANG,
    "langSet": LANG,
    "termSec": TERM,
    "tig": TERM,
    "ntig": TERM,
}
# (element, type) -> the levels where TBX-Basic allows it
ALLOWED = {
    ("descrip", "subjectField"): {ENTRY},
    ("descrip", "definition"): {ENTRY, LANG},
    ("descrip", "context"): {TERM},
    ("admin", "source"): {ENTRY, LANG, TERM},
    ("admin", "customerSubset"): {ENTRY, TERM},
    ("admin", "projectSubset"): {ENTRY, TERM},
    ("ref", "crossReference"): {ENTRY, TERM},
    ("xref", "externalCrossReference"): {ENTRY, LANG, TERM},
    ("xref", "xGraphic"): {ENTRY, LANG},
    **{
        ("termNote", kind): {TERM}
        for kind in (
            "partOfSpeech",
            "administrativeStatus",
            "termType",
            "grammaticalGender",
            "geographicalUsage",
            "termLocation",
        )
    },
    ("transac", "transactionType"): {ENTRY, LANG, TERM},
    ("transacNote", "responsibility"): {ENTRY, LANG, TERM},
}
PICKLISTS = {
    "partOfSpeech": {"adjective", "noun", "verb", "adverb", "other", "properNoun"},
    "administrativeStatus": {
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts",
    },
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
    "grammaticalGender": {"masculine", "feminine", "neuter", "other"},
    "transactionType": {"origination", "modification"},
}
_TYPED = {"descrip", "admin", "ref", "xref", "termNote", "transac", "transacNote"}


def _local(tag: Any) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def problems(path: Path, root: Any) -> tuple[str, ...]:
    """Each place the file breaks TBX-Basic's rules, as `path:line: what`."""
    found: list[str] = []
    for entry in root.iter():
        if LEVELS.get(_local(entry.tag)) == ENTRY:
            _walk(path, entry, ENTRY, found)
    return tuple(found)


def _walk(path: Path, parent: Any, level: str, found: list[str]) -> None:
    for el in parent:
        name = _local(el.tag)
        if name in LEVELS:
            _walk(path, el, LEVELS[name], found)
        elif name.endswith("Grp"):  # descripGrp, transacGrp, termNoteGrp, adminGrp
            _walk(path, el, level, found)
        elif name in _TYPED:
            problem = _problem(name, el.get("type"), (el.text or "").strip(), level)
            if problem:
                found.append(f"{path}:{el.sourceline}: {problem}")


def _problem(name: str, kind: str | None, value: str, level: str) -> str | None:
    where = ALLOWED.get((name, kind or ""))
    shown = f'<{name} type="{kind}">' if kind else f"<{name}>"
    if where is None:
        return f"{shown} is not a TBX-Basic data category"
    if level not in where:
        allowed = ", ".join(sorted(where))
        return f"{shown} at {level} level; TBX-Basic allows it at {allowed} level"
    if kind in PICKLISTS and value not in PICKLISTS[kind]:
        return f"{shown} {value!r} is not one of {', '.join(sorted(PICKLISTS[kind]))}"
    return None
