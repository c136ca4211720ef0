"""Where a case waits for its reviewer.

Records, beside the case's outputs, that the case is awaiting review and how many
suggestions each document has (ids, types and counts only; never a value).
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pipeline.codes import CaseState
from pipeline.models import CaseRecord
from pipeline.publish import write_atomically


def mark_awaiting_review(out: Path, case: CaseRecord, processed) -> Path:
    docs = []
    for p in processed:
        docs.append(
            {
                "doc_id": p.source.doc_id,
                "source": p.source.source,
                "status": str(p.status),
                "error": p.error,
                "suggestions": len(p.suggestions),
                "by_entity_type": dict(Counter(str(s.entity_type) for s in p.suggestions)),
            }
        )
    status = {"case_id": case.case_id, "state": str(CaseState.AWAITING_REVIEW), "documents": docs}
    final = Path(out) / case.case_id
    write_atomically(final, {"status.json": (json.dumps(status, indent=2) + "\n").encode()})
    return final
