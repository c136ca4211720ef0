"""[nightly] Unexpected errors: Prefect retries the case with backoff, the batch goes on, and
a case that keeps failing is recorded (reason in words, no message text) and retried by
the next run within its budget."""
from __future__ import annotations

from collections import Counter

import pytest

from tests.test_nightly import TODAY, by_id, make_case

pytestmark = pytest.mark.slow


def test_unexpected_errors_are_retried_with_backoff_and_recorded(prefect_api, tmp_path, monkeypatch):
    import flows.sar
    from flows.nightly import nightly_flow

    monkeypatch.setenv("SARPACK_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite'}")
    monkeypatch.setenv("SARPACK_NIGHTLY_RETRY_DELAYS", "0.2,0.5")
    store, out = tmp_path / "store", tmp_path / "out"
    make_case(store, "SAR-RT-0001", "2026-02-01")   # fails once, then works
    make_case(store, "SAR-RT-0002", "2026-02-01")   # always fails
    make_case(store, "SAR-RT-0003", "2026-02-01")   # works

    real = flows.sar.submit_flow
    calls: Counter = Counter()

    def flaky(**kw):
        case_id = kw["case_id"]
        calls[case_id] += 1
        if case_id == "SAR-RT-0001" and calls[case_id] == 1:
            raise OSError("Claire Bennett's file went away")  # a message that must not be repeated
        if case_id == "SAR-RT-0002":
            raise ConnectionError("Claire Bennett: database unreachable")
        return real(**kw)

    monkeypatch.setattr(flows.sar, "submit_flow", flaky)
    import json

    s1 = nightly_flow(store=str(store), out=str(out), today=TODAY, concurrency=2)
    r1 = json.loads((out / "reports" / f"nightly-{TODAY}.json").read_text())
    assert s1["processed"] == 3
    assert calls == {"SAR-RT-0001": 2, "SAR-RT-0002": 3, "SAR-RT-0003": 1}  # 2 retries at most
    cases = by_id(r1)
    assert cases["SAR-RT-0001"]["status"] == "awaiting_review"
    assert cases["SAR-RT-0003"]["status"] == "awaiting_review"
    assert cases["SAR-RT-0002"]["status"] == "failed"
    reason = cases["SAR-RT-0002"]["reason"]
    assert "unexpected error (ConnectionError)" in reason and "3 time(s)" in reason
    assert "Bennett" not in json.dumps(r1) and "unreachable" not in json.dumps(r1)

    # The next run tries the failed case again (budget 3 runs on the same sources)...
    s2 = nightly_flow(store=str(store), out=str(out), today=TODAY)
    r2 = json.loads((out / "reports" / f"nightly-{TODAY}.json").read_text())
    assert s2["processed"] == 1 and by_id(r2)["SAR-RT-0002"]["why"].startswith("retry 2 of 3")
    # ...and once it works, it is done.
    monkeypatch.setattr(flows.sar, "submit_flow", real)
    s3 = nightly_flow(store=str(store), out=str(out), today=TODAY)
    assert s3["processed"] == 1 and s3["awaiting_review"] == ["SAR-RT-0002"]
    assert nightly_flow(store=str(store), out=str(out), today=TODAY)["processed"] == 0
