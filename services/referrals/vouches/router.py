"""/v1/vouches and /v1/freelancers/{id}/vouches (account managers and admins)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from services.referrals.vouches import service
from services.referrals.vouches.schemas import VouchCreate, VouchList, VouchRead
from shared.audit import audited
from shared.auth.deps import StaffPrincipal
from shared.db.session import SessionDep
from shared.idempotency import IdempotencyDep
from shared.models.enums import VouchStatus

router = APIRouter(tags=["vouches"], dependencies=[audited("vouch")])


@router.post("/v1/vouches", response_model=VouchRead, status_code=201)
def create_vouch(
    body: VouchCreate, session: SessionDep, principal: StaffPrincipal, idem: IdempotencyDep
) -> JSONResponse:
    vouch = service.create_vouch(session, data=body, created_by_key_id=principal.key_id)
    return idem.respond(vouch.model_dump(by_alias=True), status_code=201)


@router.get("/v1/vouches/{vouch_id}", response_model=VouchRead)
def get_vouch(vouch_id: int, session: SessionDep, _: StaffPrincipal) -> VouchRead:
    return service.get_vouch(session, vouch_id=vouch_id)


@router.delete("/v1/vouches/{vouch_id}", response_model=VouchRead)
def withdraw_vouch(vouch_id: int, session: SessionDep, _: StaffPrincipal) -> VouchRead:
    return service.withdraw_vouch(session, vouch_id=vouch_id)


@router.get("/v1/freelancers/{freelancer_id}/vouches", response_model=VouchList)
def freelancer_vouches(
    freelancer_id: int,
    session: SessionDep,
    _: StaffPrincipal,
    status: VouchStatus | None = None,
) -> VouchList:
    return service.freelancer_vouches(session, freelancer_id=freelancer_id, status=status)
