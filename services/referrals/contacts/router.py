"""/v1/contacts: the agency's network (account managers and admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.referrals.contacts import importer, service
from services.referrals.contacts.schemas import (
    ContactCreate,
    ContactPage,
    ContactRead,
    ContactSort,
    ContactUpdate,
)
from services.referrals.csv_upload import ImportReport
from shared.audit import audited
from shared.auth.deps import Principal, StaffPrincipal
from shared.db.session import SessionDep
from shared.errors import Forbidden
from shared.idempotency import IdempotencyDep
from shared.models.enums import Role
from shared.uploads import MULTIPART_CSV, UploadedCsv

router = APIRouter(prefix="/v1/contacts", tags=["contacts"], dependencies=[audited("contact")])


def _refuse_internal_unless_admin(principal: Principal, internal: bool | None) -> None:
    """Internal contacts are the roots of trust; only admins create them or flip the flag."""
    if internal and principal.role is not Role.admin:
        raise Forbidden(
            "Only an admin may mark a contact internal (a root of trust); "
            "leave `internal` out or ask an admin.",
            errors=[{"field": "internal", "message": "admin only"}],
        )


@router.post("", response_model=ContactRead, status_code=201)
def create_contact(
    body: ContactCreate, session: SessionDep, principal: StaffPrincipal, idem: IdempotencyDep
) -> JSONResponse:
    _refuse_internal_unless_admin(principal, body.internal)
    return idem.respond(service.create_contact(session, data=body), status_code=201)


@router.post(
    "/import",
    response_model=ImportReport,
    status_code=201,
    responses={200: {"description": "Nothing new was created; the report says why."}},
    openapi_extra=MULTIPART_CSV,
)
def import_contacts(
    principal: StaffPrincipal,
    session: SessionDep,
    idem: IdempotencyDep,
    file: UploadedCsv,
) -> JSONResponse:
    report = importer.import_contacts(
        session, upload=file, allow_internal=principal.role is Role.admin
    )
    return idem.respond(report, status_code=201 if report.created else 200)


@router.get("", response_model=ContactPage)
def list_contacts(
    session: SessionDep,
    _: StaffPrincipal,
    q: Annotated[
        str | None, Query(max_length=200, description="Part of the name, company or email.")
    ] = None,
    internal: bool | None = None,
    sort: ContactSort = "name",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> ContactPage:
    return service.list_contacts(
        session, q=q, internal=internal, sort=sort, limit=limit, cursor=cursor
    )


@router.get("/{contact_id}", response_model=ContactRead)
def get_contact(contact_id: int, session: SessionDep, _: StaffPrincipal) -> ContactRead:
    return service.get_contact(session, contact_id=contact_id)


@router.patch("/{contact_id}", response_model=ContactRead)
def update_contact(
    contact_id: int, body: ContactUpdate, session: SessionDep, principal: StaffPrincipal
) -> ContactRead:
    _refuse_internal_unless_admin(principal, body.internal)
    return service.update_contact(session, contact_id=contact_id, data=body)
