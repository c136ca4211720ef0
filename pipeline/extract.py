"""Extract: PDF page -> text plus one rectangle per character.

Coordinates are PyMuPDF's unrotated, cropbox-relative page space: exactly what
``Page.add_redact_annot`` expects, so rotated pages and offset cropboxes need no
special handling downstream.
"""
from __future__ import annotations

from array import array

import pymupdf

from pipeline.models import PageText

# Keep whitespace as written. Ligatures are expanded ("ﬁ" -> "f", "i") so that a name such as
# "Griffith" is seen as written whatever the font did. No clipping to the mediabox, so that
# text placed outside the visible area is still seen (and so still detected and verified).
_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE
_ZERO = (0.0, 0.0, 0.0, 0.0)


def page_text(page: pymupdf.Page) -> PageText:
    """The text of one page with a per-character box map.

    Lines end with a newline; blocks are separated by a blank line. Characters of
    the text layer that are invisible (OCR layers, render mode 3) are included.
    """
    raw = page.get_text("rawdict", flags=_FLAGS)
    chars: list[str] = []
    boxes = array("f")
    first_block = True
    for block in raw["blocks"]:
        if block.get("type") != 0:
            continue
        if not first_block:
            chars.append("\n")
            boxes.extend(_ZERO)
        first_block = False
        for line in block["lines"]:
            for span in line["spans"]:
                for ch in span["chars"]:
                    c = ch["c"]
                    if not c:
                        continue
                    x0, y0, x1, y1 = ch["bbox"]
                    # A multi-code-point glyph (ligature kept as one char) maps to one box.
                    for sub in c:
                        chars.append(sub)
                        boxes.extend((x0, y0, x1, y1))
            chars.append("\n")
            boxes.extend(_ZERO)
    return PageText(page=page.number, text="".join(chars), boxes=boxes)


def extract_pages(pdf: bytes) -> list[PageText]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [page_text(p) for p in doc]


def plain_text(pdf: bytes) -> str:
    """All text of a PDF (pages separated by form feeds), for verification and duplicates."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return "\f".join(p.get_text("text", flags=_FLAGS) for p in doc)
