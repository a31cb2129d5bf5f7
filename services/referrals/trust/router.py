"""/v1/freelancers/{id}/trust (account managers and admins)."""

from __future__ import annotations

from fastapi import APIRouter

from services.referrals.trust import service
from services.referrals.trust.schemas import FreelancerTrustRead
from shared.audit import audited
from shared.auth.deps import StaffPrincipal
from shared.db.session import SessionDep

router = APIRouter(tags=["trust"], dependencies=[audited("trust")])


@router.get("/v1/freelancers/{freelancer_id}/trust", response_model=FreelancerTrustRead)
def freelancer_trust(
    freelancer_id: int, session: SessionDep, _: StaffPrincipal
) -> FreelancerTrustRead:
    return service.freelancer_trust_read(session, freelancer_id)
