"""[pack] The command contract, end to end through the real Prefect flow, on every sample case."""
from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pymupdf
import pytest

from tests.conftest import SAMPLE_STORE, run_sarpack

pytestmark = pytest.mark.slow

SAMPLE_CASES = sorted(p.parent.name for p in SAMPLE_STORE.glob("*/case.json"))


def _norm(s: str) -> str:
    # NFKC folds ligatures ("ﬁ" -> "fi") so a value cannot hide behind one.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s)).strip()


@pytest.fixture(scope="module")
def runs(prefect_api, tmp_path_factory):
    """Run every sample case once through `sarpack submit ... --auto-approve`, with a corrupt
    file added to the first case."""
    store = tmp_path_factory.mktemp("store")
    for case in SAMPLE_CASES:
        shutil.copytree(SAMPLE_STORE / case, store / case)
    corrupt = store / SAMPLE_CASES[0] / "documents" / "scanned_damaged.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n% truncated here")
    out = tmp_path_factory.mktemp("out")
    results = {}
    for case in SAMPLE_CASES:
        proc = run_sarpack("submit", case, "--store", str(store), "--out", str(out), "--auto-approve")
        results[case] = proc
    return store, out, results


def test_there_are_at_least_two_sample_cases():
    assert len(SAMPLE_CASES) >= 2
    for case in SAMPLE_CASES:
        exp = json.loads((SAMPLE_STORE / case / "expected.json").read_text())
        assert exp["must_disappear"] and exp["must_stay"]


@pytest.mark.parametrize("case", SAMPLE_CASES)
def test_submit_produces_bundle_and_manifest(runs, case):
    store, out, results = runs
    proc = results[case]
    assert proc.returncode == 0, proc.stderr[-3000:]
    folder = out / case
    assert (folder / "bundle.pdf").is_file()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["case_id"] == case
    assert manifest["release"] is True
    with pymupdf.open(folder / "bundle.pdf") as doc:
        assert manifest["bundle"]["pages"] == len(doc) > 0
    import hashlib

    assert manifest["bundle"]["sha256"] == hashlib.sha256((folder / "bundle.pdf").read_bytes()).hexdigest()
    for d in manifest["documents"]:
        assert set(d) >= {"source", "sha256", "status", "bundle_pages", "redactions", "error"}


@pytest.mark.parametrize("case", SAMPLE_CASES)
def test_bundle_text_has_no_must_disappear_and_all_must_stay(runs, case):
    store, out, _ = runs
    exp = json.loads((SAMPLE_STORE / case / "expected.json").read_text())
    with pymupdf.open(out / case / "bundle.pdf") as doc:
        text = _norm(" ".join(p.get_text() for p in doc))
        toc = " ".join(t[1] for t in doc.get_toc())
    leaked = [s for s in exp["must_disappear"] if _norm(s) in text or _norm(s) in toc]
    missing = [s for s in exp["must_stay"] if _norm(s) not in text]
    assert not leaked, f"{len(leaked)} must-disappear value(s) survived"
    assert not missing, f"must-stay values missing: {missing}"


@pytest.mark.parametrize("case", SAMPLE_CASES)
def test_every_source_file_is_in_the_manifest(runs, case):
    store, out, _ = runs
    manifest = json.loads((out / case / "manifest.json").read_text())
    docs_dir = store / case / "documents"
    on_disk = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()}
    listed = {d["source"] for d in manifest["documents"] if not d.get("parent")}
    assert on_disk == listed
    for d in manifest["documents"]:
        if d["status"] == "disclosed":
            first, last = d["bundle_pages"]
            assert 1 <= first <= last <= manifest["bundle"]["pages"]


def test_corrupt_file_is_listed_as_failed_and_the_rest_is_bundled(runs):
    store, out, results = runs
    case = SAMPLE_CASES[0]
    manifest = json.loads((out / case / "manifest.json").read_text())
    bad = [d for d in manifest["documents"] if d["source"] == "scanned_damaged.pdf"]
    assert bad and bad[0]["status"] == "failed" and bad[0]["error"]
    assert "scanned_damaged.pdf" in results[case].stdout
    assert sum(d["status"] == "disclosed" for d in manifest["documents"]) >= 5


@pytest.mark.parametrize("case", SAMPLE_CASES)
def test_pages_are_stamped_and_bookmarked(runs, case):
    """The cover letter is unstamped; every page after it carries the running reference and
    "Page N of M", N and M counting stamped pages, and its page label is N. One bookmark per
    disclosed document, at its first page, plus Cover letter / Index / Schedule."""
    store, out, _ = runs
    manifest = json.loads((out / case / "manifest.json").read_text())
    cover = manifest["bundle"]["cover_pages"]
    with pymupdf.open(out / case / "bundle.pdf") as doc:
        n = len(doc) - cover
        assert cover >= 1 and manifest["bundle"]["stamped_pages"] == n
        assert f"{case} \u2014 Page" not in doc[0].get_text()
        for page in doc.pages(cover):
            i = page.number - cover + 1
            text = page.get_text()
            assert f"{case} \u2014 Page {i} of {n}" in text
            assert f"{case}-{i:04d}" in text
            assert page.get_label() == str(i)
        toc = doc.get_toc()
    doc_marks = [t for t in toc if re.match(r"^\d+(\.\d+)*\. ", t[1])]
    disclosed = [d for d in manifest["documents"] if d["status"] == "disclosed"]
    assert len(doc_marks) == len(disclosed)
    assert sorted(t[2] for t in doc_marks) == sorted(d["bundle_pages"][0] for d in disclosed)


def test_unknown_case_id_fails_with_one_line(prefect_api, tmp_path):
    proc = run_sarpack("submit", "NO-SUCH-CASE", "--store", str(SAMPLE_STORE), "--out", str(tmp_path))
    assert proc.returncode != 0
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "unknown case ID" in lines[0]
    assert not (tmp_path / "NO-SUCH-CASE").exists()


def test_path_traversal_case_id_is_refused(tmp_path):
    proc = run_sarpack("submit", "../etc", "--store", str(SAMPLE_STORE), "--out", str(tmp_path))
    assert proc.returncode != 0 and "invalid case ID" in proc.stderr


def test_missing_required_key_is_named(tmp_path):
    case = tmp_path / "store" / "BAD-1"
    (case / "documents").mkdir(parents=True)
    (case / "case.json").write_text(json.dumps({"case_id": "BAD-1", "requester": {"name": "A B"}}))
    proc = run_sarpack("submit", "BAD-1", "--store", str(tmp_path / "store"), "--out", str(tmp_path / "out"))
    assert proc.returncode != 0 and "'received'" in proc.stderr
    (case / "case.json").write_text("{not json")
    proc = run_sarpack("submit", "BAD-1", "--store", str(tmp_path / "store"), "--out", str(tmp_path / "out"))
    assert proc.returncode != 0 and "not valid JSON" in proc.stderr
