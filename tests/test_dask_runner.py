"""[nightly] Scale-out: one case on a local Dask cluster of 2 worker processes gives the same
bundle (same text, same redactions) as the default thread runner."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from dask.utils import key_split
from distributed.diagnostics.plugin import SchedulerPlugin

from tests.test_nightly import make_case

pytestmark = pytest.mark.slow

CASE_ID = "SAR-DK-0001"


def _bundle_facts(folder: Path) -> dict:
    """What must not depend on where the documents ran: the text of every page, the filled
    rectangles (redaction boxes) on every page, and the manifest's redaction counts."""
    manifest = json.loads((folder / "manifest.json").read_text())
    pages_text, boxes = [], []
    with pymupdf.open(folder / "bundle.pdf") as doc:
        for page in doc:
            pages_text.append(re.sub(r"\s+", " ", page.get_text()).strip())
            boxes.append(sorted(
                tuple(round(v, 1) for v in d["rect"]) for d in page.get_drawings() if d.get("fill") is not None
            ))
    return {
        "text": pages_text,
        "boxes": boxes,
        "redactions": [(d["doc_id"], d["status"], d["redactions"], d["redactions_by_reason"])
                       for d in manifest["documents"]],
        "by_reason": manifest["counts"]["redactions_by_reason"],
        "pages": manifest["bundle"]["pages"],
    }


class _Computed(SchedulerPlugin):
    """Counts the tasks computed on the cluster (by key prefix) and the workers that ran them."""

    name = "sarpack-test-computed"

    def __init__(self):
        self.done: Counter = Counter()
        self.workers: set[str] = set()

    def transition(self, key, start, finish, *args, **kwargs):
        if finish == "memory":
            self.done[key_split(key)] += 1
            if kwargs.get("worker"):
                self.workers.add(kwargs["worker"])


def test_a_case_on_a_two_worker_dask_cluster_matches_the_default_runner(prefect_api, tmp_path, monkeypatch):
    import dask
    from distributed import LocalCluster
    from prefect_dask import DaskTaskRunner

    from flows.sar import submit_flow

    monkeypatch.setenv("SARPACK_BUNDLE_DATE", "2026-02-25")
    monkeypatch.setenv("SARPACK_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite'}")
    store = tmp_path / "store"
    make_case(store, CASE_ID, "2026-01-31", auto_approve=True)

    default = submit_flow(case_id=CASE_ID, store=str(store), out=str(tmp_path / "threads"))
    assert default["state"] == "bundled"

    # Worker processes may start children of their own (per-document isolation).
    with dask.config.set({"distributed.worker.daemon": False}):
        with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
            counter = _Computed()
            cluster.scheduler.add_plugin(counter)
            runner = DaskTaskRunner(address=cluster.scheduler_address)
            on_dask = submit_flow.with_options(task_runner=runner)(
                case_id=CASE_ID, store=str(store), out=str(tmp_path / "dask"))
    assert on_dask["state"] == "bundled"
    # The documents really ran on the cluster: 2 processed and 2 redacted.
    assert counter.done["process"] == 2 and counter.done["redact"] == 2, counter.done
    assert counter.workers, "no worker reported computing a task"

    a, b = _bundle_facts(tmp_path / "threads" / CASE_ID), _bundle_facts(tmp_path / "dask" / CASE_ID)
    assert a["by_reason"] and sum(a["by_reason"].values()) > 0  # something was redacted
    assert a == b
