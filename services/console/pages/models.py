"""Model versions with their holdout metrics; admins train and activate."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.console.api import ApiProblem, call
from services.console.pages.common import problem_message, refuse_without_csrf, see_other, signed_in
from services.console.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/models")
async def models_page(request: Request) -> Response:
    user = await signed_in(request)
    versions = await call("matching", "GET", "/v1/models", token=user.token)
    return render(
        request,
        "models.html",
        versions=versions["items"],
        message=request.query_params.get("message"),
    )


@router.post("/models/train")
async def train(request: Request) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    user = await signed_in(request)
    try:
        await call("matching", "POST", "/v1/models/train", token=user.token, json={})
    except ApiProblem as problem:
        return see_other(f"/models?message={problem_message(problem)}")
    return see_other("/models?message=ok")


@router.post("/models/{version_id}/activate")
async def activate(request: Request, version_id: int) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    user = await signed_in(request)
    try:
        await call("matching", "POST", f"/v1/models/{version_id}/activate", token=user.token)
    except ApiProblem as problem:
        return see_other(f"/models?message={problem_message(problem)}")
    return see_other("/models?message=ok")
