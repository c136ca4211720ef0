"""[review] The reviewer UI in real Chromium (Debian's /usr/bin/chromium) through Playwright.

One reviewer signs in, rejects a suggestion (keyboard), accepts the rest (once with "apply
to every occurrence"), redacts a phrase by selecting its words on the page image,
approves; the finalise flow (a real Prefect flow run) produces the bundle, which is then
checked, with the audit CSV.
"""
from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pymupdf
import pytest

from tests.conftest import ROOT, run_sarpack
from tests.test_review_flow import CASE_ID, MANUAL_PHRASE, make_case

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
USER, PASSWORD = "alice", "correct horse battery staple"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(prefect_api, tmp_path_factory):
    """A submitted case awaiting review, a reviewer account and `sarpack review` running."""
    tmp = tmp_path_factory.mktemp("review-ui")
    store, out = make_case(tmp / "store"), tmp / "out"
    url = f"sqlite:///{tmp / 'review.db'}"
    env = {"SARPACK_DATABASE_URL": url}
    r = run_sarpack("submit", CASE_ID, "--store", str(store), "--out", str(out), env=env)
    assert r.returncode == 0, r.stderr[-2000:]

    from pipeline import db

    db.add_reviewer(USER, PASSWORD, url=url)
    port = _free_port()
    log = open(tmp / "server.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "review", "--port", str(port)],
        cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/login", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                raise RuntimeError((tmp / "server.log").read_text()[-2000:])
            time.sleep(0.3)
    yield base, out, url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("dialog", lambda d: (print("dialog:", d.message), d.dismiss()))
        yield page
        context.close()
        browser.close()


def sign_in(page, base: str) -> None:
    page.goto(base + "/")
    assert page.url.endswith("/login")
    page.fill('input[name="username"]', USER)
    page.fill('input[name="password"]', PASSWORD)
    page.click('button[type="submit"]')
    page.wait_for_url(base + "/")


def test_review_reject_accept_manual_approve_bundle(served, browser_page):
    from playwright.sync_api import expect

    base, out, _ = served
    page = browser_page
    sign_in(page, base)
    expect(page.locator("#queue")).to_contain_text(CASE_ID)
    expect(page.locator("#queue .due")).to_contain_text("2026-02-28")
    page.click(f"#queue a:text('{CASE_ID}')")
    page.wait_for_url(f"{base}/cases/{CASE_ID}")
    expect(page.locator("#approve")).to_be_disabled()
    rows = page.locator("li.sugg")
    n = rows.count()
    assert n >= 4
    # Every page image really rendered.
    for img in page.locator(".page img").all():
        img.scroll_into_view_if_needed()
        # a lazy image starts loading when scrolled into view: wait for it (on a busy machine it is not
        # there at once), then the check is that it decoded to a real picture
        page.wait_for_function("i => i.complete", arg=img.element_handle(), timeout=15000)
        assert img.evaluate("i => i.naturalWidth > 0")

    # Each row says whose the value is taken to be, with the recognizer and its score.
    expect(rows.filter(has_text="Dean Okafor").first.locator(".party")).to_have_text("third party (listed)")
    expect(rows.filter(has_text="Tanya Rhodes").first.locator(".party")).to_have_text("unknown person")
    expect(rows.first.locator(".score")).to_have_text(re.compile(r"^[01]\.\d\d$"))
    # "show only the flagged ones" hides the others, and shows them again
    n_flagged = page.locator("li.sugg.flagged").count()
    expect(page.locator("#flagged-count")).to_have_text(str(n_flagged))
    page.check("#flagged-only")
    expect(page.locator("li.sugg:visible")).to_have_count(n_flagged)
    page.uncheck("#flagged-only")
    expect(page.locator("li.sugg:visible")).to_have_count(n)

    # Reject the unlisted person with the keyboard: select the row, press "r".
    tanya = rows.filter(has_text="Tanya Rhodes")
    tanya.locator(".sugg-text").click()
    page.keyboard.press("r")
    expect(tanya).to_have_class(re.compile(r"state-rejected"))

    # Accept one "Dean Okafor" with "apply to every occurrence".
    dean = rows.filter(has_text="Dean Okafor")
    n_dean = dean.count()
    assert n_dean >= 2
    dean.first.locator(".every input").check()
    dean.first.locator("button.accept").click()
    for i in range(n_dean):
        expect(dean.nth(i)).to_have_class(re.compile(r"state-accepted"))

    # Accept the rest.
    pending = page.locator("li.sugg.state-pending")
    while pending.count():
        before = pending.count()
        pending.first.locator("button.accept").click()
        expect(pending).to_have_count(before - 1)
    expect(page.locator("#pending-count")).to_have_text("0")

    # A manual redaction: click the phrase's words on the page image, then "Redact selected words".
    words = MANUAL_PHRASE.split()
    first = page.locator(".word", has_text=re.compile(rf"^{words[0]}\s*$")).first
    first.scroll_into_view_if_needed()
    page.wait_for_selector(".page[data-words-ready] .word")
    for w in words:
        page.locator(".word", has_text=re.compile(rf"^{w}\s*$")).first.click()
    expect(page.locator(".word.picked")).to_have_count(len(words))
    page.click("#redact-selected")
    manual = page.locator("li.sugg", has_text=MANUAL_PHRASE)
    expect(manual).to_have_count(1)
    expect(manual).to_have_class(re.compile(r"state-accepted"))

    # Approve: the finalise flow runs and the page follows it to "bundled".
    expect(page.locator("#approve")).to_be_enabled()
    page.click("#approve")
    expect(page.locator("#bundled")).to_be_visible(timeout=90_000)

    folder = out / CASE_ID
    with pymupdf.open(folder / "bundle.pdf") as doc:
        text = re.sub(r"\s+", " ", " ".join(p.get_text() for p in doc))
    assert "Tanya Rhodes" in text            # rejected: stays
    assert MANUAL_PHRASE not in text         # manual redaction: gone
    assert "Dean Okafor" not in text and "07700 900123" not in text

    # The audit CSV, downloaded through the UI's session, has every action and no value.
    page.goto(f"{base}/cases/{CASE_ID}/audit")
    href = page.locator("#audit-csv").get_attribute("href")
    resp = page.request.get(base + href)
    assert resp.status == 200
    body = resp.text()
    rows_csv = list(csv.DictReader(io.StringIO(body)))
    decisions = [r for r in rows_csv if r["action"] == "decision"]
    assert len({r["suggestion_id"] for r in decisions}) == n
    assert sum(1 for r in decisions if r["after_state"] == "rejected") == 1
    assert all(r["actor"] == USER for r in decisions)
    assert sum(1 for r in decisions if r["detail"] == "every_occurrence") == n_dean - 1
    assert [r["action"] for r in rows_csv].count("manual_redaction_added") == 1
    assert [r["action"] for r in rows_csv].count("case_approved") == 1
    for value in ("Tanya", "Dean Okafor", "07700", "garden"):
        assert value not in body


def test_signed_out_and_csrf_less_requests_are_refused(served, browser_page):
    base, _, _ = served
    page = browser_page
    # Signed out: pages redirect to sign-in, APIs and page images answer 401.
    page.goto(f"{base}/cases/{CASE_ID}")
    assert page.url.endswith("/login")
    for path in (f"/cases/{CASE_ID}/state", f"/cases/{CASE_ID}/audit.csv", f"/cases/{CASE_ID}/docs/x/pages/0.png"):
        assert page.request.get(base + path, max_redirects=0).status == 401
    assert page.request.post(f"{base}/cases/{CASE_ID}/approve", form={"csrf_token": "x"}, max_redirects=0).status == 401
    assert page.request.get(base + "/docs").status == 401  # no API docs either

    sign_in(page, base)
    # Signed in, but a form posted without its CSRF token is refused.
    resp = page.request.post(f"{base}/cases/{CASE_ID}/suggestions/anything", form={"action": "accept"})
    assert resp.status == 403
    # Through the page: the sign-out form with its token removed.
    page.goto(base + "/")
    page.eval_on_selector('form[action="/logout"] input[name="csrf_token"]', "e => e.remove()")
    page.click('form[action="/logout"] button')
    assert "CSRF" in page.content()
    # ...and with the token it works, after which the case is out of reach again.
    page.goto(base + "/")
    page.click('form[action="/logout"] button')
    page.wait_for_url(base + "/login")
    page.goto(f"{base}/cases/{CASE_ID}/audit")
    assert page.url.endswith("/login")
