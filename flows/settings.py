"""Prefect settings sarpack needs, applied before Prefect is imported."""
from __future__ import annotations

import os

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
}


def apply() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
