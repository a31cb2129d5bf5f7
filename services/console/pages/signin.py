"""Sign-in, sign-out and the language switch."""

from __future__ import annotations

import contextlib
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from services.console.api import ApiProblem, call
from services.console.auth import PRE_SESSION_COOKIE, session_token
from services.console.i18n import LANGUAGES
from services.console.pages.common import refuse_without_csrf, see_other
from services.console.rendering import render, translator
from services.console.settings import get_console_settings

router = APIRouter(include_in_schema=False)


@router.get("/")
async def home(request: Request) -> Response:
    return see_other("/requests" if session_token(request) else "/login")


@router.get("/login")
async def login_page(request: Request, expired: int = 0) -> Response:
    t = translator(request)
    message = t("Your session has ended. Please sign in again.") if expired else None
    return render(request, "login.html", message=message, email="")


@router.post("/login")
async def login(
    request: Request,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    t = translator(request)
    try:
        answer = await call(
            "intake",
            "POST",
            "/v1/sessions",
            token=None,
            json={"email": email, "password": password},
        )
    except ApiProblem as problem:
        if problem.status == 429:
            message = t(
                "Too many failed sign-ins. Try again in {seconds} seconds.",
                seconds=problem.retry_after or "60",
            )
            response = render(request, "login.html", status_code=429, message=message, email=email)
            response.headers["Retry-After"] = problem.retry_after or "60"
            return response
        return render(
            request,
            "login.html",
            status_code=401 if problem.status in (401, 422) else problem.status,
            message=t("E-mail or password is wrong."),
            email=email,
        )
    settings = get_console_settings()
    redirect = see_other("/requests")
    redirect.set_cookie(
        settings.cookie_name,
        answer["token"],
        httponly=True,
        samesite="lax",
        secure=settings.cookies_secure,
        max_age=8 * 3600,
    )
    redirect.delete_cookie(PRE_SESSION_COOKIE)
    return redirect


@router.post("/logout")
async def logout(request: Request) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    token = session_token(request)
    if token:
        # Already expired or revoked: signing out is done either way.
        with contextlib.suppress(ApiProblem):
            await call("intake", "DELETE", "/v1/sessions/current", token=token)
    response = see_other("/login")
    response.delete_cookie(get_console_settings().cookie_name)
    return response


@router.post("/language")
async def switch_language(
    request: Request, lang: Annotated[str, Form()] = "en", back: Annotated[str, Form()] = "/"
) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    target = back if back.startswith("/") and not back.startswith("//") else "/"
    response = see_other(target)
    if lang in LANGUAGES:
        response.set_cookie("lang", lang, samesite="lax", max_age=365 * 86400)
    return response
