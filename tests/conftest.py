"""Shared fixtures: a Prefect API server for the whole session, a CLI runner."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_STORE = ROOT / "sample_docs"
SHARED = ROOT.parent / "shared"

# Isolate Prefect from the developer's own home, and keep it quiet and offline.
_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="sarpack-test-prefect-"))
os.environ.setdefault("PREFECT_HOME", str(_PREFECT_HOME))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_UI_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_RESULTS_PERSIST_BY_DEFAULT", "false")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_api():
    """One Prefect server for the session (started once, ~10 s), instead of an ephemeral
    server per CLI call."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = open(_PREFECT_HOME / "server.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ},
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Prefect server exited; see {_PREFECT_HOME / 'server.log'}")
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("Prefect server did not start within 120 s")
    os.environ["PREFECT_API_URL"] = url
    yield url
    os.environ.pop("PREFECT_API_URL", None)
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def run_sarpack(*args: str, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run the real command line, as a caseworker or a script would."""
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


@pytest.fixture
def store_copy(tmp_path) -> Path:
    """A writable copy of the demo case store."""
    dst = tmp_path / "store"
    shutil.copytree(SAMPLE_STORE, dst, ignore=shutil.ignore_patterns("eval", "_build"))
    return dst


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
