"""The rules for freelancer profiles (account managers and admins only)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.intake.common.cursor import next_cursor
from services.intake.common.schemas import reject_nulls
from services.intake.common.terms import keep_unrecognised
from services.intake.freelancers import extraction, profile, repository
from services.intake.freelancers.repository import FreelancerFilter
from services.intake.freelancers.schemas import (
    NULLABLE_ON_UPDATE,
    FreelancerCreate,
    FreelancerDetail,
    FreelancerPage,
    FreelancerUpdate,
)
from services.intake.taxonomy import IntakeTaxonomy
from shared.audit import record_access
from shared.auth.deps import Principal
from shared.errors import Conflict, NotFound, field_error
from shared.models import Freelancer
from shared.models.enums import RemotePreference

ENTITY = "freelancer"
# The console reads a page of ranked candidates in one call (`id=` repeated).
MAX_IDS = 100


def _email_taken(email: str, existing_id: int) -> Conflict:
    return Conflict(
        f"A freelancer with the email {email!r} already exists (id {existing_id}).",
        existing_id=existing_id,
    )


def _flush_profile(session: Session, email: str) -> None:
    """Flush; a concurrent insert of the same email becomes a 409, not a 500."""
    try:
        session.flush()
    except IntegrityError as exc:
        if "ix_freelancers_email_lower" in str(exc.orig):
            raise Conflict(f"A freelancer with the email {email!r} already exists.") from None
        raise


def read(
    session: Session,
    *,
    freelancer: Freelancer,
    taxonomy: IntakeTaxonomy,
    warnings: list[dict[str, str]] | None = None,
) -> FreelancerDetail:
    extras = repository.extras_of(session, [freelancer.id])[freelancer.id]
    return profile.to_detail(freelancer, extras, taxonomy, warnings)


def create_freelancer(
    session: Session, *, principal: Principal, body: FreelancerCreate, taxonomy: IntakeTaxonomy
) -> FreelancerDetail:
    """Store a new profile with its skills, languages and the skills its text names."""
    existing_id = repository.id_by_email(session, body.email)
    if existing_id is not None:
        raise _email_taken(body.email, existing_id)
    resolved = profile.resolve_skills(taxonomy, body.skills)
    freelancer = Freelancer(**profile.column_values(body))
    session.add(freelancer)
    _flush_profile(session, body.email)
    rows = profile.child_rows(
        freelancer.id,
        skills=resolved.items,
        terms=resolved.terms,
        term_ids=keep_unrecognised(session, resolved.terms),
        languages=body.languages,
    )
    repository.add_children(
        session, skills=rows.skills, unrecognised=rows.unrecognised, languages=rows.languages
    )
    found = extraction.extract_profile(taxonomy, repository.texts_of(freelancer))
    extraction.store(session, {freelancer.id: found}, new_profiles=True)
    record_access(
        session, principal=principal, action="create", entity=ENTITY, entity_id=freelancer.id
    )
    return read(session, freelancer=freelancer, taxonomy=taxonomy, warnings=resolved.warnings)


def get_freelancer(
    session: Session, *, principal: Principal, freelancer_id: int, taxonomy: IntakeTaxonomy
) -> FreelancerDetail:
    freelancer = repository.get(session, freelancer_id)
    if freelancer is None:
        raise NotFound("No freelancer with this id.")
    record_access(
        session, principal=principal, action="read", entity=ENTITY, entity_id=freelancer_id
    )
    return read(session, freelancer=freelancer, taxonomy=taxonomy)


def update_freelancer(
    session: Session,
    *,
    principal: Principal,
    freelancer_id: int,
    body: FreelancerUpdate,
    taxonomy: IntakeTaxonomy,
) -> FreelancerDetail:
    """Change a profile; any change bumps updated_at (the matcher's freshness signal).

    A change of the text fields or of the confirmed skills re-extracts the skills the text
    names (a skill confirmed now is no longer stored as extracted, and one removed from the
    confirmed list comes back as extracted when the text names it).
    """
    reject_nulls(body, nullable=NULLABLE_ON_UPDATE)
    freelancer = repository.get(session, freelancer_id, for_update=True)
    if freelancer is None:
        raise NotFound("No freelancer with this id.")
    fields = body.model_fields_set
    if not fields:
        return read(session, freelancer=freelancer, taxonomy=taxonomy)
    if body.email is not None and body.email.lower() != freelancer.email.lower():
        existing_id = repository.id_by_email(session, body.email)
        if existing_id is not None:
            raise _email_taken(body.email, existing_id)
    resolved = profile.resolve_skills(taxonomy, body.skills) if body.skills is not None else None
    for name in fields & {"name", "email", "headline", "summary", "available_from", "day_rate"}:
        setattr(freelancer, name, getattr(body, name))
    if "location" in fields:
        freelancer.location_city = body.location.city if body.location else None
        freelancer.location_country = body.location.country if body.location else None
    if body.remote is not None:
        freelancer.remote = body.remote.value
    if body.engagement is not None:
        freelancer.engagement = profile.engagement_column(body.engagement)
    if body.source is not None:
        freelancer.source_type = body.source.type.value
        freelancer.source_detail = body.source.detail
    if body.consent is not None:
        freelancer.consent_given_at = body.consent.given_at
        freelancer.consent_method = body.consent.method
        withdrawn = freelancer.consent_withdrawn_at
        if withdrawn is not None and body.consent.given_at > withdrawn:
            freelancer.consent_withdrawn_at = None  # consent given again after the withdrawal
    # Bump even when only skills or languages change: the matching index reads it for freshness.
    freelancer.updated_at = func.now()
    _flush_profile(session, freelancer.email)
    if resolved is not None:
        repository.clear_skills(session, freelancer.id)
    if body.languages is not None:
        repository.clear_languages(session, freelancer.id)
    rows = profile.child_rows(
        freelancer.id,
        skills=resolved.items if resolved else None,
        terms=resolved.terms if resolved else None,
        term_ids=keep_unrecognised(session, resolved.terms if resolved else []),
        languages=body.languages,
    )
    repository.add_children(
        session, skills=rows.skills, unrecognised=rows.unrecognised, languages=rows.languages
    )
    if fields & {"headline", "summary", "skills"}:
        extraction.refresh(session, taxonomy, [(freelancer.id, repository.texts_of(freelancer))])
    record_access(
        session,
        principal=principal,
        action="update",
        entity=ENTITY,
        entity_id=freelancer.id,
        detail={"fields": sorted(fields)},
    )
    session.refresh(freelancer)
    return read(
        session,
        freelancer=freelancer,
        taxonomy=taxonomy,
        warnings=resolved.warnings if resolved else None,
    )


def list_freelancers(
    session: Session,
    *,
    principal: Principal,
    taxonomy: IntakeTaxonomy,
    skill: str | None,
    available_by: date | None,
    max_rate: Decimal | None,
    remote: RemotePreference | None,
    language: str | None,
    location: str | None,
    cursor: str | None,
    limit: int,
    ids: tuple[int, ...] = (),
) -> FreelancerPage:
    """A page of profiles matching every filter given, newest first."""
    skill_id: int | None = None
    unrecognised_key: str | None = None
    if skill:
        term = taxonomy.resolve(skill)
        if term.skill_id is not None:
            skill_id = term.skill_id
        else:
            unrecognised_key = term.key
    where = FreelancerFilter(
        skill_id=skill_id,
        unrecognised_key=unrecognised_key,
        available_by=available_by,
        max_rate=max_rate,
        remote=remote.value if remote else None,
        language=language,
        location=location,
        ids=ids,
    )
    if len(ids) > MAX_IDS:
        raise field_error("id", f"ask for at most {MAX_IDS} profiles at once")
    rows = repository.page(session, where=where, cursor=cursor, limit=limit)
    shown = rows[:limit]
    extras = repository.extras_of(session, [row.id for row in shown])
    items = [profile.to_read(row, extras[row.id], taxonomy) for row in shown]
    record_access(
        session,
        principal=principal,
        action="list",
        entity=ENTITY,
        detail={"ids": [row.id for row in shown]},
    )
    return FreelancerPage(items=items, next_cursor=next_cursor(rows, limit))
