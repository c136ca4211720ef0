"""[nightly] The batch end to end through the real command line and Prefect flow runs:
a store with cases in different states -> report, due dates, outputs; a second run does
nothing; approvals, changed sources and a crashed run are picked up by the next run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import db
from pipeline.codes import CaseState, DecisionState
from tests.conftest import ROOT, run_sarpack

pytestmark = pytest.mark.slow

TODAY = "2026-02-25"
NOTES = (
    "CASE NOTES\n\n"
    "Inbound call from Claire Bennett about missed payments.\n"
    "Outbound call to Dean Okafor on 07700 900123, no answer.\n"
)
LETTER = "Dear Ms Bennett,\n\nWe have contacted Dean Okafor about the arrears on your case.\n"


def make_case(store: Path, case_id: str, received: str, **extra) -> Path:
    root = store / case_id
    (root / "documents").mkdir(parents=True)
    (root / "case.json").write_text(json.dumps({
        "case_id": case_id,
        "received": received,
        "requester": {"name": "Claire Bennett", "phones": ["07700 900417"]},
        "third_parties": [{"name": "Dean Okafor", "role": "paying parent", "phones": ["07700 900123"]}],
        **extra,
    }))
    (root / "documents" / "notes.txt").write_text(NOTES)
    (root / "documents" / "letter.txt").write_text(LETTER)
    return root


def build_store(store: Path) -> None:
    make_case(store, "SAR-NT-0001", "2026-01-31")                      # due 28 Feb: due soon
    b = make_case(store, "SAR-NT-0002", "2026-02-20", auto_approve=True)  # bundled in one go
    (b / "documents" / "damaged.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n% truncated")
    c = store / "SAR-NT-0003"                                          # unreadable case.json
    (c / "documents").mkdir(parents=True)
    (c / "case.json").write_text('{"case_id": "SAR-NT-0003", ')
    make_case(store, "SAR-NT-0004", "2026-01-10")                      # due 10 Feb: overdue
    make_case(store, "SAR-NT-0005", "2026-01-05", extended_due="2026-04-30")  # extension recorded


def nightly(store: Path, out: Path, env: dict, *extra: str) -> dict:
    r = run_sarpack("nightly", "--store", str(store), "--out", str(out), "--today", TODAY, *extra, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"report: {out / 'reports' / f'nightly-{TODAY}.json'}" in r.stdout
    return json.loads((out / "reports" / f"nightly-{TODAY}.json").read_text())


def by_id(report: dict) -> dict[str, dict]:
    return {c["case_id"]: c for c in report["cases"]}


@pytest.fixture
def env(tmp_path, prefect_api):
    store, out = tmp_path / "store", tmp_path / "out"
    build_store(store)
    url = f"sqlite:///{tmp_path / 'sarpack.db'}"
    return store, out, url, {"SARPACK_DATABASE_URL": url, "SARPACK_BUNDLE_DATE": "2026-02-25"}


def test_nightly_runs_every_case_reports_deadlines_and_is_idempotent(env):
    store, out, url, e = env

    # ---- first run: every case is new
    r1 = nightly(store, out, e, "--concurrency", "2")
    assert r1["processed"] == 5
    assert r1["date"] == TODAY
    cases = by_id(r1)
    assert {k: c["status"] for k, c in cases.items()} == {
        "SAR-NT-0001": "awaiting_review",
        "SAR-NT-0002": "bundled",
        "SAR-NT-0003": "failed",
        "SAR-NT-0004": "awaiting_review",
        "SAR-NT-0005": "awaiting_review",
    }
    assert r1["this_run"]["bundled"] == ["SAR-NT-0002"]
    assert sorted(r1["awaiting_review"]) == ["SAR-NT-0001", "SAR-NT-0004", "SAR-NT-0005"]
    assert r1["failed"] == [{"case_id": "SAR-NT-0003", "reason": r1["failed"][0]["reason"]}]
    assert "case.json is not valid JSON" in r1["failed"][0]["reason"]

    # due dates: received + 1 calendar month, or the extension
    assert (cases["SAR-NT-0001"]["received"], cases["SAR-NT-0001"]["due"]) == ("2026-01-31", "2026-02-28")
    assert (cases["SAR-NT-0004"]["received"], cases["SAR-NT-0004"]["due"]) == ("2026-01-10", "2026-02-10")
    assert cases["SAR-NT-0005"]["due"] == "2026-04-30" and cases["SAR-NT-0005"]["extended"]
    assert cases["SAR-NT-0002"]["due"] == "2026-03-20"
    assert cases["SAR-NT-0003"]["received"] is None and cases["SAR-NT-0003"]["due"] is None
    # overdue, then due within 7 days, listed first
    assert [c["case_id"] for c in r1["at_risk"]] == ["SAR-NT-0004", "SAR-NT-0001"]
    assert [c["urgency"] for c in r1["at_risk"]] == ["overdue", "due_soon"]
    assert [c["case_id"] for c in r1["cases"][:2]] == ["SAR-NT-0004", "SAR-NT-0001"]

    # outputs: a bundle for the auto-approved case (its damaged file listed as failed)...
    m = json.loads((out / "SAR-NT-0002" / "manifest.json").read_text())
    assert m["release"] is True and (out / "SAR-NT-0002" / "bundle.pdf").is_file()
    assert sorted(d["status"] for d in m["documents"]) == ["disclosed", "disclosed", "failed"]
    assert cases["SAR-NT-0002"]["documents_failed"] == 1
    # ...and the others waiting in the review database
    assert db.case_status("SAR-NT-0001", url)["state"] == str(CaseState.AWAITING_REVIEW)
    assert not (out / "SAR-NT-0001" / "bundle.pdf").exists()

    md = (out / "reports" / f"nightly-{TODAY}.md").read_text()
    assert md.index("SAR-NT-0004") < md.index("SAR-NT-0001") < md.index("## Failed")
    # the report never quotes a document or a file name
    for text in (json.dumps(r1), md):
        for value in ("Okafor", "07700", "missed payments", "notes.txt", "damaged.pdf"):
            assert value not in text

    # ---- second run: nothing changed, nothing done
    r2 = nightly(store, out, e)
    assert r2["processed"] == 0
    assert {k: c["status"] for k, c in by_id(r2).items()} == {k: c["status"] for k, c in cases.items()}
    assert not any(c["worked_on"] for c in r2["cases"])
    assert r2["failed"] == r1["failed"]

    # ---- between runs: a reviewer approves one case, a document of another changes,
    # and a run "crashes" after starting a third (what a killed process leaves behind)
    for s in db.suggestions("SAR-NT-0001", url):
        db.decide("SAR-NT-0001", s.id, "tester", state=DecisionState.ACCEPTED, url=url)
    db.approve("SAR-NT-0001", "tester", url=url, via="test")
    (store / "SAR-NT-0004" / "documents" / "letter.txt").write_text(LETTER + "A second paragraph.\n")
    from pipeline.nightly_state import Action, fingerprint, record_start

    record_start("SAR-NT-0005", fingerprint(store, "SAR-NT-0005"), Action.SUBMIT, url)

    r3 = nightly(store, out, e)
    c3 = by_id(r3)
    assert r3["processed"] == 3
    assert {k for k, c in c3.items() if c["worked_on"]} == {"SAR-NT-0001", "SAR-NT-0004", "SAR-NT-0005"}
    assert c3["SAR-NT-0001"]["status"] == "bundled" and c3["SAR-NT-0001"]["action"] == "finalise"
    assert (out / "SAR-NT-0001" / "bundle.pdf").is_file()
    assert db.case_status("SAR-NT-0001", url)["state"] == str(CaseState.BUNDLED)
    assert c3["SAR-NT-0004"]["status"] == "awaiting_review" and "changed" in c3["SAR-NT-0004"]["why"]
    assert c3["SAR-NT-0005"]["status"] == "awaiting_review" and "stopped before finishing" in c3["SAR-NT-0005"]["why"]
    assert c3["SAR-NT-0003"]["status"] == "failed" and not c3["SAR-NT-0003"]["worked_on"]
    assert [c["case_id"] for c in r3["at_risk"]] == ["SAR-NT-0004"]  # 0001 is answered now

    r4 = nightly(store, out, e)
    assert r4["processed"] == 0


def test_a_killed_run_loses_nothing_and_the_next_run_finishes_the_work(env):
    """Kill the batch (SIGKILL, as a crash would) once it has started on a case; the next
    run completes every case and a third does nothing."""
    store, out, url, e = env
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "nightly", "--store", str(store), "--out", str(out), "--today", TODAY,
         "--concurrency", "1"],
        cwd=ROOT, env={**os.environ, **e}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 180
        started = 0
        while time.time() < deadline and proc.poll() is None:
            try:
                with db.session(url) as s:
                    rows = s.query(db.NightlyRow).all()
                    started = sum(1 for r in rows if r.started_at is not None)
                    finished = sum(1 for r in rows if r.finished_at is not None)
            except Exception:  # noqa: BLE001 - the schema may not exist yet
                started = finished = 0
            if started >= 2 and finished >= 1:  # mid-run: one case done, the next under way
                break
            time.sleep(0.2)
        assert proc.poll() is None, "the run finished before it could be interrupted"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not (out / "reports" / f"nightly-{TODAY}.json").exists()

    r = nightly(store, out, e)
    assert 1 <= r["processed"] <= 4  # only what the killed run had not finished
    assert {k: c["status"] for k, c in by_id(r).items()} == {
        "SAR-NT-0001": "awaiting_review",
        "SAR-NT-0002": "bundled",
        "SAR-NT-0003": "failed",
        "SAR-NT-0004": "awaiting_review",
        "SAR-NT-0005": "awaiting_review",
    }
    assert any("stopped before finishing" in (c["why"] or "") for c in r["cases"] if c["worked_on"])
    assert (out / "SAR-NT-0002" / "bundle.pdf").is_file()
    assert nightly(store, out, e)["processed"] == 0
