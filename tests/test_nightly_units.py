"""[nightly] What the batch decides to do with a case, and the report it writes (no Prefect)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline import db
from pipeline.codes import CaseState
from pipeline.nightly_report import CaseLine, build_report, render_markdown, write_report
from pipeline.nightly_state import (
    Action,
    current_status,
    decide,
    fingerprint,
    load_known,
    record_end,
    record_start,
)


def _case(store: Path, case_id: str, text: str = "Call from the requester about payments.\n") -> Path:
    root = store / case_id
    (root / "documents").mkdir(parents=True)
    (root / "case.json").write_text(json.dumps({
        "case_id": case_id, "received": "2026-01-31", "requester": {"name": "Claire Bennett"},
    }))
    (root / "documents" / "notes.txt").write_text(text)
    return root


@pytest.fixture
def env(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    store, out = tmp_path / "store", tmp_path / "out"
    _case(store, "SAR-U-1")
    return store, out, url


def _decide(store, out, url, case_id="SAR-U-1", max_attempts=3):
    fp = fingerprint(store, case_id)
    return decide(case_id, fp, load_known([case_id], url)[case_id], store=store, out=out,
                  max_attempts=max_attempts, url=url), fp


def test_fingerprint_follows_documents_and_case_json(env):
    store, _, _ = env
    fp = fingerprint(store, "SAR-U-1")
    assert fingerprint(store, "SAR-U-1") == fp
    (store / "SAR-U-1" / "documents" / "notes.txt").write_text("something else\n")
    fp2 = fingerprint(store, "SAR-U-1")
    assert fp2 != fp
    (store / "SAR-U-1" / "documents" / "more.txt").write_text("a new document\n")
    fp3 = fingerprint(store, "SAR-U-1")
    assert fp3 != fp2
    cj = store / "SAR-U-1" / "case.json"
    cj.write_text(cj.read_text().replace("2026-01-31", "2026-02-01"))
    assert fingerprint(store, "SAR-U-1") != fp3


def test_new_then_done_then_changed(env):
    store, out, url = env
    (action, why), fp = _decide(store, out, url)
    assert (action, why) == (Action.SUBMIT, "new case")
    record_start("SAR-U-1", fp, Action.SUBMIT, url)
    record_end("SAR-U-1", CaseState.AWAITING_REVIEW, url=url)
    (action, why), _ = _decide(store, out, url)
    assert action is Action.NONE and why == "nothing changed"
    (store / "SAR-U-1" / "documents" / "notes.txt").write_text("changed\n")
    (action, why), _ = _decide(store, out, url)
    assert action is Action.SUBMIT and "changed" in why


def test_an_interrupted_run_is_retried_within_the_budget(env):
    store, out, url = env
    (_, _), fp = _decide(store, out, url)
    for attempt in (1, 2, 3):
        assert record_start("SAR-U-1", fp, Action.SUBMIT, url) == attempt  # ...and the process dies
        (action, why), _ = _decide(store, out, url)
        if attempt < 3:
            assert action is Action.SUBMIT and "stopped before finishing" in why
    assert action is Action.NONE and "interrupted" in why
    status, _ = current_status(load_known(["SAR-U-1"], url)["SAR-U-1"])
    assert status == str(CaseState.NEW)


def test_unexpected_errors_are_retried_but_problems_in_the_case_are_not(env):
    store, out, url = env
    (_, _), fp = _decide(store, out, url)
    record_start("SAR-U-1", fp, Action.SUBMIT, url)
    record_end("SAR-U-1", CaseState.FAILED, "submit stopped on an unexpected error (OSError)", retryable=True, url=url)
    (action, why), _ = _decide(store, out, url)
    assert action is Action.SUBMIT and why.startswith("retry 2 of 3")
    record_start("SAR-U-1", fp, Action.SUBMIT, url)
    record_end("SAR-U-1", CaseState.FAILED, "case.json is not valid JSON", retryable=False, url=url)
    (action, _), _ = _decide(store, out, url)
    assert action is Action.NONE
    status, reason = current_status(load_known(["SAR-U-1"], url)["SAR-U-1"])
    assert (status, reason) == (str(CaseState.FAILED), "case.json is not valid JSON")
    # Fixing the case (any change to its sources or case.json) makes it run again.
    (store / "SAR-U-1" / "documents" / "notes.txt").write_text("fixed\n")
    (action, _), _ = _decide(store, out, url)
    assert action is Action.SUBMIT


def test_an_approved_case_is_finalised(env):
    store, out, url = env
    (_, _), fp = _decide(store, out, url)
    record_start("SAR-U-1", fp, Action.SUBMIT, url)
    record_end("SAR-U-1", CaseState.AWAITING_REVIEW, url=url)
    with db.session(url) as s:
        s.add(db.CaseRow(case_id="SAR-U-1", store=str(store), out=str(out), received=date(2026, 1, 31),
                         state=str(CaseState.APPROVED)))
    (action, why), _ = _decide(store, out, url)
    assert (action, why) == (Action.FINALISE, "approved by a reviewer")


def _lines():
    return [
        CaseLine("C-ONTRACK", "awaiting_review", date(2026, 2, 20), date(2026, 3, 20)),
        CaseLine("C-BUNDLED-LATE", "bundled", date(2026, 1, 1), date(2026, 2, 1), worked_on=True, action="submit"),
        CaseLine("C-SOON", "awaiting_review", date(2026, 1, 31), date(2026, 2, 28), worked_on=True, action="submit"),
        CaseLine("C-OVERDUE", "failed", date(2026, 1, 10), date(2026, 2, 10), reason="no document could be disclosed"),
        CaseLine("C-UNREADABLE", "failed", None, None, worked_on=True, action="submit", reason="case.json is not valid JSON"),
        CaseLine("C-EXTENDED", "awaiting_review", date(2026, 1, 5), date(2026, 4, 30), extended=True),
    ]


def test_report_lists_overdue_then_due_soon_first(tmp_path):
    r = build_report(_lines(), date(2026, 2, 25))
    order = [c["case_id"] for c in r["cases"]]
    assert order[:2] == ["C-OVERDUE", "C-SOON"]
    assert [c["case_id"] for c in r["at_risk"]] == ["C-OVERDUE", "C-SOON"]
    assert r["at_risk"][0]["days_left"] == -15 and r["at_risk"][1]["days_left"] == 3
    assert r["processed"] == 3
    assert r["this_run"] == {"bundled": ["C-BUNDLED-LATE"], "awaiting_review": ["C-SOON"], "failed": ["C-UNREADABLE"]}
    assert sorted(r["awaiting_review"]) == ["C-EXTENDED", "C-ONTRACK", "C-SOON"]
    assert {f["case_id"]: f["reason"] for f in r["failed"]} == {
        "C-OVERDUE": "no document could be disclosed", "C-UNREADABLE": "case.json is not valid JSON"}
    by_id = {c["case_id"]: c for c in r["cases"]}
    assert by_id["C-BUNDLED-LATE"]["urgency"] is None  # answered: not at risk
    assert by_id["C-EXTENDED"]["extended"] and by_id["C-EXTENDED"]["due"] == "2026-04-30"
    for c in r["cases"]:
        assert {"case_id", "status", "received", "due"} <= set(c)

    jpath, mpath = write_report(tmp_path, r)
    assert jpath == tmp_path / "reports" / "nightly-2026-02-25.json" and mpath.suffix == ".md"
    assert json.loads(jpath.read_text()) == r
    md = mpath.read_text()
    assert md == render_markdown(r)
    assert md.index("C-OVERDUE") < md.index("C-SOON") < md.index("## Every case")
    assert "overdue by 15 day(s)" in md and "case.json is not valid JSON" in md
