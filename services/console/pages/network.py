"""The network: contacts by trust, and the relationships going cold with a one-click log."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from services.console.api import ApiProblem, call
from services.console.pages.common import (
    as_int,
    problem_message,
    refuse_without_csrf,
    see_other,
    signed_in,
)
from services.console.pages.freelancers import CHANNELS, log_meeting_between
from services.console.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/network")
async def network_page(request: Request, q: str = "") -> Response:
    user = await signed_in(request)
    contacts, cooling = await asyncio.gather(
        call(
            "referrals",
            "GET",
            "/v1/contacts",
            token=user.token,
            params={"sort": "-network_trust", "limit": 100, "q": q.strip() or None},
        ),
        call("referrals", "GET", "/v1/reports/cooling", token=user.token, params={"limit": 50}),
    )
    return render(
        request,
        "network.html",
        contacts=contacts["items"],
        cooling=cooling["items"],
        q=q,
        channels=CHANNELS,
        today=date.today().isoformat(),
        message=request.query_params.get("message"),
    )


@router.post("/network/meetings")
async def log_cooling_meeting(
    request: Request,
    contact_a_id: Annotated[str, Form()] = "",
    contact_b_id: Annotated[str, Form()] = "",
    channel: Annotated[str, Form()] = "in_person",
    occurred_on: Annotated[str, Form()] = "",
) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    user = await signed_in(request)
    a, b = as_int(contact_a_id), as_int(contact_b_id)
    if a is None or b is None:
        return see_other("/network?message=contact")
    try:
        await log_meeting_between(
            user.token,
            contact_a_id=a,
            contact_b_id=b,
            channel=channel,
            occurred_on=occurred_on or date.today().isoformat(),
            context="logged from the cooling list",
        )
    except ApiProblem as problem:
        return see_other(f"/network?message={problem_message(problem)}")
    return see_other("/network?message=ok")
