"""Admin: invite, deactivate and reset people; organisations and their client keys."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from services.console.api import ApiProblem, call
from services.console.pages.common import problem_message, refuse_without_csrf, signed_in
from services.console.rendering import render

router = APIRouter(include_in_schema=False)


async def _page(request: Request, *, status_code: int = 200, **extra: Any) -> Response:
    user = await signed_in(request)
    organizations = await call("intake", "GET", "/v1/organizations", token=user.token)
    users: dict[str, Any] = {"items": []}
    if user.is_admin:
        users = await call("intake", "GET", "/v1/users", token=user.token)
    context: dict[str, Any] = {"secret": None, "message": None}
    context.update(extra)
    return render(
        request,
        "admin.html",
        status_code=status_code,
        users=users["items"],
        organizations=organizations["items"],
        **context,
    )


@router.get("/admin")
async def admin_page(request: Request) -> Response:
    return await _page(request)


async def _act(
    request: Request, method: str, path: str, body: Any, secret_field: str | None
) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    user = await signed_in(request)
    try:
        answer = await call("intake", method, path, token=user.token, json=body)
    except ApiProblem as problem:
        return await _page(request, status_code=problem.status, message=problem_message(problem))
    secret = answer.get(secret_field) if secret_field and isinstance(answer, dict) else None
    return await _page(request, secret=secret)


@router.post("/admin/users")
async def invite(
    request: Request,
    email: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "account_manager",
) -> Response:
    return await _act(
        request, "POST", "/v1/users", {"email": email, "name": name, "role": role}, "password"
    )


@router.post("/admin/users/{user_id}/{action}")
async def user_action(request: Request, user_id: int, action: str) -> Response:
    if action not in ("deactivate", "reactivate", "reset-password"):
        return await _page(request, status_code=404, message=action)
    return await _act(
        request,
        "POST",
        f"/v1/users/{user_id}/{action}",
        None,
        "password" if action == "reset-password" else None,
    )


@router.post("/admin/organizations")
async def create_organization(request: Request, name: Annotated[str, Form()] = "") -> Response:
    return await _act(request, "POST", "/v1/organizations", {"name": name}, "api_key")


@router.post("/admin/organizations/{organization_id}/keys")
async def new_client_key(request: Request, organization_id: int) -> Response:
    return await _act(request, "POST", f"/v1/organizations/{organization_id}/keys", None, "api_key")
