"""[formats] What sarpack removed is gone, for every format, through the whole pipeline.

One case store holds a DOCX, a PDF, an EML (with attachments), a TXT, a CSV and an XLSX,
each hiding a distinct third-party value in each hidden place of its format (see
tests/format_fixtures.py). The case is submitted once with --auto-approve (in process,
against the session's Prefect server); every test then checks one place in the published
bundle: its visible text (NFKC-folded, case-insensitive), its raw bytes with every stream
decompressed, its bookmarks, the manifest, and, for the scanned page, what OCR can read.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pymupdf
import pytest

from tests.format_fixtures import (
    has_word,
    norm,
    submit_and_read,
    RED,
    docx_with_hidden_places,
    eml_with_html_and_attachments,
    pdf_with_hidden_places,
    simple_pdf,
    xlsx_with_hidden_sheet,
)
from tests.pdfs import raw_bytes

pytestmark = pytest.mark.slow

CASE_ID = "SAR-FMT-0001"
REQUESTER = "Claire Bennett"
CONTROL_SENTENCE = "The quarterly review meeting was held on Tuesday."
# A document that never mentions the requester is withheld whole (policy), so each one does.
ABOUT_REQUESTER = f"This concerns {REQUESTER}."
SCAN_CONTROL = "Pineapple"

# One distinct value per hidden place. Every value but the comment author's and the fake
# box's is listed as an alias of the third party; those two are found another way (a DOCX
# comment author is a name wherever it occurs; a box drawn over text becomes a redaction).
DOCX_VALUES = {
    "header": "Hadrian Quenby",
    "footer": "Florian Ashdown",
    "footnote": "Fenella Brackwood",
    "table": "Tobias Carrow",
    "textbox": "Thaddeus Dunmore",
    "comment": "Cosima Elderfield",
    "comment_author": "Augustin Fairweather",
    "insertion": "Ingram Galloway",
    "deletion": "Delphine Harcourt",
    "core_creator": "Crispin Ivesdale",
    "core_last_modified_by": "Lucian Jessop",
    "core_title": "Tarquin Kettering",
}
PDF_VALUES = {
    "freetext": "Freya Lockridge",
    "sticky_note": "Sterling Mowbray",
    "meta_author": "Marcus Norwood",
    "meta_title": "Titus Oakhurst",
    "meta_subject": "Sabine Penhallow",
    "meta_keywords": "Kester Quarrington",
    "xmp": "Xavier Rushworth",
    "form_field": "Felicity Stanmore",
    "invisible_text": "Ivo Thistlewood",
    "fake_box": "Barnaby Underhill",
    "scanned": "Horace Whitlock",
    "rotated": "Rowena Yarborough",
    "cropbox": "Cedric Zellweger",
    "vector": "Victor Ambleside",
}
EML_VALUES = {
    "html_part": "Hester Blackwood",
    "subject": "Gideon Crowhurst",
    "attachment_txt": "Agatha Bellweather",
    "attachment_pdf": "Percival Cogsworth",
}
OTHER_VALUES = {
    "txt": "Tristram Dewhurst",
    "csv": "Clement Eastwood",
    "xlsx": "Valentina Fairbrook",
    "xlsx_hidden_sheet": "Horatio Greenslade",
}
NOT_LISTED = {DOCX_VALUES["comment_author"], PDF_VALUES["fake_box"]}
PHONE = "07700 900123"
NI = "NP 61 83 24 B"

PLACES = (
    [("docx", k, v) for k, v in DOCX_VALUES.items()]
    + [("pdf", k, v) for k, v in PDF_VALUES.items()]
    + [("eml", k, v) for k, v in EML_VALUES.items()]
    + [("other", k, v) for k, v in OTHER_VALUES.items()]
)
ALL_VALUES = [v for _, _, v in PLACES]
assert len(set(ALL_VALUES)) == len(ALL_VALUES)


def _case_json() -> dict:
    aliases = [v for v in ALL_VALUES if v not in NOT_LISTED]
    return {
        "case_id": CASE_ID,
        "received": "2026-03-01",
        "requester": {"name": REQUESTER, "emails": ["claire.bennett@example.com"]},
        "third_parties": [{
            "name": "Dean Okafor", "role": "neighbour", "aliases": aliases,
            "ni_number": NI, "phones": [PHONE], "emails": ["dean.okafor@example.net"],
        }],
    }


def _build_store(root: Path) -> None:
    case = root / CASE_ID
    docs = case / "documents"
    docs.mkdir(parents=True)
    (case / "case.json").write_text(json.dumps(_case_json(), indent=2))
    (docs / "review.docx").write_bytes(docx_with_hidden_places(
        DOCX_VALUES, body_lines=[f"Requester {REQUESTER} asked for a copy.", CONTROL_SENTENCE]))
    (docs / "report.pdf").write_bytes(pdf_with_hidden_places(
        PDF_VALUES, control_sentence=f"{ABOUT_REQUESTER} {CONTROL_SENTENCE}", scan_control=SCAN_CONTROL))
    (docs / "complaint.eml").write_bytes(eml_with_html_and_attachments(
        plain=f"Message for {REQUESTER} about the noise complaint.",
        html_only_value=EML_VALUES["html_part"],
        subject=f"Noise complaint about {EML_VALUES['subject']}",
        attachments=[
            ("notes.txt", "text/plain", f"{ABOUT_REQUESTER} Attached notes: {EML_VALUES['attachment_txt']} called twice.".encode()),
            ("statement.pdf", "application/pdf",
             simple_pdf([ABOUT_REQUESTER, f"Statement given by {EML_VALUES['attachment_pdf']}.",
                         CONTROL_SENTENCE])),
        ],
    ))
    (docs / "call_log.txt").write_text(
        f"Call log\n{REQUESTER} phoned about the case.\n"
        f"{OTHER_VALUES['txt']} left a message from {PHONE}.\n{CONTROL_SENTENCE}\n")
    (docs / "contacts.csv").write_text(
        "date,contact,note\n"
        f"2026-02-01,{OTHER_VALUES['csv']},NI number {NI}\n"
        f"2026-02-02,{REQUESTER},asked for an update\n")
    (docs / "register.xlsx").write_bytes(xlsx_with_hidden_sheet(
        [["Name", "Note"], [OTHER_VALUES["xlsx"], "visited the office"], [REQUESTER, "requester"]],
        [["Archived", OTHER_VALUES["xlsx_hidden_sheet"]]],
    ))


@pytest.fixture(scope="module")
def run(prefect_api, tmp_path_factory):
    store = tmp_path_factory.mktemp("fmt-store")
    out = tmp_path_factory.mktemp("fmt-out")
    _build_store(store)
    run = submit_and_read(CASE_ID, store, out)
    return {**run, "text": " ".join(run["pages"]), "raw": raw_bytes(run["bundle"]).lower()}


def _raw_forms(value: str) -> list[bytes]:
    """The ways a string can sit in a PDF object: plain, UTF-16BE, and as hex of either."""
    out = []
    for enc in ("latin-1", "utf-16-be"):
        b = value.lower().encode(enc)
        out += [b, b.hex().encode()]
        if enc == "utf-16-be":
            out.append(value.upper().encode(enc).hex().encode())
            out.append(value.title().encode(enc).hex().encode())
    out.append(value.title().encode("latin-1").hex().encode())
    return out


def _doc(run, source: str) -> dict:
    rows = [d for d in run["manifest"]["documents"] if d["source"] == source]
    assert len(rows) == 1, f"{source} is not listed once in the manifest"
    return rows[0]


def _doc_pages(run, source: str) -> list[int]:
    d = _doc(run, source)
    first, last = d["bundle_pages"]  # 1-based pages of the bundle
    return list(range(first - 1, last))


# ---------------------------------------------------------------- the run itself


def test_bundle_released_and_every_document_disclosed(run):
    assert run["result"]["released"] is True
    docs = run["manifest"]["documents"]
    failed = [(d["source"], d["error"]) for d in docs if d["status"] != "disclosed"]
    assert not failed
    sources = {d["source"] for d in docs}
    assert {"review.docx", "report.pdf", "complaint.eml", "call_log.txt", "contacts.csv", "register.xlsx"} <= sources


def test_email_attachments_are_listed_under_the_email(run):
    email = _doc(run, "complaint.eml")
    kids = [d for d in run["manifest"]["documents"] if d.get("parent")]
    names = sorted(d["source"] for d in kids)
    assert names == ["complaint.eml#1/notes.txt", "complaint.eml#2/statement.pdf"]
    assert all(d["parent"] == email["doc_id"] for d in kids)
    assert all(d["status"] == "disclosed" and d["bundle_pages"] for d in kids)


@pytest.mark.parametrize("source", [
    "review.docx", "report.pdf", "complaint.eml", "complaint.eml#1/notes.txt",
    "complaint.eml#2/statement.pdf", "call_log.txt", "contacts.csv", "register.xlsx",
])
def test_redaction_counts_are_recorded(run, source):
    assert _doc(run, source)["redactions"] > 0


# ---------------------------------------------------------------- each hidden place


@pytest.mark.parametrize("fmt,place,value", PLACES, ids=[f"{f}-{p}" for f, p, _ in PLACES])
def test_value_absent_from_bundle_text_bytes_and_bookmarks(run, fmt, place, value):
    """Each word of the value is absent from every page's text and from the bookmarks; the
    value and its surname are absent from the raw bytes (streams decompressed, any case,
    plain, UTF-16 or hex)."""
    for word in [value] + value.split():
        assert not has_word(run["text"], word), f"{fmt}/{place}: a word of the value is in the bundle text"
        assert not has_word(run["toc"], word), f"{fmt}/{place}: a word of the value is in the bookmarks"
    surname = value.split()[-1]
    for needle in (value, surname):
        hits = [f for f in _raw_forms(needle) if f in run["raw"]]
        assert not hits, f"{fmt}/{place}: the value is in the bundle's raw bytes"


@pytest.mark.parametrize("fmt,place,value", PLACES, ids=[f"{f}-{p}" for f, p, _ in PLACES])
def test_value_absent_from_manifest_and_redaction_log(run, fmt, place, value):
    """The index titles come from the manifest's titles (DOCX core title, PDF title, email
    subject): none of the published files may carry the value."""
    for name in ("manifest.json", "redaction_log.csv"):
        path = run["folder"] / name
        if path.exists():
            text = norm(path.read_text(encoding="utf-8"))
            assert not has_word(text, value.split()[-1]), f"{fmt}/{place}: the value is in {name}"


def test_other_identifiers_absent(run):
    digits = re.sub(r"\s", "", run["text"])
    assert PHONE.replace(" ", "") not in digits
    assert NI.replace(" ", "").lower() not in digits
    for v in (PHONE, NI):
        assert not any(f in run["raw"] for f in _raw_forms(v))


def test_controls_stay(run):
    text = run["text"]
    assert norm(REQUESTER) in text
    assert text.count(norm(CONTROL_SENTENCE)) >= 4  # docx, pdf, email attachment, txt
    for words in ("Rotated page mentions", "Cropped page mentions", "Referred by", "Reviewer note",
                  "Header prepared by", "checked by", "Footnote: source was", "Text box names",
                  "Please check with", "Called", "the neighbour", "Attached notes", "Statement given by"):
        assert norm(words) in text, words


def test_docx_footer_label_word_is_not_redacted(run):
    text = " ".join(run["pages"][i] for i in _doc_pages(run, "review.docx"))
    assert norm("Footer checked by") in text


def test_docx_comment_author_and_deleted_text(run):
    pages = [run["pages"][i] for i in _doc_pages(run, "review.docx")]
    text = " ".join(pages)
    assert norm("Please check with") in text  # the comment is shown ...
    assert "fairweather" not in text  # ... but not its author's name
    assert "harcourt" not in text  # tracked deletion dropped
    assert norm("arranged with") in text


def test_pdf_rotated_and_cropped_pages_keep_their_other_words(run):
    """The boxes land on the name, not elsewhere: on the rotated page and on the page whose
    crop box is offset, the words around the name are still there."""
    text = " ".join(run["pages"][i] for i in _doc_pages(run, "report.pdf"))
    assert norm("Rotated page mentions") in text and "twice" in text
    assert norm("Cropped page mentions") in text


def test_vector_graphics_under_a_box_are_removed(run):
    with pymupdf.open(stream=run["bundle"], filetype="pdf") as doc:
        page_idx = [i for i in _doc_pages(run, "report.pdf") if "at home" in run["pages"][i]]
        assert page_idx, "the page with the vector mark is not in the bundle"
        for i in page_idx:
            reds = [d for d in doc[i].get_drawings()
                    if d.get("fill") and all(abs(a - b) < 0.05 for a, b in zip(d["fill"], RED))]
            assert not reds, "a vector mark under a redacted name survived"


def test_scanned_page_pixels_removed_under_the_box(run):
    """OCR of the scanned page as published: the control word is readable (OCR works and
    the page is there), the name is not (its pixels were removed)."""
    import pytesseract

    with pymupdf.open(stream=run["bundle"], filetype="pdf") as doc:
        idx = [i for i in _doc_pages(run, "report.pdf") if norm(SCAN_CONTROL) in run["pages"][i]]
        assert len(idx) == 1, "the scanned page (with its OCR text layer) is not in the bundle"
        pix = doc[idx[0]].get_pixmap(dpi=300, colorspace=pymupdf.csGRAY, alpha=False)
    from PIL import Image

    img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    seen = norm(pytesseract.image_to_string(img))
    assert norm(SCAN_CONTROL) in seen
    assert "delivery confirmed" in seen
    for word in PDF_VALUES["scanned"].split():
        assert not has_word(seen, word), "a word of the scanned name is readable by OCR"


def test_bundle_has_no_metadata_annotations_links_forms_or_files(run):
    raw = run["raw"]
    with pymupdf.open(stream=run["bundle"], filetype="pdf") as doc:
        meta = {k: v for k, v in doc.metadata.items() if k not in ("format", "encryption") and v}
        assert not meta, f"bundle metadata not empty: {sorted(meta)}"
        assert not (doc.get_xml_metadata() or "").strip()
        assert doc.embfile_count() == 0
        assert not doc.is_form_pdf
        for page in doc:
            assert page.first_annot is None, f"annotation on bundle page {page.number + 1}"
            assert page.first_widget is None, f"form field on bundle page {page.number + 1}"
            assert not page.get_links(), f"link on bundle page {page.number + 1}"
    for key in (b"/javascript", b"/embeddedfile", b"/acroform", b"/launch", b"/thumb", b"/metadata"):
        assert key not in raw, key
