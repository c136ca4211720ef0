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

    return TestClient(create_app(url, secret="s" * 32, start_finalise=lambda *a: None))


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
