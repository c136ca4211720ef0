"""Small PDF builders for tests."""
from __future__ import annotations

import pymupdf


def text_pdf(lines: list[str], *, rotation: int = 0, cropbox=None, fontsize: float = 11) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    y = 72
    for line in lines:
        page.insert_text((72, y), line, fontsize=fontsize)
        y += fontsize * 1.6
    if cropbox is not None:
        page.set_cropbox(pymupdf.Rect(cropbox))
    if rotation:
        page.set_rotation(rotation)
    return doc.tobytes()


def raw_bytes(pdf: bytes) -> bytes:
    """Every object and stream of a PDF, streams decompressed, concatenated."""
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    out = []
    for xref in range(1, doc.xref_length()):
        try:
            out.append(doc.xref_object(xref, compressed=False).encode("latin-1", "replace"))
        except Exception:
            pass
        if doc.xref_is_stream(xref):
            try:
                out.append(doc.xref_stream(xref) or b"")
            except Exception:
                pass
    out.append(str(doc.metadata).encode())
    out.append((doc.get_xml_metadata() or "").encode())
    return b"\n".join(out)
