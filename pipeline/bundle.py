"""Bundle: cover letter, index, the disclosed documents and the schedule in one PDF.

Layout::

    Cover letter        unstamped; page labels "Cover" (or "Cover i", "Cover ii", ...)
    Index               stamped page 1..
    Documents           in the order given (chronological by default, see finalise.order_documents)
    Schedule            what was not included, and why

Every page after the cover letter is stamped in the foot band with a running reference
``<CASE_ID>-0001`` (left) and ``<CASE_ID> — Page N of M`` (right), N and M counting stamped
pages only; the PDF page labels match (the first stamped page is labelled "1"). A source
page is copied 1:1 when its content already clears the foot band, and scaled into the
content area otherwise, so the stamp never overlaps content. One bookmark per document
(attachments nested under their email) plus "Cover letter", "Index" and "Schedule".
Output is deterministic: same inputs, same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pymupdf

from pipeline.cover import CoverInfo, IndexRow, ScheduleRow, cover_pdf, index_pdf, schedule_pdf
from pipeline.redact import _insert_font_once, add_font_ref

FONT_DIR = Path(__file__).parent / "fonts"
STAMP_FONT = FONT_DIR / "DejaVuSans.ttf"
STAMP_FONTNAME = "sarpackstamp"
STAMP_SIZE = 8.0
A4 = pymupdf.paper_rect("a4")
STAMP_BAND = 28.0  # points kept free at the foot of every page for the stamp
SIDE_MARGIN = 18.0
COVER_BOOKMARK = "Cover letter"
INDEX_BOOKMARK = "Index"
SCHEDULE_BOOKMARK = "Schedule of information not included"


@dataclass
class BundleItem:
    doc_id: str
    title: str = field(repr=False)  # already safe to disclose (third-party names redacted)
    pdf: bytes = field(repr=False)  # the redacted document
    original_format: str = ""
    date: date | None = None
    parent: str | None = None  # doc_id of the email it was attached to
    redactions: int = 0
    number: str = ""  # item number in the index ("3", attachments "3.1"); set by number_items
    # per page of ``pdf``: can it be copied 1:1 (:func:`pages_fit_unscaled`), when already
    # worked out (in the redaction worker); None: worked out here
    fits: list[bool] | None = field(default=None, repr=False)


@dataclass
class BundleOutput:
    pdf: bytes = field(repr=False)
    pages: int
    ranges: dict[str, tuple[int, int]]  # doc_id -> (first, last) 1-based physical PDF pages
    cover_pages: int = 0  # unstamped pages at the front
    index_pages: tuple[int, int] | None = None  # physical
    schedule_pages: tuple[int, int] | None = None  # physical
    numbers: dict[str, str] = field(default_factory=dict)  # doc_id -> item number

    @property
    def stamped_pages(self) -> int:
        return self.pages - self.cover_pages

    def stamp_number(self, physical: int) -> int:
        """The N of "Page N of M" printed on a 1-based physical page."""
        return physical - self.cover_pages

    def reference(self, case_id: str, physical: int) -> str:
        return running_reference(case_id, self.stamp_number(physical))


def running_reference(case_id: str, n: int) -> str:
    return f"{case_id}-{n:04d}"


def page_stamp(case_id: str, n: int, total: int) -> str:
    return f"{case_id} \u2014 Page {n} of {total}"


def content_rect(page_rect: pymupdf.Rect = A4) -> pymupdf.Rect:
    return pymupdf.Rect(
        page_rect.x0 + SIDE_MARGIN, page_rect.y0 + SIDE_MARGIN, page_rect.x1 - SIDE_MARGIN, page_rect.y1 - STAMP_BAND
    )


def stamp_rect(page_rect: pymupdf.Rect = A4) -> pymupdf.Rect:
    return pymupdf.Rect(page_rect.x0, page_rect.y1 - STAMP_BAND, page_rect.x1, page_rect.y1)


def _content_bbox(page: pymupdf.Page) -> pymupdf.Rect:
    """The union of the page's valid, non-empty drawing boxes (``Rect |=`` over plain numbers:
    the same result without a Rect object per box)."""
    lo, hi = pymupdf.FZ_MIN_INF_RECT, pymupdf.FZ_MAX_INF_RECT
    bx0 = by0 = bx1 = by1 = 0.0
    for _kind, r in page.get_bboxlog():
        x0, y0, x1, y1 = float(r[0]), float(r[1]), float(r[2]), float(r[3])
        if not (x0 < x1 and y0 < y1):
            continue  # not (Rect.is_valid and not Rect.is_empty)
        if (x0 == y0 == lo and x1 == y1 == hi) or (bx0 == by0 == lo and bx1 == by1 == hi):
            bx0 = by0 = lo
            bx1 = by1 = hi
        elif bx0 >= bx1 or by0 >= by1:
            bx0, by0, bx1, by1 = x0, y0, x1, y1
        else:
            bx0, by0 = min(bx0, x0), min(by0, y0)
            bx1, by1 = max(bx1, x1), max(by1, y1)
    return pymupdf.Rect(bx0, by0, bx1, by1)


def _fits_unscaled(page: pymupdf.Page, size: pymupdf.Rect) -> bool:
    """A page can be copied 1:1 when it is (about) the target size, unrotated, and nothing
    on it reaches into the stamp band."""
    r = page.rect
    if page.rotation or abs(r.width - size.width) > 1 or abs(r.height - size.height) > 1:
        return False
    if page.cropbox.x0 or page.cropbox.y0 or page.mediabox.x0 or page.mediabox.y0:
        return False
    bbox = _content_bbox(page) & r
    return bbox.is_empty or bbox.y1 <= size.y1 - STAMP_BAND - 2


def _target_size(page: pymupdf.Page) -> pymupdf.Rect:
    r = page.rect  # as displayed (rotation applied)
    return pymupdf.Rect(0, 0, A4.height, A4.width) if r.width > r.height else A4  # landscape for wide pages


def pages_fit_unscaled(pdf: bytes) -> list[bool]:
    """For each page of ``pdf``: will the bundle copy it 1:1 (see :func:`_place`)? Worked out
    where the document is redacted (in parallel), so that bundling does not look again."""
    with pymupdf.open(stream=pdf, filetype="pdf") as src:
        return [_fits_unscaled(page, _target_size(page)) for page in src]


def _place(out: pymupdf.Document, src: pymupdf.Document, fits: list[bool] | None = None) -> int:
    """Copy each page of ``src`` onto a new A4 page (landscape for wide pages): 1:1 when its
    content clears the foot band, else scaled into the content area. Returns pages added.
    ``fits``: :func:`pages_fit_unscaled` of ``src``, when known."""
    if fits is not None and len(fits) != len(src):
        fits = None
    for page in src:
        size = _target_size(page)
        new = out.new_page(width=size.width, height=size.height)
        fit = fits[page.number] if fits is not None else _fits_unscaled(page, size)
        target = size if fit else content_rect(size)
        new.show_pdf_page(target, src, page.number, keep_proportion=True)
    return len(src)


def stamp_pages(doc: pymupdf.Document, case_id: str, first: int = 0) -> None:
    """Stamp pages from ``first`` on with ``<CASE_ID>-0001`` and ``<CASE_ID> — Page N of M``.

    Writes the same content stream per page as ``Shape.insert_text`` (twice) and
    ``Shape.commit`` would (:func:`_stamp_pages_with_shapes`, kept as the reference and
    compared in the tests), without working out the font's glyph table, the text widths and
    the page's fonts again for every page (~1 ms a page: a third of bundling)."""
    total = len(doc) - first
    if total <= 0:
        return
    if max(map(ord, page_stamp(case_id, 1, 1))) >= _STAMP_MAXCODE:  # beyond the glyph table kept here
        return _stamp_pages_with_shapes(doc, case_id, first)
    font = _stamp_font()
    font_xref = 0
    advance: dict[str, float] = {}
    tj: dict[str, str] = {}
    glyphs = None
    simple, ordering = False, -1
    colour = pymupdf.ColorCode(STAMP_COLOUR, "c") + pymupdf.ColorCode(STAMP_COLOUR, "f")

    def encode(text: str) -> str:
        return "".join(tj[c] if c in tj else tj.setdefault(c, pymupdf.getTJstr(c, glyphs, simple, ordering)[2:-2])
                       for c in text)

    def width(text: str) -> float:
        # Font.text_length adds the advances in order, then multiplies by the size: the same here
        return sum(advance[c] if c in advance else advance.setdefault(c, font.text_length(c, fontsize=1))
                   for c in text) * STAMP_SIZE

    for i in range(first, len(doc)):
        page = doc[i]
        n = i - first + 1
        band = stamp_rect(page.rect)
        y = band.y1 - 11
        if not (font_xref and add_font_ref(doc, page, STAMP_FONTNAME, font_xref)):
            font_xref = page.insert_font(fontname=STAMP_FONTNAME, fontfile=str(STAMP_FONT))
            info = pymupdf.CheckFontInfo(doc, font_xref)[1]
            simple, ordering = info["simple"], info["ordering"]
            if simple:  # pragma: no cover - a TrueType font file is always embedded as Type0
                return _stamp_pages_with_shapes(doc, case_id, first)
            if glyphs is None:
                glyphs = doc.get_char_widths(font_xref, _STAMP_MAXCODE)
        label = page_stamp(case_id, n, total)
        height, origin = page.mediabox_size.y, page.cropbox_position
        parts = []
        for x, text in ((band.x0 + SIDE_MARGIN, running_reference(case_id, n)),
                        (band.x1 - SIDE_MARGIN - width(label), label)):
            left, top = x + origin.x, height - y - origin.y
            parts.append(f"\nq\nBT\n1 0 0 1 {pymupdf._format_g((left, top))} Tm\n/{STAMP_FONTNAME} "
                         f"{pymupdf._format_g(STAMP_SIZE)} Tf {colour}[<{encode(text)}>]TJ\nET\nQ\n")
        page.wrap_contents()  # what Shape.commit does first
        xref = pymupdf.TOOLS._insert_contents(page, b" ", True)
        doc.update_stream(xref, "".join(parts).encode(), compress=False)  # the bundle is deflated when saved


STAMP_COLOUR = (0.2, 0.2, 0.2)
_STAMP_MAXCODE = 0x2015  # characters up to the em dash of the page stamp
_FONTS: dict[str, object] = {}  # fonts and font metrics, loaded once


def _stamp_font() -> pymupdf.Font:
    if "stamp" not in _FONTS:
        _FONTS["stamp"] = pymupdf.Font(fontfile=str(STAMP_FONT))
    return _FONTS["stamp"]


def _stamp_pages_with_shapes(doc: pymupdf.Document, case_id: str, first: int = 0) -> None:
    """:func:`stamp_pages` with PyMuPDF's ``Shape.insert_text``: the reference (and the way
    for characters beyond what the fast path encodes)."""
    total = len(doc) - first
    font = _stamp_font()
    font_xref = 0
    for i in range(first, len(doc)):
        page = doc[i]
        n = i - first + 1
        band = stamp_rect(page.rect)
        y = band.y1 - 11
        if font_xref and add_font_ref(doc, page, STAMP_FONTNAME, font_xref):
            pass  # the font object embedded for the first page, named in this page's resources
        else:
            font_xref = page.insert_font(fontname=STAMP_FONTNAME, fontfile=str(STAMP_FONT))
        _insert_font_once(page)  # insert_text looks the font up per call: once a page is enough
        label = page_stamp(case_id, n, total)
        w = font.text_length(label, fontsize=STAMP_SIZE)
        shape = page.new_shape()  # both stamps in one content stream (as two insert_text calls would draw)
        for x, text in ((band.x0 + SIDE_MARGIN, running_reference(case_id, n)), (band.x1 - SIDE_MARGIN - w, label)):
            shape.insert_text((x, y), text, fontsize=STAMP_SIZE, fontname=STAMP_FONTNAME, fontfile=str(STAMP_FONT),
                              color=STAMP_COLOUR)
        shape.commit()


# Standard-14 fonts a source PDF may use without embedding them, and metric-compatible
# substitutes (Liberation, Debian package fonts-liberation) embedded in their place.
SUBSTITUTE_DIRS = (Path("/usr/share/fonts/truetype/liberation"), Path("/usr/share/fonts/truetype/liberation2"))
_BASE14 = {
    "Helvetica": ("LiberationSans-Regular.ttf", "helv", 32),
    "Helvetica-Bold": ("LiberationSans-Bold.ttf", "hebo", 32 | 262144),
    "Helvetica-Oblique": ("LiberationSans-Italic.ttf", "heit", 32 | 64),
    "Helvetica-BoldOblique": ("LiberationSans-BoldItalic.ttf", "hebi", 32 | 64 | 262144),
    "Arial": ("LiberationSans-Regular.ttf", "helv", 32),
    "Times-Roman": ("LiberationSerif-Regular.ttf", "tiro", 34),
    "Times-Bold": ("LiberationSerif-Bold.ttf", "tibo", 34 | 262144),
    "Times-Italic": ("LiberationSerif-Italic.ttf", "tiit", 34 | 64),
    "Times-BoldItalic": ("LiberationSerif-BoldItalic.ttf", "tibi", 34 | 64 | 262144),
    "Courier": ("LiberationMono-Regular.ttf", "cour", 33),
    "Courier-Bold": ("LiberationMono-Bold.ttf", "cobo", 33 | 262144),
    "Courier-Oblique": ("LiberationMono-Italic.ttf", "coit", 33 | 64),
    "Courier-BoldOblique": ("LiberationMono-BoldItalic.ttf", "cobi", 33 | 64 | 262144),
}


def _substitute_file(name: str) -> Path | None:
    for d in SUBSTITUTE_DIRS:
        if (d / name).is_file():
            return d / name
    return None


def _base14_widths(name: str) -> str:
    """The /Widths of a standard-14 font (PyMuPDF's built-in ``name``) for codes 32-255 in
    WinAnsiEncoding, worked out once (every source document has its own Helvetica)."""
    key = "widths:" + name
    if key not in _FONTS:
        metrics = pymupdf.Font(name)
        widths = []
        for code in range(32, 256):
            ch = bytes([code]).decode("cp1252", errors="ignore")
            widths.append(round(metrics.glyph_advance(ord(ch)) * 1000) if ch else 0)
        _FONTS[key] = " ".join(map(str, widths))
    return _FONTS[key]


def embed_standard_fonts(doc: pymupdf.Document) -> int:
    """Replace every non-embedded standard-14 simple font (Helvetica, Times, Courier) with an
    embedded, metric-compatible TrueType font. The glyph widths of the standard font are kept
    in ``/Widths``, so text is laid out exactly as before. Returns the number replaced; fonts
    without a substitute on this machine are left alone."""
    done = 0
    files: dict[str, int] = {}
    for xref in range(1, doc.xref_length()):
        try:
            if doc.xref_get_key(xref, "Type") != ("name", "/Font") or doc.xref_get_key(xref, "Subtype") != ("name", "/Type1"):
                continue
            if doc.xref_get_key(xref, "FontDescriptor")[0] != "null":
                continue
            base = doc.xref_get_key(xref, "BaseFont")[1].lstrip("/")
        except Exception:  # noqa: BLE001 - a strange object is not a font we can fix
            continue
        spec = _BASE14.get(base)
        enc_kind, enc = doc.xref_get_key(xref, "Encoding")
        if spec is None or (enc_kind != "null" and enc != "/WinAnsiEncoding"):
            continue
        path = _substitute_file(spec[0])
        if path is None:
            continue
        if spec[0] not in files:
            data = path.read_bytes()
            fx = doc.get_new_xref()
            doc.update_object(fx, f"<< /Length1 {len(data)} >>")
            doc.update_stream(fx, data, new=True)
            files[spec[0]] = fx
        widths = _base14_widths(spec[1])
        ps_name = spec[0].rsplit(".", 1)[0].replace("-Regular", "")
        fd = doc.get_new_xref()
        doc.update_object(
            fd,
            f"<< /Type /FontDescriptor /FontName /{ps_name} /Flags {spec[2]} /FontBBox [-665 -325 2000 1040] "
            f"/ItalicAngle {-12 if spec[2] & 64 else 0} /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 "
            f"/FontFile2 {files[spec[0]]} 0 R >>",
        )
        doc.update_object(
            xref,
            f"<< /Type /Font /Subtype /TrueType /BaseFont /{ps_name} /FirstChar 32 /LastChar 255 "
            f"/Widths [{widths}] /Encoding /WinAnsiEncoding /FontDescriptor {fd} 0 R >>",
        )
        done += 1
    return done


def number_items(items: list[BundleItem]) -> None:
    """Item numbers in bundle order: "1", "2", ...; an attachment that follows its email
    is numbered under it ("2.1", "2.2")."""
    top = 0
    children: dict[str, int] = {}
    numbers: dict[str, str] = {}
    for it in items:
        if it.parent and it.parent in numbers:
            children[it.parent] = children.get(it.parent, 0) + 1
            it.number = f"{numbers[it.parent]}.{children[it.parent]}"
        else:
            top += 1
            it.number = str(top)
        numbers[it.doc_id] = it.number


def _page_count(pdf: bytes) -> int:
    with pymupdf.open(stream=pdf, filetype="pdf") as d:
        return len(d)


def assemble(
    case_id: str,
    items: list[BundleItem],
    *,
    cover: CoverInfo | None = None,
    schedule: list[ScheduleRow] | None = None,
) -> BundleOutput:
    """Put the items, in the given order, into one stamped, bookmarked PDF with a cover letter,
    an index and a schedule. Without ``cover`` only the documents are bundled (all stamped)."""
    if not all(it.number for it in items):
        number_items(items)

    body = pymupdf.open()
    doc_ranges: dict[str, tuple[int, int]] = {}  # 0-based, within body
    placed: list[BundleItem] = []
    for item in items:
        with pymupdf.open(stream=item.pdf, filetype="pdf") as src:
            start = len(body)
            n = _place(body, src, item.fits)
        if n == 0:
            continue
        doc_ranges[item.doc_id] = (start, start + n - 1)
        placed.append(item)

    out = pymupdf.open()
    toc: list[list] = []
    cover_pages = 0
    index_range = schedule_range = None
    if cover is not None:
        sched = schedule_pdf(case_id, schedule or [])
        s_pages = _page_count(sched)
        x = 1  # index pages; the index's page numbers depend on its own length
        for _ in range(6):
            rows = [
                IndexRow(
                    number=it.number, title=it.title, date=it.date, format=it.original_format,
                    first=x + doc_ranges[it.doc_id][0] + 1, last=x + doc_ranges[it.doc_id][1] + 1,
                    redactions=it.redactions, level=2 if it.number.count(".") else 1,
                )
                for it in placed
            ]
            schedule_first = x + len(body) + 1
            index = index_pdf(case_id, rows, schedule_page=schedule_first)
            nx = _page_count(index)
            if nx == x:
                break
            x = nx
        else:  # pragma: no cover - the index length oscillates; should not happen
            raise RuntimeError("the index could not be laid out")
        total = x + len(body) + s_pages
        letter = cover_pdf(cover, index_page=1, schedule_page=schedule_first, stamped_pages=total)
        with pymupdf.open(stream=letter, filetype="pdf") as d:
            out.insert_pdf(d)
        cover_pages = len(out)
        toc.append([1, COVER_BOOKMARK, 1])
        with pymupdf.open(stream=index, filetype="pdf") as d:
            out.insert_pdf(d)
        index_range = (cover_pages + 1, cover_pages + x)
        toc.append([1, INDEX_BOOKMARK, cover_pages + 1])

    offset = len(out)
    out.insert_pdf(body)
    body.close()
    ranges: dict[str, tuple[int, int]] = {}
    levels: dict[str, int] = {}
    for it in placed:
        a, b = doc_ranges[it.doc_id]
        ranges[it.doc_id] = (offset + a + 1, offset + b + 1)
        level = levels[it.parent] + 1 if it.parent and it.parent in levels else 1
        levels[it.doc_id] = level
        toc.append([level, f"{it.number}. {it.title}", offset + a + 1])

    if cover is not None:
        first = len(out) + 1
        with pymupdf.open(stream=sched, filetype="pdf") as d:
            out.insert_pdf(d)
        schedule_range = (first, len(out))
        toc.append([1, SCHEDULE_BOOKMARK, first])

    stamp_pages(out, case_id, first=cover_pages)
    labels = []
    if cover_pages == 1:
        labels.append({"startpage": 0, "prefix": "Cover", "style": ""})
    elif cover_pages > 1:
        labels.append({"startpage": 0, "prefix": "Cover ", "style": "r", "firstpagenum": 1})
    labels.append({"startpage": cover_pages, "prefix": "", "style": "D", "firstpagenum": 1})
    out.set_page_labels(labels)
    out.set_toc(toc)
    embed_standard_fonts(out)
    out.subset_fonts()
    out.set_metadata({})
    out.del_xml_metadata()
    pdf = out.tobytes(garbage=4, deflate=True, no_new_id=True)
    pages = len(out)
    out.close()
    return BundleOutput(
        pdf=pdf, pages=pages, ranges=ranges, cover_pages=cover_pages, index_pages=index_range,
        schedule_pages=schedule_range, numbers={it.doc_id: it.number for it in placed},
    )
