"""Publish: write a case's outputs atomically.

Everything is written into a temporary folder beside the final one and renamed into
place at the end, so a crash never leaves a half-written bundle that looks complete.
A bundle that failed verification is written as ``bundle.NOT-FOR-RELEASE.pdf`` and the
manifest says ``"release": false``: there is then no ``bundle.pdf`` anyone could post.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
from pathlib import Path

from pipeline import PIPELINE_VERSION
from pipeline.finalise import CaseOutcome, reason_counts, status_counts
from pipeline.summary import summary_markdown

BUNDLE_NAME = "bundle.pdf"
HELD_BUNDLE_NAME = "bundle.NOT-FOR-RELEASE.pdf"
SUMMARY_NAME = "summary.md"
# One row per redaction. Never the redacted value.
LOG_FIELDS = [
    "item", "document", "doc_id", "page", "bundle_page", "bundle_ref", "reason", "entity_type", "recognizer",
    "party", "score", "needs_review", "decision", "reviewer",
]


def manifest_dict(outcome: CaseOutcome) -> dict:
    bundle = outcome.bundle
    return {
        "case_id": outcome.case_id,
        "pipeline_version": PIPELINE_VERSION,
        "release": outcome.released,
        "bundle": {
            "file": (BUNDLE_NAME if outcome.released else HELD_BUNDLE_NAME) if bundle else None,
            "pages": bundle.pages if bundle else 0,
            "sha256": hashlib.sha256(bundle.pdf).hexdigest() if bundle else None,
            "cover_pages": bundle.cover_pages if bundle else 0,
            "stamped_pages": bundle.stamped_pages if bundle else 0,
            "index_pages": list(bundle.index_pages) if bundle and bundle.index_pages else None,
            "schedule_pages": list(bundle.schedule_pages) if bundle and bundle.schedule_pages else None,
            "date": outcome.bundle_date.isoformat() if outcome.bundle_date else None,
        },
        "verification": {
            "passed": outcome.verification.ok,
            "values_checked": outcome.verification.values_checked,
            "pages_checked": outcome.verification.pages_checked,
            "problems": outcome.verification.problems,
        },
        "counts": {"documents": status_counts(outcome), "redactions_by_reason": reason_counts(outcome)},
        "schedule": [
            {"ref": row.ref, "doc_id": row.doc_id, "status": row.status, "why": row.why} for row in outcome.schedule
        ],
        "documents": [
            {
                "item": outcome.numbers.get(r.doc_id),
                "source": r.source,
                "doc_id": r.doc_id,
                "parent": r.parent,
                "sha256": r.sha256,
                "status": str(r.status),
                "format": r.original_format,
                "title": r.title,
                "date": r.date.isoformat() if r.date else None,
                "pages": r.pages,
                "bundle_pages": r.bundle_pages,  # physical PDF pages, 1-based
                "bundle_refs": (
                    [outcome.bundle.reference(outcome.case_id, p) for p in r.bundle_pages]
                    if outcome.bundle and r.bundle_pages else []
                ),
                "redactions": r.redactions,
                "redactions_by_reason": r.redactions_by_reason,
                "duplicate_of": r.duplicate_of,
                "error": r.error,
            }
            for r in outcome.results
        ],
    }


def redaction_log_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=LOG_FIELDS, lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: row.get(k, "") for k in LOG_FIELDS})
    return buf.getvalue()


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def write_atomically(final_dir: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` into ``final_dir`` so that the folder appears complete or not at all."""
    final_dir = Path(final_dir)
    final_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = final_dir.parent / f".{final_dir.name}.tmp-{os.getpid()}"
    old = final_dir.parent / f".{final_dir.name}.old-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    for name, data in files.items():
        _write(tmp / name, data)
    if final_dir.exists():
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final_dir, old)
    os.replace(tmp, final_dir)
    shutil.rmtree(old, ignore_errors=True)
    # Leftovers of earlier runs of this case that crashed part-way (hidden, never complete).
    for stale in final_dir.parent.glob(f".{final_dir.name}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in final_dir.parent.glob(f".{final_dir.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)


def publish(out: Path, outcome: CaseOutcome, extra_files: dict[str, bytes] | None = None) -> Path:
    files: dict[str, bytes] = {}
    if outcome.bundle is not None:
        files[BUNDLE_NAME if outcome.released else HELD_BUNDLE_NAME] = outcome.bundle.pdf
    manifest = manifest_dict(outcome)
    files["manifest.json"] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    files["redaction_log.csv"] = redaction_log_csv(outcome.log_rows).encode()
    files[SUMMARY_NAME] = summary_markdown(outcome, manifest).encode()
    files.update(extra_files or {})
    final = Path(out) / outcome.case_id
    write_atomically(final, files)
    return final
