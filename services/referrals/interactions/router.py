"""/v1/interactions and /v1/contacts/{id}/interactions (account managers and admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.referrals.csv_upload import ImportReport
from services.referrals.interactions import importer, service
from services.referrals.interactions.schemas import (
    ContactInteractionPage,
    InteractionCreate,
    InteractionRead,
)
from shared.audit import audited
from shared.auth.deps import StaffPrincipal
from shared.db.session import SessionDep
from shared.idempotency import IdempotencyDep
from shared.uploads import MULTIPART_CSV, UploadedCsv

router = APIRouter(tags=["interactions"], dependencies=[audited("interaction")])


@router.post(
    "/v1/interactions",
    response_model=InteractionRead,
    status_code=201,
    responses={200: {"description": "This interaction was already stored; here it is."}},
)
def record_interaction(
    body: InteractionCreate, session: SessionDep, _: StaffPrincipal, idem: IdempotencyDep
) -> JSONResponse:
    interaction, created = service.record_interaction(session, data=body)
    return idem.respond(interaction, status_code=201 if created else 200)


@router.post(
    "/v1/interactions/import",
    response_model=ImportReport,
    status_code=201,
    responses={200: {"description": "Nothing new was created; the report says why."}},
    openapi_extra=MULTIPART_CSV,
)
def import_interactions(
    _: StaffPrincipal,
    session: SessionDep,
    idem: IdempotencyDep,
    file: UploadedCsv,
) -> JSONResponse:
    report = importer.import_interactions(session, upload=file)
    return idem.respond(report, status_code=201 if report.created else 200)


@router.get("/v1/contacts/{contact_id}/interactions", response_model=ContactInteractionPage)
def contact_interactions(
    contact_id: int,
    session: SessionDep,
    _: StaffPrincipal,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> ContactInteractionPage:
    return service.contact_interactions(session, contact_id=contact_id, limit=limit, cursor=cursor)
