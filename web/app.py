"""The reviewer web UI: sign in, the review queue, a case's pages with suggestion boxes,
decisions, manual redactions, approval, and the audit trail.

    sarpack review --port 8000        # serves create_app()

Server-rendered (Jinja2) pages with a little vanilla JS; no build step. Every route but
the sign-in page and static files needs a session; every POST needs the CSRF token.
URLs carry ids only (case, document, page, suggestion), never a value, so access logs
hold no personal data.
"""
from __future__ import annotations

import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Callable
from urllib.parse import quote

import pymupdf
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from pipeline import db
from pipeline.codes import REASON_COLOURS, REASONS, CaseState, DecisionState, PartyKind, ReasonCode

# whose a suggestion's value is, as the reviewer reads it
PARTY_LABELS = {
    str(PartyKind.THIRD_PARTY): "third party (listed)",
    str(PartyKind.UNKNOWN): "unknown person",
    str(PartyKind.REQUESTER): "requester",
    str(PartyKind.ORGANISATION): "organisation",
}
from web.auth import CSRF_FIELD, CSRF_HEADER, LOGIN_COOKIE, SESSION_COOKIE, Sessions, tokens_match

log = logging.getLogger("sarpack.web")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ZOOM = 1.5  # page images: pixels per PDF point
PUBLIC_PATHS = ("/login",)
PUBLIC_PREFIXES = ("/static/",)

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def start_finalise_subprocess(case_id: str, url: str, out: str) -> None:
    """Start the finalise flow in its own process (a real Prefect flow run); it outlives
    this request and records its result in the database."""
    logdir = Path(out)
    logdir.mkdir(parents=True, exist_ok=True)
    logfile = open(logdir / f".{case_id}.finalise.log", "ab")
    subprocess.Popen(
        [sys.executable, "-m", "flows.review", case_id],
        cwd=str(ROOT),
        env={**os.environ, db.ENV_URL: url},
        stdin=subprocess.DEVNULL,
        stdout=logfile,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    logfile.close()


def _is_fetch(request: Request) -> bool:
    return request.headers.get("x-requested-with") == "fetch"


def create_app(
    url: str | None = None,
    *,
    secret: str | None = None,
    session_minutes: int = 30,
    secure_cookies: bool = False,
    start_finalise: Callable[[str, str, str], None] | None = None,
) -> FastAPI:
    url = url or db.database_url()
    db.upgrade(url)  # Alembic "upgrade head" at start
    sessions = Sessions(secret or os.environ.get("SARPACK_SECRET_KEY") or secrets.token_urlsafe(48),
                        idle=session_minutes * 60, secure=secure_cookies)
    finalise = start_finalise or start_finalise_subprocess
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(REASONS=REASONS, REASON_COLOURS=REASON_COLOURS, ReasonCode=ReasonCode, PARTY_LABELS=PARTY_LABELS)

    async def csrf_check(request: Request) -> None:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return
        given = request.headers.get(CSRF_HEADER)
        if given is None:
            ctype = request.headers.get("content-type", "")
            if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
                given = (await request.form()).get(CSRF_FIELD)
        if request.url.path == "/login":
            ok = sessions.check_login_token(request.cookies.get(LOGIN_COOKIE), given)
        else:
            sd = getattr(request.state, "session", None)
            ok = sd is not None and tokens_match(sd.csrf, given)
        if not ok:
            log.warning("refused a request without a valid CSRF token: %s %s", request.method, request.url.path)
            raise HTTPException(status_code=403, detail="missing or invalid CSRF token")

    app = FastAPI(title="sarpack review", docs_url=None, redoc_url=None, openapi_url=None,
                  dependencies=[Depends(csrf_check)])
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def require_session(request: Request, call_next):
        path = request.url.path
        sd = sessions.load(request.cookies.get(SESSION_COOKIE))
        request.state.session = sd
        if sd is None and path not in PUBLIC_PATHS and not path.startswith(PUBLIC_PREFIXES):
            if request.method == "GET" and "text/html" in request.headers.get("accept", "") and not _is_fetch(request):
                resp = RedirectResponse("/login", status_code=303)
            else:
                resp = JSONResponse({"detail": "sign in first"}, status_code=401)
            sessions.clear(resp)
        else:
            resp = await call_next(request)
            if sd is not None and not getattr(request.state, "signed_out", False) and SESSION_COOKIE not in resp.headers.get("set-cookie", ""):
                sessions.set_cookie(resp, sd)  # sliding idle expiry
        for k, v in SECURITY_HEADERS.items():
            resp.headers.setdefault(k, v)
        return resp

    def user(request: Request) -> str:
        sd = request.state.session
        if sd is None:  # the middleware already refused; belt and braces
            raise HTTPException(status_code=401, detail="sign in first")
        return sd.user

    def page(request: Request, name: str, ctx: dict, status_code: int = 200) -> HTMLResponse:
        sd = request.state.session
        base = {"user": sd.user if sd else None, "csrf": sd.csrf if sd else ""}
        return templates.TemplateResponse(request, name, {**base, **ctx}, status_code=status_code)

    def review_error(exc: db.ReviewError) -> HTTPException:
        return HTTPException(status_code=404 if isinstance(exc, db.UnknownCase) else 409, detail=str(exc))

    # ------------------------------------------------------------------ sign in / out

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, error: str | None = None):
        token, cookie = sessions.login_token()
        resp = page(request, "login.html", {"login_token": token, "error": error == "1"})
        resp.set_cookie(LOGIN_COOKIE, cookie, max_age=3600, httponly=True, samesite="strict",
                        secure=sessions.secure, path="/login")
        return resp

    @app.post("/login")
    async def login(request: Request):
        form = await request.form()
        username, password = str(form.get("username", "")), str(form.get("password", ""))
        if not db.check_password(username, password, url):
            log.warning("failed sign-in")
            return RedirectResponse("/login?error=1", status_code=303)
        resp = RedirectResponse("/", status_code=303)
        sessions.set_cookie(resp, sessions.new(username))
        resp.delete_cookie(LOGIN_COOKIE, path="/login")
        log.info("reviewer signed in")
        return resp

    @app.post("/logout")
    def logout(request: Request):
        request.state.signed_out = True
        resp = RedirectResponse("/login", status_code=303)
        sessions.clear(resp)
        return resp

    # ------------------------------------------------------------------ queue

    @app.get("/", response_class=HTMLResponse)
    def queue_page(request: Request, who: str = Depends(user)):
        return page(request, "queue.html", {"queue": db.queue(url), "cases": db.all_cases(url)})

    # ------------------------------------------------------------------ a case

    def _doc_pages(case_id: str) -> list[dict]:
        out = []
        for d in db.documents(case_id, url):
            pages = []
            if d.pages:
                pdf = db.prepared_pdf(case_id, d.doc_id, url)
                if pdf:
                    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
                        for i, pg in enumerate(doc):
                            pages.append({"n": i, "w": pg.rect.width, "h": pg.rect.height})
            out.append({"doc": d, "pages": pages})
        return out

    def _display_boxes(case_id: str, views: list[db.SuggestionView]) -> dict[str, list[list[float]]]:
        """Suggestion rectangles as fractions of the displayed (rotated) page."""
        mats: dict[tuple[str, int], tuple] = {}
        docs_needed = {v.doc_id for v in views}
        for doc_id in docs_needed:
            pdf = db.prepared_pdf(case_id, doc_id, url)
            if not pdf:
                continue
            with pymupdf.open(stream=pdf, filetype="pdf") as doc:
                for i, pg in enumerate(doc):
                    mats[(doc_id, i)] = (pg.rotation_matrix, pg.rect.width, pg.rect.height)
        out: dict[str, list[list[float]]] = {}
        for v in views:
            m = mats.get((v.doc_id, v.page))
            if m is None:
                continue
            mat, w, h = m
            boxes = []
            for r in v.rects:
                rr = pymupdf.Rect(r) * mat
                boxes.append([rr.x0 / w, rr.y0 / h, rr.width / w, rr.height / h])
            out[v.id] = boxes
        return out

    @app.get("/cases/{case_id}", response_class=HTMLResponse)
    def case_page(request: Request, case_id: str, who: str = Depends(user)):
        try:
            st = db.case_status(case_id, url)
            views = db.suggestions(case_id, url)
        except db.ReviewError as exc:
            raise review_error(exc)
        boxes = _display_boxes(case_id, views)
        return page(request, "case.html", {
            "case": st, "docs": _doc_pages(case_id), "suggestions": views, "boxes": boxes,
            "editable": st["state"] == str(CaseState.AWAITING_REVIEW),
            "pending": st["decisions"][str(DecisionState.PENDING)],
        })

    @app.get("/cases/{case_id}/state")
    def case_state(case_id: str, who: str = Depends(user)):
        try:
            st = db.case_status(case_id, url)
        except db.ReviewError as exc:
            raise review_error(exc)
        return {"case_id": case_id, "state": st["state"], "decisions": st["decisions"], "message": st["message"]}

    def _open_page(case_id: str, doc_id: str, n: int):
        pdf = db.prepared_pdf(case_id, doc_id, url)
        if not pdf:
            raise HTTPException(status_code=404, detail="no such document")
        doc = pymupdf.open(stream=pdf, filetype="pdf")
        if not 0 <= n < len(doc):
            doc.close()
            raise HTTPException(status_code=404, detail="no such page")
        return doc

    @app.get("/cases/{case_id}/docs/{doc_id}/pages/{n}.png")
    def page_image(case_id: str, doc_id: str, n: int, who: str = Depends(user)):
        doc = _open_page(case_id, doc_id, n)
        try:
            png = doc[n].get_pixmap(matrix=pymupdf.Matrix(ZOOM, ZOOM), alpha=False).tobytes("png")
        finally:
            doc.close()
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, no-store"})

    def _words(case_id: str, doc_id: str, n: int) -> tuple[list, pymupdf.Matrix, float, float]:
        doc = _open_page(case_id, doc_id, n)
        try:
            pg = doc[n]
            return pg.get_text("words"), pg.rotation_matrix, pg.rect.width, pg.rect.height
        finally:
            doc.close()

    @app.get("/cases/{case_id}/docs/{doc_id}/pages/{n}/words")
    def page_words(case_id: str, doc_id: str, n: int, who: str = Depends(user)):
        words, mat, w, h = _words(case_id, doc_id, n)
        out = []
        for i, wd in enumerate(words):
            r = pymupdf.Rect(wd[:4]) * mat
            out.append({"i": i, "t": wd[4], "b": [r.x0 / w, r.y0 / h, r.width / w, r.height / h]})
        return JSONResponse({"words": out}, headers={"Cache-Control": "private, no-store"})

    # ------------------------------------------------------------------ decisions

    def _after_change(request: Request, case_id: str, changed: list[str], anchor: str = ""):
        if _is_fetch(request):
            views = {v.id: v for v in db.suggestions(case_id, url)}
            return {
                "changed": [{"id": i, "state": views[i].state, "reason": views[i].reason, "reviewer": views[i].reviewer}
                            for i in changed if i in views],
                "pending": db.pending_count(case_id, url),
            }
        return RedirectResponse(f"/cases/{quote(case_id)}{('#' + anchor) if anchor else ''}", status_code=303)

    @app.post("/cases/{case_id}/suggestions/{sid}")
    async def decide(request: Request, case_id: str, sid: str, who: str = Depends(user)):
        form = await request.form()
        action = str(form.get("action", ""))
        every = str(form.get("every", "")) in ("1", "on", "true")
        reason = None
        if form.get("reason"):
            try:
                reason = ReasonCode(str(form.get("reason")))
            except ValueError:
                raise HTTPException(status_code=422, detail="unknown reason code")
        state = {"accept": DecisionState.ACCEPTED, "reject": DecisionState.REJECTED,
                 "reset": DecisionState.PENDING}.get(action)
        if action not in ("accept", "reject", "reset", "reason", "note"):
            raise HTTPException(status_code=422, detail="unknown action")
        note = str(form.get("note", "")) if action == "note" or form.get("note") else None
        try:
            changed = db.decide(case_id, sid, who, state=state, reason=reason if action != "note" else None,
                                note=note, every_occurrence=every, url=url)
        except db.ReviewError as exc:
            raise review_error(exc)
        return _after_change(request, case_id, changed, sid)

    @app.post("/cases/{case_id}/manual")
    async def manual(request: Request, case_id: str, who: str = Depends(user)):
        form = await request.form()
        doc_id = str(form.get("doc_id", ""))
        try:
            n = int(str(form.get("page", "")))
            reason = ReasonCode(str(form.get("reason") or "TP"))
        except ValueError:
            raise HTTPException(status_code=422, detail="bad page or reason")
        words, mat, w, h = _words(case_id, doc_id, n)
        inv = ~mat
        rects: list[tuple[float, float, float, float]] = []
        picked: list[int] = []
        if form.get("words"):
            try:
                picked = sorted({int(x) for x in str(form.get("words")).split(",") if x.strip()})
            except ValueError:
                raise HTTPException(status_code=422, detail="bad word list")
            if not picked or any(not 0 <= i < len(words) for i in picked):
                raise HTTPException(status_code=422, detail="bad word list")
        elif form.get("box"):
            try:
                fx0, fy0, fx1, fy1 = (float(x) for x in str(form.get("box")).split(","))
            except ValueError:
                raise HTTPException(status_code=422, detail="bad box")
            box = pymupdf.Rect(min(fx0, fx1) * w, min(fy0, fy1) * h, max(fx0, fx1) * w, max(fy0, fy1) * h) * inv
            box = box & pymupdf.Rect(-1e6, -1e6, 1e6, 1e6)
            if box.is_empty or box.width < 2 or box.height < 2:
                raise HTTPException(status_code=422, detail="the box is too small")
            rects.append((box.x0, box.y0, box.x1, box.y1))
            # Words under the box are removed whole, and their text is checked in the bundle.
            for i, wd in enumerate(words):
                r = pymupdf.Rect(wd[:4])
                c = pymupdf.Point((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2)
                if c in box:
                    picked.append(i)
        else:
            raise HTTPException(status_code=422, detail="select words or draw a box")
        rects += [tuple(words[i][:4]) for i in picked]
        text = " ".join(words[i][4] for i in picked)
        try:
            sid = db.add_manual(case_id, doc_id, n, rects, text, who, reason=reason,
                                note=str(form.get("note") or "") or None, url=url)
        except db.ReviewError as exc:
            raise review_error(exc)
        if _is_fetch(request):
            return {"id": sid, "pending": db.pending_count(case_id, url)}
        return RedirectResponse(f"/cases/{quote(case_id)}#{sid}", status_code=303)

    @app.post("/cases/{case_id}/approve")
    def approve(request: Request, case_id: str, who: str = Depends(user)):
        try:
            db.approve(case_id, who, url, via="web")
            st = db.case_status(case_id, url)
        except db.ReviewError as exc:
            raise review_error(exc)
        finalise(case_id, url, st["out"])
        return RedirectResponse(f"/cases/{quote(case_id)}", status_code=303)

    # ------------------------------------------------------------------ audit

    @app.get("/cases/{case_id}/audit", response_class=HTMLResponse)
    def audit_page(request: Request, case_id: str, who: str = Depends(user)):
        try:
            st = db.case_status(case_id, url)
        except db.ReviewError as exc:
            raise review_error(exc)
        return page(request, "audit.html", {"case": st, "rows": db.audit_rows(case_id, url), "fields": db.AUDIT_FIELDS})

    @app.get("/cases/{case_id}/audit.csv")
    def audit_csv(case_id: str, who: str = Depends(user)):
        try:
            db.case_status(case_id, url)
        except db.ReviewError as exc:
            raise review_error(exc)
        return PlainTextResponse(db.audit_csv(case_id, url), media_type="text/csv", headers={
            "Content-Disposition": f'attachment; filename="{case_id}-audit.csv"'})

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if _is_fetch(request) or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html", {"status": exc.status_code, "detail": exc.detail}, exc.status_code)

    return app
