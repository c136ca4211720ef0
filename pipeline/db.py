"""The review database: cases, documents, suggestions, decisions, reviewers and the audit trail.

SQLAlchemy 2 models plus small repository functions. No Prefect here.

    SARPACK_DATABASE_URL=postgresql+psycopg://...   # or the default SQLite file
    from pipeline import db
    db.upgrade()                                      # Alembic "upgrade head"
    db.store_review(case, processed, store=..., out=...)

The suggestions table holds suggestion text: the database is the case's own data and
the reviewer has to see what they decide on. The audit table never holds a value: it
records ids, entity types, states and reason codes only.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    delete,
    event,
    func,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from pipeline.codes import CaseState, DecidedBy, DecisionState, EntityType, PartyKind, ReasonCode
from pipeline.models import CaseRecord, Decision, Suggestion

log = logging.getLogger("sarpack.db")

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "migrations"
ENV_URL = "SARPACK_DATABASE_URL"


class ReviewError(Exception):
    """A review action that cannot be done; the message is for a caseworker (no values)."""


class UnknownCase(ReviewError):
    pass


# ---------------------------------------------------------------------------- models


class Base(DeclarativeBase):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class CaseRow(Base):
    __tablename__ = "cases"

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    store: Mapped[str] = mapped_column(Text)
    out: Mapped[str] = mapped_column(Text)
    received: Mapped[date] = mapped_column(Date)
    extended_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    state: Mapped[str] = mapped_column(String(32), default=str(CaseState.NEW))
    message: Mapped[str | None] = mapped_column(Text, nullable=True)
    approved_by: Mapped[str | None] = mapped_column(String(128), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    bundle_folder: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now)

    @property
    def due(self) -> date:
        return due_date(self.received, self.extended_due)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (ForeignKeyConstraint(["case_id"], ["cases.case_id"], ondelete="CASCADE"),)

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    parent: Mapped[str | None] = mapped_column(String(32), nullable=True)
    status: Mapped[str] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    # The prepared, un-redacted PDF the suggestions refer to (the reviewer's view).
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)


class SuggestionRow(Base):
    __tablename__ = "suggestions"
    __table_args__ = (ForeignKeyConstraint(["case_id"], ["cases.case_id"], ondelete="CASCADE"),)

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(32))
    page: Mapped[int] = mapped_column(Integer)
    rects: Mapped[list] = mapped_column(JSON)
    entity_type: Mapped[str] = mapped_column(String(40))
    recognizer: Mapped[str] = mapped_column(String(80))
    score: Mapped[float] = mapped_column(Float)
    party: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(4))  # the suggested reason
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    start: Mapped[int] = mapped_column(Integer, default=-1)
    end: Mapped[int] = mapped_column(Integer, default=-1)
    text: Mapped[str] = mapped_column(Text, default="")
    manual: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    def to_suggestion(self) -> Suggestion:
        return Suggestion(
            id=self.id,
            doc_id=self.doc_id,
            page=self.page,
            rects=[tuple(r) for r in self.rects],
            entity_type=EntityType(self.entity_type),
            recognizer=self.recognizer,
            score=self.score,
            party=PartyKind(self.party),
            reason=ReasonCode(self.reason),
            needs_review=self.needs_review,
            start=self.start,
            end=self.end,
            text=self.text,
        )


class DecisionRow(Base):
    __tablename__ = "decisions"
    __table_args__ = (
        ForeignKeyConstraint(
            ["case_id", "suggestion_id"], ["suggestions.case_id", "suggestions.id"], ondelete="CASCADE"
        ),
    )

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    suggestion_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), default=str(DecisionState.PENDING))
    reason: Mapped[str] = mapped_column(String(4))
    reviewer: Mapped[str | None] = mapped_column(String(128), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ReviewerRow(Base):
    __tablename__ = "reviewers"

    username: Mapped[str] = mapped_column(String(128), primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class AuditRow(Base):
    """One action. Never a value: ids, types, states and reason codes only."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(40))
    suggestion_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    doc_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    entity_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    before_state: Mapped[str | None] = mapped_column(String(32), nullable=True)
    before_reason: Mapped[str | None] = mapped_column(String(4), nullable=True)
    after_state: Mapped[str | None] = mapped_column(String(32), nullable=True)
    after_reason: Mapped[str | None] = mapped_column(String(4), nullable=True)
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)  # counts/flags, never a value


class NightlyRow(Base):
    """The nightly batch's memory of a case (pipeline/nightly_state.py): what the sources
    looked like when it last worked on the case, and how that ended. Ids, hashes, states
    and reasons in words only."""

    __tablename__ = "nightly_cases"

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)  # a CaseState; None while running
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    retryable: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


AUDIT_FIELDS = [
    "id", "case_id", "at", "actor", "action", "suggestion_id", "doc_id", "entity_type",
    "before_state", "before_reason", "after_state", "after_reason", "detail",
]


class Action:
    DETECTED = "detection_stored"
    DECIDE = "decision"
    NOTE = "note"
    MANUAL = "manual_redaction_added"
    REMOVED = "suggestion_removed"
    APPROVE = "case_approved"
    STATE = "case_state"


# ---------------------------------------------------------------------------- engine


def database_url() -> str:
    url = os.environ.get(ENV_URL)
    if url:
        return url
    folder = Path.cwd() / ".sarpack"
    folder.mkdir(mode=0o700, exist_ok=True)
    return f"sqlite:///{folder / 'sarpack.db'}"


_engines: dict[str, Engine] = {}
_upgraded: set[str] = set()
_lock = threading.Lock()


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def get_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    with _lock:
        eng = _engines.get(url)
        if eng is None:
            if url.startswith("sqlite"):
                path = url.split("///", 1)[-1]
                if path and path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                # hide_parameters: a failed statement's message must never quote a value.
                eng = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                                    hide_parameters=True)
                event.listen(eng, "connect", _sqlite_pragmas)
            else:
                eng = create_engine(url, pool_pre_ping=True, hide_parameters=True)
            _engines[url] = eng
    return eng


def alembic_config(url: str | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None) -> None:
    """Bring the schema to the newest migration (Alembic ``upgrade head``)."""
    from alembic import command

    url = url or database_url()
    if url in _upgraded:
        return
    with get_engine(url).begin() as conn:
        cfg = alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    _upgraded.add(url)


@contextmanager
def session(url: str | None = None) -> Iterator[Session]:
    """A transaction: committed on success, rolled back on error. Upgrades the schema first."""
    url = url or database_url()
    upgrade(url)
    maker = sessionmaker(get_engine(url), expire_on_commit=False)
    with maker() as s:
        with s.begin():
            yield s


# ---------------------------------------------------------------------------- dates


# One source of truth for due dates: pipeline/deadlines.py (re-exported here).
from pipeline.deadlines import add_one_month, due_date  # noqa: E402,F401


# ---------------------------------------------------------------------------- helpers


def _audit(s: Session, case_id: str, actor: str, action: str, **kw) -> None:
    s.add(AuditRow(case_id=case_id, actor=actor, action=action, **kw))


def _case(s: Session, case_id: str, lock: bool = False) -> CaseRow:
    q = select(CaseRow).where(CaseRow.case_id == case_id)
    if lock:
        q = q.with_for_update()
    row = s.scalars(q).first()
    if row is None:
        raise UnknownCase(f"unknown case {case_id}: it has not been submitted for review")
    return row


def normalise_value(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


# ---------------------------------------------------------------------------- detection


def store_review(case: CaseRecord, processed, *, store: str, out: str, url: str | None = None) -> dict:
    """Store (or refresh) a case after detection and mark it awaiting review.

    Suggestions are upserted by id; a reviewer's decision survives for every suggestion
    that is detected again unchanged. Suggestions no longer detected are removed (manual
    redactions are kept). Returns counts."""
    new_ids: set[str] = set()
    with session(url) as s:
        row = s.get(CaseRow, case.case_id)
        if row is None:
            row = CaseRow(case_id=case.case_id, store=str(store), out=str(out), received=case.received)
            s.add(row)
        before = row.state
        row.store, row.out = str(store), str(out)
        row.received = case.received
        row.extended_due = case.options.extended_due
        row.state = str(CaseState.AWAITING_REVIEW)
        row.message = None
        row.approved_by = row.approved_at = None
        s.flush()

        s.execute(delete(DocumentRow).where(DocumentRow.case_id == case.case_id))
        for i, p in enumerate(processed):
            s.add(
                DocumentRow(
                    case_id=case.case_id,
                    doc_id=p.source.doc_id,
                    position=i,
                    source=p.source.source,
                    sha256=p.source.sha256,
                    parent=p.source.parent,
                    status=str(p.status),
                    error=p.error,
                    pages=len(p.pages),
                    pdf=p.pdf if p.ok else None,
                )
            )

        existing = {r.id: r for r in s.scalars(select(SuggestionRow).where(SuggestionRow.case_id == case.case_id))}
        added = kept = 0
        new_decisions: list[DecisionRow] = []
        for p in processed:
            for sg in p.suggestions:
                new_ids.add(sg.id)
                r = existing.get(sg.id)
                if r is None:
                    added += 1
                    s.add(
                        SuggestionRow(
                            case_id=case.case_id, id=sg.id, doc_id=sg.doc_id, page=sg.page,
                            rects=[list(x) for x in sg.rects], entity_type=str(sg.entity_type),
                            recognizer=sg.recognizer, score=float(sg.score), party=str(sg.party),
                            reason=str(sg.reason), needs_review=sg.needs_review, start=sg.start,
                            end=sg.end, text=sg.text, manual=False,
                        )
                    )
                    new_decisions.append(DecisionRow(case_id=case.case_id, suggestion_id=sg.id, reason=str(sg.reason)))
                else:
                    kept += 1
                    r.rects = [list(x) for x in sg.rects]
                    r.score, r.needs_review, r.recognizer = float(sg.score), sg.needs_review, sg.recognizer
        s.flush()
        s.add_all(new_decisions)
        removed = 0
        for sid, r in existing.items():
            if sid not in new_ids and not r.manual:
                removed += 1
                _audit(s, case.case_id, "system", Action.REMOVED, suggestion_id=sid, doc_id=r.doc_id,
                       entity_type=r.entity_type)
                s.delete(r)
        s.flush()
        pending = _pending(s, case.case_id)
        detail = f"documents={len(processed)} added={added} kept={kept} removed={removed} pending={pending}"
        _audit(s, case.case_id, "system", Action.DETECTED, before_state=before,
               after_state=str(CaseState.AWAITING_REVIEW), detail=detail)
    log.info("case %s stored for review: %s", case.case_id, detail)
    return {"added": added, "kept": kept, "removed": removed, "pending": pending}


# ---------------------------------------------------------------------------- reading


@dataclass
class QueueItem:
    case_id: str
    received: date
    due: date
    extended: bool
    suggestions: int
    pending: int
    state: str


def _pending(s: Session, case_id: str) -> int:
    return s.scalar(
        select(func.count()).select_from(DecisionRow).where(
            DecisionRow.case_id == case_id, DecisionRow.state == str(DecisionState.PENDING)
        )
    ) or 0


def _counts(s: Session, case_id: str) -> dict[str, int]:
    rows = s.execute(
        select(DecisionRow.state, func.count()).where(DecisionRow.case_id == case_id).group_by(DecisionRow.state)
    ).all()
    out = {str(st): 0 for st in DecisionState}
    out.update({k: v for k, v in rows})
    return out


def queue(url: str | None = None, states: tuple[CaseState, ...] = (CaseState.AWAITING_REVIEW,)) -> list[QueueItem]:
    """Cases awaiting review, most urgent (earliest due date) first."""
    with session(url) as s:
        rows = s.scalars(select(CaseRow).where(CaseRow.state.in_([str(x) for x in states]))).all()
        items = []
        for r in rows:
            c = _counts(s, r.case_id)
            items.append(QueueItem(r.case_id, r.received, r.due, r.extended_due is not None,
                                   sum(c.values()), c[str(DecisionState.PENDING)], r.state))
    return sorted(items, key=lambda i: (i.due, i.received, i.case_id))


def all_cases(url: str | None = None) -> list[QueueItem]:
    return queue(url, tuple(CaseState))


def case_status(case_id: str, url: str | None = None) -> dict:
    with session(url) as s:
        r = _case(s, case_id)
        docs = s.scalars(select(DocumentRow).where(DocumentRow.case_id == case_id).order_by(DocumentRow.position)).all()
        return {
            "case_id": r.case_id,
            "state": r.state,
            "received": r.received.isoformat(),
            "due": r.due.isoformat(),
            "extended": r.extended_due is not None,
            "decisions": _counts(s, case_id),
            "documents": len(docs),
            "failed_documents": sum(1 for d in docs if d.error),
            "approved_by": r.approved_by,
            "approved_at": r.approved_at.isoformat() if r.approved_at else None,
            "bundle_folder": r.bundle_folder,
            "message": r.message,
            "store": r.store,
            "out": r.out,
        }


@dataclass
class DocView:
    doc_id: str
    source: str
    status: str
    error: str | None
    pages: int
    parent: str | None


def documents(case_id: str, url: str | None = None) -> list[DocView]:
    with session(url) as s:
        _case(s, case_id)
        rows = s.scalars(select(DocumentRow).where(DocumentRow.case_id == case_id).order_by(DocumentRow.position)).all()
        return [DocView(d.doc_id, d.source, d.status, d.error, d.pages, d.parent) for d in rows]


def document_hashes(case_id: str, url: str | None = None) -> dict[str, str]:
    with session(url) as s:
        rows = s.execute(select(DocumentRow.doc_id, DocumentRow.sha256).where(DocumentRow.case_id == case_id)).all()
        return {a: b for a, b in rows}


def prepared_pdf(case_id: str, doc_id: str, url: str | None = None) -> bytes | None:
    with session(url) as s:
        return s.scalar(select(DocumentRow.pdf).where(DocumentRow.case_id == case_id, DocumentRow.doc_id == doc_id))


@dataclass
class SuggestionView:
    id: str
    doc_id: str
    page: int
    rects: list
    entity_type: str
    recognizer: str
    score: float
    party: str
    suggested_reason: str
    needs_review: bool
    text: str
    manual: bool
    state: str
    reason: str
    reviewer: str | None
    note: str | None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def suggestions(case_id: str, url: str | None = None) -> list[SuggestionView]:
    with session(url) as s:
        _case(s, case_id)
        order = {d: i for d, i in s.execute(
            select(DocumentRow.doc_id, DocumentRow.position).where(DocumentRow.case_id == case_id)).all()}
        rows = s.execute(
            select(SuggestionRow, DecisionRow)
            .join(DecisionRow, (DecisionRow.case_id == SuggestionRow.case_id) & (DecisionRow.suggestion_id == SuggestionRow.id))
            .where(SuggestionRow.case_id == case_id)
        ).all()
        out = [
            SuggestionView(
                sg.id, sg.doc_id, sg.page, sg.rects, sg.entity_type, sg.recognizer, sg.score, sg.party, sg.reason,
                sg.needs_review, sg.text, sg.manual, d.state, d.reason, d.reviewer, d.note,
            )
            for sg, d in rows
        ]
    def top(v: SuggestionView) -> float:
        return min((r[1] for r in v.rects), default=0.0)
    return sorted(out, key=lambda v: (order.get(v.doc_id, 1 << 30), v.page, top(v), min((r[0] for r in v.rects), default=0)))


def review_inputs(case_id: str, url: str | None = None) -> tuple[list[Suggestion], dict[str, Decision]]:
    """Every stored suggestion (detected and manual) with the reviewers' decisions."""
    with session(url) as s:
        rows = s.execute(
            select(SuggestionRow, DecisionRow)
            .join(DecisionRow, (DecisionRow.case_id == SuggestionRow.case_id) & (DecisionRow.suggestion_id == SuggestionRow.id))
            .where(SuggestionRow.case_id == case_id)
        ).all()
        sugg = [sg.to_suggestion() for sg, _ in rows]
        dec = {
            d.suggestion_id: Decision(d.suggestion_id, DecisionState(d.state), ReasonCode(d.reason),
                                      DecidedBy.REVIEWER, d.reviewer)
            for _, d in rows
        }
    return sugg, dec


# ---------------------------------------------------------------------------- deciding


def _editable(r: CaseRow) -> None:
    if r.state != str(CaseState.AWAITING_REVIEW):
        raise ReviewError(f"case {r.case_id} is {r.state}: it is not awaiting review")


def decide(
    case_id: str,
    suggestion_id: str,
    reviewer: str,
    *,
    state: DecisionState | None = None,
    reason: ReasonCode | None = None,
    note: str | None = None,
    every_occurrence: bool = False,
    url: str | None = None,
) -> list[str]:
    """Accept/reject a suggestion, change its reason and/or set a note. With
    ``every_occurrence`` the same state and reason go to every suggestion in the case with
    the same text. Returns the ids changed."""
    changed: list[str] = []
    with session(url) as s:
        c = _case(s, case_id, lock=True)
        _editable(c)
        target = s.get(SuggestionRow, (case_id, suggestion_id))
        if target is None:
            raise ReviewError(f"unknown suggestion {suggestion_id} in case {case_id}")
        targets = [target]
        if every_occurrence and normalise_value(target.text):
            v = normalise_value(target.text)
            for other in s.scalars(select(SuggestionRow).where(SuggestionRow.case_id == case_id)):
                if other.id != target.id and normalise_value(other.text) == v:
                    targets.append(other)
        for sg in targets:
            d = s.get(DecisionRow, (case_id, sg.id))
            before = (d.state, d.reason)
            old_note = d.note
            if state is not None:
                d.state = str(state)
            if reason is not None:
                d.reason = str(reason)
            if note is not None and sg is target:
                d.note = note.strip()[:2000] or None
            if (d.state, d.reason) != before:
                d.reviewer, d.decided_at = reviewer, _now()
                changed.append(sg.id)
                _audit(s, case_id, reviewer, Action.DECIDE, suggestion_id=sg.id, doc_id=sg.doc_id,
                       entity_type=sg.entity_type, before_state=before[0], before_reason=before[1],
                       after_state=d.state, after_reason=d.reason,
                       detail="every_occurrence" if sg is not target else None)
            elif note is not None and sg is target and d.note != old_note:
                changed.append(sg.id)
                _audit(s, case_id, reviewer, Action.NOTE, suggestion_id=sg.id, doc_id=sg.doc_id,
                       entity_type=sg.entity_type, before_state=d.state, after_state=d.state,
                       detail=f"note_chars={len(d.note or '')}")
    log.info("case %s: %d decision(s) by a reviewer", case_id, len(changed))
    return changed


def add_manual(
    case_id: str,
    doc_id: str,
    page: int,
    rects: list[tuple[float, float, float, float]],
    text: str,
    reviewer: str,
    reason: ReasonCode = ReasonCode.TP,
    note: str | None = None,
    url: str | None = None,
) -> str:
    """A reviewer's own redaction (a drawn box or selected words): stored as an accepted
    MANUAL suggestion."""
    if not rects:
        raise ReviewError("a manual redaction needs an area")
    with session(url) as s:
        c = _case(s, case_id, lock=True)
        _editable(c)
        doc = s.get(DocumentRow, (case_id, doc_id))
        if doc is None or not 0 <= page < doc.pages:
            raise ReviewError(f"unknown page {page + 1} of document {doc_id}")
        key = repr([tuple(round(v, 1) for v in r) for r in rects])
        sid = Suggestion.make_id(doc_id, page, -1, -1, str(EntityType.MANUAL), key)
        if s.get(SuggestionRow, (case_id, sid)) is not None:
            return sid
        s.add(SuggestionRow(
            case_id=case_id, id=sid, doc_id=doc_id, page=page, rects=[list(r) for r in rects],
            entity_type=str(EntityType.MANUAL), recognizer="reviewer", score=1.0, party=str(PartyKind.UNKNOWN),
            reason=str(reason), needs_review=False, text=text, manual=True,
        ))
        s.flush()
        s.add(DecisionRow(case_id=case_id, suggestion_id=sid, state=str(DecisionState.ACCEPTED), reason=str(reason),
                          reviewer=reviewer, note=(note or "").strip()[:2000] or None, decided_at=_now()))
        _audit(s, case_id, reviewer, Action.MANUAL, suggestion_id=sid, doc_id=doc_id, entity_type=str(EntityType.MANUAL),
               before_state=None, after_state=str(DecisionState.ACCEPTED), after_reason=str(reason),
               detail=f"page={page + 1} boxes={len(rects)}")
    return sid


def pending_count(case_id: str, url: str | None = None) -> int:
    with session(url) as s:
        _case(s, case_id)
        return _pending(s, case_id)


def approve(case_id: str, reviewer: str, url: str | None = None, via: str = "web") -> None:
    """Mark a fully decided case approved. Refuses while any suggestion has no decision.
    An approved (or failed-after-approval) case may be approved again to retry finalising."""
    with session(url) as s:
        c = _case(s, case_id, lock=True)
        if c.state == str(CaseState.BUNDLED):
            raise ReviewError(f"case {case_id} is already bundled")
        if c.state == str(CaseState.NEW):
            raise ReviewError(f"case {case_id} is not awaiting review")
        pending = _pending(s, case_id)
        if pending:
            raise ReviewError(f"case {case_id}: {pending} suggestion(s) have no decision yet; decide them all first")
        before = c.state
        c.state = str(CaseState.APPROVED)
        c.message = None
        c.approved_by, c.approved_at = reviewer, _now()
        counts = _counts(s, case_id)
        _audit(s, case_id, reviewer, Action.APPROVE, before_state=before, after_state=c.state,
               detail=f"via={via} accepted={counts['accepted']} rejected={counts['rejected']}")


def set_state(case_id: str, state: CaseState, *, message: str | None = None, bundle_folder: str | None = None,
              actor: str = "system", url: str | None = None) -> None:
    with session(url) as s:
        c = _case(s, case_id, lock=True)
        before = c.state
        c.state, c.message = str(state), message
        if bundle_folder is not None:
            c.bundle_folder = bundle_folder
        _audit(s, case_id, actor, Action.STATE, before_state=before, after_state=str(state))


# ---------------------------------------------------------------------------- audit


def audit_rows(case_id: str, url: str | None = None) -> list[dict]:
    with session(url) as s:
        rows = s.scalars(select(AuditRow).where(AuditRow.case_id == case_id).order_by(AuditRow.id)).all()
        return [
            {k: (getattr(r, k).isoformat() if k == "at" else getattr(r, k)) for k in AUDIT_FIELDS}
            for r in rows
        ]


def audit_csv(case_id: str, url: str | None = None) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=AUDIT_FIELDS, lineterminator="\n")
    w.writeheader()
    for row in audit_rows(case_id, url):
        w.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buf.getvalue()


# ---------------------------------------------------------------------------- reviewers


USERNAME_RE = re.compile(r"^[A-Za-z0-9._@-]{2,64}$")
MIN_PASSWORD = 10


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def add_reviewer(username: str, password: str, url: str | None = None) -> bool:
    """Create a reviewer, or set a new password. Returns True when the account is new."""
    if not USERNAME_RE.match(username):
        raise ReviewError("a user name is 2-64 letters, digits, '.', '_', '@' or '-'")
    if len(password) < MIN_PASSWORD:
        raise ReviewError(f"a password needs at least {MIN_PASSWORD} characters")
    h = _hasher().hash(password)
    with session(url) as s:
        r = s.get(ReviewerRow, username)
        if r is None:
            s.add(ReviewerRow(username=username, password_hash=h))
            return True
        r.password_hash, r.active = h, True
        return False


_DUMMY_HASH: str | None = None


def check_password(username: str, password: str, url: str | None = None) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    global _DUMMY_HASH
    ph = _hasher()
    with session(url) as s:
        r = s.get(ReviewerRow, username)
        stored = r.password_hash if (r is not None and r.active) else None
    if stored is None:
        # Same work either way, so timing does not reveal which user names exist.
        if _DUMMY_HASH is None:
            _DUMMY_HASH = ph.hash("not-a-real-password")
        try:
            ph.verify(_DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            pass
        return False
    try:
        ph.verify(stored, password)
        return True
    except (VerificationError, InvalidHashError):
        return False


def reviewer_exists(username: str, url: str | None = None) -> bool:
    with session(url) as s:
        r = s.get(ReviewerRow, username)
        return r is not None and r.active
