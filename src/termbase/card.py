"""Rendering concept cards (the data of `termbase.search.lookup.card`) for people."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

MARK = {
    "preferred": "preferred",
    "admitted": "admitted",
    "deprecated": "DEPRECATED",
    "forbidden": "FORBIDDEN",
}


def _terms(card: dict[str, Any], langs: Sequence[str]) -> list[dict[str, Any]]:
    terms: list[dict[str, Any]] = card["terms"]
    return [t for t in terms if not langs or t["lang"] in langs]


def _status(t: dict[str, Any]) -> str:
    mark = MARK.get(t["status"], str(t["status"]))
    if t.get("use_instead"):
        mark += f': use "{t["use_instead"]}"'
    return mark


def _source_line(s: dict[str, Any]) -> str:
    parts = [s.get("publisher"), s.get("title"), s.get("date"), s.get("url")]
    text = ", ".join(dict.fromkeys(p for p in parts if p))  # a title that is the address: once
    return text or s["id"]


def context_line(t: dict[str, Any]) -> str:
    """A term's context as a card shows it: in use: “...” (source)."""
    source = f" ({t['context_source']})" if t.get("context_source") else ""
    return f"in use: “{t['context']}”{source}"


def validity_line(t: dict[str, Any]) -> str:
    """When a dated rendering was right: right from ... until ..., then: its replacement."""
    start, end = t.get("valid_from"), t.get("valid_to")
    if start and end:
        text = f"right from {start} until {end}"
    else:
        text = f"right from {start}" if start else f"right until {end}"
    return text + (f"; then: {t['replaced_by']}" if t.get("replaced_by") else "")


def term_notes(t: dict[str, Any]) -> str:
    """What a card says under a term: its usage note, its dates, then its context."""
    dates = (t.get("valid_from") or t.get("valid_to")) and validity_line(t)
    context = t.get("context") and context_line(t)
    return "\n".join(filter(None, (t.get("usage_note"), dates, context)))


def render_text(card: dict[str, Any], langs: Sequence[str] = (), header: str = "") -> str:
    """A plain-text card: every term with its status, then definition, note, sources, links."""
    lines = [header + card["id"] + (f"  ({card['subject']})" if card.get("subject") else "")]
    terms = _terms(card, langs)
    width_lang = max((len(t["lang"]) for t in terms), default=2)
    width_text = max((len(t["text"]) + _wide(t["text"]) for t in terms), default=4)
    for t in terms:
        text = t["text"] + " " * (width_text - len(t["text"]) - _wide(t["text"]))
        pinyin = f"  {t['pinyin']}" if t.get("pinyin") else ""
        status = _status(t)
        line = f"  {t['lang']:<{width_lang}}  {text}{pinyin}"
        if status:
            line += f"  [{status}]"
        lines.append(line.rstrip())
        pad = f"  {'':<{width_lang}}    "
        if term_notes(t):  # a note of several lines stays under its term
            lines.append(pad + term_notes(t).replace("\n", "\n" + pad))
    for lang, text in card.get("definition", {}).items():
        if not langs or lang in langs or len(card["definition"]) == 1:
            lines.append(f"  definition ({lang}): {text}")
    if card.get("note"):
        lines.append("  note: " + card["note"].replace("\n", "\n        "))
    for s in card.get("sources", []):
        lines.append(f"  source: {_source_line(s)}")
    if card.get("see_also"):
        lines.append(f"  see also: {', '.join(card['see_also'])}")
    if card.get("replaced_by"):
        lines.append(f"  replaced by: {card['replaced_by']}")
    if card.get("lookup_only"):
        lines.append("  look-up only: lint and score do not check it")
    return visible("\n".join(lines)) + "\n"


# Control characters a terminal would act on (ESC starts a sequence that can clear the screen
# or rewrite what was printed): written as escapes, never raw. Line breaks stay.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0)) if c != 0x0A}


def visible(text: str) -> str:
    """`text` with its control characters (but the line break) as `\\xNN` escapes."""
    return text.translate(_CONTROLS)


def _wide(text: str) -> int:
    """Extra columns taken by wide (CJK) characters."""
    import unicodedata

    return sum(1 for ch in text if unicodedata.east_asian_width(ch) in ("W", "F"))


def render_rich(cards: Iterable[tuple[str, dict[str, Any]]], langs: Sequence[str] = ()) -> None:
    """Cards as tables on a terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    styles = {"deprecated": "yellow", "forbidden": "bold red", "admitted": "", "preferred": "green"}
    for header, card in cards:
        title = header + card["id"] + (f"  ({card['subject']})" if card.get("subject") else "")
        table = Table(title=title, title_justify="left", show_header=True, expand=False)
        for col in ("lang", "term", "pinyin", "status", "note"):
            table.add_column(col)
        for t in _terms(card, langs):
            table.add_row(
                t["lang"],
                t["text"],
                t.get("pinyin") or "",
                f"[{styles.get(t['status'], '')}]{_status(t)}[/]"
                if styles.get(t["status"])
                else _status(t),
                term_notes(t),
            )
        console.print(table)
        rest = render_text({**card, "terms": []}).splitlines()[1:]
        for line in rest:
            console.print(line, markup=False, highlight=False)
        console.print()
