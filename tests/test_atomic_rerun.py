"""[hardening] A crash never leaves a half bundle that looks complete; a re-run gives the same result."""
from __future__ import annotations

import hashlib
import shutil

import pytest

from tests.conftest import SAMPLE_STORE, run_sarpack

pytestmark = pytest.mark.slow
CASE = "SAR-2026-0002"


def _sha(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_crash_while_publishing_leaves_nothing_and_rerun_is_identical(prefect_api, tmp_path, monkeypatch):
    monkeypatch.setenv("SARPACK_BUNDLE_DATE", "2026-02-14")
    store = tmp_path / "store"
    shutil.copytree(SAMPLE_STORE / CASE, store / CASE)

    # An uninterrupted run, for reference.
    ref = run_sarpack("submit", CASE, "--store", str(store), "--out", str(tmp_path / "ref"), "--auto-approve")
    assert ref.returncode == 0, ref.stderr[-2000:]
    ref_bundle = tmp_path / "ref" / CASE / "bundle.pdf"

    # A run that dies half-way through writing its outputs.
    import pipeline.publish as publish
    from flows.sar import submit_flow

    real_write = publish._write
    written = []

    def dying_write(path, data):
        written.append(path.name)
        if len(written) == 2:
            raise OSError("simulated crash: the machine lost power")
        real_write(path, data)

    monkeypatch.setattr(publish, "_write", dying_write)
    out = tmp_path / "out"
    with pytest.raises(Exception):
        submit_flow(case_id=CASE, store=str(store), out=str(out), auto_approve=True)
    assert len(written) == 2
    # Nothing that looks like a finished case folder: no <out>/<CASE>/ and no bundle.pdf anywhere
    # outside the hidden temporary folder.
    assert not (out / CASE).exists()
    assert not [p for p in out.rglob("bundle.pdf") if not p.parent.name.startswith(".")]

    # The re-run (a new process, as after a restart) produces exactly the reference result.
    monkeypatch.setattr(publish, "_write", real_write)
    again = run_sarpack("submit", CASE, "--store", str(store), "--out", str(out), "--auto-approve")
    assert again.returncode == 0, again.stderr[-2000:]
    assert _sha(out / CASE / "bundle.pdf") == _sha(ref_bundle)
    assert (out / CASE / "manifest.json").read_text() == (tmp_path / "ref" / CASE / "manifest.json").read_text()
    # The crashed run's hidden temporary folder is cleaned up by the re-run.
    assert sorted(p.name for p in out.iterdir()) == [CASE]
