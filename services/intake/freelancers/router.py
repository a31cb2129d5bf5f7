"""HTTP endpoints for freelancer profiles (account managers and admins)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from services.intake.common.codes import language_code
from services.intake.common.cursor import DEFAULT_LIMIT, MAX_LIMIT
from services.intake.duplicates.hook import with_duplicate_warnings
from services.intake.duplicates.schemas import FreelancerCreated
from services.intake.freelancers import csv_rows, curation, importer, service
from services.intake.freelancers.schemas import (
    ConfirmSkills,
    DismissSkills,
    FreelancerCreate,
    FreelancerDetail,
    FreelancerPage,
    FreelancerUpdate,
    ImportReport,
)
from services.intake.taxonomy import current_taxonomy
from shared.audit import remember_endpoint
from shared.auth.deps import StaffPrincipal
from shared.db.session import SessionDep
from shared.errors import field_error
from shared.idempotency import IdempotencyDep
from shared.models.enums import RemotePreference
from shared.uploads import MULTIPART_CSV, UploadedCsv

# Who read or changed a profile is recorded by the service; this names the endpoint too.
router = APIRouter(
    prefix="/v1/freelancers", tags=["freelancers"], dependencies=[Depends(remember_endpoint)]
)


@router.post("", response_model=FreelancerCreated, status_code=201)
def create_freelancer(
    body: FreelancerCreate,
    principal: StaffPrincipal,
    session: SessionDep,
    idem: IdempotencyDep,
) -> JSONResponse:
    """Add a profile; the email must be new (409 otherwise) and consent is required.

    Two names that mean one skill are merged (the higher level, the larger years, the later
    last-used year) and reported in `warnings`. Skills named in the headline and summary are
    stored as `extracted_skills` with their evidence.
    """
    created = service.create_freelancer(
        session, principal=principal, body=body, taxonomy=current_taxonomy(session)
    )
    return idem.respond(with_duplicate_warnings(session, created), status_code=201)


@router.post(
    "/import",
    response_model=ImportReport,
    status_code=200,
    openapi_extra=MULTIPART_CSV,
    description=(
        "Import profiles from a CSV file (multipart field `file`); answers with a per-row "
        "report. Rows are validated like POST /v1/freelancers; valid rows are stored even when "
        "others fail, no row is half-stored, and a row whose email exists with identical data is "
        "reported under skipped_existing.\n\n" + (csv_rows.__doc__ or "")
    ),
)
def import_freelancers(
    principal: StaffPrincipal,
    session: SessionDep,
    idem: IdempotencyDep,
    upload: UploadedCsv,
) -> JSONResponse:
    content = upload.file.read()
    report = importer.import_csv(
        session, principal=principal, content=content, taxonomy=current_taxonomy(session)
    )
    return idem.respond(report, status_code=200)


@router.get("", response_model=FreelancerPage)
def list_freelancers(
    principal: StaffPrincipal,
    session: SessionDep,
    skill: Annotated[str | None, Query(description="Any spelling; normalised")] = None,
    available_by: Annotated[date | None, Query(description="Available on or before")] = None,
    max_rate: Annotated[Decimal | None, Query(gt=0, description="EUR per day")] = None,
    remote: RemotePreference | None = None,
    language: Annotated[str | None, Query(description="ISO 639-1 code")] = None,
    location: Annotated[str | None, Query(description="City or ISO country code")] = None,
    ids: Annotated[
        list[int] | None,
        Query(alias="id", description="Only these profiles (repeat: id=1&id=2; at most 100)"),
    ] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> FreelancerPage:
    """Profiles matching every filter given, newest first, with cursor pagination."""
    if language is not None:
        try:
            language = language_code(language)
        except ValueError as exc:
            raise field_error("language", str(exc)) from None
    return service.list_freelancers(
        session,
        principal=principal,
        taxonomy=current_taxonomy(session),
        skill=skill.strip() if skill else None,
        available_by=available_by,
        max_rate=max_rate,
        remote=remote,
        language=language,
        location=location.strip() if location and location.strip() else None,
        ids=tuple(sorted(set(ids or ()))),
        cursor=cursor,
        limit=limit,
    )


@router.get("/{freelancer_id}", response_model=FreelancerDetail)
def get_freelancer(
    freelancer_id: int, principal: StaffPrincipal, session: SessionDep
) -> FreelancerDetail:
    return service.get_freelancer(
        session,
        principal=principal,
        freelancer_id=freelancer_id,
        taxonomy=current_taxonomy(session),
    )


@router.patch("/{freelancer_id}", response_model=FreelancerDetail)
def update_freelancer(
    freelancer_id: int,
    body: FreelancerUpdate,
    principal: StaffPrincipal,
    session: SessionDep,
) -> FreelancerDetail:
    """Change a profile; `skills` and `languages`, when sent, replace the old lists.

    A new headline, summary or skill list re-extracts the skills the text names.
    """
    return service.update_freelancer(
        session,
        principal=principal,
        freelancer_id=freelancer_id,
        body=body,
        taxonomy=current_taxonomy(session),
    )


@router.post("/{freelancer_id}/skills/confirm", response_model=FreelancerDetail)
def confirm_skills(
    freelancer_id: int,
    body: ConfirmSkills,
    principal: StaffPrincipal,
    session: SessionDep,
    idem: IdempotencyDep,
) -> JSONResponse:
    """Make extracted skills confirmed ones (level 3 unless given; years as extracted).

    A name that is not one of the profile's extracted skills is a 422 naming it.
    """
    updated = curation.confirm(
        session,
        principal=principal,
        freelancer_id=freelancer_id,
        skills=body.skills,
        taxonomy=current_taxonomy(session),
    )
    return idem.respond(updated, status_code=200)


@router.post("/{freelancer_id}/skills/dismiss", response_model=FreelancerDetail)
def dismiss_skills(
    freelancer_id: int,
    body: DismissSkills,
    principal: StaffPrincipal,
    session: SessionDep,
    idem: IdempotencyDep,
) -> JSONResponse:
    """Mark extracted skills as wrong: they stay listed as dismissed and stop counting."""
    updated = curation.dismiss(
        session,
        principal=principal,
        freelancer_id=freelancer_id,
        names=body.skills,
        taxonomy=current_taxonomy(session),
    )
    return idem.respond(updated, status_code=200)
