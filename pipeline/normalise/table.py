"""CSV and XLSX -> PDF tables.

CSV: decoded like TXT (BOM, UTF-8, cp1252), dialect sniffed (comma, semicolon, tab, pipe).
XLSX: every sheet (hidden ones too, marked as such) under a heading with its name, read
with openpyxl in read-only mode with cached values (``data_only``) from a size-checked zip.
Rows and columns beyond :class:`Limits` caps are not rendered; a note says so.
Known gap: cell comments and charts in XLSX are not shown.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import warnings

from pipeline.errors import DocumentError
from pipeline.limits import Limits
from pipeline.models import NormalisedDocument, SourceDocument
from pipeline.normalise._zip import SafeZip
from pipeline.normalise.text import decode_text
from pipeline.render import esc, html_to_pdf

log = logging.getLogger(__name__)

csv.field_size_limit(10 * 1024 * 1024)
XLSX_INVALID = "not a valid Excel workbook"


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime("%d/%m/%Y %H:%M") if (v.hour or v.minute or v.second) else v.strftime("%d/%m/%Y")
    if isinstance(v, dt.date):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return str(v)


def table_html(rows: list[list[str]], *, header: bool, truncated_rows: int, truncated_cols: int) -> str:
    """An HTML table (first row as header if asked) plus a note about anything not shown."""
    width = max((len(r) for r in rows), default=0)
    out = ['<table class="grid">']
    for i, r in enumerate(rows):
        tag = "th" if header and i == 0 else "td"
        cells = r + [""] * (width - len(r))
        out.append("<tr>" + "".join(f'<{tag} class="pre">{esc(c)}</{tag}>' for c in cells) + "</tr>")
    out.append("</table>")
    notes = []
    if truncated_rows:
        notes.append(f"{truncated_rows:,} more rows are not shown")
    if truncated_cols:
        notes.append(f"columns beyond the first {width} are not shown")
    if notes:
        out.append(f'<p class="note">Note: {esc("; ".join(notes))} (size limit).</p>')
    return "".join(out)


def _trim(rows: list[list[str]]) -> list[list[str]]:
    rows = [list(r) for r in rows]
    for r in rows:
        while r and not r[-1].strip():
            r.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def normalise_csv(src: SourceDocument, data: bytes, limits: Limits) -> NormalisedDocument:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    try:
        dialect = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[str]] = []
    more_rows = 0
    cut_cols = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            if len(rows) >= limits.max_table_rows:
                more_rows += 1
                continue
            if len(row) > limits.max_table_cols:
                cut_cols = 1
                row = row[: limits.max_table_cols]
            rows.append(row)
    except csv.Error:
        raise DocumentError("the CSV file is damaged and cannot be read") from None
    rows = _trim(rows)
    if not rows:
        raise DocumentError("the CSV file has no data")
    pdf = html_to_pdf(table_html(rows, header=True, truncated_rows=more_rows, truncated_cols=cut_cols),
                      extra_css="table.grid { font-size: 8pt; }")
    return NormalisedDocument(doc_id=src.doc_id, pdf=pdf, original_format="csv")


def normalise_xlsx(src: SourceDocument, data: bytes, limits: Limits) -> NormalisedDocument:
    import openpyxl
    from defusedxml import DefusedXmlException

    z = SafeZip(data, limits, "XLSX", XLSX_INVALID)  # declared sizes checked before openpyxl reads
    if "xl/workbook.xml" not in z.names:
        raise DocumentError(XLSX_INVALID)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except DefusedXmlException:
        raise DocumentError("the Excel workbook contains unsafe XML") from None
    except Exception as e:
        log.info("xlsx %s not loadable: %s", src.doc_id, type(e).__name__)
        raise DocumentError(XLSX_INVALID) from None
    parts: list[str] = []
    try:
        for ws in wb.worksheets:
            state = getattr(ws, "sheet_state", "visible")
            label = f"Sheet: {ws.title}" + (" (hidden sheet)" if state != "visible" else "")
            parts.append(f"<h2>{esc(label)}</h2>")
            rows: list[list[str]] = []
            more_rows = 0
            cut_cols = 0
            for row in ws.iter_rows(values_only=True):
                if len(rows) >= limits.max_table_rows:
                    more_rows += 1
                    if more_rows > 1_000_000:
                        break
                    continue
                vals = [_cell(v) for v in row]
                if len(vals) > limits.max_table_cols:
                    if any(v.strip() for v in vals[limits.max_table_cols:]):
                        cut_cols = 1
                    vals = vals[: limits.max_table_cols]
                rows.append(vals)
            # drop trailing empty rows (they count towards the cap otherwise)
            rows = _trim(rows)
            if rows:
                parts.append(table_html(rows, header=False, truncated_rows=more_rows, truncated_cols=cut_cols))
            else:
                parts.append('<p class="note">(This sheet is empty.)</p>')
    except DocumentError:
        raise
    except DefusedXmlException:
        raise DocumentError("the Excel workbook contains unsafe XML") from None
    except Exception as e:
        log.info("xlsx %s unreadable: %s", src.doc_id, type(e).__name__)
        raise DocumentError("the Excel workbook is damaged and cannot be read") from None
    finally:
        wb.close()
    pdf = html_to_pdf("".join(parts), extra_css="table.grid { font-size: 8pt; }")
    return NormalisedDocument(doc_id=src.doc_id, pdf=pdf, original_format="xlsx")
