"""Redact, bundle and verify a case whose suggestions have decisions."""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pipeline.bundle import BundleItem, BundleOutput, assemble
from pipeline.codes import DecisionState, DocStatus, ReasonCode
from pipeline.decide import sweep_occurrences
from pipeline.models import CaseRecord, Decision, DocumentResult, Suggestion
from pipeline.process import ProcessedDocument
from pipeline.redact import boxes_for, redact_pdf
from pipeline.verify import (
    VerificationReport,
    normalise_text,
    value_pattern,
    values_to_check,
    verify_pdf,
    xray_check,
)

log = logging.getLogger("sarpack.finalise")


@dataclass
class RedactedDocument:
    doc_id: str
    pdf: bytes = field(repr=False)
    applied: list[Suggestion] = field(default_factory=list)


@dataclass
class CaseOutcome:
    case_id: str
    results: list[DocumentResult]
    bundle: BundleOutput | None
    verification: VerificationReport
    log_rows: list[dict] = field(default_factory=list)

    @property
    def released(self) -> bool:
        return self.bundle is not None and self.verification.ok


def add_consistency(processed: list[ProcessedDocument], decisions: dict[str, Decision]) -> None:
    """Accepted values are redacted at every occurrence in the case, with the decision
    (reason, decider, reviewer) of the first accepted occurrence of the same value."""
    all_sugg = [s for p in processed for s in p.suggestions]
    accepted = [s for s in all_sugg if (d := decisions.get(s.id)) and d.state is DecisionState.ACCEPTED]
    rejected = {
        normalise_text(s.text)
        for s in all_sugg
        if (d := decisions.get(s.id)) and d.state is DecisionState.REJECTED
    }
    decision_by_value: dict[str, Decision] = {}
    for a in accepted:
        decision_by_value.setdefault(normalise_text(a.text).casefold(), decisions[a.id])
    for p in processed:
        if not p.ok:
            continue
        new = sweep_occurrences(p.source.doc_id, p.pages, p.suggestions, accepted, rejected)
        for s in new:
            d0 = decision_by_value[normalise_text(s.text).casefold()]
            decisions[s.id] = Decision(s.id, DecisionState.ACCEPTED, d0.reason, d0.decided_by, d0.reviewer)
        p.suggestions.extend(new)


def redact_one(p: ProcessedDocument, decisions: dict[str, Decision]) -> RedactedDocument:
    """Apply exactly the accepted suggestions of one document (with the reviewer's reason)."""
    applied = []
    for s in p.suggestions:
        d = decisions.get(s.id)
        if d is not None and d.state is DecisionState.ACCEPTED:
            if d.reason != s.reason:
                s = Suggestion(**{**s.__dict__, "reason": d.reason})
            applied.append(s)
    assert p.pdf is not None
    pdf = redact_pdf(p.pdf, boxes_for(applied))
    log.info("document %s: %d redaction(s) applied", p.source.doc_id, len(applied))
    return RedactedDocument(p.source.doc_id, pdf, applied)


_TITLE_REDACTION = "[redacted]"


def safe_title(title: str, analyzer, values_pattern) -> str:
    """A title with any third-party data replaced, using the same detector and the case's
    accepted values."""
    spans: list[tuple[int, int]] = []
    if analyzer is not None:
        for f in analyzer.analyze_many([title])[0]:
            spans.append((f.start, f.end))
    if values_pattern is not None:
        spans += [m.span() for m in values_pattern.finditer(title)]
    for a, b in sorted(spans, reverse=True):
        title = title[:a] + _TITLE_REDACTION + title[b:]
    return re.sub(r"(\[redacted\]\s*)+", _TITLE_REDACTION + " ", title).strip()


def document_title(p: ProcessedDocument) -> str:
    nd = p.normalised
    if nd is not None and nd.title and nd.title.strip():
        return " ".join(nd.title.split())[:200]
    return PurePosixPath(p.source.source.split("#")[-1]).name


def finalise_case(
    case: CaseRecord,
    processed: list[ProcessedDocument],
    decisions: dict[str, Decision],
    analyzer=None,
    redact_many=None,
) -> CaseOutcome:
    """Redact every document, assemble the bundle and verify it. ``redact_many(docs, decisions)``
    returns one RedactedDocument per document; the flow passes a concurrent one."""
    add_consistency(processed, decisions)
    values = values_to_check([s for p in processed for s in p.suggestions], decisions)
    vpat = value_pattern(values)
    redacted: dict[str, RedactedDocument] = {}
    ok_docs = [p for p in processed if p.ok]
    if redact_many is None:
        done = [redact_one(p, decisions) for p in ok_docs]
    else:
        done = redact_many(ok_docs, decisions)
    for r in done:
        redacted[r.doc_id] = r

    results: list[DocumentResult] = []
    items: list[BundleItem] = []
    log_rows: list[dict] = []
    for p in processed:
        doc = p.source
        res = DocumentResult(
            doc_id=doc.doc_id,
            source=doc.source,
            sha256=doc.sha256,
            status=p.status,
            original_format=(p.normalised.original_format if p.normalised else doc.extension),
            date=p.normalised.date if p.normalised else None,
            parent=doc.parent,
            error=p.error,
        )
        r = redacted.get(doc.doc_id)
        if r is not None:
            res.title = safe_title(document_title(p), analyzer, vpat)
            by_reason = Counter(str(s.reason) for s in r.applied)
            res.redactions = len(r.applied)
            res.redactions_by_reason = dict(sorted(by_reason.items()))
            res.pages = len(p.pages)
            items.append(
                BundleItem(
                    doc_id=doc.doc_id, title=res.title, pdf=r.pdf, original_format=res.original_format,
                    date=res.date, parent=doc.parent, redactions=res.redactions,
                )
            )
            for s in r.applied:
                d = decisions[s.id]
                log_rows.append(
                    {
                        "document": doc.source,
                        "doc_id": doc.doc_id,
                        "page": s.page + 1,
                        "reason": str(s.reason),
                        "entity_type": str(s.entity_type),
                        "recognizer": s.recognizer,
                        "party": str(s.party),
                        "score": round(s.score, 2),
                        "decision": str(d.decided_by),
                        "reviewer": d.reviewer or "",
                    }
                )
        results.append(res)

    rep = VerificationReport(values_checked=len(values))
    bundle = None
    if items:
        bundle = assemble(case.case_id, items)
        for res in results:
            if res.doc_id in bundle.ranges:
                a, b = bundle.ranges[res.doc_id]
                res.bundle_pages = [a, b]
        for doc_id, r in redacted.items():
            sub = verify_pdf(r.pdf, values, label=f"document {doc_id}")
            rep.problems += sub.problems
        brep = verify_pdf(bundle.pdf, values, label="bundle")
        rep.problems += brep.problems
        rep.pages_checked = brep.pages_checked
        rep.problems += xray_check(bundle.pdf, label="bundle")
    else:
        rep.problems.append("no document could be disclosed: there is nothing to bundle")
    for prob in rep.problems:
        log.error("verification: %s", prob)
    return CaseOutcome(case.case_id, results, bundle, rep, log_rows)


def reason_counts(outcome: CaseOutcome) -> dict[str, int]:
    c: Counter[str] = Counter()
    for r in outcome.results:
        c.update(r.redactions_by_reason)
    return {k: c[k] for k in (str(x) for x in ReasonCode) if c[k]}


def status_counts(outcome: CaseOutcome) -> dict[str, int]:
    c = Counter(str(r.status) for r in outcome.results)
    return {str(s): c[str(s)] for s in DocStatus if c[str(s)]}
