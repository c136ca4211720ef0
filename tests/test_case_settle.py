"""Round 19R: the case-level step (pipeline/case_settle.py). A value settled as the requester's in one
document of a case is kept where another document gives it with no owner; a value settled as anyone
else's anywhere stays redacted everywhere; a value settled both ways stays redacted and is flagged."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.case_settle import EMPTY, Settled, combine, normalise, settle_findings, settle_processed
from pipeline.codes import EntityType, PartyKind
from pipeline.models import CaseRecord, Finding, Party

# fresh texts, not from any corpus
CASE = CaseRecord(case_id="C-19R", received=date(2026, 3, 1), root=Path("."),
                  requester=Party(name="Helen Ashcroft", role="receiving parent"),
                  third_parties=[Party(name="Gary Tolland", role="paying parent")])
HER_LETTER = ("Dear Sir or Madam,\n\nPlease pay the maintenance into my account, sort code 20-14-53, account number "
              "41927730.\n\nYours faithfully\n\nHelen Ashcroft\n")
RECEIPT = "FASTER PAYMENT RECEIPT\n\nDate: 12/03/2026\nSort code: {sc}\nAccount: {acc}\nAmount: £120.00\n"
HIS_NOTE = "Case note 14/02/2026: Gary Tolland said his wages go into his account, sort code 30-77-21, account 55102938.\n"
LANDLORD_NOTE = "Case note 20/03/2026: the caller said the landlord's account is 41927730.\n"


@pytest.fixture(scope="module")
def analyzer():
    from recognizers import build_analyzer

    return build_analyzer(CASE)


def _case(analyzer, texts):
    found, settled = [], []
    for t in texts:
        found.append(analyzer.analyze_many([t])[0])
        settled.append(analyzer.last_settled)
    return settle_findings(found, settled)[0]


def test_normalise_compares_layouts_alike_and_refuses_short_values():
    assert normalise("20-14-53") == normalise("20 14 53") == "201453"
    assert normalise("+44 7700 900123") == normalise("07700 900123")
    assert normalise("1234") is None


def test_the_worker_hands_back_what_a_document_settled_and_never_shows_it(analyzer):
    analyzer.analyze_many([HER_LETTER])
    s = analyzer.last_settled
    assert {"201453", "41927730"} <= s.requester and not s.others
    assert "41927730" not in repr(s) and "201453" not in repr(s)
    analyzer.analyze_many([HIS_NOTE])
    assert {"307721", "55102938"} <= analyzer.last_settled.others


def test_a_value_settled_as_the_requesters_in_one_document_is_kept_in_another(analyzer):
    receipt = RECEIPT.format(sc="20-14-53", acc="41927730")
    alone = analyzer.analyze_many([receipt])[0]
    assert {f.text for f in alone} >= {"20-14-53", "41927730"}  # on its own: nobody's, redacted
    _, got = _case(analyzer, [HER_LETTER, receipt])
    assert not any(f.text in ("20-14-53", "41927730") for f in got)


def test_a_value_given_to_a_third_party_anywhere_stays_redacted(analyzer):
    receipt = RECEIPT.format(sc="30-77-21", acc="55102938")
    _, _, got = _case(analyzer, [HER_LETTER, HIS_NOTE, receipt])
    assert {f.text for f in got} >= {"30-77-21", "55102938"}


def test_a_value_settled_both_ways_stays_redacted_and_is_flagged(analyzer):
    receipt = RECEIPT.format(sc="20-14-53", acc="41927730")
    _, landlord, got = _case(analyzer, [HER_LETTER, LANDLORD_NOTE, receipt])
    acc = [f for f in got if f.text == "41927730"]
    assert acc and all(f.needs_review for f in acc)
    assert [f for f in landlord if f.text == "41927730" and f.needs_review]
    # the sort code, said by nobody to be anyone else's, is still hers
    assert not any(f.text == "20-14-53" for f in got)


def test_a_value_the_same_page_keeps_redacted_is_not_carried_as_the_requesters():
    # the paying parent (the requester) said to drive a van; further down the note the same van is recorded
    # as another man's: that one stays redacted on the page, so for the case the value is a conflict
    from recognizers import build_analyzer

    pp = build_analyzer(CaseRecord(case_id="C-19R2", received=date(2026, 3, 1), root=Path("."),
                                   requester=Party(name="Owen Fairley", role="paying parent"),
                                   third_parties=[Party(name="Tessa Fairley", role="receiving parent")]))
    text = ("Case notes\n\n02/02/2026 10:14  Call from RP. She says the PP drives a grey van, LM20 TKD.\n\n"
            "09/02/2026 11:02  DVLA check: LM20 TKD registered keeper Daniel Orr of Ely, not the PP.\n")
    found = pp.analyze_many([text])[0]
    assert [f for f in found if f.text == "LM20 TKD"]
    # (round 21: "the PP drives a grey van, LM20 TKD" names its owner only as the person nearest on the line: weakly)
    assert "LM20TKD" in pp.last_settled.requester | pp.last_settled.requester_weak and "LM20TKD" in pp.last_settled.others
    _, got = _case(pp, [text, "Vehicle seen outside: LM20 TKD\n"])
    assert [f.needs_review for f in got if f.text == "LM20 TKD"] == [True]


def _f(text, party=PartyKind.UNKNOWN, et=EntityType.UK_VEHICLE_REG):
    return Finding(0, len(text), et, "r", 0.9, party, needs_review=False, text=text)


def test_only_unowned_findings_of_case_types_are_kept():
    settled = [Settled(requester=frozenset({"KM19XRT", "07700900412", "BOBEXAMPLEORG"})), EMPTY]
    items = [_f("KM19 XRT"), _f("KM19 XRT", PartyKind.THIRD_PARTY),
             _f("07700 900412", et=EntityType.PHONE_NUMBER), _f("Bob Example Org", et=EntityType.PERSON)]
    (a, b), counts = settle_findings([[], items], settled)
    assert [x.party for x in b] == [PartyKind.THIRD_PARTY, PartyKind.UNKNOWN]
    assert b[1].entity_type == EntityType.PERSON and counts == {"kept": 2, "review": 0}
    c = combine([Settled(requester=frozenset({"A1B2C3"})), Settled(others=frozenset({"A1B2C3"}))])
    assert c.conflicts == {"A1B2C3"} and not c.requester


def test_settle_processed_uses_what_each_document_settled_and_skips_failed_documents():
    from pipeline.models import SourceDocument, Suggestion
    from pipeline.process import ProcessedDocument

    def doc(i, sugg, settled, error=None):
        src = SourceDocument(doc_id=f"d{i}", source=f"{i}.txt", path=None, sha256="0", size=1)
        return ProcessedDocument(source=src, suggestions=sugg, error=error, settled=settled)

    s = Suggestion(id="s1", doc_id="d2", page=0, rects=[], entity_type=EntityType.UK_PASSPORT, recognizer="r",
                   score=0.9, party=PartyKind.UNKNOWN, reason="TP", text="561204378")
    docs = [doc(1, [], Settled(requester=frozenset({"561204378"}))), doc(2, [s], EMPTY),
            doc(3, [s], Settled(others=frozenset({"561204378"})), error="failed")]
    assert "561204378" not in repr(docs[0])  # the values stay out of the document's repr (and so out of logs)
    out = settle_processed(docs)
    # kept in d2; d3 failed, so what it settled counts for nothing and its suggestions are untouched
    assert out is docs and docs[1].suggestions == [] and docs[2].suggestions == [s]
    # the documents of another case (another call) are not mixed up with these
    assert settle_processed([doc(4, [s], EMPTY)])[0].suggestions == [s]


def test_a_failed_document_forgets_what_it_settled():
    from pipeline.models import SourceDocument
    from pipeline.process import ProcessedDocument, _fail

    src = SourceDocument(doc_id="d1", source="1.txt", path=None, sha256="0", size=1)
    p = ProcessedDocument(source=src, settled=Settled(requester=frozenset({"561204378"})))
    _fail(p, RuntimeError("boom"))
    assert p.settled is EMPTY and p.error


def test_detection_in_a_worker_hands_back_the_same_settled_values():
    from pipeline.isolate import detect_texts

    found, _, _, settled = detect_texts(CASE, None, [HER_LETTER], (), "Letter")
    assert {"201453", "41927730"} <= settled.requester and found == [[]]


@pytest.mark.slow
def test_end_to_end_a_bare_value_of_the_requesters_stays_in_the_bundle(prefect_api, tmp_path):
    import json

    from tests.format_fixtures import norm, submit_and_read

    store = tmp_path / "store"
    root = store / "C-19R"
    (root / "documents").mkdir(parents=True)
    (root / "case.json").write_text(json.dumps({
        "case_id": "C-19R", "received": "2026-03-01",
        "requester": {"name": "Helen Ashcroft", "role": "receiving parent"},
        "third_parties": [{"name": "Gary Tolland", "role": "paying parent"}],
    }), encoding="utf-8")
    (root / "documents" / "a_letter.txt").write_text(HER_LETTER, encoding="utf-8")
    (root / "documents" / "b_receipt.txt").write_text(RECEIPT.format(sc="20-14-53", acc="41927730"), encoding="utf-8")
    (root / "documents" / "c_note.txt").write_text(HIS_NOTE, encoding="utf-8")
    (root / "documents" / "d_receipt.txt").write_text(RECEIPT.format(sc="30-77-21", acc="55102938"), encoding="utf-8")
    got = submit_and_read("C-19R", store, tmp_path / "out")
    text = " ".join(got["pages"])
    assert text.count(norm("41927730")) == 2 and text.count(norm("20-14-53")) == 2  # kept in both documents
    assert norm("55102938") not in text and norm("30-77-21") not in text             # his, redacted in both
