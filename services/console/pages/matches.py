"""The request page: ranked matches, decisions without a reload, rank again, "why not …?"."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from services.console.api import ApiProblem, call
from services.console.auth import session_token
from services.console.pages.common import (
    as_int,
    problem_message,
    refuse_without_csrf,
    see_other,
    signed_in,
    wants_fragment,
)
from services.console.pages.explain import contribution_bars, label, summary
from services.console.rendering import render, translator
from services.console.trust_words import german_path

router = APIRouter(include_in_schema=False)

REJECT_REASONS = (
    "not a fit: skills",
    "not a fit: rate",
    "not available",
    "client preference",
    "other",
)
# What an account manager can record next, by the latest decision (the matching API's rules).
NEXT_DECISIONS = {
    None: ("shortlisted", "presented", "rejected"),
    "shortlisted": ("presented", "rejected"),
    "presented": ("interviewed", "placed", "rejected", "declined"),
    "interviewed": ("placed", "rejected", "declined"),
    "rejected": ("shortlisted",),
    "declined": ("shortlisted",),
    "placed": (),
}


def latest_decisions(reviews: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    latest: dict[int, dict[str, Any]] = {}
    for review in sorted(reviews, key=lambda r: (r["created_at"], r["id"])):
        latest[review["freelancer_id"]] = review
    return latest


PROFILES_PER_CALL = 100  # intake's limit for `id=` look-ups


async def profiles_by_id(token: str, freelancer_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The profiles of a page of candidates, in one call per hundred."""
    chunks = [
        freelancer_ids[i : i + PROFILES_PER_CALL]
        for i in range(0, len(freelancer_ids), PROFILES_PER_CALL)
    ]
    pages = await asyncio.gather(
        *(
            call(
                "intake",
                "GET",
                "/v1/freelancers",
                token=token,
                params={"id": chunk, "limit": PROFILES_PER_CALL},
            )
            for chunk in chunks
        )
    )
    return {item["id"]: item for page in pages for item in page["items"]}


async def _latest_run(token: str, request_id: int) -> dict[str, Any] | None:
    try:
        return await call("matching", "GET", f"/v1/requests/{request_id}/matches", token=token)
    except ApiProblem as problem:
        if problem.status == 404:
            return None
        raise


def _row(
    t: Any, result: dict[str, Any], profile: dict[str, Any] | None, top: float
) -> dict[str, Any]:
    score = float(result["score"])
    paths = (result.get("explanation") or {}).get("trust_paths") or []
    return {
        "result": result,
        "trust_paths": [german_path(p) for p in paths] if t.language == "de" else paths,
        "profile": profile or {},
        "summary": summary(t, result),
        "bars": contribution_bars(result),
        "width": max(2.0, min(100.0, 100.0 * score / top)) if top > 0 else 2.0,
    }


@router.get("/requests/{request_id}")
async def request_page(request: Request, request_id: int) -> Response:
    token = session_token(request) or ""
    t = translator(request)
    # Who is signed in is asked alongside the page's data: one round trip less.
    user, staffing, run, reviews = await asyncio.gather(
        signed_in(request),
        call("intake", "GET", f"/v1/requests/{request_id}", token=token),
        _latest_run(token, request_id),
        call("matching", "GET", f"/v1/requests/{request_id}/reviews", token=token),
    )
    results = run["results"] if run else []
    profiles = await profiles_by_id(user.token, [r["freelancer_id"] for r in results])
    top = max((float(r["score"]) for r in results), default=0.0)
    rows = [_row(t, r, profiles.get(r["freelancer_id"]), top) for r in results]
    return render(
        request,
        "request.html",
        staffing=staffing,
        run=run,
        rows=rows,
        decisions=latest_decisions(reviews["items"]),
        next_decisions=NEXT_DECISIONS,
        reject_reasons=REJECT_REASONS,
        label=lambda feature: label(t, feature),
        why_not=None,
        message=request.query_params.get("message"),
    )


@router.post("/requests/{request_id}/rank")
async def rank_again(request: Request, request_id: int) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    user = await signed_in(request)
    await call(
        "matching",
        "POST",
        f"/v1/requests/{request_id}/matches",
        token=user.token,
        json={"top_k": 50},
    )
    return see_other(f"/requests/{request_id}")


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


@router.post("/requests/{request_id}/decisions")
async def decide(
    request: Request,
    request_id: int,
    freelancer_id: Annotated[str, Form()] = "",
    decision: Annotated[str, Form()] = "",
    reason_code: Annotated[str, Form()] = "",
    reason_text: Annotated[str, Form()] = "",
    run_id: Annotated[str, Form()] = "",
    start_date: Annotated[str, Form()] = "",
    day_rate: Annotated[str, Form()] = "",
    place_start: Annotated[str, Form()] = "",
    place_rate: Annotated[str, Form()] = "",
) -> Response:
    refused = await refuse_without_csrf(request)
    if refused is not None:
        return refused
    user = await signed_in(request)
    t = translator(request)
    reason = " — ".join(part for part in (reason_code.strip(), reason_text.strip()) if part)
    body: dict[str, Any] = {
        "request_id": request_id,
        "freelancer_id": as_int(freelancer_id),
        "decision": decision,
        "reason": reason or None,
    }
    if as_int(run_id):
        body["match_run_id"] = as_int(run_id)
    try:
        if decision == "placed":
            # A placement (dates and rate) records the decision and credits the referrer.
            placement = await call(
                "matching",
                "POST",
                "/v1/placements",
                token=user.token,
                json={
                    "request_id": request_id,
                    "freelancer_id": as_int(freelancer_id),
                    "start_date": start_date or None,
                    "day_rate": _number(day_rate),
                },
            )
            review = {
                "freelancer_id": placement["freelancer_id"],
                "decision": "placed",
                "reason": None,
            }
        else:
            review = await call("matching", "POST", "/v1/reviews", token=user.token, json=body)
    except ApiProblem as problem:
        if wants_fragment(request):
            return render(
                request,
                "partials/decision.html",
                status_code=problem.status,
                request_id=request_id,
                freelancer_id=as_int(freelancer_id),
                decision=None,
                next_decisions=(),
                reject_reasons=REJECT_REASONS,
                error=problem_message(problem),
                run_id=run_id,
                place_start=place_start,
                place_rate=place_rate,
            )
        return see_other(f"/requests/{request_id}?message={problem_message(problem)}")
    if wants_fragment(request):
        return render(
            request,
            "partials/decision.html",
            request_id=request_id,
            freelancer_id=review["freelancer_id"],
            decision=review,
            next_decisions=NEXT_DECISIONS.get(review["decision"], ()),
            reject_reasons=REJECT_REASONS,
            error=None,
            run_id=run_id,
            place_start=place_start,
            place_rate=place_rate,
        )
    return see_other(f"/requests/{request_id}?message={t('Saved.')}")


@router.get("/requests/{request_id}/why-not")
async def why_not(request: Request, request_id: int, freelancer: str = "") -> Response:
    """Why a freelancer is not (or is) in the list, as a fragment (or a page without script)."""
    user = await signed_in(request)
    t = translator(request)
    freelancer_id = as_int(freelancer.lstrip("#"))
    answer: dict[str, Any] | None = None
    error = None
    if freelancer_id is None:
        error = t("Freelancer id or name")
    else:
        try:
            answer = await call(
                "matching",
                "GET",
                f"/v1/requests/{request_id}/matches/explain",
                token=user.token,
                params={"freelancer_id": freelancer_id},
            )
        except ApiProblem as problem:
            error = problem_message(problem)
    if answer is not None and answer.get("status") != "excluded":
        # The sentence in the reader's language, from the same numbers as the API's.
        answer = {**answer, "summary_text": summary(t, answer)}
    template = "partials/why_not.html" if wants_fragment(request) else "why_not_page.html"
    return render(
        request,
        template,
        request_id=request_id,
        answer=answer,
        error=error,
        freelancer_id=freelancer_id,
        label=lambda feature: label(t, feature),
    )
