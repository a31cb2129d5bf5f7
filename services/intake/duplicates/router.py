"""Merging a duplicate profile into the one that stays (account managers and admins)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from shared.auth.deps import StaffPrincipal
from shared.data_subjects import start_operation
from shared.data_subjects_api import OperationRead, operation_read
from shared.db.session import SessionDep
from shared.errors import NotFound, field_error
from shared.idempotency import IdempotencyDep
from shared.models import Freelancer

router = APIRouter(tags=["freelancers"])


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    into: int = Field(ge=1, strict=True, description="The profile that stays")


@router.post("/v1/freelancers/{freelancer_id}/merge", status_code=202, response_model=OperationRead)
def merge(
    freelancer_id: int,
    body: MergeRequest,
    session: SessionDep,
    principal: StaffPrincipal,
    idem: IdempotencyDep,
) -> object:
    """Fold this profile into `into` (skills, CVs, vouches, reviews, placements move), then
    delete it. Queued: referrals, matching and intake each move their own rows."""
    if body.into == freelancer_id:
        raise field_error("into", "must be another freelancer than the one merged")
    for wanted in sorted((freelancer_id, body.into)):
        if session.get(Freelancer, wanted, with_for_update=True) is None:
            raise NotFound(f"No freelancer {wanted}.")
    operation = start_operation(
        session,
        kind="merge",
        subject_type="freelancer",
        subject_id=freelancer_id,
        into_id=body.into,
        scrub_terms=[],
        principal=principal,
    )
    return idem.respond(operation_read(operation), status_code=202)
