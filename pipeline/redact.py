"""Redact: apply accepted suggestions for real with PyMuPDF.

Text under a box is removed from the content stream, image pixels under it are
blanked, vector graphics it covers are removed. Each box is then labelled with its
reason code in an embedded font.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from pipeline.models import ForcedRegion, Rect, Suggestion
from pipeline.sanitise import scrub

FONT_DIR = Path(__file__).parent / "fonts"
LABEL_FONT = FONT_DIR / "DejaVuSans-Bold.ttf"


@dataclass(frozen=True)
class Box:
    page: int
    rect: Rect
    label: str


def boxes_for(suggestions: list[Suggestion], forced: list[ForcedRegion] | None = None) -> list[Box]:
    out = [Box(s.page, r, str(s.reason)) for s in suggestions for r in s.rects]
    out += [Box(f.page, f.rect, str(f.reason)) for f in forced or []]
    return out


_FONT: pymupdf.Font | None = None
_FONT_BUFFER: bytes | None = None


def _label_font() -> pymupdf.Font:
    global _FONT
    if _FONT is None:
        _FONT = pymupdf.Font(fontbuffer=_label_font_buffer())
    return _FONT


def _label_font_buffer() -> bytes:
    global _FONT_BUFFER
    if _FONT_BUFFER is None:
        _FONT_BUFFER = LABEL_FONT.read_bytes()
    return _FONT_BUFFER


def _label(shape: pymupdf.Shape, rect: pymupdf.Rect, label: str) -> None:
    """Write the reason code in white inside a black box, sized to fit (on the page's shape:
    all labels of a page are committed to it in one go)."""
    size = min(rect.height * 0.75, 9.0)
    if size < 3.5:
        return
    font = _label_font()
    width = font.text_length(label, fontsize=size)
    if width > rect.width - 1:
        size = size * (rect.width - 1) / max(width, 0.1)
        if size < 3.5:
            return
        width = font.text_length(label, fontsize=size)
    x = rect.x0 + (rect.width - width) / 2
    y = rect.y0 + (rect.height + size * 0.7) / 2
    # Unrotated page space, like the box: the label turns with the page and its text.
    shape.insert_text(
        pymupdf.Point(x, y),
        label,
        fontsize=size,
        fontname="sarpacklabel",  # embedded once per page by redact_pdf
        color=(1, 1, 1),
        rotate=0,
    )


def add_font_ref(doc: pymupdf.Document, page: pymupdf.Page, name: str, xref: int) -> bool:
    """Name the already embedded font ``xref`` as ``name`` in the page's resources, where
    ``Page.insert_font`` would put it (without loading and adding the font file again, ~1 ms a
    page). False (nothing done) when the resources are not where this knows to look."""
    kind, val = doc.xref_get_key(page.xref, "Resources")
    if kind == "xref":
        target, path = int(val.split()[0]), ""
    elif kind == "dict":
        target, path = page.xref, "Resources/"
    else:
        return False  # inherited or missing: let insert_font decide
    kind, val = doc.xref_get_key(target, path + "Font")
    if kind == "xref":
        target, path = int(val.split()[0]), ""
    elif kind in ("dict", "null"):
        path += "Font/"
    else:
        return False
    doc.xref_set_key(target, path + name, f"{xref} 0 R")
    return True


def _insert_font_once(page: pymupdf.Page) -> None:
    """``Shape.insert_text`` asks ``page.insert_font`` for the label font at every label, and
    each answer lists the page's fonts again (~0.1 ms). The font is on the page (named just
    before); the first answer is the answer for the rest of the page."""
    plain = page.insert_font
    known: dict[tuple, int] = {}

    def insert_font(fontname="helv", fontfile=None, fontbuffer=None, set_simple=False, wmode=0, encoding=0):
        key = (fontname, fontfile, set_simple, wmode, encoding)
        if fontbuffer is not None or key not in known:
            xref = plain(fontname=fontname, fontfile=fontfile, fontbuffer=fontbuffer, set_simple=set_simple,
                         wmode=wmode, encoding=encoding)
            if fontbuffer is None:
                known[key] = xref
            return xref
        return known[key]

    page.insert_font = insert_font


def redact_pdf(pdf: bytes, boxes: list[Box]) -> bytes:
    """Apply every box for real, label it, scrub the document and return the new bytes."""
    by_page: dict[int, list[Box]] = defaultdict(list)
    for b in boxes:
        by_page[b.page].append(b)
    font_xref = 0
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for pno, page_boxes in sorted(by_page.items()):
            page = doc[pno]
            rects = []
            for b in page_boxes:
                r = pymupdf.Rect(b.rect)
                if r.is_empty:
                    continue
                # no crossed-out appearance: apply_redactions removes the annotation straight away
                page.add_redact_annot(r, fill=(0, 0, 0), cross_out=False)
                rects.append((r, b.label))
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
            if rects:
                if not (font_xref and add_font_ref(doc, page, "sarpacklabel", font_xref)):
                    font_xref = page.insert_font(fontname="sarpacklabel", fontbuffer=_label_font_buffer())
                # one shape (one content stream) per page, as Page.insert_text would make per label
                _insert_font_once(page)
                shape = page.new_shape()
                for r, label in rects:
                    _label(shape, r, label)
                shape.commit()
        scrub(doc)
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
