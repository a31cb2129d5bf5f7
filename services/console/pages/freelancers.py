"""The freelancer page: profile, CV, skills with evidence, vouches, meetings, trust; upload, log."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from services.console.api import ApiProblem, call
from services.console.pages.common import (
    as_int,
    problem_message,
    refuse_without_csrf,
    see_other,
    signed_in,
)
from services.console.pages.explain import label
from services.console.rendering import render, translator
from services.console.trust_words import german_path

router = APIRouter(include_in_schema=False)
CHANNELS = ("in_person", "worked_together", "video", "phone", "online")


async def _optional(service: str, path: str, token: str, **params: Any) -> Any:
    try:
        return await call(service, "GET", path, token=token, params=params or None)
    except ApiProblem:
        return None


async def contact_of_freelancer(token: str, freelancer: dict[str, Any]) -> dict[str, Any] | None:
    """The network contact that stands for this freelancer, if one exists."""
    page = await _optional("referrals", "/v1/contacts", token, q=freelancer["email"], limit=50)
    for contact in (page or {}).get("items", []):
        if contact.get("freelancer_id") == freelancer["id"]:
            return contact
    return None


async def my_contacts(token: str, email: str | None) -> list[dict[str, Any]]:
    """The agency's own people, the signed-in person first."""
    page = await _optional("referrals", "/v1/contacts", token, internal="true", limit=200)
    items = list((page or {}).get("items", []))
    items.sort(key=lambda c: (c.get("email") != email, c["name"]))
    return items


@router.get("/freelancers/{freelancer_id}")
async def freelancer_page(request: Request, freelancer_id: int) -> Response:
    user = await signed_in(request)
    profile = await call("intake", "GET", f"/v1/freelancers/{freelancer_id}", token=user.token)
    vouches, trust, contact, internal = await asyncio.gather(
        _optional("referrals", f"/v1/freelancers/{freelancer_id}/vouches", user.token),
        _optional("referrals", f"/v1/freelancers/{freelancer_id}/trust", user.token),
        contact_of_freelancer(user.token, profile),
        my_contacts(user.token, user.email),
    )
    meetings = None
    if contact is not None:
        meetings = await _optional(
            "referrals", f"/v1/contacts/{contact['id']}/interactions", user.token, limit=100
        )
    history = await _optional("matching", f"/v1/freelancers/{freelancer_id}/reviews", user.token)
    return render(
        request,
        "freelancer.html",
        profile=profile,
        vouches=(vouches or {}).get("items", vouches if isinstance(vouches, list) else []),
        trust=trust,
        contact=contact,
        meetings=(meetings or {}).get("items", []),
        internal_contacts=internal,
        history=(history or {}).get("items", []),
        channels=CHANNELS,
        today=date.today().isoformat(),
        message=request.query_params.get("message"),
        label=lambda feature: label(translator(request), feature),
        words=german_path if translator(request).language == "de" else str,
    )


@router.post("/freelancers/{freelancer_id}/cv")
async def upload_cv(
    request: Request, freelancer_id: int, file: Annotated[UploadFile, File()]
) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    user = await signed_in(request)
    content = await file.read()
    try:
        await call(
            "intake",
            "POST",
            f"/v1/freelancers/{freelancer_id}/cv",
            token=user.token,
            files={
                "file": (
                    file.filename or "cv",
                    content,
                    file.content_type or "application/octet-stream",
                )
            },
        )
    except ApiProblem as problem:
        return see_other(f"/freelancers/{freelancer_id}?message={problem_message(problem)}")
    return see_other(f"/freelancers/{freelancer_id}?message=CV")


async def log_meeting_between(
    token: str,
    *,
    contact_a_id: int,
    contact_b_id: int,
    channel: str,
    occurred_on: str,
    context: str,
) -> None:
    await call(
        "referrals",
        "POST",
        "/v1/interactions",
        token=token,
        json={
            "contact_a_id": contact_a_id,
            "contact_b_id": contact_b_id,
            "channel": channel,
            "occurred_on": occurred_on,
            "context": context or None,
        },
    )


@router.post("/freelancers/{freelancer_id}/meetings")
async def log_meeting(
    request: Request,
    freelancer_id: int,
    with_contact_id: Annotated[str, Form()] = "",
    channel: Annotated[str, Form()] = "in_person",
    occurred_on: Annotated[str, Form()] = "",
    context: Annotated[str, Form()] = "",
) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    user = await signed_in(request)
    profile = await call("intake", "GET", f"/v1/freelancers/{freelancer_id}", token=user.token)
    try:
        contact = await contact_of_freelancer(user.token, profile)
        if contact is None:
            contact = await call(
                "referrals",
                "POST",
                "/v1/contacts",
                token=user.token,
                json={
                    "name": profile["name"],
                    "email": profile["email"],
                    "freelancer_id": freelancer_id,
                },
            )
        other = as_int(with_contact_id)
        if other is None:
            return see_other(f"/freelancers/{freelancer_id}?message=contact")
        await log_meeting_between(
            user.token,
            contact_a_id=other,
            contact_b_id=contact["id"],
            channel=channel,
            occurred_on=occurred_on or date.today().isoformat(),
            context=context,
        )
    except ApiProblem as problem:
        return see_other(f"/freelancers/{freelancer_id}?message={problem_message(problem)}")
    return see_other(f"/freelancers/{freelancer_id}#meetings")
