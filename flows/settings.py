"""Prefect settings sarpack needs, applied before Prefect is imported."""
from __future__ import annotations

import os
import time

DEFAULTS = {
    # No telemetry from this machine.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The ephemeral server can take ~18 s to start the first time (database migrations).
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # Task results hold document text: never persist them unless a task opts in.
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    # Route sarpack's own (hygienic: ids, types, counts) log lines through Prefect too.
    "PREFECT_LOGGING_EXTRA_LOGGERS": "sarpack",
    # ...and outside a flow run (the web UI, plain pipeline calls) keep them local, silently.
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    "PREFECT_UI_ENABLED": "false",
    # A Prefect server that sarpack starts (the ephemeral one) writes task runs to its
    # database in batches: by default its task-run recorder writes each state change on its
    # own (one bulk insert per event: about 20 ms of server CPU, half the server's work for a
    # case of 30 documents). Batched, the same task runs and states are recorded within
    # FLUSH_INTERVAL seconds (tests/test_perf_paths.py checks they all arrive).
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "100",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "100",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": "1",
}


def apply() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)


def patch_prefect(engine=None) -> None:
    """Called by the flow modules right after they import Prefect (not by :func:`apply`:
    importing Prefect there would fix its logging set-up before callers finish theirs).

    Prefect 3.8's sync flow engine stops its heartbeat thread at the end of every flow run
    and waits for it (``_send_heartbeats(engine)``, ``join_on_exit=True``), but that thread
    sleeps in one-second steps: each flow run ended 0 to 1 s late, doing nothing (up to 10%
    of a 300-page case). Async flow runs already skip the wait (``join_on_exit=False``): the
    daemon thread sees the stop at its next step and ends without another heartbeat. Sync
    flow runs do the same here. Heartbeats themselves are unchanged."""
    if engine is None:
        try:
            import prefect.flow_engine as engine
        except ImportError:  # pragma: no cover
            return
    original = getattr(engine, "_send_heartbeats", None)
    if original is None or getattr(original, "_sarpack", False):
        return

    def _send_heartbeats(eng, join_on_exit: bool = True):
        return original(eng, join_on_exit=False)

    _send_heartbeats._sarpack = True  # type: ignore[attr-defined]
    engine._send_heartbeats = _send_heartbeats


def let_task_run_records_flush(sleep=time.sleep) -> float:
    """Called by a one-shot command (``sarpack submit``) before it exits, when it ran its flow on the
    one-off server it started itself (no ``PREFECT_API_URL``): that server writes task-run states in
    batches every FLUSH_INTERVAL seconds (DEFAULTS) and is stopped when the command exits, which could
    cut its last write short (Prefect then printed "Error flushing N events" and a traceback). Waits
    one flush interval and a little more; returns the seconds waited (0 with a server of its own)."""
    if os.environ.get("PREFECT_API_URL"):
        return 0.0
    wait = float(os.environ.get("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL", "1")) + 0.5
    sleep(wait)
    return wait
