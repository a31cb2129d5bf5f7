"""Ranking endpoints (account managers and admins only: clients never see scores)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query

from services.matching.matches import service
from services.matching.matches.schemas import MatchRunCreate, MatchRunRead, WhyNotRead
from services.matching.matches.why_not import explain_freelancer
from shared.audit import PendingAudit, audited, audited_in_statement
from shared.auth.deps import StaffPrincipal
from shared.db.session import SessionDep
from shared.idempotency import IdempotencyDep

router = APIRouter(tags=["matches"])
_AUDITED = [audited("match_run")]


@router.post("/v1/requests/{request_id}/matches", status_code=201, response_model=MatchRunRead)
def create_matches(
    request_id: int,
    session: SessionDep,
    principal: StaffPrincipal,
    audit: Annotated[PendingAudit, audited_in_statement("match_run")],
    idem: IdempotencyDep,
    body: Annotated[MatchRunCreate | None, Body()] = None,
    top_k: Annotated[
        int | None, Query(ge=1, le=200, description="Also accepted as a query parameter")
    ] = None,
) -> object:
    """Rank the request's candidates now (top_k default 20, max 200) and store the run."""
    stored = service.rank_and_store(
        session,
        request_id=request_id,
        top_k=body.top_k if body and body.top_k is not None else top_k,
        trigger="api",
        created_by_key_id=principal.key_id,
        audit=audit,
    )
    # Sent as serialised once (the results as stored); the response model documents it.
    return idem.respond_json(service.run_json(stored), status_code=201)


@router.get("/v1/requests/{request_id}/matches", response_model=MatchRunRead, dependencies=_AUDITED)
def latest_matches(request_id: int, session: SessionDep, principal: StaffPrincipal) -> MatchRunRead:
    """The request's most recent match run."""
    return service.latest_run(session, request_id)


@router.get(
    "/v1/requests/{request_id}/matches/explain", response_model=WhyNotRead, dependencies=_AUDITED
)
def explain_match(
    request_id: int,
    session: SessionDep,
    principal: StaffPrincipal,
    freelancer_id: Annotated[int, Query(ge=1, description="The freelancer to explain")],
    top_k: Annotated[int | None, Query(ge=1, le=200, description="Default 20")] = None,
) -> WhyNotRead:
    """Why (not) this freelancer: the hard filters that exclude them with the values compared,
    or their rank, score and contributions as if the request were ranked now."""
    return explain_freelancer(
        session, request_id=request_id, freelancer_id=freelancer_id, top_k=top_k
    )


@router.get("/v1/match-runs/{run_id}", response_model=MatchRunRead, dependencies=_AUDITED)
def get_match_run(run_id: int, session: SessionDep, principal: StaffPrincipal) -> MatchRunRead:
    return service.get_run(session, run_id)
