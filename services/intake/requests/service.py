"""The rules for staffing requests: who may create, see and change which request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import func
from sqlalchemy.orm import Session

from services.intake.common.cursor import next_cursor
from services.intake.common.schemas import FieldWarning, location_of, reject_nulls
from services.intake.common.terms import Resolved, keep_unrecognised, resolve_unique
from services.intake.requests import repository
from services.intake.requests.repository import RequestFilter, SkillRow, UnrecognisedRow
from services.intake.requests.schemas import (
    MIN_DESCRIPTION_WITHOUT_SKILLS,
    NULLABLE_ON_UPDATE,
    CanonicalSkillOut,
    RequestCreate,
    RequestPage,
    RequestRead,
    RequestSkillIn,
    RequestUpdate,
    UnrecognisedSkillOut,
)
from services.intake.taxonomy import (
    IntakeTaxonomy,
    Term,
    cached_taxonomy,
    current_taxonomy,
    fingerprint_of,
)
from shared.auth.deps import Principal
from shared.errors import Conflict, NotFound, ValidationProblem, field_error
from shared.models import StaffingRequest
from shared.models.enums import RequestStatus
from shared.queue.jobs import enqueue

RANK_JOB = "rank_request"


def _owner_organization(session: Session, *, principal: Principal, requested: int | None) -> int:
    """The organisation a new request belongs to."""
    if principal.is_client:
        assert principal.organization_id is not None
        if requested is not None and requested != principal.organization_id:
            # The same answer for every other id, so a client learns nothing about other orgs.
            raise field_error(
                "organization_id", "a client key can only create requests for its own organisation"
            )
        return principal.organization_id
    if requested is None:
        raise field_error("organization_id", "required when an account manager or admin creates")
    if not repository.organization_exists(session, requested):
        raise field_error("organization_id", f"no organisation with id {requested}")
    return requested


_Shown = TypeVar("_Shown", CanonicalSkillOut, UnrecognisedSkillOut)


def _in_order(skills: list[_Shown]) -> list[_Shown]:
    """Must-haves first, then by name: the same order on create, read and list."""
    return sorted(skills, key=lambda skill: (not skill.must_have, skill.name.lower()))


def _read(
    request: StaffingRequest,
    *,
    skills: list[CanonicalSkillOut],
    unrecognised: list[UnrecognisedSkillOut],
    warnings: list[dict[str, str]] | None = None,
) -> RequestRead:
    return RequestRead(
        id=request.id,
        organization_id=request.organization_id,
        status=RequestStatus(request.status),
        title=request.title,
        description=request.description,
        skills=_in_order(skills),
        unrecognised_skills=_in_order(unrecognised),
        start_date=request.start_date,
        duration_months=request.duration_months,
        max_day_rate=float(request.max_day_rate),
        location=location_of(request.location_city, request.location_country),
        remote=request.remote,
        languages=list(request.languages),
        engagement=request.engagement,
        headcount=request.headcount,
        created_at=request.created_at,
        updated_at=request.updated_at,
        warnings=[FieldWarning(**warning) for warning in warnings or []],
    )


def _stored_read(
    request: StaffingRequest,
    skill_rows: Sequence[SkillRow],
    unrecognised_rows: Sequence[UnrecognisedRow],
    taxonomy: IntakeTaxonomy,
) -> RequestRead:
    skills = [
        CanonicalSkillOut(
            name=row.name,
            slug=row.slug,
            input=row.raw_name,
            version=row.version,
            must_have=row.must_have,
            min_level=row.min_level,
            weight=row.weight,
        )
        for row in skill_rows
    ]
    unrecognised = [
        UnrecognisedSkillOut(
            name=row.raw_name,
            must_have=row.must_have,
            min_level=row.min_level,
            weight=row.weight,
            suggestions=taxonomy.suggest(row.raw_name),
        )
        for row in unrecognised_rows
    ]
    return _read(request, skills=skills, unrecognised=unrecognised)


@dataclass
class _SkillPlan:
    """A request's skill rows (without request and term ids) and how the response shows them."""

    skill_rows: list[dict[str, Any]] = field(default_factory=list)
    unknown_rows: list[dict[str, Any]] = field(default_factory=list)
    skills: list[CanonicalSkillOut] = field(default_factory=list)
    unrecognised: list[UnrecognisedSkillOut] = field(default_factory=list)


def _plan(items: list[RequestSkillIn], terms: list[Term]) -> _SkillPlan:
    plan = _SkillPlan()
    for item, term in zip(items, terms, strict=True):
        common = {"must_have": item.must_have, "min_level": item.min_level, "weight": item.weight}
        if term.skill_id is not None:
            assert term.canonical is not None and term.slug is not None
            plan.skill_rows.append(
                {
                    "skill_id": term.skill_id,
                    "raw_name": item.name,
                    "version": term.version,
                    **common,
                }
            )
            plan.skills.append(
                CanonicalSkillOut(
                    name=term.canonical,
                    slug=term.slug,
                    input=item.name,
                    version=term.version,
                    **common,
                )
            )
        else:
            plan.unknown_rows.append({"key": term.key, "raw_name": item.name, **common})
            plan.unrecognised.append(
                UnrecognisedSkillOut(name=item.name, suggestions=term.suggestions, **common)
            )
    return plan


def _merge_skill(first: RequestSkillIn, repeat: RequestSkillIn) -> RequestSkillIn:
    """One skill listed twice: a must-have if either says so, the higher level and weight."""
    return first.model_copy(
        update={
            "must_have": first.must_have or repeat.must_have,
            "min_level": max(first.min_level, repeat.min_level),
            "weight": max(first.weight, repeat.weight),
        }
    )


def _resolve(taxonomy: IntakeTaxonomy, items: list[RequestSkillIn]) -> Resolved[RequestSkillIn]:
    return resolve_unique(
        taxonomy,
        items,
        field="skills",
        name_of=lambda item: item.name,
        merge=_merge_skill,
        merged_how="must-have if either is, the higher min_level and weight",
    )


def _require_skills_or_text(*, has_skills: bool, description: str) -> None:
    """Skills may be left to the description, but then it has to say something."""
    if not has_skills and len(description.strip()) < MIN_DESCRIPTION_WITHOUT_SKILLS:
        raise field_error(
            "skills",
            "list at least one skill, or write a description of at least "
            f"{MIN_DESCRIPTION_WITHOUT_SKILLS} characters naming what is needed",
        )


def _write_skills(
    session: Session, *, request_id: int, items: list[RequestSkillIn], taxonomy: IntakeTaxonomy
) -> tuple[_SkillPlan, list[dict[str, str]]]:
    """Store the request's skills; return them as the response shows them, and the warnings."""
    resolved = _resolve(taxonomy, items)
    terms = resolved.terms
    plan = _plan(resolved.items, terms)
    term_ids = keep_unrecognised(session, terms)
    repository.add_skills(
        session,
        skill_rows=[{"request_id": request_id, **row} for row in plan.skill_rows],
        unrecognised_rows=[
            {"request_id": request_id, "term_id": term_ids[row.pop("key")], **row}
            for row in plan.unknown_rows
        ],
    )
    return plan, resolved.warnings


def _queue_for_matching(session: Session, request_id: int) -> None:
    enqueue(session, kind=RANK_JOB, payload={"request_id": request_id}, dedupe_key=str(request_id))


def _same_resolution(old: Resolved[RequestSkillIn], new: Resolved[RequestSkillIn]) -> bool:
    return old.items == new.items and [(t.skill_id, t.key, t.version) for t in old.terms] == [
        (t.skill_id, t.key, t.version) for t in new.terms
    ]


def create_request(session: Session, *, principal: Principal, body: RequestCreate) -> RequestRead:
    """Store a new open request with its skills and queue it for matching."""
    _require_skills_or_text(has_skills=bool(body.skills), description=body.description)
    organization_id = _owner_organization(
        session, principal=principal, requested=body.organization_id
    )
    # Resolve with the taxonomy this process already holds; the INSERT reports whether the skill
    # tables changed since, which saves a round trip on every request.
    taxonomy = cached_taxonomy() or current_taxonomy(session)
    try:
        resolved = _resolve(taxonomy, body.skills)
    except ValidationProblem:
        # Only a checked taxonomy may refuse a body (the cached one may be out of date).
        taxonomy = current_taxonomy(session)
        resolved = _resolve(taxonomy, body.skills)
    warnings = resolved.warnings
    plan = _plan(resolved.items, resolved.terms)
    values = {
        "organization_id": organization_id,
        "created_by_key_id": principal.key_id,
        "title": body.title,
        "description": body.description,
        "start_date": body.start_date,
        "duration_months": body.duration_months,
        "max_day_rate": body.max_day_rate,
        "location_city": body.location.city if body.location else None,
        "location_country": body.location.country if body.location else None,
        "remote": body.remote.value,
        "languages": body.languages,
        "engagement": body.engagement.value,
        "headcount": body.headcount,
        "status": RequestStatus.open.value,
    }
    inserted = repository.insert_request(
        session, values=values, skills=plan.skill_rows, unrecognised=plan.unknown_rows
    )
    fingerprint = fingerprint_of(inserted.max_skill_id, inserted.max_alias_id)
    if fingerprint != taxonomy.fingerprint:
        # An admin changed the taxonomy meanwhile: resolve again; rewrite only if it matters.
        taxonomy = current_taxonomy(session, fingerprint=fingerprint)
        if not _same_resolution(resolved, _resolve(taxonomy, body.skills)):
            repository.clear_skills(session, inserted.id)
            plan, warnings = _write_skills(
                session, request_id=inserted.id, items=body.skills, taxonomy=taxonomy
            )
    _queue_for_matching(session, inserted.id)
    request = StaffingRequest(
        id=inserted.id, created_at=inserted.created_at, updated_at=inserted.updated_at, **values
    )
    return _read(request, skills=plan.skills, unrecognised=plan.unrecognised, warnings=warnings)


def _visible(
    session: Session, *, principal: Principal, request_id: int, for_update: bool = False
) -> StaffingRequest:
    request = repository.get(session, request_id, for_update=for_update)
    if request is None:
        raise NotFound("No request with this id.")
    principal.ensure_can_see(request.organization_id, what="request")
    return request


def get_request(
    session: Session, *, principal: Principal, request_id: int, taxonomy: IntakeTaxonomy
) -> RequestRead:
    request = _visible(session, principal=principal, request_id=request_id)
    return _stored_read(
        request,
        repository.skills_of(session, [request.id]).get(request.id, []),
        repository.unrecognised_of(session, [request.id]).get(request.id, []),
        taxonomy,
    )


def list_requests(
    session: Session,
    *,
    principal: Principal,
    taxonomy: IntakeTaxonomy,
    status: RequestStatus | None,
    skill: str | None,
    organization_id: int | None,
    created_from: datetime | None,
    created_to: datetime | None,
    cursor: str | None,
    limit: int,
) -> RequestPage:
    """A page of the requests the caller may see, newest first."""
    if principal.is_client:
        if organization_id is not None and organization_id != principal.organization_id:
            return RequestPage(items=[], next_cursor=None)
        organization_id = principal.organization_id
    skill_id: int | None = None
    unrecognised_key: str | None = None
    if skill is not None:
        term = taxonomy.resolve(skill)
        skill_id, unrecognised_key = (
            (term.skill_id, None) if term.skill_id is not None else (None, term.key)
        )
    where = RequestFilter(
        organization_id=organization_id,
        status=status.value if status else None,
        skill_id=skill_id,
        unrecognised_key=unrecognised_key,
        created_from=created_from,
        created_to=created_to,
    )
    rows = repository.page(session, where=where, cursor=cursor, limit=limit)
    shown = rows[:limit]
    ids = [row.id for row in shown]
    skills = repository.skills_of(session, ids) if ids else {}
    unrecognised = repository.unrecognised_of(session, ids) if ids else {}
    items = [
        _stored_read(row, skills.get(row.id, []), unrecognised.get(row.id, []), taxonomy)
        for row in shown
    ]
    return RequestPage(items=items, next_cursor=next_cursor(rows, limit))


def _editable(session: Session, *, principal: Principal, request_id: int) -> StaffingRequest:
    request = _visible(session, principal=principal, request_id=request_id, for_update=True)
    if request.status != RequestStatus.open.value:
        raise Conflict(
            f"This request is {request.status}; only open requests can be changed.",
            current_status=request.status,
        )
    return request


def update_request(
    session: Session,
    *,
    principal: Principal,
    request_id: int,
    body: RequestUpdate,
    taxonomy: IntakeTaxonomy,
) -> RequestRead:
    """Change an open request and queue it for matching again."""
    reject_nulls(body, nullable=NULLABLE_ON_UPDATE)
    request = _editable(session, principal=principal, request_id=request_id)
    fields = body.model_fields_set
    if not fields:
        return get_request(session, principal=principal, request_id=request_id, taxonomy=taxonomy)
    if body.skills is not None:
        _resolve(taxonomy, body.skills)  # a name that cannot be a skill is a 422 before any write
    if body.skills is not None or body.description is not None:
        _require_skills_or_text(
            has_skills=bool(body.skills)
            if body.skills is not None
            else repository.has_skills(session, request.id),
            description=body.description if body.description is not None else request.description,
        )
    for name in fields & {"title", "description", "start_date", "duration_months", "headcount"}:
        setattr(request, name, getattr(body, name))
    if body.max_day_rate is not None:
        request.max_day_rate = body.max_day_rate
    if "location" in fields:
        request.location_city = body.location.city if body.location else None
        request.location_country = body.location.country if body.location else None
    if body.remote is not None:
        request.remote = body.remote.value
    if body.engagement is not None:
        request.engagement = body.engagement.value
    if body.languages is not None:
        request.languages = body.languages
    # Bump even when only skills change: readers use updated_at to see what is new.
    request.updated_at = func.now()
    warnings: list[dict[str, str]] = []
    if body.skills is not None:
        repository.clear_skills(session, request.id)
        _, warnings = _write_skills(
            session, request_id=request.id, items=body.skills, taxonomy=taxonomy
        )
    session.flush()
    _queue_for_matching(session, request.id)
    changed = get_request(session, principal=principal, request_id=request_id, taxonomy=taxonomy)
    changed.warnings = [FieldWarning(**warning) for warning in warnings]
    return changed


def cancel_request(
    session: Session, *, principal: Principal, request_id: int, taxonomy: IntakeTaxonomy
) -> RequestRead:
    """Cancel an open request (a filled or cancelled one is a 409)."""
    request = _editable(session, principal=principal, request_id=request_id)
    request.status = RequestStatus.cancelled.value
    request.updated_at = func.now()
    session.flush()
    return get_request(session, principal=principal, request_id=request_id, taxonomy=taxonomy)
