"""[nightly] The scheduled deployment: created through the Prefect API and read back
(cron 02:00 Europe/London); `sarpack serve` registers it; prefect.yaml deploys to a
process work pool."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _read(name: str):
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return client.read_deployment_by_name(name)


def _cron(dep) -> list[tuple[str, str]]:
    return [(s.schedule.cron, s.schedule.timezone) for s in dep.schedules]


def test_the_scheduled_deployment_reads_back_with_its_cron_and_time_zone(prefect_api, tmp_path):
    from flows.nightly import FLOW_NAME, nightly_deployment

    dep_id = nightly_deployment(str(tmp_path / "store"), str(tmp_path / "out"), name="nightly-test").apply()
    dep = _read(f"{FLOW_NAME}/nightly-test")
    assert dep.id == dep_id
    assert _cron(dep) == [("0 2 * * *", "Europe/London")]
    assert dep.schedules[0].active
    assert dep.parameters["store"] == str(tmp_path / "store") and dep.parameters["concurrency"] == 2
    assert dep.global_concurrency_limit is not None and dep.global_concurrency_limit.limit == 1

    # What the server makes of the schedule read back: 02:00 London time, across the change
    # to summer time on 29 March 2026: 02:00 GMT on the 28th, then 02:00 BST (01:00 UTC).
    import asyncio
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    from prefect.server.schemas.schedules import CronSchedule

    sched = dep.schedules[0].schedule
    dates = asyncio.run(CronSchedule(cron=sched.cron, timezone=sched.timezone).get_dates(
        n=4, start=datetime(2026, 3, 27, 12, tzinfo=timezone.utc)))
    assert [d.astimezone(timezone.utc).hour for d in dates] == [2, 1, 1, 1]
    assert {(d.astimezone(ZoneInfo("Europe/London")).hour, d.minute) for d in dates} == {(2, 0)}


def test_sarpack_serve_registers_the_schedule(prefect_api, tmp_path):
    (tmp_path / "store").mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--store", str(tmp_path / "store"), "--out", str(tmp_path / "out"),
         "--name", "serve-test", "--cron", "30 1 * * 1-5"],
        cwd=ROOT, env={**os.environ}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        dep = None
        deadline = time.time() + 90
        while time.time() < deadline and proc.poll() is None:
            try:
                dep = _read("sar-nightly/serve-test")
                break
            except Exception:  # noqa: BLE001 - not registered yet
                time.sleep(0.5)
        assert proc.poll() is None, proc.stdout.read()[-3000:]
        assert dep is not None, "sarpack serve did not register its deployment"
        assert _cron(dep) == [("30 1 * * 1-5", "Europe/London")]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_prefect_yaml_deploys_to_a_process_work_pool(prefect_api):
    env = {**os.environ, "PREFECT_API_URL": prefect_api}
    run = lambda *a: subprocess.run([sys.executable, "-m", "prefect", *a], cwd=ROOT, env=env,  # noqa: E731
                                    capture_output=True, text=True, timeout=180)
    r = run("work-pool", "create", "sarpack-process", "--type", "process", "--overwrite")
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    r = run("--no-prompt", "deploy", "--all")
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    nightly = _read("sar-nightly/nightly")
    assert _cron(nightly) == [("0 2 * * *", "Europe/London")]
    assert nightly.work_pool_name == "sarpack-process"
    assert nightly.entrypoint == "flows/nightly.py:nightly_flow"
    assert _read("sar-submit/submit").entrypoint == "flows/sar.py:submit_flow"
    assert _read("sar-finalise/finalise").entrypoint == "flows/review.py:finalise_flow"
