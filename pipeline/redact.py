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
from pymupdf import mupdf

from pipeline.models import ForcedRegion, Rect, Suggestion
from pipeline.sanitise import scrub

FONT_DIR = Path(__file__).parent / "fonts"
# The label font: DejaVu Sans Bold cut down to the characters a reason code uses (20 KB
# instead of 700 KB; every redacted document embeds it, and compressing the whole font
# again for each document cost more than redacting it). Made with fontTools, see
# pipeline/fonts/README.md. A label with any other character uses the whole font.
LABEL_FONT = FONT_DIR / "DejaVuSans-Bold-labels.ttf"
LABEL_FONT_FULL = FONT_DIR / "DejaVuSans-Bold.ttf"
LABEL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -/")


@dataclass(frozen=True)
class Box:
    page: int
    rect: Rect
    label: str


def boxes_for(suggestions: list[Suggestion], forced: list[ForcedRegion] | None = None) -> list[Box]:
    out = [Box(s.page, r, str(s.reason)) for s in suggestions for r in s.rects]
    out += [Box(f.page, f.rect, str(f.reason)) for f in forced or []]
    return out


_FONTS: dict[bool, pymupdf.Font] = {}
_FONT_BUFFERS: dict[bool, bytes] = {}
_WIDTHS: dict[tuple[bool, str], float] = {}  # a label's width at font size 1


def _label_font(full: bool = False) -> pymupdf.Font:
    if full not in _FONTS:
        _FONTS[full] = pymupdf.Font(fontbuffer=_label_font_buffer(full))
    return _FONTS[full]


def _label_font_buffer(full: bool = False) -> bytes:
    if full not in _FONT_BUFFERS:
        _FONT_BUFFERS[full] = (LABEL_FONT_FULL if full else LABEL_FONT).read_bytes()
    return _FONT_BUFFERS[full]


def _needs_full_font(labels) -> bool:
    return any(not LABEL_CHARS.issuperset(label) for label in labels)


def _width(label: str, size: float, full: bool) -> float:
    key = (full, label)
    w = _WIDTHS.get(key)
    if w is None:
        w = _WIDTHS[key] = _label_font(full).text_length(label, fontsize=1.0)
    return w * size


def _label(shape: pymupdf.Shape, rect: pymupdf.Rect, label: str, full: bool = False) -> None:
    """Write the reason code in white inside a black box, sized to fit (on the page's shape:
    all labels of a page are committed to it in one go)."""
    size = min(rect.height * 0.75, 9.0)
    if size < 3.5:
        return
    width = _width(label, size, full)
    if width > rect.width - 1:
        size = size * (rect.width - 1) / max(width, 0.1)
        if size < 3.5:
            return
        width = _width(label, size, full)
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


_OPTIONS: "mupdf.PdfRedactOptions | None" = None


def _redact_options() -> "mupdf.PdfRedactOptions":
    global _OPTIONS
    if _OPTIONS is None:
        opts = mupdf.PdfRedactOptions()
        opts.black_boxes = 1  # MuPDF fills each box black itself
        opts.text = mupdf.PDF_REDACT_TEXT_REMOVE  # whole characters under a box are removed
        opts.image_method = mupdf.PDF_REDACT_IMAGE_PIXELS  # image pixels under a box are blanked
        opts.line_art = mupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED  # vector marks it covers go
        _OPTIONS = opts
    return _OPTIONS


def _apply(page: pymupdf.Page, rects: list[pymupdf.Rect]) -> None:
    """Redact ``rects`` (unrotated page space) on ``page`` for real.

    This is what ``Page.add_redact_annot(r, fill=(0, 0, 0), cross_out=False)`` for each box
    followed by ``Page.apply_redactions(images=PIXELS, graphics=REMOVE_IF_COVERED,
    text=REMOVE)`` does, through the same MuPDF calls (``pdf_create_annot`` +
    ``pdf_set_annot_rect``, then ``pdf_redact_page``) but without PyMuPDF's per-annotation
    Python bookkeeping, and with MuPDF drawing the black boxes: at ~17 boxes a page that
    bookkeeping cost more than the redaction itself. A page with no box is left alone.
    """
    if not rects:
        return
    rotation = page.rotation
    if rotation:
        page.set_rotation(0)  # as PyMuPDF does: annotation rects are given in unrotated space
    try:
        pdf_page = page._pdf_page()
        for r in rects:
            annot = mupdf.pdf_create_annot(pdf_page, mupdf.PDF_ANNOT_REDACT)
            mupdf.pdf_set_annot_rect(annot, mupdf.FzRect(r.x0, r.y0, r.x1, r.y1))
    finally:
        if rotation:
            page.set_rotation(rotation)
    if not mupdf.pdf_redact_page(pdf_page.doc(), pdf_page, _redact_options()):
        raise RuntimeError("MuPDF could not apply the redactions of a page")


def redact_pdf(pdf: bytes, boxes: list[Box]) -> bytes:
    """Apply every box for real, label it, scrub the document and return the new bytes."""
    by_page: dict[int, list[Box]] = defaultdict(list)
    for b in boxes:
        by_page[b.page].append(b)
    font_xref = 0
    full = _needs_full_font({b.label for b in boxes})
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for pno, page_boxes in sorted(by_page.items()):
            page = doc[pno]
            rects = [(pymupdf.Rect(b.rect), b.label) for b in page_boxes]
            rects = [(r, label) for r, label in rects if not r.is_empty]
            _apply(page, [r for r, _ in rects])
            if rects:
                if not (font_xref and add_font_ref(doc, page, "sarpacklabel", font_xref)):
                    font_xref = page.insert_font(fontname="sarpacklabel", fontbuffer=_label_font_buffer(full))
                # one shape (one content stream) per page, as Page.insert_text would make per label
                _insert_font_once(page)
                shape = page.new_shape()
                for r, label in rects:
                    _label(shape, r, label, full)
                shape.commit()
        scrub(doc)
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
