"""[hardening] Personal-data hygiene: with every log at DEBUG and Prefect's result persistence
switched on, no value that must be redacted appears in any log line, in Prefect's home
(its database holds flow-run parameters, task runs, logs) or in its result storage."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_STORE

pytestmark = pytest.mark.slow

CASE = "SAR-2026-0001"


def _values(case: str) -> list[str]:
    exp = json.loads((SAMPLE_STORE / case / "expected.json").read_text())
    return [v for v in exp["must_disappear"] if len(v) >= 4]


@pytest.fixture(scope="module")
def debug_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hygiene")
    store = tmp / "store"
    shutil.copytree(SAMPLE_STORE / CASE, store / CASE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(tmp / "home"),
        PREFECT_LOCAL_STORAGE_PATH=str(tmp / "storage"),
        PREFECT_RESULTS_PERSIST_BY_DEFAULT="true",
        PREFECT_LOGGING_LEVEL="DEBUG",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120",
        PREFECT_UI_ENABLED="false",
        SARPACK_LOG_LEVEL="DEBUG",
    )
    # Its own ephemeral Prefect server, whose database lives under our PREFECT_HOME.
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "--verbose", "submit", CASE, "--store", str(store),
         "--out", str(tmp / "out"), "--auto-approve"],
        cwd=ROOT, env=env, capture_output=True, timeout=600,
    )
    return tmp, proc


def _files(folder: Path):
    for p in folder.rglob("*"):
        if p.is_file():
            yield p


def test_debug_run_succeeds_and_logs_at_debug(debug_run):
    tmp, proc = debug_run
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-3000:]
    err = proc.stderr.decode(errors="replace")
    assert "DEBUG" in err  # the logging really was at DEBUG
    assert any(_files(tmp / "home")), "Prefect wrote nothing under its home"


def test_no_must_disappear_value_in_any_log_line(debug_run):
    _, proc = debug_run
    output = proc.stdout + proc.stderr
    leaked = [v for v in _values(CASE) if v.encode() in output]
    assert not leaked, f"{len(leaked)} value(s) in the logs: {[len(v) for v in leaked]} chars"


def test_no_must_disappear_value_under_prefect_home_or_storage(debug_run):
    tmp, _ = debug_run
    values = [v.encode() for v in _values(CASE)]
    where = []
    files = list(_files(tmp / "home")) + (list(_files(tmp / "storage")) if (tmp / "storage").exists() else [])
    assert any(f.suffix == ".db" for f in files), "no Prefect database found to search"
    for f in files:
        data = f.read_bytes()
        for v in values:
            if v in data or v.decode().encode("utf-16-le") in data:
                where.append(f"{f.relative_to(tmp)}: {len(v)}-char value")
    assert not where, where


def test_flow_run_parameters_are_ids_and_folders_only(debug_run):
    import sqlite3

    tmp, _ = debug_run
    (db,) = [f for f in _files(tmp / "home") if f.suffix == ".db"]
    con = sqlite3.connect(db)
    try:
        rows = con.execute("select parameters from flow_run").fetchall()
    finally:
        con.close()
    assert rows
    for (params,) in rows:
        assert set(json.loads(params)) <= {"case_id", "store", "out", "auto_approve"}
