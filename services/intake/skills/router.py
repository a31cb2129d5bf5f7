"""HTTP endpoints for skill look-ups (any key) and taxonomy administration (admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.intake.skills import service
from services.intake.skills.schemas import (
    AliasCreate,
    AliasOut,
    ResolveOut,
    SkillCreate,
    SkillCreated,
    SkillList,
    UnrecognisedTermPage,
)
from services.intake.taxonomy import current_taxonomy
from shared.auth.deps import AdminPrincipal, AnyRole
from shared.db.session import SessionDep
from shared.idempotency import IdempotencyDep

router = APIRouter(prefix="/v1/skills", tags=["skills"])

NonEmpty = Annotated[str, Query(min_length=1, max_length=200)]


@router.get("", response_model=SkillList)
def search_skills(
    principal: AnyRole,
    session: SessionDep,
    q: NonEmpty,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> SkillList:
    """Autocomplete a skill name: exact, then prefix and alias matches, then substrings."""
    return service.search(current_taxonomy(session), query=q, limit=limit)


@router.get("/resolve", response_model=ResolveOut)
def resolve_skill(principal: AnyRole, session: SessionDep, name: NonEmpty) -> ResolveOut:
    """What a term would be stored as: its canonical skill, or suggestions when unknown."""
    return service.resolve(current_taxonomy(session), name=name)


@router.get("/unrecognised", response_model=UnrecognisedTermPage)
def list_unrecognised(
    principal: AdminPrincipal,
    session: SessionDep,
    include_resolved: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> UnrecognisedTermPage:
    """Terms no skill matched, most frequent first, with look-alike suggestions."""
    return service.list_unrecognised(
        session,
        taxonomy=current_taxonomy(session),
        include_resolved=include_resolved,
        limit=limit,
        offset=offset,
    )


@router.post("", response_model=SkillCreated, status_code=201)
def create_skill(
    body: SkillCreate,
    principal: AdminPrincipal,
    session: SessionDep,
    idem: IdempotencyDep,
) -> JSONResponse:
    """Add a custom skill; with `term_id`, that unrecognised term is resolved onto it."""
    created = service.create_skill(session, body=body, taxonomy=current_taxonomy(session))
    return idem.respond(created, status_code=201)


@router.post("/{skill_id}/aliases", response_model=AliasOut, status_code=201)
def add_alias(
    skill_id: int,
    body: AliasCreate,
    principal: AdminPrincipal,
    session: SessionDep,
    idem: IdempotencyDep,
) -> JSONResponse:
    """Map an alias (or an unrecognised term) to skill `skill_id`; stored uses move onto it.

    201 when the alias is new, 200 when it already meant this skill.
    """
    result = service.add_alias(
        session, skill_id=skill_id, body=body, taxonomy=current_taxonomy(session)
    )
    return idem.respond(result, status_code=201 if result.created else 200)
