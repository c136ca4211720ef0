"""[formats] Outside documents (the doc_redaction app's examples) go through end to end.

The PDFs, the JPG, the DOCX and the CSV of ``shared/data/external_docs`` are put in one
case whose requester appears in none of them and which lists no third party, then
submitted once with --auto-approve (in process, against the session's Prefect server).
Every file must be disclosed; the photographed complaint letter is read by OCR and its
people, its writer's street address and its phone number must be unreadable in the bundle,
both in the text and by OCR of its pages; the people in the professor emails must be gone.

The "withhold a document that never mentions the requester" policy is switched off
(``SARPACK_WITHHOLD_THIRD_PARTY_ONLY=0``, a documented setting): with a requester who is in
none of the files it would withhold them all, and this test is about redacting them.
"""
from __future__ import annotations

import json
import re
import shutil

import pymupdf
import pytest

from tests.conftest import SHARED
from tests.format_fixtures import has_word, norm, submit_and_read

pytestmark = pytest.mark.slow

EXAMPLES = SHARED / "data" / "external_docs" / "doc_redaction_examples"
if not EXAMPLES.is_dir():
    pytest.skip(f"{EXAMPLES} is not available", allow_module_level=True)

CASE_ID = "SAR-EXT-0001"
JPG = "example_complaint_letter.jpg"
PROFESSOR = "example_of_emails_sent_to_a_professor_before_applying.pdf"
FILES = [
    JPG,
    PROFESSOR,
    "graduate-job-example-cover-letter.pdf",
    "Partnership-Agreement-Toolkit_0_0.pdf",
    "Bold minimalist professional cover letter.docx",
    "combined_case_notes.csv",
]

# The complaint letter: its writer and addressee, the writer's street address, her phone.
LETTER_VALUES = [
    "Jane Doe", "Mark Smith", "Mr. Smith", "Jane", "Doe", "Smith",
    "123 Main Street", "Hometown", "77008",
]
LETTER_PHONE = "123-456-7890"
# Words of the letter that are nobody's personal data (and so prove the page was read).
LETTER_CONTROLS = ["Broken sofa", "Customer Relations Director", "Enclosures"]
PROFESSOR_PEOPLE = [
    "Kornbluth",
    "Poss", "Hyde", "Lilley",
]


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


@pytest.fixture(scope="module")
def run(prefect_api, tmp_path_factory):
    store = tmp_path_factory.mktemp("ext-store")
    out = tmp_path_factory.mktemp("ext-out")
    docs = store / CASE_ID / "documents"
    docs.mkdir(parents=True)
    for name in FILES:
        shutil.copyfile(EXAMPLES / name, docs / name)
    (store / CASE_ID / "case.json").write_text(json.dumps({
        "case_id": CASE_ID, "received": "2026-03-01",
        "requester": {"name": "Alex Example"}, "third_parties": [],
    }))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SARPACK_WITHHOLD_THIRD_PARTY_ONLY", "0")
        return submit_and_read(CASE_ID, store, out)


def _pages_of(run, source: str) -> list[int]:
    rows = [d for d in run["manifest"]["documents"] if d["source"] == source]
    assert len(rows) == 1 and rows[0]["status"] == "disclosed", f"{source} is not disclosed"
    first, last = rows[0]["bundle_pages"]
    return list(range(first - 1, last))


def test_released_and_every_file_disclosed(run):
    assert run["result"]["released"] is True
    docs = {d["source"]: d for d in run["manifest"]["documents"]}
    assert set(docs) == set(FILES)
    not_disclosed = {s: (d["status"], d["error"]) for s, d in docs.items() if d["status"] != "disclosed"}
    assert not not_disclosed
    assert docs[JPG]["redactions"] > 0 and docs[PROFESSOR]["redactions"] > 0


def test_complaint_letter_was_read_by_ocr(run):
    text = " ".join(run["pages"][i] for i in _pages_of(run, JPG))
    for words in LETTER_CONTROLS:
        assert norm(words) in text, words


@pytest.fixture(scope="module")
def letter_ocr(run) -> str:
    """What a reader of the printed bundle sees: OCR of the letter's pages at 300 dpi."""
    import pytesseract
    from PIL import Image

    seen = []
    with pymupdf.open(stream=run["bundle"], filetype="pdf") as doc:
        for i in _pages_of(run, JPG):
            pix = doc[i].get_pixmap(dpi=300, colorspace=pymupdf.csGRAY, alpha=False)
            seen.append(pytesseract.image_to_string(Image.frombytes("L", (pix.width, pix.height), pix.samples)))
    return norm(" ".join(seen))


@pytest.mark.parametrize("value", LETTER_VALUES)
def test_complaint_letter_value_gone_from_text(run, value):
    text = " ".join(run["pages"][i] for i in _pages_of(run, JPG))
    assert not has_word(text, value), "a name or address of the complaint letter is in the bundle text"
    assert not has_word(run["toc"], value)


def test_complaint_letter_phone_gone_from_text(run):
    text = " ".join(run["pages"][i] for i in _pages_of(run, JPG))
    assert _digits(LETTER_PHONE) not in _digits(text)


def test_ocr_reads_the_letter_controls(letter_ocr):
    """OCR of the bundle pages reads the ordinary words: the checks below prove something."""
    for words in LETTER_CONTROLS:
        assert norm(words) in letter_ocr, f"OCR cannot read {words!r}"


@pytest.mark.parametrize("value", LETTER_VALUES)
def test_complaint_letter_value_unreadable_by_ocr(letter_ocr, value):
    """The image pixels under the boxes were removed: OCR cannot read the value."""
    assert not has_word(letter_ocr, value), "a name or address of the complaint letter is readable by OCR"


def test_complaint_letter_phone_unreadable_by_ocr(letter_ocr):
    assert _digits(LETTER_PHONE) not in _digits(letter_ocr)


@pytest.mark.parametrize("name", PROFESSOR_PEOPLE)
def test_professor_emails_person_gone(run, name):
    text = " ".join(run["pages"])
    assert not has_word(text, name), "a person of the professor emails is in the bundle text"
    assert not has_word(run["toc"], name)
