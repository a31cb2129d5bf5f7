"""Data-subject rights on freelancer profiles: export, erasure, consent, retention.

Erasure is queued: this service records the operation and withdraws the profile from ranking at
once; referrals, matching and then intake each erase their own tables (shared/data_subjects.py).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, update

from services.intake.data_subjects.erasure import freelancer_terms
from services.intake.data_subjects.export import export_freelancer
from shared.audit import record_access
from shared.auth.deps import AdminPrincipal, StaffPrincipal
from shared.data_subjects import start_operation
from shared.data_subjects_api import OperationRead, operation_read
from shared.db.session import SessionDep
from shared.errors import NotFound
from shared.models import Freelancer

router = APIRouter(tags=["data subjects"])


class ConsentState(BaseModel):
    freelancer_id: int
    consent_given_at: datetime
    consent_withdrawn_at: datetime | None
    retention_until: date | None
    ranked: bool = Field(description="False once consent is withdrawn")


class RetentionConsent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    retention_until: date | None = Field(
        description="Keep the data until this day even after a rejection (null: the default 6 "
        "months after the decision)",
    )


def _freelancer(session: SessionDep, freelancer_id: int) -> Freelancer:
    freelancer = session.get(Freelancer, freelancer_id, with_for_update=True)
    if freelancer is None:
        raise NotFound(f"No freelancer {freelancer_id}.")
    return freelancer


def _state(freelancer: Freelancer) -> ConsentState:
    return ConsentState(
        freelancer_id=freelancer.id,
        consent_given_at=freelancer.consent_given_at,
        consent_withdrawn_at=freelancer.consent_withdrawn_at,
        retention_until=freelancer.retention_until,
        ranked=freelancer.consent_withdrawn_at is None,
    )


@router.get("/v1/data-subjects/freelancers/{freelancer_id}/export")
def export(freelancer_id: int, session: SessionDep, principal: AdminPrincipal) -> dict[str, Any]:
    """Art. 15: every row about the freelancer in every service's tables, as one document."""
    document = export_freelancer(session, freelancer_id=freelancer_id)
    record_access(
        session, principal=principal, action="export", entity="freelancer", entity_id=freelancer_id
    )
    return document


@router.delete(
    "/v1/data-subjects/freelancers/{freelancer_id}", status_code=202, response_model=OperationRead
)
def erase(freelancer_id: int, session: SessionDep, principal: AdminPrincipal) -> OperationRead:
    """Art. 17: queue the erasure in every service; the profile leaves rankings at once."""
    freelancer = _freelancer(session, freelancer_id)
    operation = start_operation(
        session,
        kind="erase",
        subject_type="freelancer",
        subject_id=freelancer_id,
        scrub_terms=freelancer_terms(session, freelancer_id=freelancer_id),
        principal=principal,
    )
    if freelancer.consent_withdrawn_at is None:
        freelancer.consent_withdrawn_at = datetime.now(UTC)
    session.flush()
    return operation_read(operation)


@router.post("/v1/freelancers/{freelancer_id}/consent/withdraw", response_model=ConsentState)
def withdraw_consent(
    freelancer_id: int, session: SessionDep, principal: StaffPrincipal
) -> ConsentState:
    """Art. 7(3): the profile stops being ranked; repeating it changes nothing."""
    freelancer = _freelancer(session, freelancer_id)
    if freelancer.consent_withdrawn_at is None:
        session.execute(
            update(Freelancer)
            .where(Freelancer.id == freelancer_id)
            .values(consent_withdrawn_at=func.now(), updated_at=func.now())
        )
        record_access(
            session,
            principal=principal,
            action="consent_withdrawn",
            entity="freelancer",
            entity_id=freelancer_id,
        )
        session.refresh(freelancer)
    return _state(freelancer)


@router.put("/v1/freelancers/{freelancer_id}/retention", response_model=ConsentState)
def set_retention(
    freelancer_id: int, body: RetentionConsent, session: SessionDep, principal: StaffPrincipal
) -> ConsentState:
    """Record the freelancer's consent to keep their data longer after a rejection."""
    freelancer = _freelancer(session, freelancer_id)
    freelancer.retention_until = body.retention_until
    session.flush()
    record_access(
        session,
        principal=principal,
        action="retention_consent",
        entity="freelancer",
        entity_id=freelancer_id,
        detail={"retention_until": str(body.retention_until)},
    )
    return _state(freelancer)
