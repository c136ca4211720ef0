"""[review] Web UI rules without a browser: sessions expire, the sign-in form needs its
CSRF token, drawn boxes become PDF points, security headers."""
from __future__ import annotations

import re
import time

import pytest
from fastapi.testclient import TestClient

from pipeline import db
from web.auth import Sessions


def test_session_expires_when_idle(monkeypatch):
    s = Sessions("k" * 32, idle=60)
    cookie = s.dump(s.new("alice"))
    assert s.load(cookie).user == "alice"
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 120)
    assert s.load(cookie) is None
    assert s.load("tampered" + cookie) is None


def test_session_has_an_absolute_limit():
    s = Sessions("k" * 32, idle=60, absolute=10)
    sd = s.new("alice")
    sd.signed_in -= 11
    assert s.load(s.dump(sd)) is None


@pytest.fixture
def client(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    db.add_reviewer("alice", "correct horse battery", url=url)
    from web.app import create_app

    c = TestClient(create_app(url, secret="s" * 32, start_finalise=lambda *a: None))
    c.db_url = url
    return c


def test_sign_in_needs_the_form_token(client):
    r = client.post("/login", data={"username": "alice", "password": "correct horse battery"}, follow_redirects=False)
    assert r.status_code == 403
    page = client.get("/login")
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    tok = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"username": "alice", "password": "wrong password", "csrf_token": tok},
                    follow_redirects=False)
    assert r.headers["location"] == "/login?error=1"
    r = client.post("/login", data={"username": "alice", "password": "correct horse battery", "csrf_token": tok},
                    follow_redirects=False)
    assert r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    assert client.get("/").status_code == 200


def test_everything_but_sign_in_needs_a_session(client):
    for path in ("/", "/cases/X", "/cases/X/state", "/cases/X/audit.csv", "/openapi.json", "/docs", "/nothing-here"):
        assert client.get(path, follow_redirects=False).status_code in (401, 303), path


def _signed_in(client) -> None:
    tok = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"username": "alice", "password": "correct horse battery", "csrf_token": tok})


def test_each_suggestion_says_whose_it_is_and_why(client, tmp_path):
    """The reviewer sees, for every suggestion, whose the value is taken to be, the recognizer and its
    score, and which ones are flagged (a value nobody is named beside, a shared surname); the page
    counts the flagged ones and offers a filter for them."""
    from datetime import date
    from pathlib import Path
    from types import SimpleNamespace

    import pymupdf

    from pipeline.codes import DocStatus, EntityType, PartyKind, ReasonCode
    from pipeline.models import CaseRecord, Party, Suggestion

    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "Dean Okafor, 30-96-11 41927730")
    data = pdf.tobytes()

    def sugg(start, text, et, party, score, flagged, rec):
        return Suggestion(id=Suggestion.make_id("d1", 0, start, start + len(text), et.value, text), doc_id="d1", page=0,
                          rects=[(72.0, 60.0, 150.0, 76.0)], entity_type=et, recognizer=rec, score=score, party=party,
                          reason=ReasonCode.TP, needs_review=flagged, start=start, end=start + len(text), text=text)

    a = sugg(0, "Dean Okafor", EntityType.PERSON, PartyKind.THIRD_PARTY, 0.9, False, "PartyNameRecognizer")
    b = sugg(13, "30-96-11 41927730", EntityType.BANK_DETAILS, PartyKind.UNKNOWN, 0.55, True, "BankDetailsRecognizer")
    src = SimpleNamespace(doc_id="d1", source="d1.txt", sha256="0" * 64, parent=None)
    processed = [SimpleNamespace(source=src, status=DocStatus.DISCLOSED, error=None, pages=[object()], pdf=data,
                                 ok=True, suggestions=[a, b])]
    case = CaseRecord("SAR-WHY-1", date(2026, 1, 20), Party("Claire Bennett"), [], Path("/nowhere"))
    db.store_review(case, processed, store="/s", out="/o", url=client.db_url)
    _signed_in(client)
    html = client.get("/cases/SAR-WHY-1").text
    rows = {sid: html[html.index(f' id="{sid}"'):] for sid in (a.id, b.id)}
    rows = {sid: r[:r.index("</li>")] for sid, r in rows.items()}
    assert "third party (listed)" in rows[a.id] and "PartyNameRecognizer" in rows[a.id] and "0.90" in rows[a.id]
    assert "flagged" not in rows[a.id]
    assert "unknown person" in rows[b.id] and "BankDetailsRecognizer" in rows[b.id] and "0.55" in rows[b.id]
    assert 'class="sugg state-pending flagged"' in html and "check whose this is" in rows[b.id]
    assert re.search(r'id="flagged-count">1<', html)
    assert 'id="flagged-only"' in html
