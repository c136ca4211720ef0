"""Make a PDF safe to disclose: nothing that can hide data survives.

``prepare`` runs before extraction: visible annotation and form-field appearances are
baked into the page content (so their text is extracted, detected and redacted like
any other text) and everything hidden is dropped. ``scrub`` runs on every output.
"""
from __future__ import annotations

import pymupdf


def _drop_hidden_parts(doc: pymupdf.Document) -> None:
    # Embedded files, JavaScript, XMP and Info metadata, thumbnails, links.
    doc.scrub(
        attached_files=True,
        clean_pages=False,
        embedded_files=True,
        hidden_text=False,
        javascript=True,
        metadata=True,
        redactions=False,
        redact_images=0,
        remove_links=True,
        reset_fields=False,
        reset_responses=True,
        thumbnails=True,
        xml_metadata=True,
    )
    for page in doc:
        for link in list(page.get_links()):
            page.delete_link(link)
        annot = page.first_annot
        while annot is not None:
            annot = page.delete_annot(annot)
        widget = page.first_widget
        while widget is not None:
            nxt = widget.next
            page.delete_widget(widget)
            widget = nxt
    doc.set_metadata({})
    try:
        doc.del_xml_metadata()
    except Exception:  # noqa: BLE001 - nothing to delete
        pass
    if doc.is_form_pdf:
        # Remove any AcroForm dictionary left behind.
        cat = doc.pdf_catalog()
        doc.xref_set_key(cat, "AcroForm", "null")
    for name in doc.embfile_names():
        doc.embfile_del(name)


def prepare(pdf: bytes) -> bytes:
    """Bake annotations and form fields into the page content, then drop hidden parts."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        try:
            doc.bake(annots=True, widgets=True)
        except Exception:  # noqa: BLE001 - a PDF whose annotations cannot be baked loses them below
            pass
        _drop_hidden_parts(doc)
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)


def scrub(doc: pymupdf.Document) -> None:
    """Remove annotations, links, form fields, embedded files, JavaScript, metadata, thumbnails."""
    _drop_hidden_parts(doc)
