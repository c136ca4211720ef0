"""Sign-in sessions and CSRF tokens for the reviewer UI.

A session is a signed cookie (itsdangerous) holding the user name, a per-session CSRF
token and the sign-in time. It expires after ``idle`` seconds without a request (the
cookie is re-signed on every request) and ``absolute`` seconds after sign-in whatever
happens. Every state-changing request must carry the session's CSRF token, as the
``csrf_token`` form field or the ``X-CSRF-Token`` header.
"""
from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

SESSION_COOKIE = "sarpack_session"
LOGIN_COOKIE = "sarpack_login"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass
class SessionData:
    user: str
    csrf: str
    signed_in: float


class Sessions:
    def __init__(self, secret: str, idle: int = 30 * 60, absolute: int = 12 * 3600, secure: bool = False):
        self.idle, self.absolute, self.secure = idle, absolute, secure
        self._s = URLSafeTimedSerializer(secret, salt="sarpack-session")
        self._login = URLSafeTimedSerializer(secret, salt="sarpack-login")

    # sessions
    def new(self, user: str) -> SessionData:
        return SessionData(user, secrets.token_urlsafe(32), time.time())

    def dump(self, sd: SessionData) -> str:
        return self._s.dumps({"u": sd.user, "c": sd.csrf, "t": sd.signed_in})

    def load(self, cookie: str | None) -> SessionData | None:
        if not cookie:
            return None
        try:
            raw = self._s.loads(cookie, max_age=self.idle)
        except (BadSignature, SignatureExpired):
            return None
        if not isinstance(raw, dict) or time.time() - float(raw.get("t", 0)) > self.absolute:
            return None
        return SessionData(str(raw["u"]), str(raw["c"]), float(raw["t"]))

    def set_cookie(self, response, sd: SessionData) -> None:
        response.set_cookie(SESSION_COOKIE, self.dump(sd), max_age=self.idle, httponly=True,
                            samesite="strict", secure=self.secure, path="/")

    def clear(self, response) -> None:
        response.delete_cookie(SESSION_COOKIE, path="/")

    # the sign-in form's own CSRF token (before there is a session)
    def login_token(self) -> tuple[str, str]:
        token = secrets.token_urlsafe(32)
        return token, self._login.dumps(token)

    def check_login_token(self, cookie: str | None, form_token: str | None) -> bool:
        if not cookie or not form_token:
            return False
        try:
            token = self._login.loads(cookie, max_age=3600)
        except (BadSignature, SignatureExpired):
            return False
        return hmac.compare_digest(str(token), str(form_token))


def tokens_match(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))
