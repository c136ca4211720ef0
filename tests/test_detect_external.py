"""Detection on another tool's public example documents, with an empty case (nobody known).

Only the clear answers are asserted: every person named in the professor emails, and the
names, address and phone of the photographed complaint letter (OCR, ~10 s).
"""
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from recognizers import build_analyzer
from recognizers.external_check import detect_file, empty_case

FOLDER = Path(__file__).resolve().parents[2] / "shared" / "data" / "external_docs" / "doc_redaction_examples"

pytestmark = pytest.mark.skipif(not FOLDER.is_dir(), reason="external example documents not present")


@pytest.fixture(scope="module")
def analyzer():
    return build_analyzer(empty_case(FOLDER))


def found(analyzer, name, et):
    sugg, _ = detect_file(FOLDER / name, analyzer)
    return " | ".join(" ".join(s.text.split()) for s in sugg if s.entity_type == et)


def test_every_person_in_the_professor_emails(analyzer):
    people = found(analyzer, "example_of_emails_sent_to_a_professor_before_applying.pdf", EntityType.PERSON)
    for name in ("Kornbluth", "Poss", "David", "Hyde", "Lauren Lilley"):
        assert name in people, name


def test_complaint_letter_photo_via_ocr(analyzer):
    name = "example_complaint_letter.jpg"
    sugg, ocr = detect_file(FOLDER / name, analyzer)
    assert ocr == [0]
    by = {et: " | ".join(" ".join(s.text.split()) for s in sugg if s.entity_type == et) for et in EntityType}
    assert "Jane Doe" in by[EntityType.PERSON] and "Mark Smith" in by[EntityType.PERSON]
    assert "123 Main Street" in by[EntityType.ADDRESS]
    assert "123-456-7890" in by[EntityType.PHONE_NUMBER]
