"""Console sessions: the services' bearer token in an HttpOnly cookie, CSRF tokens from it.

The cookie holds the session token the intake service issued at sign-in (an API key bound to
the person, expiring after 8 hours), so every call the console makes is made as that person.
A form's CSRF token is a digest of that token: a page on another site cannot read the cookie,
so it cannot compute the token. Before sign-in, a random cookie plays the same part.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request

from services.console.settings import get_console_settings

PRE_SESSION_COOKIE = "vouch_presession"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class SignedIn:
    token: str
    user_id: int
    name: str
    email: str | None
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def session_token(request: Request) -> str | None:
    return request.cookies.get(get_console_settings().cookie_name) or None


def csrf_for(secret: str) -> str:
    return hashlib.sha256(b"vouch-csrf:" + secret.encode()).hexdigest()[:40]


def presession_secret(request: Request) -> str:
    existing = request.cookies.get(PRE_SESSION_COOKIE)
    if existing and len(existing) >= 32:
        return existing
    # Remembered on the request so the page sets the same value it embedded.
    fresh: str | None = getattr(request.state, "new_presession", None)
    if fresh is None:
        fresh = secrets.token_urlsafe(32)
        request.state.new_presession = fresh
    return fresh


def csrf_token(request: Request) -> str:
    token = session_token(request)
    return csrf_for(token) if token else csrf_for(presession_secret(request))


async def csrf_valid(request: Request) -> bool:
    """True when the form field or header carries this browser's token."""
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent:
        return False
    token = session_token(request)
    secret = token if token else request.cookies.get(PRE_SESSION_COOKIE)
    if not secret:
        return False
    return hmac.compare_digest(sent, csrf_for(secret))
