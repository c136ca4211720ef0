"""[review] The review database: due dates, upserts that keep decisions, approval rules,
an audit trail without values, argon2 reviewer accounts, Alembic migrations."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import inspect

from pipeline import db
from pipeline.codes import CaseState, DecisionState, DocStatus, EntityType, PartyKind, ReasonCode
from pipeline.models import CaseOptions, CaseRecord, Party, Suggestion


@pytest.mark.parametrize(
    "received, due",
    [
        (date(2026, 1, 20), date(2026, 2, 20)),
        (date(2026, 1, 31), date(2026, 2, 28)),   # no 31 February: the month's last day
        (date(2028, 1, 30), date(2028, 2, 29)),   # leap year
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 12, 15), date(2027, 1, 15)),  # over the year end
    ],
)
def test_due_date_is_one_calendar_month(received, due):
    assert db.due_date(received) == due


def test_extended_due_date_wins():
    assert db.due_date(date(2026, 1, 20), date(2026, 4, 20)) == date(2026, 4, 20)


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 't.db'}"


def _case(case_id="SAR-DB-1", received=date(2026, 1, 20), extended=None) -> CaseRecord:
    return CaseRecord(case_id, received, Party("Requester Person"), [], Path("/nowhere") / case_id,
                      CaseOptions(extended_due=extended))


def _sugg(doc_id: str, start: int, text: str) -> Suggestion:
    return Suggestion(
        id=Suggestion.make_id(doc_id, 0, start, start + len(text), "PERSON", text), doc_id=doc_id, page=0,
        rects=[(10.0, 10.0 + start, 50.0, 20.0 + start)], entity_type=EntityType.PERSON, recognizer="test",
        score=0.9, party=PartyKind.THIRD_PARTY, reason=ReasonCode.TP, start=start, end=start + len(text), text=text,
    )


def _processed(suggs_by_doc: dict[str, list[Suggestion]]):
    out = []
    for doc_id, suggs in suggs_by_doc.items():
        src = SimpleNamespace(doc_id=doc_id, source=f"{doc_id}.txt", sha256="0" * 64, parent=None)
        out.append(SimpleNamespace(source=src, status=DocStatus.DISCLOSED, error=None, pages=[object()],
                                   pdf=b"%PDF-1.4 fake", ok=True, suggestions=suggs))
    return out


def test_schema_comes_from_alembic(url):
    db.upgrade(url)
    insp = inspect(db.get_engine(url))
    assert {"alembic_version", "cases", "documents", "suggestions", "decisions", "reviewers", "audit_events"} <= set(
        insp.get_table_names())


def test_redetection_keeps_decisions_for_unchanged_suggestions(url):
    a, b, c = _sugg("d1", 0, "Dean Okafor"), _sugg("d1", 40, "Tanya Rhodes"), _sugg("d2", 5, "Dean Okafor")
    db.store_review(_case(), _processed({"d1": [a, b], "d2": [c]}), store="/s", out="/o", url=url)
    assert db.pending_count("SAR-DB-1", url) == 3
    db.decide("SAR-DB-1", a.id, "alice", state=DecisionState.ACCEPTED, reason=ReasonCode.SH, url=url)
    db.decide("SAR-DB-1", b.id, "alice", state=DecisionState.REJECTED, url=url)
    # Detection again: a unchanged, b gone, a new suggestion d.
    d = _sugg("d1", 80, "Someone Else")
    counts = db.store_review(_case(), _processed({"d1": [a, d], "d2": [c]}), store="/s", out="/o", url=url)
    assert counts == {"added": 1, "kept": 2, "removed": 1, "pending": 2}
    views = {v.id: v for v in db.suggestions("SAR-DB-1", url)}
    assert views[a.id].state == "accepted" and views[a.id].reason == "SH"
    assert b.id not in views
    assert views[d.id].state == "pending"


def test_every_occurrence_and_approval_rules(url):
    a, b, c = _sugg("d1", 0, "Dean Okafor"), _sugg("d1", 40, "Tanya Rhodes"), _sugg("d2", 5, "dean  okafor")
    db.store_review(_case(), _processed({"d1": [a, b], "d2": [c]}), store="/s", out="/o", url=url)
    changed = db.decide("SAR-DB-1", a.id, "alice", state=DecisionState.ACCEPTED, every_occurrence=True, url=url)
    assert set(changed) == {a.id, c.id}
    with pytest.raises(db.ReviewError, match="1 suggestion"):
        db.approve("SAR-DB-1", "alice", url)
    db.decide("SAR-DB-1", b.id, "bob", state=DecisionState.REJECTED, note="not third party", url=url)
    sid = db.add_manual("SAR-DB-1", "d1", 0, [(1, 2, 30, 12)], "secret phrase", "alice", url=url)
    db.approve("SAR-DB-1", "alice", url)
    assert db.case_status("SAR-DB-1", url)["state"] == str(CaseState.APPROVED)
    with pytest.raises(db.ReviewError, match="not awaiting review"):
        db.decide("SAR-DB-1", b.id, "bob", state=DecisionState.ACCEPTED, url=url)
    suggs, decisions = db.review_inputs("SAR-DB-1", url)
    manual = next(s for s in suggs if s.id == sid)
    assert manual.entity_type is EntityType.MANUAL and manual.recognizer == "reviewer"
    assert decisions[sid].state is DecisionState.ACCEPTED
    assert decisions[b.id].state is DecisionState.REJECTED and decisions[b.id].reviewer == "bob"


def test_audit_trail_records_everything_and_no_value(url):
    a, b = _sugg("d1", 0, "Dean Okafor"), _sugg("d1", 40, "Tanya Rhodes")
    db.store_review(_case(), _processed({"d1": [a, b]}), store="/s", out="/o", url=url)
    db.decide("SAR-DB-1", a.id, "alice", state=DecisionState.ACCEPTED, url=url)
    db.decide("SAR-DB-1", b.id, "alice", state=DecisionState.REJECTED, note="Tanya is the requester's sister", url=url)
    db.decide("SAR-DB-1", b.id, "alice", reason=ReasonCode.SH, url=url)
    db.add_manual("SAR-DB-1", "d1", 0, [(1, 2, 30, 12)], "secret phrase", "alice", url=url)
    db.approve("SAR-DB-1", "alice", url, via="cli")
    rows = db.audit_rows("SAR-DB-1", url)
    actions = [r["action"] for r in rows]
    assert actions == ["detection_stored", "decision", "decision", "decision", "manual_redaction_added", "case_approved"]
    rej = rows[2]
    assert (rej["actor"], rej["before_state"], rej["after_state"]) == ("alice", "pending", "rejected")
    assert (rows[3]["before_reason"], rows[3]["after_reason"]) == ("TP", "SH")
    text = db.audit_csv("SAR-DB-1", url)
    for value in ("Dean", "Okafor", "Tanya", "Rhodes", "secret", "sister"):
        assert value not in text


def test_queue_is_most_urgent_first(url):
    db.store_review(_case("SAR-B", date(2026, 3, 1)), [], store="/s", out="/o", url=url)
    db.store_review(_case("SAR-A", date(2026, 2, 1)), [], store="/s", out="/o", url=url)
    db.store_review(_case("SAR-C", date(2026, 3, 1), extended=date(2026, 1, 25)), [], store="/s", out="/o", url=url)
    q = db.queue(url)
    assert [i.case_id for i in q] == ["SAR-C", "SAR-A", "SAR-B"]
    assert q[1].due == date(2026, 3, 1)


def test_reviewer_passwords_are_argon2_hashed(url):
    assert db.add_reviewer("alice", "correct horse battery", url=url)
    from sqlalchemy import select

    with db.session(url) as s:
        h = s.scalar(select(db.ReviewerRow.password_hash))
    assert h.startswith("$argon2id$") and "correct" not in h
    assert db.check_password("alice", "correct horse battery", url)
    assert not db.check_password("alice", "wrong password!!", url)
    assert not db.check_password("nobody", "correct horse battery", url)
    with pytest.raises(db.ReviewError):
        db.add_reviewer("bob", "short", url=url)
