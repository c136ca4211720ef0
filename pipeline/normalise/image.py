"""Images (JPG, PNG, TIFF incl. multi-page) -> PDF pages with an invisible OCR text layer.

Pixel dimensions are read from the header and checked before any decoding, so a
decompression bomb is refused without being expanded. Each frame is OCR'd with
tesseract (``image_to_pdf_or_hocr``: the image plus invisible text) and becomes one page.
"""
from __future__ import annotations

import io
import logging
import warnings

import pymupdf
from PIL import Image, ImageOps, UnidentifiedImageError

from pipeline.errors import DocumentError
from pipeline.limits import Limits

log = logging.getLogger(__name__)

OCR_LANG = "eng"
OCR_TIMEOUT_S = 180
A4_W, A4_H = 595.0, 842.0


def _check_pixels(w: int, h: int, limits: Limits) -> None:
    if w <= 0 or h <= 0:
        raise DocumentError("the image has no pixels")
    if w * h > limits.max_image_pixels:
        raise DocumentError(f"the image is too large ({w * h / 1e6:.0f} million pixels)")


def ocr_to_pdf_page(img: Image.Image) -> pymupdf.Document:
    """OCR one PIL image; returns a one-page PDF (image + invisible text)."""
    import pytesseract

    if img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    try:
        pdf = pytesseract.image_to_pdf_or_hocr(img, extension="pdf", lang=OCR_LANG, timeout=OCR_TIMEOUT_S)
    except RuntimeError:
        raise DocumentError("reading the text in the image (OCR) took too long") from None
    except pytesseract.TesseractNotFoundError:
        raise DocumentError("the text-recognition program (tesseract) is not installed") from None
    except Exception as e:
        log.warning("OCR failed: %s", type(e).__name__)
        raise DocumentError("the text in the image could not be read (OCR failed)") from None
    return pymupdf.open("pdf", pdf)


def _page_size(img: Image.Image) -> tuple[float, float]:
    """A sensible page size in points: the image's own resolution, shrunk to fit A4 if larger."""
    w, h = img.size
    dpi = img.info.get("dpi")
    try:
        xd, yd = float(dpi[0]), float(dpi[1])  # type: ignore[index]
    except Exception:
        xd = yd = 0.0
    if not (72 <= xd <= 1200 and 72 <= yd <= 1200):
        xd = yd = 150.0
    pw, ph = w / xd * 72, h / yd * 72
    s = min(1.0, A4_W / pw, A4_H / ph) if pw <= ph else min(1.0, A4_H / pw, A4_W / ph)
    return pw * s, ph * s


def image_frames_to_pdf(data: bytes, limits: Limits) -> tuple[bytes, list[int]]:
    """OCR every frame of an image file; returns (pdf bytes, 0-based OCR'd page numbers)."""
    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))  # reads the header only
    except Image.DecompressionBombError:
        raise DocumentError("the image is too large (more pixels than allowed)") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise DocumentError("the image is damaged or not in a format that can be read") from None
    out = pymupdf.open()
    pages: list[int] = []
    n_frames = getattr(im, "n_frames", 1) or 1
    if n_frames > limits.max_ocr_pages:
        raise DocumentError(f"the image has too many pages to read ({n_frames}; the limit is {limits.max_ocr_pages})")
    for i in range(n_frames):
        try:
            if i:
                im.seek(i)
            _check_pixels(*im.size, limits)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                frame = im.copy()  # decodes this frame
            frame = ImageOps.exif_transpose(frame) or frame
        except DocumentError:
            raise
        except Image.DecompressionBombError:
            raise DocumentError("the image is too large (more pixels than allowed)") from None
        except MemoryError:
            raise  # the per-document memory limit: reported as such, not as damage
        except Exception:
            raise DocumentError("the image is damaged and cannot be decoded") from None
        frame.info.setdefault("dpi", im.info.get("dpi"))
        ocr = ocr_to_pdf_page(frame)
        pw, ph = _page_size(frame)
        page = out.new_page(width=pw, height=ph)
        page.show_pdf_page(page.rect, ocr, 0)
        ocr.close()
        pages.append(out.page_count - 1)
    if out.page_count == 0:
        raise DocumentError("the image has no pages")
    try:
        return out.tobytes(garbage=3, deflate=True), pages
    finally:
        out.close()


def normalise_image(src, data: bytes, limits: Limits):
    from pipeline.models import NormalisedDocument
    from pipeline.normalise._common import find_date

    pdf, pages = image_frames_to_pdf(data, limits)
    d = pymupdf.open("pdf", pdf)
    try:
        first = d[0].get_text()
    finally:
        d.close()
    return NormalisedDocument(doc_id=src.doc_id, pdf=pdf, original_format=src.extension,
                              date=find_date(first), ocr_pages=pages)
