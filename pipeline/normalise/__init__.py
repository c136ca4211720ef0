"""Normalise every source format to PDF pages the redactor can work on.

::

    from pipeline.normalise import normalise, attachment_sources
    nd = normalise(doc)                      # NormalisedDocument (PDF bytes + title/date/...)
    children = attachment_sources(doc, nd)   # email attachments as SourceDocuments

Formats: pdf, docx, eml, txt, csv, xlsx, jpg/jpeg, png, tif/tiff. Anything else raises
:class:`UnsupportedType`. Every failure raises :class:`DocumentError` with a reason a
caseworker can read; no library exception escapes, and no document text is put into an
error or a log line.
"""
from __future__ import annotations

import hashlib
import importlib
import logging
from typing import Callable

from pipeline.errors import DocumentError, UnsupportedType
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.models import NormalisedDocument, SourceDocument, doc_id_for
from pipeline.normalise._common import check_pages, open_pdf

log = logging.getLogger(__name__)

__all__ = ["normalise", "attachment_sources", "SUPPORTED_EXTENSIONS"]


# extension -> (module, function). Modules are imported on first use, so a worker that
# only reads PDFs never loads the DOCX, OCR or spreadsheet code.
_HANDLERS: dict[str, tuple[str, str]] = {
    "pdf": ("pipeline.normalise.pdf", "normalise_pdf"),
    "txt": ("pipeline.normalise.text", "normalise_text"),
    "eml": ("pipeline.normalise.eml", "normalise_email"),
    "docx": ("pipeline.normalise.docx", "normalise_docx"),
    "csv": ("pipeline.normalise.table", "normalise_csv"),
    "xlsx": ("pipeline.normalise.table", "normalise_xlsx"),
    **dict.fromkeys(("jpg", "jpeg", "png", "tif", "tiff"), ("pipeline.normalise.image", "normalise_image")),
}


def _handler(ext: str) -> Callable[[SourceDocument, bytes, Limits], NormalisedDocument] | None:
    spec = _HANDLERS.get(ext)
    if spec is None:
        return None
    module, function = spec
    return getattr(importlib.import_module(module), function)


SUPPORTED_EXTENSIONS = frozenset(_HANDLERS)


def normalise(doc: SourceDocument, limits: Limits = DEFAULT_LIMITS) -> NormalisedDocument:
    """Render ``doc`` to PDF pages. Raises UnsupportedType or DocumentError."""
    ext = doc.extension
    handler = _handler(ext)
    if handler is None:
        raise UnsupportedType(ext)
    try:
        data = doc.read_bytes()
    except OSError:
        raise DocumentError("the file could not be read") from None
    if not data:
        raise DocumentError("the file is empty")
    if len(data) > limits.max_file_bytes:
        raise DocumentError(
            f"the file is too large ({len(data) / 1e6:.0f} MB; the limit is {limits.max_file_bytes / 1e6:.0f} MB)"
        )
    try:
        nd = handler(doc, data, limits)
        # every output goes through the same page checks
        out = open_pdf(nd.pdf, "rendered document")
        try:
            check_pages(out, limits)
        finally:
            out.close()
    except DocumentError as e:
        log.info("normalise %s (%s) refused: %s", doc.doc_id, ext, e.reason)
        raise
    except MemoryError:
        raise DocumentError("the document is too large to process") from None
    except RecursionError:
        raise DocumentError("the document is nested too deeply to process") from None
    except Exception as e:  # never let a library exception escape
        log.warning("normalise %s (%s) failed: %s", doc.doc_id, ext, type(e).__name__)
        raise DocumentError(f"the .{ext} file could not be processed ({type(e).__name__})") from None
    nd.original_format = ext if ext not in ("jpeg", "tif") else {"jpeg": "jpg", "tif": "tiff"}[ext]
    log.info("normalised %s (%s): %d ocr pages, %d forced regions, %d attachments",
             doc.doc_id, ext, len(nd.ocr_pages), len(nd.forced_regions), len(nd.attachments))
    return nd


def attachment_sources(parent: SourceDocument, nd: NormalisedDocument) -> list[SourceDocument]:
    """The attachments of an email as SourceDocuments of their own (numbered from 1)."""
    from pipeline.normalise.eml import _safe_name

    out: list[SourceDocument] = []
    for i, att in enumerate(nd.attachments, start=1):
        source = f"{parent.source}#{i}/{_safe_name(att.name)}"
        out.append(
            SourceDocument(
                doc_id=doc_id_for(source),
                source=source,
                path=None,
                sha256=hashlib.sha256(att.data).hexdigest(),
                size=len(att.data),
                parent=parent.doc_id,
                data=att.data,
            )
        )
    return out
