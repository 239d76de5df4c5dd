"""TBX-Basic v2 (`martif`, `termEntry`, `langSet`, `tig`) for OmegaT, Weblate, translate-toolkit
and older MultiTerm: the same mapping as the v3 export (see termbase.exchange.tbx), valid against
the TBX-Basic v2 DTD."""

from __future__ import annotations

from collections.abc import Iterator
from xml.sax.saxutils import quoteattr

from termbase.exchange import ExportOptions
from termbase.exchange.tbx import V2, stream
from termbase.model import TermBase


def export(tb: TermBase, options: ExportOptions) -> str:
    return "".join(chunks(tb, options))


def chunks(tb: TermBase, options: ExportOptions) -> Iterator[str]:
    """The file in pieces, one concept at a time, so that a large base streams."""
    opening = [
        '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',
        f'<martif type="TBX-Basic" xml:lang={quoteattr(tb.settings.working_language)}>',
    ]
    xcs = ['    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>']
    return stream(tb, options, opening, ("martifHeader", xcs), V2, "martif")
