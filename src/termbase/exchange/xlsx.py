"""`--format xlsx --profile P`: the profile's rows in a spreadsheet (openpyxl). Cells are
written as text, so a cell starting with = is never a formula and needs no apostrophe; TRUE and
FALSE outside term columns become spreadsheet booleans (Phrase reads them so). The file is
byte-for-byte deterministic: fixed timestamps inside (SOURCE_DATE_EPOCH if set) and in the zip.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

from termbase.errors import TermbaseError
from termbase.exchange import ExportOptions
from termbase.exchange.delimited import chosen_profile, languages
from termbase.exchange.tabular import ProfileError, Row, Sheet, cells
from termbase.model import TermBase

EPOCH = dt.datetime(2000, 1, 1)


class FormulaError(TermbaseError):
    """A spreadsheet cell with a formula in a file being imported."""


MAX_UNPACKED = 512 * 1024 * 1024  # a zip bomb stops here
# Cells read, counting the empty ones a sparse sheet makes openpyxl fill in: the 125,000-concept
# base exported for Phrase is about 1.5 million. A sheet crafted to hold a cell far to the
# right of each row stops here instead of taking minutes and gigabytes.
MAX_CELLS = 10_000_000
BOOLEANS = {"TRUE": True, "FALSE": False}


def _stamp() -> dt.datetime:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value and value.isdigit():
        return dt.datetime.fromtimestamp(int(value), dt.UTC).replace(tzinfo=None)
    return EPOCH


def export(tb: TermBase, options: ExportOptions) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    p = chosen_profile(options)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Glossary"
    for r, (concept, row) in enumerate(cells(tb, p, languages(tb, options), escape=False), 1):
        for c, value in enumerate(row, 1):
            if not value:
                continue
            target = ws.cell(r, c)
            try:
                if value in BOOLEANS and c - 1 not in p.term_cells and r > 1:
                    target.value = BOOLEANS[value]
                else:
                    target.value = value
                    target.data_type = "s"  # text, never a formula
            except IllegalCharacterError as e:
                raise ProfileError(
                    f"{concept or 'header'}: {value[:30]!r} has a control character that XLSX "
                    "cannot hold"
                ) from e
    if p.header is not None:
        ws.freeze_panes = "A2"
    stamp = _stamp()
    wb.properties.creator = "termbase"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    raw = io.BytesIO()
    wb.save(raw)
    return _normalise(raw.getvalue(), stamp)


def _normalise(data: bytes, stamp: dt.datetime) -> bytes:
    """The same zip with fixed entry times and the modified date openpyxl sets to now."""
    out = io.BytesIO()
    when = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in sorted(src.namelist()):
            body = src.read(name)
            if name == "docProps/core.xml":
                body = _fix_dates(body, iso)
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, body)
    return out.getvalue()


def _fix_dates(body: bytes, iso: bytes) -> bytes:
    import re

    return re.sub(
        rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
        rb"\g<1>" + iso + rb"\g<2>",
        body,
    )


def read_sheet(path: str, data: bytes) -> Sheet:
    """The first sheet's rows as text (row numbers as the spreadsheet shows them)."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            size = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, ValueError) as e:
        raise TermbaseError(f"{path}: not a readable XLSX file (not a zip archive)") from e
    if size > MAX_UNPACKED:
        raise TermbaseError(
            f"{path}: unpacks to {size:,} bytes, over the {MAX_UNPACKED:,} termbase reads"
        )
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as e:  # openpyxl raises many kinds for a file that is not XLSX
        raise TermbaseError(f"{path}: not a readable XLSX file ({_why(e)})") from e
    try:
        ws = wb.worksheets[0]
        # The sheet's <dimension> may be stale or made up: read what the sheet holds.
        reset = getattr(ws, "reset_dimensions", None)
        if reset is not None:
            reset()
        sheet: Sheet = []
        seen = 0
        for n, cells in enumerate(ws.iter_rows(), 1):
            seen += len(cells) + 1
            if seen > MAX_CELLS:
                raise TermbaseError(
                    f"{path}: more than {MAX_CELLS:,} cells (filled in to row {n}); termbase "
                    "reads glossaries up to that size. Nothing was imported"
                )
            for c in cells:
                if getattr(c, "data_type", None) == "f":
                    raise FormulaError(
                        f"{path}: cell {c.coordinate} holds a formula ({str(c.value)[:30]!r}); "
                        "termbase imports values only. Nothing was imported"
                    )
            row: Row = [_text(getattr(c, "value", None)) for c in cells]
            while row and not row[-1]:
                row.pop()
            if row:
                sheet.append((n, row))
        return sheet
    except (FormulaError, TermbaseError):
        raise
    except Exception as e:
        raise TermbaseError(f"{path}: not a readable XLSX file ({_why(e)})") from e
    finally:
        wb.close()


def _why(e: BaseException) -> str:
    """The innermost cause in one line: openpyxl wraps the XML parser's error in its own."""
    while e.__cause__ is not None or e.__context__ is not None:
        e = e.__cause__ or e.__context__  # type: ignore[assignment]
    if type(e).__name__ in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"):
        return "it declares XML entities or a DTD, which termbase does not read"
    first = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {first}"[:200]


def _text(value: object) -> str:
    if value is None:
        return ""
    if value is True:
        return "TRUE"
    if value is False:
        return "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
