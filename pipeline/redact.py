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


def _label_font() -> pymupdf.Font:
    global _FONT
    if _FONT is None:
        _FONT = pymupdf.Font(fontfile=str(LABEL_FONT))
    return _FONT


def _label(page: pymupdf.Page, rect: pymupdf.Rect, label: str) -> None:
    """Write the reason code in white inside a black box, sized to fit."""
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
    page.insert_text(
        pymupdf.Point(x, y),
        label,
        fontsize=size,
        fontname="sarpacklabel",  # embedded once per page by redact_pdf
        color=(1, 1, 1),
        rotate=0,
    )


def redact_pdf(pdf: bytes, boxes: list[Box]) -> bytes:
    """Apply every box for real, label it, scrub the document and return the new bytes."""
    by_page: dict[int, list[Box]] = defaultdict(list)
    for b in boxes:
        by_page[b.page].append(b)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for pno, page_boxes in sorted(by_page.items()):
            page = doc[pno]
            rects = []
            for b in page_boxes:
                r = pymupdf.Rect(b.rect)
                if r.is_empty:
                    continue
                page.add_redact_annot(r, fill=(0, 0, 0))
                rects.append((r, b.label))
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
            if rects:
                page.insert_font(fontname="sarpacklabel", fontfile=str(LABEL_FONT))
            for r, label in rects:
                _label(page, r, label)
        scrub(doc)
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
