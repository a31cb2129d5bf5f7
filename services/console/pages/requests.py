"""Requests: the open list with filters, creating one from a pasted paragraph."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import JSONResponse, Response

from services.console.api import ApiProblem, call
from services.console.pages.common import (
    as_int,
    problem_message,
    refuse_without_csrf,
    see_other,
    signed_in,
)
from services.console.rendering import render

router = APIRouter(include_in_schema=False)


def parse_skill_lines(text: str) -> list[dict[str, Any]]:
    """ "!Kubernetes 4" → a must-have at level 4; "Kafka" → a nice-to-have at level 3."""
    skills = []
    for line in text.replace(",", "\n").splitlines():
        name = line.strip()
        if not name:
            continue
        must = name.startswith("!")
        name = name.lstrip("!").strip()
        level = 3
        head, _, tail = name.rpartition(" ")
        if head and tail.isdigit() and 1 <= int(tail) <= 5:
            name, level = head.strip(), int(tail)
        skills.append({"name": name, "must_have": must, "min_level": level})
    return skills


async def _organizations(token: str) -> dict[int, str]:
    page = await call("intake", "GET", "/v1/organizations", token=token)
    return {item["id"]: item["name"] for item in page["items"]}


async def _counts(token: str, request_ids: list[int]) -> list[dict[str, int]]:
    """Decision counts for every listed request, in one call to matching."""
    if not request_ids:
        return []
    try:
        summary = await call(
            "matching",
            "GET",
            "/v1/reviews/summary",
            token=token,
            params={"request_id": request_ids},
        )
    except ApiProblem:
        return [{} for _ in request_ids]
    by_request = {item["request_id"]: item["decisions"] for item in summary["items"]}
    return [by_request.get(request_id, {}) for request_id in request_ids]


@router.get("/requests")
async def list_requests(
    request: Request,
    status: Annotated[str, Query()] = "open",
    client: Annotated[str, Query()] = "",
    skill: Annotated[str, Query()] = "",
) -> Response:
    user = await signed_in(request)
    organizations, page = await asyncio.gather(
        _organizations(user.token),
        call(
            "intake",
            "GET",
            "/v1/requests",
            token=user.token,
            params={"status": status or None, "skill": skill.strip() or None, "limit": 100},
        ),
    )
    items = page["items"]
    client_id = as_int(client)
    if client_id is not None:
        items = [item for item in items if item["organization_id"] == client_id]
    counts = await _counts(user.token, [item["id"] for item in items])
    return render(
        request,
        "requests.html",
        items=list(zip(items, counts, strict=True)),
        organizations=organizations,
        filters={"status": status, "client": client_id, "skill": skill},
        form={},
        default_start=(date.today() + timedelta(days=30)).isoformat(),
        message=None,
    )


@router.post("/requests/parse")
async def parse_paragraph(request: Request) -> Response:
    """Skills suggested from a pasted paragraph (JSON for the page's script)."""
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return JSONResponse({"error": "csrf"}, status_code=403)
    user = await signed_in(request)
    body = await request.json()
    try:
        answer = await call(
            "intake",
            "POST",
            "/v1/requests/parse",
            token=user.token,
            json={
                "title": str(body.get("title", "")),
                "description": str(body.get("description", "")),
            },
        )
    except ApiProblem as problem:
        return JSONResponse({"error": problem_message(problem), "skills": []}, status_code=200)
    return JSONResponse(answer)


@router.post("/requests")
async def create_request(
    request: Request,
    organization_id: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    description: Annotated[str, Form()] = "",
    skills: Annotated[str, Form()] = "",
    start_date: Annotated[str, Form()] = "",
    duration_months: Annotated[str, Form()] = "6",
    max_day_rate: Annotated[str, Form()] = "",
    remote: Annotated[str, Form()] = "hybrid",
    city: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    user = await signed_in(request)
    body: dict[str, Any] = {
        "organization_id": as_int(organization_id),
        "title": title,
        "description": description,
        "skills": parse_skill_lines(skills),
        "start_date": start_date or None,
        "duration_months": as_int(duration_months),
        "max_day_rate": max_day_rate.replace(",", ".") or None,
        "remote": remote,
    }
    if city.strip() or country.strip():
        body["location"] = {
            "city": city.strip() or None,
            "country": country.strip().upper() or None,
        }
    try:
        created = await call("intake", "POST", "/v1/requests", token=user.token, json=body)
    except ApiProblem as problem:
        organizations = await _organizations(user.token)
        return render(
            request,
            "requests.html",
            status_code=problem.status,
            items=[],
            organizations=organizations,
            filters={"status": "open", "client": None, "skill": ""},
            form={
                "organization_id": as_int(organization_id),
                "title": title,
                "description": description,
                "skills": skills,
                "start_date": start_date,
                "duration_months": duration_months,
                "max_day_rate": max_day_rate,
                "remote": remote,
                "city": city,
                "country": country,
            },
            default_start=start_date,
            message=problem_message(problem),
        )
    return see_other(f"/requests/{created['id']}")
