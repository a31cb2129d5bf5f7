"""Placement endpoints (account managers and admins)."""

from __future__ import annotations

from fastapi import APIRouter

from services.matching.placements import service
from services.matching.placements.schemas import PlacementCreate, PlacementRead, PlacementUpdate
from shared.audit import audited
from shared.auth.deps import StaffPrincipal
from shared.db.session import SessionDep
from shared.idempotency import IdempotencyDep

router = APIRouter(
    prefix="/v1/placements", tags=["placements"], dependencies=[audited("placement")]
)


@router.post("", status_code=201, response_model=PlacementRead)
def create_placement(
    body: PlacementCreate, session: SessionDep, principal: StaffPrincipal, idem: IdempotencyDep
) -> object:
    """Record a placement of a presented or interviewed candidate (records `placed` too)."""
    placement = service.record_placement(session, body=body, actor_key_id=principal.key_id)
    return idem.respond(PlacementRead.model_validate(placement), status_code=201)


@router.get("/{placement_id}", response_model=PlacementRead)
def get_placement(
    placement_id: int, session: SessionDep, principal: StaffPrincipal
) -> PlacementRead:
    return PlacementRead.model_validate(service.get_placement(session, placement_id))


@router.patch("/{placement_id}", response_model=PlacementRead)
def update_placement(
    placement_id: int, body: PlacementUpdate, session: SessionDep, principal: StaffPrincipal
) -> PlacementRead:
    """Record the end date, outcome or client rating once known."""
    placement = service.update_placement(session, placement_id=placement_id, body=body)
    return PlacementRead.model_validate(placement)
