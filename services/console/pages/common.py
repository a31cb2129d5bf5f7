"""What every page needs: the signed-in person, CSRF checks, redirects."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from services.console.api import ApiProblem, call
from services.console.auth import SignedIn, csrf_valid, session_token
from services.console.rendering import render, translator


class NotSignedIn(Exception):
    pass


async def signed_in(request: Request) -> SignedIn:
    """The person behind the session cookie (asks intake, so an expired session shows)."""
    token = session_token(request)
    if not token:
        raise ApiProblem(401, "Unauthorized", "", [])
    me = await call("intake", "GET", "/v1/users/me", token=token)
    user = SignedIn(
        token=token, user_id=me["id"], name=me["name"], email=me.get("email"), role=me["role"]
    )
    request.state.user = user
    return user


async def refuse_without_csrf(request: Request) -> Response | None:
    """A 403 page when a POST lacks this browser's CSRF token."""
    if await csrf_valid(request):
        return None
    t = translator(request)
    return render(
        request,
        "error.html",
        status_code=403,
        title="403",
        message=t(
            "The form was not accepted (security token missing or wrong). "
            "Reload the page and try again."
        ),
    )


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def wants_fragment(request: Request) -> bool:
    return request.headers.get("x-requested-with") == "fetch"


def problem_message(problem: ApiProblem) -> str:
    parts = [problem.detail or problem.title]
    for error in problem.errors:
        field, message = error.get("field"), error.get("message")
        if message and (field or message) not in parts[0]:
            parts.append(f"{field}: {message}" if field else str(message))
    return " ".join(parts)


def as_int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None
