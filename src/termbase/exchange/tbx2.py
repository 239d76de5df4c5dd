"""TBX-Basic v2 (`martif`, `termEntry`, `langSet`, `tig`) for OmegaT, Weblate, translate-toolkit
and older MultiTerm: the same mapping as the v3 export (see termbase.exchange.tbx), valid against
the TBX-Basic v2 DTD."""

from __future__ import annotations

from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from termbase.exchange import ExportOptions
from termbase.exchange.tbx import (
    V2,
    concept_lines,
    refuse_xml_illegal_anywhere,
    source_records,
)
from termbase.model import TermBase


def export(tb: TermBase, options: ExportOptions) -> str:
    return "".join(chunks(tb, options))


def chunks(tb: TermBase, options: ExportOptions) -> Iterator[str]:
    """The file in pieces, one concept at a time, so that a large base streams."""
    title = options.title or tb.settings.name or "termbase export"
    refuse_xml_illegal_anywhere(tb)
    ids = {c.id for c in tb.concepts}
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',
        f'<martif type="TBX-Basic" xml:lang={quoteattr(tb.settings.working_language)}>',
        "  <martifHeader>",
        "    <fileDesc>",
        f"      <titleStmt><title>{escape(title)}</title></titleStmt>",
        "      <sourceDesc>",
        *source_records(tb),
        "      </sourceDesc>",
        "    </fileDesc>",
        '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',
        "  </martifHeader>",
        "  <text>",
        "    <body>",
    ]
    yield "\n".join(head) + "\n"
    for c in tb.concepts:
        yield "\n".join(concept_lines(c, tb, ids, V2)) + "\n"
    yield "    </body>\n  </text>\n</martif>\n"
