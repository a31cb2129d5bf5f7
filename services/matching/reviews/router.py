"""Decisions (account managers) and the client's view of presented candidates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from services.matching.matches.service import get_request
from services.matching.reviews import service
from services.matching.reviews.schemas import (
    CandidateList,
    DecisionCountList,
    DecisionCounts,
    ReviewCreate,
    ReviewList,
    ReviewRead,
)
from shared.audit import audited
from shared.auth.deps import CurrentPrincipal, StaffPrincipal
from shared.db.session import SessionDep
from shared.idempotency import IdempotencyDep

router = APIRouter(tags=["reviews"], dependencies=[audited("review")])


@router.post("/v1/reviews", status_code=201, response_model=ReviewRead)
def create_review(
    body: ReviewCreate, session: SessionDep, principal: StaffPrincipal, idem: IdempotencyDep
) -> object:
    """Record a decision made by the authenticated account manager (see the state machine)."""
    review = service.record_review(session, body=body, reviewer_key_id=principal.key_id)
    return idem.respond(ReviewRead.model_validate(review), status_code=201)


@router.get("/v1/requests/{request_id}/reviews", response_model=ReviewList)
def list_reviews(request_id: int, session: SessionDep, principal: StaffPrincipal) -> ReviewList:
    """Every decision on the request, oldest first, with who made it and when."""
    items = service.list_reviews(session, request_id=request_id)
    return ReviewList(request_id=request_id, items=[ReviewRead.model_validate(r) for r in items])


@router.get("/v1/reviews/summary", response_model=DecisionCountList)
def summarise_reviews(
    session: SessionDep,
    principal: StaffPrincipal,
    request_id: Annotated[list[int], Query(min_length=1, max_length=100)],
) -> DecisionCountList:
    """Per request, how many freelancers stand at each decision (their latest one)."""
    counts = service.decision_counts(session, request_ids=list(dict.fromkeys(request_id)))
    return DecisionCountList(
        items=[DecisionCounts(request_id=key, decisions=value) for key, value in counts.items()]
    )


@router.get("/v1/requests/{request_id}/candidates", response_model=CandidateList)
def presented_candidates(
    request_id: int, session: SessionDep, principal: CurrentPrincipal
) -> CandidateList:
    """Candidates presented to the client: headline and matched skills, no scores or vouchers."""
    request = get_request(session, request_id)
    principal.ensure_can_see(request.organization_id, what="request")
    return CandidateList(
        request_id=request_id,
        candidates=service.presented_candidates(session, request_id=request_id),
    )
