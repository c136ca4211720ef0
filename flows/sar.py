"""The SAR flow: gather -> normalise/extract/detect -> decide -> redact -> bundle -> verify -> publish."""
from __future__ import annotations

from flows import settings

settings.apply()

from pathlib import Path  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from pipeline import case_store  # noqa: E402
from pipeline.codes import CaseState  # noqa: E402
from pipeline.decide import auto_approve as auto_decisions  # noqa: E402
from pipeline.finalise import finalise_case, redact_one  # noqa: E402
from pipeline.models import CaseRecord, SourceDocument  # noqa: E402
from pipeline.process import ProcessedDocument, detect_document, read_document  # noqa: E402
from pipeline.publish import publish  # noqa: E402

# Tasks pass documents in memory; their results hold document text and are never persisted.
_PRIVATE = dict(persist_result=False, cache_policy=NO_CACHE)


@task(name="gather", **_PRIVATE)
def gather(store: str, case_id: str) -> tuple[CaseRecord, list[SourceDocument]]:
    case = case_store.load_case(Path(store), case_id)
    return case, case_store.gather_documents(case)


@task(name="process-document", task_run_name="process-{doc.doc_id}", **_PRIVATE)
def process(doc: SourceDocument, case: CaseRecord) -> ProcessedDocument:
    """Read the document in a killable child process (per-document time and memory
    limits: pipeline.isolate), then detect in this process with the case's analyzer."""
    from recognizers import build_analyzer

    return detect_document(read_document(doc), build_analyzer(case))


@task(name="redact-document", task_run_name="redact-{p.source.doc_id}", **_PRIVATE)
def redact(p: ProcessedDocument, decisions: dict):
    """Apply the accepted suggestions of one document, in a worker process (both cores)."""
    from pipeline import isolate
    from pipeline.finalise import RedactedDocument
    from pipeline.redact import boxes_for

    if not isolate.enabled():
        return redact_one(p, decisions)
    applied = accepted_for(p, decisions)
    pdf, secs = isolate.run(isolate.redact_document, p.pdf, boxes_for(applied), what=f"document {p.source.doc_id}")
    for stage, t in secs.items():
        isolate.add_time(stage, t)
    return RedactedDocument(p.source.doc_id, pdf, applied)


def accepted_for(p: ProcessedDocument, decisions: dict) -> list:
    """The suggestions of ``p`` to apply, with the reviewer's reason (as finalise.redact_one)."""
    from pipeline.codes import DecisionState
    from pipeline.models import Suggestion

    applied = []
    for s in p.suggestions:
        d = decisions.get(s.id)
        if d is not None and d.state is DecisionState.ACCEPTED:
            if d.reason != s.reason:
                s = Suggestion(**{**s.__dict__, "reason": d.reason})
            applied.append(s)
    return applied


def redact_all(docs: list[ProcessedDocument], decisions: dict):
    futures = [redact.submit(p, decisions) for p in docs]
    return [f.result() for f in futures]


def process_all(case: CaseRecord, docs: list[SourceDocument]) -> list[ProcessedDocument]:
    """Process documents concurrently; attachments found in emails are processed as
    documents of their own, wave after wave, and listed right after their email."""
    done: list[ProcessedDocument] = []
    wave = docs
    while wave:
        futures = [process.submit(d, case) for d in wave]
        results = [f.result() for f in futures]
        done += results
        wave = [c for r in results for c in r.children]
    order = {d.doc_id: i for i, d in enumerate(docs)}
    return _with_children_after_parents(done, order)


def _with_children_after_parents(done: list[ProcessedDocument], order: dict[str, int]) -> list[ProcessedDocument]:
    by_parent: dict[str | None, list[ProcessedDocument]] = {}
    for p in done:
        by_parent.setdefault(p.source.parent, []).append(p)
    out: list[ProcessedDocument] = []

    def walk(parent: str | None) -> None:
        for p in by_parent.get(parent, []):
            out.append(p)
            walk(p.source.doc_id)

    walk(None)
    return out


def document_task_runner(address: str | None = None, workers: int | None = None):
    """How a case's documents run concurrently: threads on this machine (default 2, or
    $SARPACK_DOCUMENT_WORKERS), or a Dask cluster when an address is given (or
    $SARPACK_DASK_ADDRESS is set, e.g. tcp://scheduler:8786). Callers may also pass their
    own runner: ``submit_flow.with_options(task_runner=DaskTaskRunner(...))``."""
    import os

    address = address or os.environ.get("SARPACK_DASK_ADDRESS")
    if address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address)
    return ThreadPoolTaskRunner(max_workers=workers or int(os.environ.get("SARPACK_DOCUMENT_WORKERS", "2")))


@flow(name="sar-submit", task_runner=document_task_runner(), log_prints=False)
def submit_flow(case_id: str, store: str = "sample_docs", out: str = "out", auto_approve: bool = False) -> dict:
    """Run one case. Parameters are an id and two folders: no personal data."""
    from recognizers import build_analyzer

    case, docs = gather(store, case_id)
    processed = process_all(case, docs)
    if not (auto_approve or case.options.auto_approve):
        from pipeline.review_state import mark_awaiting_review

        mark_awaiting_review(Path(out), case, processed)
        return {"case_id": case_id, "state": str(CaseState.AWAITING_REVIEW), "documents": len(processed)}

    decisions = auto_decisions([s for p in processed for s in p.suggestions])

    outcome = finalise_case(case, processed, decisions, analyzer=build_analyzer(case), redact_many=redact_all)
    folder = publish(Path(out), outcome)
    return {
        "case_id": case_id,
        "state": str(CaseState.BUNDLED if outcome.released else CaseState.FAILED),
        "folder": str(folder),
        "released": outcome.released,
        "documents": len(outcome.results),
        "failed": sum(1 for r in outcome.results if r.error),
        "pages": outcome.bundle.pages if outcome.bundle else 0,
    }
