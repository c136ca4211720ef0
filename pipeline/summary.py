"""summary.md: a short disclosure summary a DPO can read.

Counts per reason, what was not included and why, and anything needing attention
(failed documents, low-confidence suggestions accepted without a reviewer, the
verification result). The wording is in ``pipeline/templates/summary.md.j2``.
"""
from __future__ import annotations

from pipeline.codes import REASONS, DocStatus, ReasonCode
from pipeline.cover import long_date, render_markdown


def summary_markdown(outcome, manifest: dict) -> str:
    """``outcome`` is a finalise.CaseOutcome, ``manifest`` its publish.manifest_dict."""
    by_id = {r.doc_id: r for r in outcome.results}
    reason_counts = [
        (code, REASONS[ReasonCode(code)].label, n)
        for code, n in manifest["counts"]["redactions_by_reason"].items()
    ]
    attention: list[str] = []
    for r in outcome.results:
        if r.status is DocStatus.FAILED:
            attention.append(f"Failed: `{r.source}` — {r.error or 'could not be processed'}; provide it separately.")
    def item_key(kv):
        return tuple(int(x) for x in outcome.numbers.get(kv[0], "0").split("."))

    for doc_id, n in sorted(outcome.needs_review_auto.items(), key=item_key):
        r = by_id.get(doc_id)
        where = f"item {outcome.numbers.get(doc_id, '?')} (`{r.source if r else doc_id}`)"
        attention.append(
            f"{n} low-confidence suggestion(s) in {where} were accepted automatically, without a reviewer; "
            "check them in redaction_log.csv (needs_review = yes)."
        )
    for r in outcome.results:
        if r.status is DocStatus.WITHHELD:
            attention.append(
                f"Withheld as entirely about a third party: `{r.source}`. Confirm that it does not concern the requester."
            )
    if not outcome.verification.ok:
        attention.append("Verification FAILED: the bundle must not be sent (see below).")
    bundle = manifest["bundle"]
    return render_markdown(
        "summary.md.j2",
        case_id=outcome.case_id,
        received=long_date(outcome.received) if outcome.received else "unknown",
        bundle_date=long_date(outcome.bundle_date) if outcome.bundle_date else "unknown",
        bundle_file=bundle["file"],
        pages=bundle["pages"],
        cover_pages=bundle.get("cover_pages", 0),
        stamped_pages=bundle.get("stamped_pages", 0),
        sha256=bundle["sha256"],
        released=outcome.released,
        status_counts=manifest["counts"]["documents"],
        reason_counts=reason_counts,
        schedule=[{"ref": s.ref, "source": s.source, "status": s.status, "why": s.why} for s in outcome.schedule],
        attention=attention,
        verification=manifest["verification"],
    )
