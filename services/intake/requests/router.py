"""HTTP endpoints for staffing requests: thin, the rules live in service.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.intake.common.cursor import DEFAULT_LIMIT, MAX_LIMIT
from services.intake.common.params import parse_instant
from services.intake.requests import service
from services.intake.requests.schemas import RequestCreate, RequestPage, RequestRead, RequestUpdate
from services.intake.taxonomy import current_taxonomy
from shared.auth.deps import CurrentPrincipal
from shared.db.session import SessionDep
from shared.idempotency import IdempotencyDep
from shared.models.enums import RequestStatus

router = APIRouter(prefix="/v1/requests", tags=["requests"])


@router.post("", response_model=RequestRead, status_code=201)
def create_request(
    body: RequestCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    idem: IdempotencyDep,
) -> JSONResponse:
    """Submit a staffing request (clients for their own organisation; staff name one)."""
    created = service.create_request(session, principal=principal, body=body)
    return idem.respond(created, status_code=201)


@router.get("", response_model=RequestPage)
def list_requests(
    session: SessionDep,
    principal: CurrentPrincipal,
    status: RequestStatus | None = None,
    skill: Annotated[str | None, Query(description="Any spelling; normalised")] = None,
    organization_id: Annotated[int | None, Query(description="Staff only")] = None,
    created_from: Annotated[str | None, Query(description="ISO date or date-time")] = None,
    created_to: Annotated[
        str | None, Query(description="ISO date (whole day) or date-time")
    ] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> RequestPage:
    """Requests the caller may see, newest first, with cursor pagination."""
    return service.list_requests(
        session,
        principal=principal,
        taxonomy=current_taxonomy(session),
        status=status,
        skill=skill.strip() if skill and skill.strip() else None,
        organization_id=organization_id,
        created_from=parse_instant(created_from, field="created_from"),
        created_to=parse_instant(created_to, field="created_to", end_of_day=True),
        cursor=cursor,
        limit=limit,
    )


@router.get("/{request_id}", response_model=RequestRead)
def get_request(request_id: int, session: SessionDep, principal: CurrentPrincipal) -> RequestRead:
    return service.get_request(
        session, principal=principal, request_id=request_id, taxonomy=current_taxonomy(session)
    )


@router.patch("/{request_id}", response_model=RequestRead)
def update_request(
    request_id: int,
    body: RequestUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> RequestRead:
    """Change an open request; `skills` and `languages`, when sent, replace the old lists."""
    return service.update_request(
        session,
        principal=principal,
        request_id=request_id,
        body=body,
        taxonomy=current_taxonomy(session),
    )


@router.post("/{request_id}/cancel", response_model=RequestRead)
def cancel_request(
    request_id: int,
    session: SessionDep,
    principal: CurrentPrincipal,
    idem: IdempotencyDep,
) -> JSONResponse:
    """Cancel an open request; a retry with the same Idempotency-Key replays the answer."""
    cancelled = service.cancel_request(
        session, principal=principal, request_id=request_id, taxonomy=current_taxonomy(session)
    )
    return idem.respond(cancelled, status_code=200)
