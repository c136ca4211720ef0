"""The finalise flow: after a reviewer approves a case, produce its bundle with exactly the
approved redactions.

The submit flow stores the suggestions and ends (state awaiting_review), so nothing is
held in memory while a case waits: a restart of the machine loses nothing. On approval
this flow re-runs gather -> normalise/extract/detect from the source files (deterministic;
a source file changed since review is refused), applies the decisions stored in the
database (keyed by suggestion id) plus the reviewers' manual redactions, then redacts,
bundles, verifies and publishes.

    python -m flows.review <CASE_ID>     # what the web UI starts after "approve case"
"""
from __future__ import annotations

from flows import settings

settings.apply()

import logging  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from prefect import flow  # noqa: E402

settings.patch_prefect()

from flows.sar import gather, process_all, redact_all  # noqa: E402
from pipeline import db  # noqa: E402
from pipeline.codes import CaseState  # noqa: E402
from pipeline.errors import SarpackError  # noqa: E402
from pipeline.finalise import finalise_case  # noqa: E402
from pipeline.publish import publish  # noqa: E402

log = logging.getLogger("sarpack.review")

AUDIT_FILE = "review_audit.csv"


class SourcesChanged(SarpackError):
    pass


def _check_sources(case_id: str, processed) -> None:
    """Refuse when the documents are not the ones the reviewer saw."""
    reviewed = db.document_hashes(case_id)
    now = {p.source.doc_id: p.source.sha256 for p in processed}
    changed = sorted(d for d in now.keys() & reviewed.keys() if now[d] != reviewed[d])
    added = sorted(now.keys() - reviewed.keys())
    gone = sorted(reviewed.keys() - now.keys())
    if changed or added or gone:
        parts = []
        if changed:
            parts.append(f"{len(changed)} changed ({', '.join(changed)})")
        if added:
            parts.append(f"{len(added)} new ({', '.join(added)})")
        if gone:
            parts.append(f"{len(gone)} missing ({', '.join(gone)})")
        raise SourcesChanged(
            f"case {case_id}: the source documents changed since they were reviewed: "
            f"{'; '.join(parts)}. Submit the case again and review it before approving."
        )


@flow(name="sar-finalise", flow_run_name="finalise-{case_id}", log_prints=False)
def finalise_flow(case_id: str) -> dict:
    """Bundle an approved case. The only parameter is the case id: no personal data."""
    from recognizers import build_analyzer

    st = db.case_status(case_id)
    if st["state"] != str(CaseState.APPROVED):
        raise SarpackError(f"case {case_id} is {st['state']}: only an approved case can be finalised")
    try:
        case, docs = gather(st["store"], case_id)
        processed = process_all(case, docs)
        _check_sources(case_id, processed)

        stored, decisions = db.review_inputs(case_id)
        stored_ids = {s.id for s in stored}
        detected = [s for p in processed for s in p.suggestions]
        unseen = [s for s in detected if s.id not in stored_ids]
        if unseen:
            # Detection now finds something the reviewer never saw: back to review.
            db.store_review(case, processed, store=st["store"], out=st["out"])
            raise SarpackError(
                f"case {case_id}: detection found {len(unseen)} suggestion(s) the reviewer has not seen; "
                "the case is back in the review queue"
            )
        # The stored suggestions (detected + manual) are the ones the reviewer decided on.
        by_doc: dict[str, list] = {}
        for s in stored:
            by_doc.setdefault(s.doc_id, []).append(s)
        for p in processed:
            p.suggestions = by_doc.get(p.source.doc_id, [])

        outcome = finalise_case(case, processed, decisions, analyzer=build_analyzer(case), redact_many=redact_all)
        audit = db.audit_csv(case_id).encode()
        folder = publish(Path(st["out"]), outcome, extra_files={AUDIT_FILE: audit})
    except SourcesChanged as exc:
        db.set_state(case_id, CaseState.FAILED, message=str(exc))
        raise
    except SarpackError as exc:
        if db.case_status(case_id)["state"] == str(CaseState.APPROVED):
            db.set_state(case_id, CaseState.FAILED, message=str(exc))
        raise
    except Exception as exc:
        db.set_state(case_id, CaseState.FAILED, message=f"finalising failed ({type(exc).__name__})")
        raise
    state = CaseState.BUNDLED if outcome.released else CaseState.FAILED
    msg = None if outcome.released else "the bundle failed verification and is marked NOT FOR RELEASE"
    db.set_state(case_id, state, message=msg, bundle_folder=str(folder))
    log.info("case %s: %s, %d document(s)", case_id, state, len(outcome.results))
    return {
        "case_id": case_id,
        "state": str(state),
        "folder": str(folder),
        "released": outcome.released,
        "documents": len(outcome.results),
        "failed": sum(1 for r in outcome.results if r.error),
        "pages": outcome.bundle.pages if outcome.bundle else 0,
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if len(argv) != 1:
        print("usage: python -m flows.review <CASE_ID>", file=sys.stderr)
        return 1
    try:
        result = finalise_flow(argv[0])
    except SarpackError as exc:
        print(f"sarpack: error: {exc}", file=sys.stderr)
        return 2
    return 0 if result["released"] else 3


if __name__ == "__main__":
    sys.exit(main())
