"""Jinja2 templates (autoescaped: a name like <script> renders as text) with i18n helpers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from services.console.auth import PRE_SESSION_COOKIE, csrf_token
from services.console.i18n import Translator, pick_language
from services.console.settings import get_console_settings

TEMPLATES = Path(__file__).parent / "templates"
_environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.filters["tojson_attr"] = lambda value: json.dumps(value)


def translator(request: Request) -> Translator:
    return Translator(
        pick_language(request.cookies.get("lang"), request.headers.get("accept-language"))
    )


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    t = translator(request)
    html = _environment.get_template(template).render(
        request=request,
        t=t,
        lang=t.language,
        csrf=csrf_token(request),
        user=getattr(request.state, "user", None),
        path=request.url.path,
        **context,
    )
    response = HTMLResponse(html, status_code=status_code)
    fresh = getattr(request.state, "new_presession", None)
    if fresh:
        response.set_cookie(
            PRE_SESSION_COOKIE,
            fresh,
            httponly=True,
            samesite="lax",
            secure=get_console_settings().cookies_secure,
            max_age=3600,
        )
    return response
