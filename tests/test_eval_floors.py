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
