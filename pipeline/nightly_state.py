"""What the nightly batch remembers about each case, and what it decides to do next.

The memory is one row per case in the review database (table ``nightly_cases``, model
``db.NightlyRow``, migration 0002): a fingerprint of the case's sources, the last action
(submit or finalise), when it started and finished, and how it ended. Plain functions, no
Prefect. Never a value from a document: ids, hashes, states and reasons in words.

A case needs work when
- it has never been run (no row, and not in the review database either);
- a reviewer approved it and it is not bundled yet (finalise);
- its sources changed since the last run: the fingerprint is the SHA-256 of the pipeline
  version, case.json's bytes and the sorted (source, sha256) list of its documents;
- its last attempt was interrupted (a crash: started, never finished), or failed for a
  reason that may pass (an unexpected error, not a problem with the case itself), and
  fewer than ``max_attempts`` attempts were made on these same sources.

A case that failed for a reason in the case itself (unreadable case.json, sources changed
since review, a bundle that failed verification...) is not retried until something in it
changes: running it again would fail the same way.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import Enum
from pathlib import Path

from sqlalchemy import select

from pipeline import PIPELINE_VERSION, db
from pipeline.case_store import case_dir, gather_documents
from pipeline.codes import CaseState

DEFAULT_MAX_ATTEMPTS = 3


class Action(str, Enum):
    SUBMIT = "submit"        # gather -> detect -> awaiting review (or a bundle when auto-approved)
    FINALISE = "finalise"    # an approved case -> bundle
    NONE = "none"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class _DocsOnly:
    """Just enough of a CaseRecord for gather_documents (which reads documents_dir only)."""

    root: Path

    @property
    def documents_dir(self) -> Path:
        return self.root / "documents"


def fingerprint(store: Path, case_id: str) -> str:
    """SHA-256 over the pipeline version, case.json and every document's (source, sha256)."""
    root = case_dir(Path(store), case_id)
    h = hashlib.sha256()
    h.update(f"pipeline {PIPELINE_VERSION}\n".encode())
    try:
        h.update(b"case.json " + hashlib.sha256((root / "case.json").read_bytes()).hexdigest().encode() + b"\n")
    except OSError as exc:
        h.update(f"case.json unreadable {type(exc).__name__}\n".encode())
    docs = gather_documents(_DocsOnly(root))  # type: ignore[arg-type]
    for source, sha, error in sorted((d.source, d.sha256, d.error or "") for d in docs):
        h.update(f"{source}\0{sha}\0{error}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


@dataclass
class Known:
    """What the database says about a case before this run."""

    row: db.NightlyRow | None
    review: db.CaseRow | None


def load_known(case_ids: list[str], url: str | None = None) -> dict[str, Known]:
    with db.session(url) as s:
        rows = {r.case_id: r for r in s.scalars(select(db.NightlyRow).where(db.NightlyRow.case_id.in_(case_ids)))}
        review = {r.case_id: r for r in s.scalars(select(db.CaseRow).where(db.CaseRow.case_id.in_(case_ids)))}
    return {c: Known(rows.get(c), review.get(c)) for c in case_ids}


def _utc(dt: datetime) -> datetime:
    """Comparable timestamps: SQLite hands back naive UTC, PostgreSQL aware ones."""
    return dt.astimezone(timezone.utc).replace(tzinfo=None) if dt.tzinfo else dt


def _interrupted(row: db.NightlyRow) -> bool:
    return row.started_at is not None and (
        row.finished_at is None or _utc(row.finished_at) < _utc(row.started_at)
    )


def current_status(known: Known) -> tuple[str, str | None]:
    """(status, reason in words) from the newest of the nightly row and the review database."""
    row, rv = known.row, known.review
    row_at = row.finished_at if row is not None and not _interrupted(row) else None
    if rv is not None and (row_at is None or row is None or row.outcome is None or _utc(rv.updated_at) > _utc(row_at)):
        return rv.state, rv.message if rv.state == str(CaseState.FAILED) else None
    if row is not None and row.outcome is not None and row_at is not None:
        return row.outcome, row.reason if row.outcome == str(CaseState.FAILED) else None
    return str(CaseState.NEW), None


def adopt_published(out: Path, store: Path, case_id: str) -> str | None:
    """A case bundled by ``sarpack submit --auto-approve``: bundled (or failed when the bundle
    was held back), when its manifest lists exactly the documents in the store now."""
    path = Path(out) / case_id / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        listed = {(d["source"], d["sha256"]) for d in manifest["documents"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if manifest.get("pipeline_version") != PIPELINE_VERSION:
        return None
    docs = gather_documents(_DocsOnly(case_dir(Path(store), case_id)))  # type: ignore[arg-type]
    if not docs or not all((d.source, d.sha256) in listed for d in docs):
        return None
    return str(CaseState.BUNDLED if manifest.get("release") else CaseState.FAILED)


def decide(
    case_id: str,
    fp: str,
    known: Known,
    *,
    store: Path,
    out: Path,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    url: str | None = None,
) -> tuple[Action, str]:
    """What to do with a case tonight, and why (in words)."""
    row, rv = known.row, known.review
    review_state = rv.state if rv is not None else None
    exhausted = row is not None and row.attempts >= max_attempts

    if row is not None and _interrupted(row) and row.fingerprint == fp:
        if exhausted:
            return Action.NONE, f"not retried: {row.attempts} attempt(s) were interrupted; change the case to retry"
        return Action(row.action), "retry: the last run stopped before finishing"
    if review_state == str(CaseState.APPROVED):
        if exhausted and row.action == str(Action.FINALISE) and row.retryable:
            return Action.NONE, f"not retried: finalising failed {row.attempts} time(s)"
        return Action.FINALISE, "approved by a reviewer"
    if row is None:
        if rv is not None and review_state != str(CaseState.NEW):
            hashes = db.document_hashes(case_id, url)
            docs = gather_documents(_DocsOnly(case_dir(Path(store), case_id)))  # type: ignore[arg-type]
            if docs and all(hashes.get(d.doc_id) == d.sha256 for d in docs):
                return Action.NONE, f"already {review_state}"
            return Action.SUBMIT, "source documents changed since the case was last run"
        if adopt_published(out, store, case_id) is not None:
            return Action.NONE, "already bundled"
        return Action.SUBMIT, "new case"
    if row.fingerprint != fp:
        return Action.SUBMIT, "source documents or case.json changed since the last run"
    if row.outcome == str(CaseState.FAILED) and row.retryable:
        if exhausted:
            return Action.NONE, f"not retried: failed {row.attempts} time(s); change the case to retry"
        return Action(row.action), f"retry {row.attempts + 1} of {max_attempts} after an unexpected error"
    return Action.NONE, "nothing changed"


# ---------------------------------------------------------------------------- recording


def record_start(case_id: str, fp: str, action: Action, url: str | None = None) -> int:
    """Mark the case started (before any work, so a crash is seen next time). Returns the
    attempt number on these sources."""
    with db.session(url) as s:
        row = s.get(db.NightlyRow, case_id)
        if row is None:
            row = db.NightlyRow(case_id=case_id, fingerprint=fp, action=str(action), attempts=0, retryable=False)
            s.add(row)
        same = row.fingerprint == fp
        if action == Action.SUBMIT or row.fingerprint is None:
            # Finalising keeps the fingerprint of the sources the reviewer saw, so a change
            # since review is still seen as a change next time.
            row.fingerprint = fp
        row.attempts = (row.attempts or 0) + 1 if same else 1
        row.action = str(action)
        row.outcome, row.reason, row.retryable = None, None, False
        row.started_at = db._now()
        row.finished_at = None
        return row.attempts


def record_end(
    case_id: str,
    outcome: CaseState,
    reason: str | None = None,
    *,
    retryable: bool = False,
    url: str | None = None,
) -> None:
    with db.session(url) as s:
        row = s.get(db.NightlyRow, case_id)
        if row is None:  # pragma: no cover - record_start always comes first
            raise db.ReviewError(f"case {case_id}: no nightly run was started")
        row.outcome, row.reason, row.retryable = str(outcome), reason, retryable
        if outcome != CaseState.FAILED:
            row.attempts = 0
        finished = db._now()
        # Strictly after the start, so "started after finished" means interrupted.
        row.finished_at = max(finished, _utc(row.started_at).replace(tzinfo=timezone.utc)) if row.started_at else finished


def record_adopted(case_id: str, fp: str, state: str, url: str | None = None) -> None:
    """Remember a case run before the nightly batch knew it, without working on it."""
    with db.session(url) as s:
        if s.get(db.NightlyRow, case_id) is not None:
            return
        now = db._now()
        s.add(db.NightlyRow(case_id=case_id, fingerprint=fp, action=str(Action.SUBMIT), outcome=state,
                            reason=None, retryable=False, attempts=0, started_at=now, finished_at=now))


def received_and_due(store: Path, case_id: str) -> tuple[date | None, date | None, bool]:
    """(received, due, extended) from case.json, or Nones when it cannot be read."""
    from pipeline.case_store import load_case
    from pipeline.deadlines import due_date
    from pipeline.errors import CaseError

    try:
        case = load_case(Path(store), case_id)
    except CaseError:
        return None, None, False
    return case.received, due_date(case.received, case.options.extended_due), case.options.extended_due is not None

