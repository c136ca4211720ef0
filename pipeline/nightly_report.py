"""The nightly report: what the batch did, where every case stands, which deadlines are at risk.

Plain functions, no Prefect. Written to ``<out>/reports/nightly-<YYYY-MM-DD>.json`` and
``.md``. Ids, states, dates, counts and reasons in words only: never a document's text
and never a file name (file names can hold names of people).

Open cases (not bundled) that are overdue or due within 7 days are listed first, most
urgent first; a bundled case has been answered and is never "at risk".
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from pipeline import PIPELINE_VERSION
from pipeline.codes import CaseState
from pipeline.deadlines import DUE_SOON_DAYS, Urgency, days_left, urgency

REPORTS_DIR = "reports"

_RANK = {Urgency.OVERDUE: 0, Urgency.DUE_SOON: 1, Urgency.ON_TRACK: 2, None: 3}


@dataclass
class CaseLine:
    """One case in the report."""

    case_id: str
    status: str                       # a CaseState value
    received: date | None             # None when case.json cannot be read
    due: date | None
    extended: bool = False
    worked_on: bool = False           # this run did work on the case
    action: str | None = None         # "submit" / "finalise" when worked on
    why: str | None = None            # why the run did (or did not) work on it, in words
    reason: str | None = None         # why it failed, in words
    documents: int | None = None      # documents in the bundle / review (when worked on)
    documents_failed: int | None = None

    def as_dict(self, today: date) -> dict:
        open_case = self.status != str(CaseState.BUNDLED)
        urg = urgency(self.due, today) if (self.due and open_case) else None
        d = {
            "case_id": self.case_id,
            "status": self.status,
            "received": self.received.isoformat() if self.received else None,
            "due": self.due.isoformat() if self.due else None,
            "extended": self.extended,
            "days_left": days_left(self.due, today) if self.due else None,
            "urgency": str(urg) if urg else None,
            "worked_on": self.worked_on,
            "action": self.action,
            "why": self.why,
            "reason": self.reason,
        }
        if self.documents is not None:
            d["documents"] = self.documents
            d["documents_failed"] = self.documents_failed or 0
        return d


def _sort_key(row: dict) -> tuple:
    urg = Urgency(row["urgency"]) if row["urgency"] else None
    return (_RANK[urg], row["due"] or "9999-12-31", row["case_id"])


def build_report(
    lines: list[CaseLine],
    today: date,
    *,
    started: datetime | None = None,
    finished: datetime | None = None,
    concurrency: int | None = None,
    flow_run_id: str | None = None,
) -> dict:
    cases = sorted((ln.as_dict(today) for ln in lines), key=_sort_key)

    def ids(state: CaseState) -> list[str]:
        return [c["case_id"] for c in cases if c["status"] == str(state)]

    at_risk = [
        {k: c[k] for k in ("case_id", "status", "due", "days_left", "urgency")}
        for c in cases
        if c["urgency"] in (str(Urgency.OVERDUE), str(Urgency.DUE_SOON))
    ]
    counts: dict[str, int] = {}
    for c in cases:
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    return {
        "date": today.isoformat(),
        "pipeline_version": PIPELINE_VERSION,
        "started_at": started.isoformat() if started else None,
        "finished_at": finished.isoformat() if finished else None,
        "flow_run_id": flow_run_id,
        "concurrency": concurrency,
        "processed": sum(1 for c in cases if c["worked_on"]),
        "this_run": {
            "bundled": [c["case_id"] for c in cases if c["worked_on"] and c["status"] == str(CaseState.BUNDLED)],
            "awaiting_review": [
                c["case_id"] for c in cases if c["worked_on"] and c["status"] == str(CaseState.AWAITING_REVIEW)
            ],
            "failed": [c["case_id"] for c in cases if c["worked_on"] and c["status"] == str(CaseState.FAILED)],
        },
        "counts": counts,
        "bundled": ids(CaseState.BUNDLED),
        "awaiting_review": ids(CaseState.AWAITING_REVIEW),
        "approved": ids(CaseState.APPROVED),
        "failed": [{"case_id": c["case_id"], "reason": c["reason"] or "no reason recorded"}
                   for c in cases if c["status"] == str(CaseState.FAILED)],
        "due_soon_days": DUE_SOON_DAYS,
        "at_risk": at_risk,
        "cases": cases,
    }


_STATUS_WORDS = {
    str(CaseState.NEW): "new",
    str(CaseState.AWAITING_REVIEW): "awaiting review",
    str(CaseState.APPROVED): "approved",
    str(CaseState.BUNDLED): "bundled",
    str(CaseState.FAILED): "failed",
}


def _md_cell(value) -> str:
    s = "" if value is None else str(value)
    return s.replace("|", "\\|").replace("\n", " ")


def _when(c: dict) -> str:
    n = c["days_left"]
    if n is None:
        return "unknown"
    if c["urgency"] is None:
        return "answered" if c["status"] == str(CaseState.BUNDLED) else f"{n} day(s) left"
    if n < 0:
        return f"**overdue by {-n} day(s)**"
    if n == 0:
        return "**due today**"
    return f"{n} day(s) left" + (" (due soon)" if c["urgency"] == str(Urgency.DUE_SOON) else "")


def render_markdown(report: dict) -> str:
    out = [f"# Nightly SAR run, {report['date']}", ""]
    t = report["this_run"]
    out.append(
        f"Processed **{report['processed']}** case(s) this run: {len(t['bundled'])} bundled, "
        f"{len(t['awaiting_review'])} awaiting review, {len(t['failed'])} failed."
    )
    counts = ", ".join(f"{n} {_STATUS_WORDS.get(s, s)}" for s, n in sorted(report["counts"].items()))
    out += [f"All cases: {counts or 'none'}.", ""]

    out += [f"## Deadlines at risk (overdue or due within {report['due_soon_days']} days)", ""]
    if report["at_risk"]:
        out += ["| Case | Status | Due | |", "|---|---|---|---|"]
        for c in report["at_risk"]:
            out.append(f"| {c['case_id']} | {_STATUS_WORDS.get(c['status'], c['status'])} | {c['due']} | {_when(c)} |")
    else:
        out.append("None.")
    out.append("")

    out += ["## Failed", ""]
    if report["failed"]:
        out += [f"- **{f['case_id']}**: {_md_cell(f['reason'])}" for f in report["failed"]]
    else:
        out.append("None.")
    out.append("")

    out += ["## Every case", "", "| Case | Status | Received | Due | | This run |", "|---|---|---|---|---|---|"]
    for c in report["cases"]:
        due = (c["due"] or "unknown") + (" (extended)" if c["extended"] else "")
        run = f"{c['action']}: {c['why']}" if c["worked_on"] else (c["why"] or "")
        out.append(
            f"| {c['case_id']} | {_STATUS_WORDS.get(c['status'], c['status'])} | {c['received'] or 'unknown'} "
            f"| {due} | {_when(c)} | {_md_cell(run)} |"
        )
    out.append("")
    return "\n".join(out)


def report_paths(out: Path, day: date) -> tuple[Path, Path]:
    folder = Path(out) / REPORTS_DIR
    stem = f"nightly-{day.isoformat()}"
    return folder / f"{stem}.json", folder / f"{stem}.md"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(out: Path, report: dict) -> tuple[Path, Path]:
    """Write both files atomically (a later run on the same day replaces them)."""
    day = date.fromisoformat(report["date"])
    jpath, mpath = report_paths(out, day)
    _write(jpath, (json.dumps(report, indent=2) + "\n").encode("utf-8"))
    _write(mpath, render_markdown(report).encode("utf-8"))
    return jpath, mpath


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)
