"""Plain text -> PDF, keeping line breaks as written.

Encoding: a BOM first (UTF-8, UTF-16 LE/BE, UTF-32), then strict UTF-8, then cp1252 for
legacy text. Bytes that are none of these (binary data, NULs) are refused.
"""
from __future__ import annotations

import codecs

from pipeline.errors import DocumentError
from pipeline.limits import Limits
from pipeline.models import NormalisedDocument, SourceDocument
from pipeline.normalise._common import find_date
from pipeline.render import esc, html_to_pdf

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

UNREADABLE = "the text file is not in a readable encoding"


def _plausible(text: str) -> bool:
    if "\x00" in text:
        return False
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bad <= max(2, len(text) // 200)


def decode_text(data: bytes) -> str:
    """Decode text bytes as described in the module docstring; raise DocumentError if unreadable."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError:
                raise DocumentError(UNREADABLE) from None
            if not _plausible(text):
                raise DocumentError(UNREADABLE)
            return text
    for enc in ("utf-8", "cp1252"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
        break
    raise DocumentError(UNREADABLE)


def text_html(text: str) -> str:
    """One pre-wrapped block per paragraph, line breaks kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return f'<div class="pre">{esc(text)}</div>'


def normalise_text(src: SourceDocument, data: bytes, limits: Limits) -> NormalisedDocument:
    text = decode_text(data)
    if not text.strip():
        raise DocumentError("the text file is empty (it contains only blank space)")
    pdf = html_to_pdf(text_html(text))
    return NormalisedDocument(doc_id=src.doc_id, pdf=pdf, original_format="txt", date=find_date(text))
