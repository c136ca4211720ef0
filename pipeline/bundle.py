"""Bundle: all disclosed documents in one PDF, stamped, with one bookmark per document.

Every source page is placed on a fresh page inside a content area that leaves a
margin band at the foot, so the running stamp can never overlap content.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pymupdf

FONT_DIR = Path(__file__).parent / "fonts"
STAMP_FONT = FONT_DIR / "DejaVuSans.ttf"
A4 = pymupdf.paper_rect("a4")
STAMP_BAND = 28.0  # points kept free at the foot of every page for the stamp
SIDE_MARGIN = 18.0


@dataclass
class BundleItem:
    doc_id: str
    title: str = field(repr=False)  # already safe to disclose (third-party names redacted)
    pdf: bytes = field(repr=False)  # the redacted document
    original_format: str = ""
    date: date | None = None
    parent: str | None = None  # doc_id of the email it was attached to
    redactions: int = 0


@dataclass
class BundleOutput:
    pdf: bytes = field(repr=False)
    pages: int
    ranges: dict[str, tuple[int, int]]  # doc_id -> (first, last) 1-based bundle pages


def content_rect(page_rect: pymupdf.Rect = A4) -> pymupdf.Rect:
    return pymupdf.Rect(
        page_rect.x0 + SIDE_MARGIN, page_rect.y0 + SIDE_MARGIN, page_rect.x1 - SIDE_MARGIN, page_rect.y1 - STAMP_BAND
    )


def stamp_rect(page_rect: pymupdf.Rect = A4) -> pymupdf.Rect:
    return pymupdf.Rect(page_rect.x0, page_rect.y1 - STAMP_BAND, page_rect.x1, page_rect.y1)


def _place(out: pymupdf.Document, src: pymupdf.Document) -> int:
    """Copy each page of ``src`` onto a new A4 page (landscape for wide pages), scaled into
    the content area. Returns the number of pages added."""
    for page in src:
        r = page.rect  # as displayed (rotation applied)
        landscape = r.width > r.height
        size = pymupdf.Rect(0, 0, A4.height, A4.width) if landscape else A4
        new = out.new_page(width=size.width, height=size.height)
        new.show_pdf_page(content_rect(size), src, page.number, keep_proportion=True)
    return len(src)


def stamp_pages(doc: pymupdf.Document, case_id: str, first: int = 0) -> None:
    """Stamp pages from ``first`` on with ``<CASE_ID>-0001`` and ``<CASE_ID> — Page N of M``."""
    total = len(doc) - first
    for i in range(first, len(doc)):
        page = doc[i]
        n = i - first + 1
        band = stamp_rect(page.rect)
        y = band.y1 - 11
        page.insert_text(
            (band.x0 + SIDE_MARGIN, y), f"{case_id}-{n:04d}", fontsize=8,
            fontname="sarpackstamp", fontfile=str(STAMP_FONT), color=(0.2, 0.2, 0.2),
        )
        label = f"{case_id} \u2014 Page {n} of {total}"
        font = pymupdf.Font(fontfile=str(STAMP_FONT))
        w = font.text_length(label, fontsize=8)
        page.insert_text(
            (band.x1 - SIDE_MARGIN - w, y), label, fontsize=8,
            fontname="sarpackstamp", fontfile=str(STAMP_FONT), color=(0.2, 0.2, 0.2),
        )


def assemble(case_id: str, items: list[BundleItem]) -> BundleOutput:
    """Put the items in the given order into one stamped, bookmarked PDF."""
    out = pymupdf.open()
    ranges: dict[str, tuple[int, int]] = {}
    toc: list[list] = []
    for item in items:
        with pymupdf.open(stream=item.pdf, filetype="pdf") as src:
            start = len(out) + 1
            n = _place(out, src)
        if n == 0:
            continue
        ranges[item.doc_id] = (start, start + n - 1)
        level = 2 if item.parent and item.parent in ranges else 1
        toc.append([level, item.title, start])
    stamp_pages(out, case_id)
    out.set_toc(toc)
    out.set_metadata({})
    pdf = out.tobytes(garbage=3, deflate=True, no_new_id=True)
    pages = len(out)
    out.close()
    return BundleOutput(pdf=pdf, pages=pages, ranges=ranges)
