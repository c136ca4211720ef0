"""Gather: case.json validation and the file walk (nothing silently dropped)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.case_store import gather_documents, load_case, validate_case_id
from pipeline.errors import CaseError
from pipeline.publish import write_atomically

CASE = {
    "case_id": "T-1",
    "received": "2026-01-31",
    "requester": {"name": "Claire Bennett", "aliases": ["Claire Okafor"], "ni_number": "JT 48 29 71 C"},
    "third_parties": [{"name": "Dean Okafor", "role": "paying parent", "phones": ["07700 900123"]}],
    "unexpected_extra_key": {"ignored": True},
}


def _case(tmp_path: Path, data=CASE) -> Path:
    root = tmp_path / data.get("case_id", "T-1")
    (root / "documents" / "sub").mkdir(parents=True)
    (root / "case.json").write_text(json.dumps(data))
    return root


def test_load_case_reads_fields_and_ignores_unknown_keys(tmp_path):
    _case(tmp_path)
    case = load_case(tmp_path, "T-1")
    assert case.requester.name == "Claire Bennett" and case.requester.aliases == ("Claire Okafor",)
    assert case.third_parties[0].phones == ("07700 900123",)
    assert case.received.isoformat() == "2026-01-31"


@pytest.mark.parametrize("key", ["case_id", "received", "requester"])
def test_missing_required_key_is_named(tmp_path, key):
    data = {k: v for k, v in CASE.items() if k != key}
    root = tmp_path / "T-1"
    root.mkdir()
    (root / "case.json").write_text(json.dumps(data))
    with pytest.raises(CaseError, match=f"'{key}'"):
        load_case(tmp_path, "T-1")


@pytest.mark.parametrize("bad", ["../x", "a/b", "", "x" * 65, "a b", "..", "T_1"])
def test_case_id_validation_blocks_traversal(bad):
    with pytest.raises(CaseError, match="invalid case ID"):
        validate_case_id(bad)


def test_requester_without_name_is_an_error(tmp_path):
    _case(tmp_path, {**CASE, "requester": {"aliases": []}})
    with pytest.raises(CaseError, match="requester.name"):
        load_case(tmp_path, "T-1")


def test_gather_lists_every_file_and_refuses_outside_symlinks(tmp_path):
    root = _case(tmp_path)
    docs = root / "documents"
    (docs / "a.txt").write_text("hello")
    (docs / "sub" / "b.pdf").write_bytes(b"%PDF-1.4")
    (docs / "empty.txt").write_bytes(b"")
    outside = tmp_path / "secret.txt"
    outside.write_text("outside the case")
    os.symlink(outside, docs / "link.txt")
    os.symlink(docs / "a.txt", docs / "inside_link.txt")
    (docs / "bad\x07name.txt").write_text("x")
    found = gather_documents(load_case(tmp_path, "T-1"))
    by_src = {d.source: d for d in found}
    assert set(by_src) == {"a.txt", "sub/b.pdf", "empty.txt", "link.txt", "inside_link.txt", "bad\ufffdname.txt"}
    assert "outside the case folder" in by_src["link.txt"].error
    assert by_src["inside_link.txt"].error is None
    assert by_src["a.txt"].sha256 and by_src["a.txt"].error is None
    # ids do not reveal file names
    assert all(d.doc_id.startswith("d") and len(d.doc_id) == 11 for d in found)


def test_atomic_write_replaces_whole_folder(tmp_path, monkeypatch):
    final = tmp_path / "out" / "T-1"
    write_atomically(final, {"manifest.json": b"{}", "bundle.pdf": b"old"})
    import pipeline.publish as pub

    real = pub._write
    calls = {"n": 0}

    def crash_on_second(path, data):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        real(path, data)

    monkeypatch.setattr(pub, "_write", crash_on_second)
    with pytest.raises(OSError):
        write_atomically(final, {"manifest.json": b"{new}", "bundle.pdf": b"new"})
    # The crash left the previous complete output untouched.
    assert (final / "bundle.pdf").read_bytes() == b"old"
    assert (final / "manifest.json").read_bytes() == b"{}"
