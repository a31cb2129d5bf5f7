"""Data-subject rights of contacts: export and erasure (admins)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from services.referrals.data_subjects.erasure import contact_terms, has_linked_freelancer
from services.referrals.data_subjects.export import export_contact
from shared.audit import record_access
from shared.auth.deps import AdminPrincipal
from shared.data_subjects import start_operation
from shared.data_subjects_api import OperationRead, operation_read
from shared.db.session import SessionDep
from shared.errors import Conflict, NotFound
from shared.models import Contact

router = APIRouter(tags=["data subjects"])


@router.get("/v1/data-subjects/contacts/{contact_id}/export")
def export(contact_id: int, session: SessionDep, principal: AdminPrincipal) -> dict[str, Any]:
    """Art. 15: every row about the contact, as one document."""
    document = export_contact(session, contact_id=contact_id)
    record_access(
        session, principal=principal, action="export", entity="contact", entity_id=contact_id
    )
    return document


@router.delete(
    "/v1/data-subjects/contacts/{contact_id}", status_code=202, response_model=OperationRead
)
def erase(contact_id: int, session: SessionDep, principal: AdminPrincipal) -> OperationRead:
    """Art. 17: queue the erasure (matching scrubs names from explanations, then referrals
    removes the contact, their meetings, their vouches and their credit)."""
    if session.get(Contact, contact_id, with_for_update=True) is None:
        raise NotFound(f"No contact {contact_id}.")
    freelancer_id = has_linked_freelancer(session, contact_id=contact_id)
    if freelancer_id is not None:
        raise Conflict(
            f"Contact {contact_id} is freelancer {freelancer_id}; erase the person with "
            f"DELETE /v1/data-subjects/freelancers/{freelancer_id} (it removes both records).",
            freelancer_id=freelancer_id,
        )
    operation = start_operation(
        session,
        kind="erase",
        subject_type="contact",
        subject_id=contact_id,
        scrub_terms=contact_terms(session, contact_id=contact_id),
        principal=principal,
    )
    return operation_read(operation)
