"""The nightly batch: keep every pending SAR moving and show which deadlines are at risk.

    sarpack nightly --store <dir> --out <dir> [--today YYYY-MM-DD] [--concurrency N]
    sarpack serve   --store <dir> --out <dir> [--cron "0 2 * * *"] [--timezone Europe/London]

One run:
1. lists the cases in the store and, for each, decides what it needs
   (pipeline/nightly_state.py): a new or changed case is submitted (to "awaiting review",
   or to a bundle when case.json sets auto_approve); an approved case is finalised into a
   bundle; an interrupted or unexpectedly failed case is retried within a budget;
   everything else is left alone;
2. runs those cases at most ``concurrency`` at a time, each as a task calling the
   ``sar-submit`` / ``sar-finalise`` flow (a nested flow run), so a failing case is
   recorded with its reason and the batch carries on; a case that stops on an unexpected
   error is retried by Prefect with backoff (``CASE_RETRIES``, $SARPACK_NIGHTLY_RETRY_DELAYS);
3. writes ``<out>/reports/nightly-<date>.json`` and ``.md`` (pipeline/nightly_report.py).

Parameters are folders, a date and numbers: no personal data. The documents of each case
run concurrently on the ``sar-submit`` flow's task runner: threads, or a Dask cluster
(``dask_address`` / $SARPACK_DASK_ADDRESS).
"""
from __future__ import annotations

from flows import settings

settings.apply()

import logging  # noqa: E402
import os  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

settings.patch_prefect()

from pipeline import db, deadlines  # noqa: E402
from pipeline.case_store import list_case_ids  # noqa: E402
from pipeline.codes import CaseState  # noqa: E402
from pipeline.errors import SarpackError  # noqa: E402
from pipeline.nightly_report import CaseLine, build_report, utc_now, write_report  # noqa: E402
from pipeline.nightly_state import (  # noqa: E402
    DEFAULT_MAX_ATTEMPTS,
    Action,
    adopt_published,
    current_status,
    decide,
    fingerprint,
    load_known,
    received_and_due,
    record_adopted,
    record_end,
    record_start,
)

log = logging.getLogger("sarpack.nightly")

FLOW_NAME = "sar-nightly"
DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "Europe/London"
DEFAULT_DEPLOYMENT = "nightly"
DEFAULT_CONCURRENCY = 2


@dataclass
class Planned:
    case_id: str
    action: Action
    why: str
    fingerprint: str


def _document_runner(dask_address: str | None):
    from flows.sar import document_task_runner

    return document_task_runner(address=dask_address) if dask_address else None


CASE_RETRIES = 2
RETRY_DELAYS_ENV = "SARPACK_NIGHTLY_RETRY_DELAYS"
DEFAULT_RETRY_DELAYS = "10,60"  # seconds before the 1st and 2nd retry of a case


def retry_delays() -> list[float]:
    """Backoff before each retry of a case that stopped on an unexpected error."""
    raw = os.environ.get(RETRY_DELAYS_ENV, DEFAULT_RETRY_DELAYS)
    delays = [float(x) for x in raw.split(",") if x.strip()]
    return (delays + delays[-1:] * CASE_RETRIES)[:CASE_RETRIES] if delays else [0.0] * CASE_RETRIES


@task(name="nightly-case", task_run_name="case-{case_id}-{action}", persist_result=False, cache_policy=NO_CACHE,
      retries=CASE_RETRIES, retry_delay_seconds=retry_delays())
def run_case(store: str, out: str, case_id: str, action: str, fp: str, dask_address: str | None = None) -> dict:
    """Submit or finalise one case.

    A problem in the case (SarpackError: unreadable case.json, sources changed since
    review...) is recorded with its reason in words and returned: retrying would fail the
    same way. An unexpected error (a lost worker, the database briefly away...) is raised
    so that Prefect retries the case with backoff; after the last retry it is recorded as
    ``retryable`` (the next nightly run tries again, within its budget) and returned. The
    task never fails the batch."""
    from prefect.runtime import task_run

    from flows.review import finalise_flow
    from flows.sar import submit_flow

    run_count = task_run.run_count or 1
    if run_count == 1:
        attempt = record_start(case_id, fp, Action(action))
        log.info("case %s: %s (attempt %d)", case_id, action, attempt)
    else:
        log.info("case %s: %s, Prefect retry %d", case_id, action, run_count - 1)
    runner = _document_runner(dask_address)
    try:
        if Action(action) == Action.FINALISE:
            st = db.case_status(case_id)
            if st["state"] == str(CaseState.FAILED):
                # Retrying a finalise that failed unexpectedly: the reviewer's approval stands.
                db.set_state(case_id, CaseState.APPROVED, actor="nightly")
            f = finalise_flow.with_options(task_runner=runner) if runner else finalise_flow
            result = f(case_id=case_id)
        else:
            f = submit_flow.with_options(task_runner=runner) if runner else submit_flow
            result = f(case_id=case_id, store=store, out=out)
    except SarpackError as exc:
        reason = str(exc)
        record_end(case_id, CaseState.FAILED, reason, retryable=False)
        log.warning("case %s failed: %s", case_id, reason)
        return {"case_id": case_id, "state": str(CaseState.FAILED), "reason": reason, "retryable": False}
    except Exception as exc:  # noqa: BLE001 - one case must not stop the batch
        # The type only: a library's message can quote document content.
        if run_count <= CASE_RETRIES:
            log.warning("case %s: %s stopped on an unexpected error (%s); Prefect retries it",
                        case_id, action, type(exc).__name__)
            raise RuntimeError(f"case {case_id}: unexpected error ({type(exc).__name__})") from None
        reason = (f"{action} stopped on an unexpected error ({type(exc).__name__}) "
                  f"{run_count} time(s); the next run tries again")
        record_end(case_id, CaseState.FAILED, reason, retryable=True)
        log.warning("case %s failed: %s", case_id, reason)
        return {"case_id": case_id, "state": str(CaseState.FAILED), "reason": reason, "retryable": True}

    state = result["state"]
    reason = None
    if state == str(CaseState.FAILED):
        reason = (
            "the bundle failed verification and is marked NOT FOR RELEASE"
            if result.get("pages")
            else "no document could be disclosed"
        )
    record_end(case_id, CaseState(state), reason)
    return {
        "case_id": case_id,
        "state": state,
        "reason": reason,
        "documents": result.get("documents"),
        "documents_failed": result.get("failed", 0),
    }


def plan(store: Path, out: Path, case_ids: list[str], max_attempts: int) -> list[Planned]:
    known = load_known(case_ids)
    plans = []
    for case_id in case_ids:
        fp = fingerprint(store, case_id)
        k = known[case_id]
        action, why = decide(case_id, fp, k, store=store, out=out, max_attempts=max_attempts)
        if action == Action.NONE and k.row is None:
            adopted = k.review.state if k.review is not None else adopt_published(out, store, case_id)
            if adopted:
                record_adopted(case_id, fp, adopted)
        plans.append(Planned(case_id, action, why, fp))
    return plans


def run_window(work: list[Planned], store: str, out: str, concurrency: int, dask_address: str | None) -> dict[str, dict]:
    """Run at most ``concurrency`` cases at a time; as one finishes, the next starts."""
    case_task = run_case.with_options(retry_delay_seconds=retry_delays())
    pending = list(work)
    running: list = []
    results: dict[str, dict] = {}
    while pending or running:
        while pending and len(running) < max(1, concurrency):
            p = pending.pop(0)
            fut = case_task.submit(store, out, p.case_id, str(p.action), p.fingerprint, dask_address)
            running.append((fut, p))
        done = next(as_completed([f for f, _ in running]))
        for i, (f, p) in enumerate(running):
            if f is done:
                running.pop(i)
                break
        try:
            results[p.case_id] = done.result()
        except Exception as exc:  # noqa: BLE001 - run_case records its own failures; this is a last resort
            reason = f"the case task itself failed ({type(exc).__name__})"
            results[p.case_id] = {"case_id": p.case_id, "state": str(CaseState.FAILED), "reason": reason}
    return results


@flow(name=FLOW_NAME, task_runner=ThreadPoolTaskRunner(), log_prints=False)
def nightly_flow(
    store: str = "sample_docs",
    out: str = "out",
    today: str | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    dask_address: str | None = None,
) -> dict:
    """One nightly batch over every case in ``store``. Returns the report's summary."""
    from prefect.runtime import flow_run

    started = utc_now()
    day = deadlines.today(today)
    store_p, out_p = Path(store), Path(out)
    case_ids = list_case_ids(store_p)
    plans = plan(store_p, out_p, case_ids, max_attempts)
    work = [p for p in plans if p.action != Action.NONE]
    log.info("nightly %s: %d case(s), %d need work", day, len(case_ids), len(work))
    results = run_window(work, store, out, concurrency, dask_address)

    known = load_known(case_ids)
    lines = []
    for p in plans:
        received, due, extended = received_and_due(store_p, p.case_id)
        status, reason = current_status(known[p.case_id])
        r = results.get(p.case_id)
        if r is not None:
            reason = r.get("reason") or reason
        lines.append(
            CaseLine(
                case_id=p.case_id,
                status=status,
                received=received,
                due=due,
                extended=extended,
                worked_on=r is not None,
                action=str(p.action) if r is not None else None,
                why=p.why,
                reason=reason if status == str(CaseState.FAILED) else None,
                documents=r.get("documents") if r else None,
                documents_failed=r.get("documents_failed") if r else None,
            )
        )
    report = build_report(lines, day, started=started, finished=utc_now(), concurrency=concurrency,
                          flow_run_id=str(flow_run.id) if flow_run.id else None)
    jpath, mpath = write_report(out_p, report)
    log.info("nightly %s: processed %d; report %s", day, report["processed"], jpath)
    return {
        "date": report["date"],
        "processed": report["processed"],
        "bundled": report["this_run"]["bundled"],
        "awaiting_review": report["this_run"]["awaiting_review"],
        "failed": report["this_run"]["failed"],
        "at_risk": [c["case_id"] for c in report["at_risk"]],
        "report": str(jpath),
        "report_md": str(mpath),
    }


# ---------------------------------------------------------------------------- deployments


def nightly_deployment(
    store: str,
    out: str,
    *,
    name: str = DEFAULT_DEPLOYMENT,
    cron: str = DEFAULT_CRON,
    timezone: str = DEFAULT_TIMEZONE,
    concurrency: int = DEFAULT_CONCURRENCY,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    dask_address: str | None = None,
):
    """The scheduled deployment (a RunnerDeployment): ``.apply()`` registers it with the
    Prefect API without running anything; ``serve_nightly`` registers it and runs it.
    At most one nightly run at a time (deployment concurrency limit 1)."""
    from prefect.schedules import Cron

    return nightly_flow.to_deployment(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters={
            "store": str(Path(store).resolve()),
            "out": str(Path(out).resolve()),
            "concurrency": concurrency,
            "max_attempts": max_attempts,
            "dask_address": dask_address,
        },
        concurrency_limit=1,
        description="Nightly SAR batch: submit new cases, finalise approved ones, report deadlines.",
        tags=["sarpack", "nightly"],
    )


def serve_nightly(store: str, out: str, **kw) -> None:
    """Register the scheduled deployment and run its flow runs in this process (blocks)."""
    from prefect import serve

    serve(nightly_deployment(store, out, **kw))
