"""[review] The command-line cycle through real Prefect flow runs:
submit (no --auto-approve) -> status -> approve refused while undecided -> decide ->
approve -> bundle with exactly the approved redactions."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pymupdf
import pytest

from tests.conftest import run_sarpack

pytestmark = pytest.mark.slow

CASE_ID = "SAR-RV-0001"
MANUAL_PHRASE = "garden shed arrangement"


def make_case(root: Path, case_id: str = CASE_ID) -> Path:
    """A small case store: two TXT documents that detection finds a handful of suggestions in."""
    case = root / case_id
    (case / "documents").mkdir(parents=True)
    (case / "case.json").write_text(json.dumps({
        "case_id": case_id,
        "received": "2026-01-31",
        "requester": {"name": "Claire Bennett", "phones": ["07700 900417"]},
        "third_parties": [{"name": "Dean Okafor", "role": "paying parent", "phones": ["07700 900123"]}],
    }))
    (case / "documents" / "notes.txt").write_text(
        "CASE NOTES\n\n"
        "Inbound call from Claire Bennett about missed payments.\n"
        "Outbound call to Dean Okafor on 07700 900123, no answer.\n"
        "Dean Okafor later called back. His partner Tanya Rhodes was present.\n"
        f"The caseworker agreed the {MANUAL_PHRASE} with the parent.\n"
    )
    (case / "documents" / "letter.txt").write_text(
        "Dear Ms Bennett,\n\nWe have contacted Dean Okafor about the arrears on your case.\n"
        "Yours sincerely,\nChild Maintenance Service\n"
    )
    return root


def bundle_text(folder: Path) -> str:
    with pymupdf.open(folder / "bundle.pdf") as doc:
        return re.sub(r"\s+", " ", " ".join(p.get_text() for p in doc))


@pytest.fixture
def env(tmp_path, prefect_api):
    store = make_case(tmp_path / "store")
    out = tmp_path / "out"
    return store, out, {"SARPACK_DATABASE_URL": f"sqlite:///{tmp_path / 'review.db'}"}


def test_cli_cycle_submit_status_approve_bundle(env):
    store, out, e = env
    r = run_sarpack("submit", CASE_ID, "--store", str(store), "--out", str(out), env=e)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "awaiting review" in r.stdout

    r = run_sarpack("status", CASE_ID, "--json", env=e)
    assert r.returncode == 0, r.stderr
    st = json.loads(r.stdout)
    assert st["state"] == "awaiting_review"
    assert st["due"] == "2026-02-28"  # 31 January + 1 calendar month
    assert st["decisions"]["pending"] >= 3

    r = run_sarpack("approve", CASE_ID, "--reviewer", "alice", env=e)
    assert r.returncode == 2
    assert "no decision" in r.stderr

    # Decide: reject the unknown person, accept the rest (as a script would through the DB).
    import os

    os.environ["SARPACK_DATABASE_URL"] = e["SARPACK_DATABASE_URL"]
    try:
        from pipeline import db
        from pipeline.codes import DecisionState

        views = db.suggestions(CASE_ID)
        rejected = [v for v in views if v.text == "Tanya Rhodes"]
        assert rejected, "detection should find the unlisted person"
        for v in views:
            state = DecisionState.REJECTED if v.text == "Tanya Rhodes" else DecisionState.ACCEPTED
            db.decide(CASE_ID, v.id, "alice", state=state)
        doc = next(d for d in db.documents(CASE_ID) if d.source == "notes.txt")
        pdf = db.prepared_pdf(CASE_ID, doc.doc_id)
        with pymupdf.open(stream=pdf, filetype="pdf") as d:
            rects = d[0].search_for(MANUAL_PHRASE)
        db.add_manual(CASE_ID, doc.doc_id, 0, [tuple(r) for r in rects], MANUAL_PHRASE, "alice")

        # Re-running detection keeps the decisions already made.
        r = run_sarpack("submit", CASE_ID, "--store", str(store), "--out", str(out), env=e)
        assert r.returncode == 0, r.stderr[-2000:]
        assert db.pending_count(CASE_ID) == 0
    finally:
        os.environ.pop("SARPACK_DATABASE_URL", None)

    r = run_sarpack("approve", CASE_ID, "--reviewer", "alice", env=e)
    assert r.returncode == 0, r.stderr[-3000:]
    folder = out / CASE_ID
    text = bundle_text(folder)
    assert "Tanya Rhodes" in text
    assert "Dean Okafor" not in text and "07700 900123" not in text
    assert MANUAL_PHRASE not in text
    assert "Claire Bennett" in text  # the requester's own data stays
    audit = (folder / "review_audit.csv").read_text()
    assert "case_approved" in audit and "manual_redaction_added" in audit
    assert "Dean Okafor" not in audit and "Tanya" not in audit and "garden" not in audit

    r = run_sarpack("status", CASE_ID, "--json", env=e)
    assert json.loads(r.stdout)["state"] == "bundled"


def test_approve_refuses_when_sources_changed(env):
    store, out, e = env
    r = run_sarpack("submit", CASE_ID, "--store", str(store), "--out", str(out), env=e)
    assert r.returncode == 0, r.stderr[-2000:]
    import os

    os.environ["SARPACK_DATABASE_URL"] = e["SARPACK_DATABASE_URL"]
    try:
        from pipeline import db
        from pipeline.codes import DecisionState

        for v in db.suggestions(CASE_ID):
            db.decide(CASE_ID, v.id, "alice", state=DecisionState.ACCEPTED)
    finally:
        os.environ.pop("SARPACK_DATABASE_URL", None)
    (store / CASE_ID / "documents" / "letter.txt").write_text("A different letter.\n")
    r = run_sarpack("approve", CASE_ID, "--reviewer", "alice", env=e)
    assert r.returncode == 2
    assert "changed since they were reviewed" in r.stderr
    assert not (out / CASE_ID / "bundle.pdf").exists()
