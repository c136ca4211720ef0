"""PDF -> PDF: copy the pages, OCR scanned pages, find boxes drawn over live text.

* Encrypted PDFs that need a password to open are refused; a PDF with only an owner
  password (permissions) is opened with the empty password and saved unencrypted.
* Annotations and form fields are baked into the page content (so their visible text is
  real page text); unapplied redaction annotations become forced SR regions; attached
  files, JavaScript, thumbnails and metadata are removed from the output; document-level
  embedded files are returned as ``attachments`` (like an email's) so that they can be
  processed as documents of their own.
* A page with (almost) no text but a large image is treated as a scan: it is rendered as
  displayed (~300 dpi), OCR'd, and replaced by an image + invisible-text page of the same
  displayed size (so that page's /Rotate becomes 0 and its crop box becomes the page).
  Every other page keeps its rotation and crop box as they are.
"""
from __future__ import annotations

import logging

import pymupdf
from PIL import Image

from pipeline.errors import DocumentError
from pipeline.limits import Limits
from pipeline.models import Attachment, ForcedRegion, SourceDocument
from pipeline.normalise._common import check_pages, find_date, finish_pdf, open_pdf
from pipeline.normalise.fake_redactions import find_fake_redactions
from pipeline.normalise.image import ocr_to_pdf_page

log = logging.getLogger(__name__)

OCR_DPI = 300
OCR_MAX_PIXELS = 40_000_000  # render scans at lower dpi rather than beyond this
SCAN_MAX_WORDS = 10  # a page with at most this many words ...
SCAN_MIN_IMAGE_COVER = 0.4  # ... and images covering this share of it is a scan


def _image_cover(page: pymupdf.Page) -> float:
    area = abs(page.rect.get_area()) or 1.0
    covered = 0.0
    for info in page.get_image_info():
        r = pymupdf.Rect(info["bbox"]) & page.rect
        covered = max(covered, abs(r.get_area()))
    return covered / area


def is_scanned(page: pymupdf.Page) -> bool:
    words = page.get_text("words")
    return len(words) <= SCAN_MAX_WORDS and _image_cover(page) >= SCAN_MIN_IMAGE_COVER


def _ocr_page(doc: pymupdf.Document, pno: int, limits: Limits) -> None:
    page = doc[pno]
    shown = page.rect  # displayed size (rotation applied)
    dpi = OCR_DPI
    max_px = min(OCR_MAX_PIXELS, limits.max_image_pixels)
    while dpi > 50 and (shown.width * dpi / 72) * (shown.height * dpi / 72) > max_px:
        dpi -= 25
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
    img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    img.info["dpi"] = (dpi, dpi)
    ocr = ocr_to_pdf_page(img)
    try:
        new = doc.new_page(pno, width=shown.width, height=shown.height)
        new.show_pdf_page(new.rect, ocr, 0)
    finally:
        ocr.close()
    doc.delete_page(pno + 1)


def _embedded_files(doc: pymupdf.Document, limits: Limits) -> list[Attachment]:
    """Files embedded in the PDF (document-level), returned as attachments."""
    out: list[Attachment] = []
    try:
        names = doc.embfile_names()
    except Exception:
        return out
    for i, name in enumerate(names, start=1):
        try:
            info = doc.embfile_info(name)
            if (info.get("size") or 0) > limits.max_file_bytes:
                raise DocumentError("the PDF has an attached file that is too large")
            data = doc.embfile_get(name)
        except DocumentError:
            raise
        except Exception:
            continue
        fname = (info.get("filename") or info.get("ufilename") or name or f"attachment-{i}").replace("/", "_")
        out.append(Attachment(fname, data))
    return out


def _clean(doc: pymupdf.Document) -> list[ForcedRegion]:
    """Turn pending redaction annotations into forced regions, bake the rest, scrub extras."""
    forced: list[ForcedRegion] = []
    for page in doc:
        redacts = list(page.annots(types=[pymupdf.PDF_ANNOT_REDACT]) or [])
        for annot in redacts:
            forced.append(ForcedRegion(page.number, tuple(pymupdf.Rect(annot.rect))))
        for annot in redacts:
            page.delete_annot(annot)
    try:
        doc.scrub(
            attached_files=True, clean_pages=False, embedded_files=True, hidden_text=False,
            javascript=True, metadata=True, redactions=False, redact_images=0,
            remove_links=False, reset_fields=False, reset_responses=False,
            thumbnails=True, xml_metadata=True,
        )
    except Exception as e:
        log.warning("scrub skipped: %s", type(e).__name__)
    try:
        doc.bake(annots=True, widgets=True)
    except Exception as e:
        log.warning("bake skipped: %s", type(e).__name__)
    return forced


def normalise_pdf(src: SourceDocument, data: bytes, limits: Limits):
    from pipeline.models import NormalisedDocument

    if b"%PDF" not in data[:1024]:
        raise DocumentError("the PDF is damaged and cannot be opened (it does not start like a PDF)")
    doc = open_pdf(data)
    try:
        if doc.needs_pass and not doc.authenticate(""):
            raise DocumentError("the PDF is encrypted and needs a password")
        if doc.is_encrypted and doc.needs_pass:
            raise DocumentError("the PDF is encrypted and needs a password")
        if not doc.is_pdf:
            raise DocumentError("the file is not a PDF")
        check_pages(doc, limits)
        try:
            title = (doc.metadata or {}).get("title") or None
        except Exception:
            title = None
        attachments = _embedded_files(doc, limits)
        forced = _clean(doc)
        # find scans, then OCR them
        scans: list[int] = []
        for pno in range(doc.page_count):
            try:
                if is_scanned(doc[pno]):
                    scans.append(pno)
            except Exception:
                raise DocumentError("the PDF is damaged and cannot be read") from None
        if len(scans) > limits.max_ocr_pages:
            raise DocumentError(
                f"the PDF has too many scanned pages to read ({len(scans)}; the limit is {limits.max_ocr_pages})"
            )
        for pno in scans:
            _ocr_page(doc, pno, limits)
        forced += find_fake_redactions(doc)
        try:
            first_text = doc[0].get_text()
        except Exception:
            first_text = ""
        pdf = finish_pdf(doc)
    except DocumentError:
        raise
    except Exception as e:
        log.warning("pdf %s failed: %s", src.doc_id, type(e).__name__)
        raise DocumentError("the PDF is damaged and cannot be read") from None
    finally:
        doc.close()
    title = " ".join(title.split())[:200] if title and title.strip() else None
    return NormalisedDocument(
        doc_id=src.doc_id,
        pdf=pdf,
        original_format="pdf",
        title=title,
        date=find_date(first_text),
        ocr_pages=scans,
        forced_regions=forced,
        attachments=attachments,
    )
