"""CSV and TSV glossaries in each tool's own layout. A profile (one small module each under
`termbase.exchange.profiles`) says which columns, header, delimiter, language codes and limits
the tool wants; this module writes the rows and checks them before anything is written.

Machine-bound files (MT glossaries, OmegaT) refuse a cell that a spreadsheet would run as a
formula (= + - @ at the start), naming the concept; they also refuse tabs, line breaks and
leading or trailing spaces in a term, and terms over the tool's byte limit.
"""

from __future__ import annotations

import csv
import importlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from termbase.errors import TermbaseError
from termbase.model import Concept, Status, Term, TermBase

FORMULA_START = ("=", "+", "-", "@")


class ProfileError(TermbaseError):
    """A value the tool would refuse: nothing is written."""


@dataclass(frozen=True, slots=True)
class Languages:
    source: str  # the term base's tags: zh-Hans, zh-Hant, en, ...
    target: str


Row = list[str]


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    delimiter: str
    rows: Callable[[TermBase, Languages], Iterable[tuple[str, Row]]]  # (concept id, cells)
    header: Callable[[Languages], Row] | None = None
    bom: bool = False
    max_term_bytes: int | None = None
    max_file_bytes: int | None = None
    machine_bound: bool = True


PROFILES = ("deepl", "google", "amazon", "omegat", "memoq", "lokalise")


def profile(name: str) -> Profile:
    if name not in PROFILES:
        raise TermbaseError(f"unknown profile {name!r}; one of {', '.join(PROFILES)}")
    module = importlib.import_module(f"termbase.exchange.profiles.{name}")
    found: Profile = module.PROFILE
    return found


def preferred(c: Concept, lang: str) -> Term | None:
    return next((t for t in c.terms if t.lang == lang and t.status is Status.PREFERRED), None)


def approved(c: Concept, lang: str) -> list[Term]:
    return [t for t in c.terms if t.lang == lang and t.status.approved]


def _check(p: Profile, concept: str, cell: str, is_term: bool) -> str:
    """The cell as written: refused (machine-bound files) or escaped with an apostrophe
    (files a spreadsheet opens) when it would run as a formula; checked against limits."""
    if not p.machine_bound and cell.startswith(FORMULA_START):
        return "'" + cell
    if p.machine_bound and cell.startswith(FORMULA_START):
        raise ProfileError(
            f"{concept}: {cell!r} starts with {cell[0]!r}, which {p.name} refuses (a spreadsheet "
            "would run it as a formula)"
        )
    if is_term:
        if any(ch in cell for ch in "\t\r\n") or cell != cell.strip():
            raise ProfileError(f"{concept}: {cell!r} has a tab, line break or outer space")
        if p.max_term_bytes is not None and len(cell.encode("utf-8")) > p.max_term_bytes:
            raise ProfileError(
                f"{concept}: {cell[:30]!r}... is over {p.name}'s limit of {p.max_term_bytes} "
                "bytes a term"
            )
    return cell


def write(tb: TermBase, p: Profile, langs: Languages) -> str:
    out = io.StringIO()
    if p.bom:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=p.delimiter, lineterminator="\n")
    if p.header is not None:
        writer.writerow(p.header(langs))
    for concept, row in p.rows(tb, langs):
        writer.writerow([_check(p, concept, cell, is_term=n < 2) for n, cell in enumerate(row)])
    text = out.getvalue()
    if p.max_file_bytes is not None and len(text.encode("utf-8")) > p.max_file_bytes:
        raise ProfileError(f"the file would be over {p.name}'s limit of {p.max_file_bytes} bytes")
    return text
