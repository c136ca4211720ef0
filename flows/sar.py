"""The SAR flow: gather -> normalise/extract/detect -> decide -> redact -> bundle -> verify -> publish."""
from __future__ import annotations

from flows import settings

settings.apply()

from pathlib import Path  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

settings.patch_prefect()

from pipeline import case_store  # noqa: E402
from pipeline.case_settle import settle_processed  # noqa: E402
from pipeline.codes import CaseState  # noqa: E402
from pipeline.decide import auto_approve as auto_decisions  # noqa: E402
from pipeline.finalise import KnownTitles, accepted_suggestions, finalise_case  # noqa: E402
from pipeline.models import CaseRecord, SourceDocument  # noqa: E402
from pipeline.process import (  # noqa: E402
    ProcessedDocument,
    ReadAhead,
    detect_document,
    detect_document_in_worker,
    take_read,
)
from pipeline.publish import publish  # noqa: E402

# Tasks pass documents in memory; their results hold document text and are never persisted.
_PRIVATE = dict(persist_result=False, cache_policy=NO_CACHE)


@task(name="gather", **_PRIVATE)
def gather(store: str, case_id: str) -> tuple[CaseRecord, list[SourceDocument]]:
    case = case_store.load_case(Path(store), case_id)
    return case, case_store.gather_documents(case)


# Document errors are already turned into failed results (never raised), so a retry only
# catches an infrastructure failure (a worker pool or the Prefect API hiccup).
_RETRY = dict(retries=2, retry_delay_seconds=[1, 4])


@task(name="process-document", task_run_name="process-{doc.doc_id}", **_RETRY, **_PRIVATE)
def process(doc: SourceDocument, case: CaseRecord) -> ProcessedDocument:
    """Read the document in a killable child process (per-document time and memory
    limits: pipeline.isolate), then detect in a detection worker process (both cores)."""
    from pipeline import isolate

    read = take_read(doc)  # (read ahead by process_all when the tasks run here)
    if not isolate.enabled():
        from recognizers import build_analyzer

        return detect_document(read, build_analyzer(case))
    return detect_document_in_worker(read, case)


@task(name="redact-document", task_run_name="redact-{doc_id}", **_RETRY, **_PRIVATE)
def redact(doc_id: str, p: ProcessedDocument, applied: list, values: set[str] | None = None):
    """Apply the ``applied`` suggestions (:func:`accepted_suggestions`) of one document, in a
    worker process (both cores); with ``values``, the worker also re-extracts the redacted
    document and checks that none of them survived."""
    from pipeline import isolate
    from pipeline.finalise import RedactedDocument, redact_applied
    from pipeline.redact import boxes_for

    if not isolate.enabled():
        return redact_applied(p, applied, values)
    label = f"document {doc_id}"
    pdf, report, secs, fits = isolate.run(isolate.redact_document, p.pdf, boxes_for(applied), values, label,
                                          what=label)
    for stage, t in secs.items():
        isolate.add_time(stage, t)
    return RedactedDocument(doc_id, pdf, applied, report, fits)


def redact_all(docs: list[ProcessedDocument], decisions: dict, values: set[str] | None = None):
    """Redact (and, with ``values``, verify) every document concurrently. The big arguments are
    quoted: Prefect would otherwise walk every decision and value once per task."""
    wrap = quote if _local_tasks() else (lambda x: x)  # (a Dask runner ships arguments as they are)
    futures = [
        redact.submit(p.source.doc_id, wrap(p), wrap(accepted_suggestions(p, decisions)), wrap(values))
        for p in docs
    ]
    return [f.result() for f in futures]


def process_all(case: CaseRecord, docs: list[SourceDocument]) -> list[ProcessedDocument]:
    """Process documents concurrently; attachments found in emails are processed as
    documents of their own, wave after wave, and listed right after their email."""
    from pipeline import isolate

    done: list[ProcessedDocument] = []
    wave = docs
    while wave:
        # read ahead (reading workers) while the first documents wait for the detection workers
        ahead = ReadAhead(wave, workers=isolate.pool().size) if _local_tasks() and isolate.enabled() else None
        try:
            futures = [process.submit(d, case) for d in wave]
            results = [f.result() for f in futures]
        finally:
            if ahead is not None:
                ahead.close()
        done += results
        wave = [c for r in results for c in r.children]
    order = {d.doc_id: i for i, d in enumerate(docs)}
    # the case-level step: a value settled as the requester's in one document is hers where another
    # document gives it with no owner (pipeline.case_settle)
    return settle_processed(_with_children_after_parents(done, order))


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


def _local_tasks() -> bool:
    """Do this flow's tasks run in this process (threads), not on a Dask cluster?"""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    return ctx is not None and isinstance(ctx.task_runner, ThreadPoolTaskRunner)


def _build_analyzer(case: CaseRecord):
    from recognizers import build_analyzer

    return build_analyzer(case)


@flow(name="sar-submit", task_runner=document_task_runner(), log_prints=False)
def submit_flow(case_id: str, store: str = "sample_docs", out: str = "out", auto_approve: bool = False) -> dict:
    """Run one case. Parameters are an id and two folders: no personal data."""
    from pipeline import isolate

    if _local_tasks():
        isolate.warm_detectors()  # the detection workers load their model while documents are read
    case, docs = gather(store, case_id)
    processed = process_all(case, docs)
    if not (auto_approve or case.options.auto_approve):
        from pipeline.review_state import mark_awaiting_review

        mark_awaiting_review(Path(out), case, processed)
        return {"case_id": case_id, "state": str(CaseState.AWAITING_REVIEW), "documents": len(processed)}

    decisions = auto_decisions([s for p in processed for s in p.suggestions])

    # titles were analysed with their documents (detection workers): this process loads the
    # model only if some other text needs it
    # (recognizers, spaCy and Presidio are imported here only then: ~1.4 s)
    analyzer = KnownTitles(processed, lambda: _build_analyzer(case))
    outcome = finalise_case(case, processed, decisions, analyzer=analyzer, redact_many=redact_all)
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
