"""HTML -> PDF with ``pymupdf.Story``: A4 pages, embedded DejaVu fonts, no Base-14 fonts.

Used by normalisation (DOCX, EML, TXT, CSV/XLSX are rendered from their content) and by
the bundle (cover letter, index, schedule). Usage::

    from pipeline.render import html_to_pdf, esc
    pdf = html_to_pdf(f"<h1>{esc(title)}</h1><p>{esc(body)}</p>")

Rules for callers:

* Always pass text through :func:`esc` (or ``html.escape``) before putting it in HTML.
* The default stylesheet (:data:`BASE_CSS`) sets the DejaVu families for every element;
  ``extra_css`` is appended after it. Families available: ``sans`` (DejaVu Sans, with
  bold/italic) and ``mono`` (DejaVu Sans Mono). Useful classes: ``.pre`` keeps line
  breaks and spaces as written (``white-space: pre-wrap``), ``.muted``, ``.note``;
  ``table.grid`` draws cell borders.
* The returned PDF has empty metadata except the title, when one is given.
"""
from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pymupdf

FONT_DIR = Path(__file__).resolve().parent / "fonts"

A4 = pymupdf.paper_rect("a4")  # 595 x 842 pt
MARGIN = 56.0  # points, a little under 2 cm

_FONT_FACES = """
@font-face { font-family: sans; src: url(DejaVuSans.ttf); }
@font-face { font-family: sans; src: url(DejaVuSans-Bold.ttf); font-weight: bold; }
@font-face { font-family: sans; src: url(DejaVuSans-Oblique.ttf); font-style: italic; }
@font-face { font-family: sans; src: url(DejaVuSans-BoldOblique.ttf); font-weight: bold; font-style: italic; }
@font-face { font-family: mono; src: url(DejaVuSansMono.ttf); }
@font-face { font-family: mono; src: url(DejaVuSansMono.ttf); font-weight: bold; }
@font-face { font-family: mono; src: url(DejaVuSansMono.ttf); font-style: italic; }
"""

BASE_CSS = _FONT_FACES + """
* { font-family: sans; }
body { font-size: 10pt; line-height: 1.3; }
h1 { font-size: 15pt; font-weight: bold; margin: 0 0 8pt 0; }
h2 { font-size: 13pt; font-weight: bold; margin: 10pt 0 6pt 0; }
h3 { font-size: 11.5pt; font-weight: bold; margin: 8pt 0 4pt 0; }
h4, h5, h6 { font-size: 10.5pt; font-weight: bold; margin: 6pt 0 3pt 0; }
p { margin: 0 0 5pt 0; }
pre, code, .mono { font-family: mono; font-size: 9pt; }
.pre { white-space: pre-wrap; }
.muted { color: #555555; }
.note { color: #555555; font-style: italic; font-size: 9pt; }
table { border-collapse: collapse; margin: 4pt 0 8pt 0; }
table.grid { width: 100%; }
table.grid td, table.grid th { border: 0.5pt solid #888888; padding: 2pt 3pt; vertical-align: top; }
th { font-weight: bold; text-align: left; }
.box { border: 0.5pt solid #888888; padding: 4pt; margin: 4pt 0; }
"""


_LONG_RUN = re.compile(r"\S{60,}")


def _break_long(m: re.Match) -> str:
    run = m.group(0)
    return "\u200b".join(run[i:i + 50] for i in range(0, len(run), 50))


def esc(text: object) -> str:
    """HTML-escape any value (None becomes an empty string).

    Runs of 60+ characters without a space get a zero-width space every 50 characters,
    so that very long "words" (URLs, base64, IDs) wrap instead of running off the page.
    """
    if text is None:
        return ""
    return html.escape(_LONG_RUN.sub(_break_long, str(text)), quote=True)


_archive: pymupdf.Archive | None = None


def _fonts_archive() -> pymupdf.Archive:
    global _archive
    if _archive is None:
        _archive = pymupdf.Archive(str(FONT_DIR))
    return _archive


def html_to_pdf(
    body_html: str,
    *,
    title: str | None = None,
    extra_css: str = "",
    page_rect: pymupdf.Rect = A4,
    margin: float = MARGIN,
) -> bytes:
    """Lay out ``body_html`` (a fragment or a full document) on A4 pages and return PDF bytes.

    Fonts are the DejaVu TTFs in ``pipeline/fonts`` and are embedded (subset) in the output.
    ``title`` is only written to the PDF metadata; put a visible title in the HTML yourself.
    """
    story = pymupdf.Story(html=body_html, user_css=BASE_CSS + extra_css, archive=_fonts_archive())
    where = pymupdf.Rect(page_rect) + (margin, margin, -margin, -margin)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    more = True
    pages = 0
    while more:
        device = writer.begin_page(page_rect)
        more, _filled = story.place(where)
        story.draw(device)
        writer.end_page()
        pages += 1
        if pages > 100_000:  # a layout that never finishes; should not happen
            raise RuntimeError("layout did not terminate")
    writer.close()
    doc = pymupdf.open("pdf", buf.getvalue())
    try:
        doc.set_metadata({"title": title} if title else {})
        doc.del_xml_metadata()
        doc.subset_fonts()
        return doc.tobytes(garbage=3, deflate=True)
    finally:
        doc.close()
