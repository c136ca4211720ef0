"""[bundle] The bundle opens in Chromium's own PDF viewer.

Headless Chromium has no PDF viewer, so this runs Debian's chromium headed on a virtual
screen (Xvfb, installed by `make install`), driven by Playwright, and checks that the viewer
rendered the bundle's first page: dark text on a white page, and no error in the console.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import threading
import time

import pymupdf
import pytest

from tests.test_bundle import published  # noqa: F401 - the module-scoped bundle fixture

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def display():
    if not (shutil.which("Xvfb") and os.path.exists(CHROMIUM)):
        pytest.skip("Xvfb or Debian chromium is not installed (make install installs both)")
    for n in range(90, 110):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            break
    proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if os.path.exists(f"/tmp/.X11-unix/X{n}"):
            break
        time.sleep(0.1)
    yield f":{n}"
    proc.terminate()
    proc.wait(timeout=10)


def test_bundle_renders_in_chromiums_pdf_viewer(published, display, tmp_path):  # noqa: F811
    from playwright.sync_api import sync_playwright

    folder, _, manifest = published
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    srv = socketserver.TCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    errors: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                headless=False,
                env={**os.environ, "DISPLAY": display},
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync", "--no-first-run"],
            )
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.on("console", lambda m: errors.append(m.text)
                    if m.type == "error" and "favicon" not in (m.location or {}).get("url", "") else None)
            page.on("crash", lambda *_: errors.append("page crashed"))
            page.goto(f"http://127.0.0.1:{srv.server_address[1]}/bundle.pdf")
            shot = tmp_path / "viewer.png"
            dark = 0
            for _ in range(20):  # the viewer loads asynchronously
                page.wait_for_timeout(500)
                page.screenshot(path=str(shot))
                pix = pymupdf.Pixmap(str(shot))
                # The document area (right of the thumbnails): a white page with dark text on it.
                # The viewer's own background is mid grey, so it counts as neither.
                samples = pix.samples
                w, h, n = pix.width, pix.height, pix.n
                px = [
                    max(samples[(y * w + x) * n: (y * w + x) * n + 3])
                    for y in range(150, h - 50, 3)
                    for x in range(380, w - 120, 3)
                ]
                dark = sum(1 for v in px if v < 60)
                white = sum(1 for v in px if v > 235)
                if white < len(px) // 2:
                    dark = 0
                if dark > 500:
                    break
            browser.close()
    finally:
        srv.shutdown()
        srv.server_close()
    assert dark > 500, "Chromium's PDF viewer showed no page content"
    assert not errors, errors
