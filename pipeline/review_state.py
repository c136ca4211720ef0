"""Where a case waits for its reviewer: the review database (pipeline/db.py).

``mark_awaiting_review`` stores the case, its documents (with the prepared PDFs the
reviewer looks at) and its suggestions, keeps every decision already made on a
suggestion that is detected again unchanged, and marks the case awaiting review. A small
``status.json`` (ids, types and counts only; never a value) is also written beside the
case's outputs for scripts that look there.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pipeline import db
from pipeline.codes import CaseState
from pipeline.models import CaseRecord
from pipeline.publish import write_atomically


def mark_awaiting_review(out: Path, case: CaseRecord, processed, url: str | None = None) -> Path:
    counts = db.store_review(case, processed, store=str(case.root.parent.resolve()), out=str(Path(out).resolve()), url=url)
    docs = [
        {
            "doc_id": p.source.doc_id,
            "source": p.source.source,
            "status": str(p.status),
            "error": p.error,
            "suggestions": len(p.suggestions),
            "by_entity_type": dict(Counter(str(s.entity_type) for s in p.suggestions)),
        }
        for p in processed
    ]
    status = {
        "case_id": case.case_id,
        "state": str(CaseState.AWAITING_REVIEW),
        "due": db.due_date(case.received, case.options.extended_due).isoformat(),
        "pending": counts["pending"],
        "documents": docs,
    }
    final = Path(out) / case.case_id
    write_atomically(final, {"status.json": (json.dumps(status, indent=2) + "\n").encode()})
    return final
