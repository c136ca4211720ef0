"""Find "fake redactions": dark boxes drawn over text that is still in the PDF.

A box drawn on top of live text hides it from the eye but not from copy/paste or text
extraction. Each such box becomes a :class:`ForcedRegion` with reason SR, so the redactor
removes the text underneath for real.

Method (after Free Law Project's x-ray, tightened): take every opaque, dark filled
rectangle (``page.get_drawings()``, ``re``/``qu`` items, or a simple filled path), wider
and taller than 4 pt; take every character (``page.get_texttrace()``) drawn *before* the box
(lower sequence number), or drawn on it in nearly the same colour, whose area the box
covers by at least half; nested rectangles in one path (a frame) are not boxes; a box with at least
one non-blank character under it is reported. Unapplied redaction annotations already in
the source are reported too. Rectangles are in unrotated page space (what
``Page.add_redact_annot`` expects).
"""
from __future__ import annotations

import pymupdf

from pipeline.codes import EntityType, ReasonCode
from pipeline.models import ForcedRegion

DARK_LUMINANCE = 0.3  # fill colours darker than this count as "blacked out"
MIN_SIDE = 4.0
MIN_COVER = 0.5


def _luminance(colour) -> float | None:
    if colour is None:
        return None
    c = tuple(colour)
    if len(c) == 1:
        return float(c[0])
    if len(c) == 3:
        r, g, b = c
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(c) == 4:  # CMYK
        cc, m, y, k = c
        r, g, b = (1 - cc) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
        return 0.299 * r + 0.587 * g + 0.114 * b
    return None


def _boxes(page: pymupdf.Page) -> list[tuple[pymupdf.Rect, int, float]]:
    """Dark opaque filled rectangles on the page, with the drawing's sequence number and luminance."""
    out: list[tuple[pymupdf.Rect, int, float]] = []
    for d in page.get_drawings():
        if d.get("type") not in ("f", "fs"):
            continue
        op = d.get("fill_opacity")
        if op is not None and op < 0.95:
            continue
        lum = _luminance(d.get("fill"))
        if lum is None or lum > DARK_LUMINANCE:
            continue
        items = d.get("items") or []
        rects = [pymupdf.Rect(it[1]) for it in items if it[0] == "re"]
        rects += [pymupdf.Quad(it[1]).rect for it in items if it[0] == "qu" and pymupdf.Quad(it[1]).is_rectangular]
        if not rects and items and all(it[0] == "l" for it in items) and len(items) <= 5:
            rects = [pymupdf.Rect(d["rect"])]  # a closed four-sided path
        if len(rects) > 1 and any(a is not b and a.contains(b) for a in rects for b in rects):
            continue  # nested rectangles in one path draw a frame (e.g. a stamp border), not a box
        for r in rects:
            r.normalize()
            if r.width > MIN_SIDE and r.height > MIN_SIDE:
                out.append((r, d.get("seqno", 0), lum))
    return out


def find_page(page: pymupdf.Page) -> list[ForcedRegion]:
    regions: list[ForcedRegion] = []
    pno = page.number
    for annot in page.annots(types=[pymupdf.PDF_ANNOT_REDACT]) or []:
        regions.append(ForcedRegion(pno, tuple(annot.rect), ReasonCode.SR, EntityType.SOURCE_REDACTION))
    boxes = _boxes(page)
    if not boxes:
        return regions
    hidden = [False] * len(boxes)
    for span in page.get_texttrace():
        sseq = span.get("seqno", 0)
        slum = _luminance(span.get("color"))
        srect = pymupdf.Rect(span["bbox"])
        cands = [
            i
            for i, (r, bseq, blum) in enumerate(boxes)
            if not hidden[i]
            and srect.intersects(r)
            # drawn under the box, or drawn on it in (nearly) the same colour
            and (bseq > sseq or span.get("type") == 3 or (slum is not None and abs(slum - blum) < 0.15))
        ]
        if not cands:
            continue
        for ch in span["chars"]:
            if chr(ch[0]).isspace():
                continue
            cr = pymupdf.Rect(ch[3])
            area = abs(cr.get_area())
            if area <= 0:
                continue
            for i in cands:
                if not hidden[i] and abs((cr & boxes[i][0]).get_area()) >= MIN_COVER * area:
                    hidden[i] = True
    # get_drawings()/get_texttrace() already report unrotated page coordinates
    for (r, _, _), h in zip(boxes, hidden):
        if h:
            regions.append(ForcedRegion(pno, (r.x0, r.y0, r.x1, r.y1), ReasonCode.SR, EntityType.SOURCE_REDACTION))
    return regions


def find_fake_redactions(doc: pymupdf.Document) -> list[ForcedRegion]:
    """All boxes over live text (and pending redaction annotations) in ``doc``."""
    out: list[ForcedRegion] = []
    for page in doc:
        out.extend(find_page(page))
    return out
