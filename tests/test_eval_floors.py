"""Quality floors over the labelled eval corpus (sample_docs/eval)."""
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate

CORPUS = Path(__file__).resolve().parent.parent / "sample_docs" / "eval"


@pytest.fixture(scope="module")
def report():
    if not CORPUS.is_dir():
        pytest.skip("eval corpus not present")
    return evaluate(CORPUS)


def test_third_party_recall(report):
    assert report.third_party.recall >= 0.98


def test_unknown_person_recall(report):
    assert report.unknown_person.recall >= 0.90


def test_other_identifier_recall(report):
    assert report.other_identifiers.recall >= 0.97


def test_precision(report):
    assert report.precision >= 0.90


def test_requester_never_redacted(report):
    assert report.requester_redacted == 0


def test_counts_only_report_holds_no_text_and_the_same_counts():
    """`sarpack eval --counts-only`: the view for scoring a blind test set without reading it. The same figures
    and the same number of misses, false alarms and requester/organisation items, grouped by type, with no
    document name and no item text."""
    from pipeline.evaluate import EvalReport, format_report

    r = EvalReport(documents=2, predictions=3)
    r.misses = [("C-1/notes.txt", "PERSON", "unknown", "Wendy Tsang"), ("C-1/chat.txt", "PERSON", "unknown", "fraser"),
                ("C-2/letter.txt", "ADDRESS", "third_party", "14 Larch Avenue")]
    r.false_alarm_list = [("C-1/notes.txt", "PERSON", "SpacyRecognizer", "Welsh")]
    r.violations = [("C-2/letter.txt", "requester", "BANK_DETAILS", "41927730")]
    full, counts = format_report(r), format_report(r, counts_only=True)
    head = full.split("\nMISSES")[0]
    assert counts.startswith(head)
    for secret in ("Wendy Tsang", "fraser", "14 Larch Avenue", "Welsh", "41927730", "C-1", "C-2", "notes.txt"):
        assert secret in full and secret not in counts
    assert "     2  PERSON  unknown" in counts and "     1  ADDRESS  third_party" in counts
    assert "     1  PERSON  SpacyRecognizer" in counts and "     1  requester  BANK_DETAILS" in counts
