"""Queries behind taxonomy administration: unrecognised terms and moving them onto a skill."""

from __future__ import annotations

from sqlalchemy import BigInteger, delete, func, literal, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.intake.common.tables import in_array
from shared.models import (
    Freelancer,
    FreelancerSkill,
    FreelancerUnrecognisedSkill,
    RequestSkill,
    RequestUnrecognisedSkill,
    StaffingRequest,
    UnrecognisedTerm,
)
from shared.models.enums import RequestStatus


def term_by_id(
    session: Session, term_id: int, *, for_update: bool = False
) -> UnrecognisedTerm | None:
    query = select(UnrecognisedTerm).where(UnrecognisedTerm.id == term_id)
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def term_by_key(session: Session, key: str) -> UnrecognisedTerm | None:
    return session.scalar(
        select(UnrecognisedTerm).where(UnrecognisedTerm.key == key).with_for_update()
    )


def terms_page(
    session: Session, *, include_resolved: bool, limit: int, offset: int
) -> tuple[list[tuple[UnrecognisedTerm, int, int]], int]:
    """Terms, most frequent first, with how many requests and profiles carry each now."""
    requests = (
        select(func.count())
        .where(RequestUnrecognisedSkill.term_id == UnrecognisedTerm.id)
        .scalar_subquery()
    )
    freelancers = (
        select(func.count())
        .where(FreelancerUnrecognisedSkill.term_id == UnrecognisedTerm.id)
        .scalar_subquery()
    )
    condition = literal(True) if include_resolved else UnrecognisedTerm.resolved_skill_id.is_(None)
    total = session.scalar(select(func.count()).select_from(UnrecognisedTerm).where(condition))
    rows = session.execute(
        select(UnrecognisedTerm, requests, freelancers)
        .where(condition)
        .order_by(UnrecognisedTerm.occurrences.desc(), UnrecognisedTerm.id)
        .limit(limit)
        .offset(offset)
    )
    return list(rows), int(total or 0)


def move_request_rows(session: Session, *, term_id: int, skill_id: int) -> list[int]:
    """Turn a term's request rows into skill rows; a skill already there keeps the stricter need."""
    moved = select(
        RequestUnrecognisedSkill.request_id,
        literal(skill_id),
        RequestUnrecognisedSkill.must_have,
        RequestUnrecognisedSkill.min_level,
        RequestUnrecognisedSkill.weight,
        RequestUnrecognisedSkill.raw_name,
    ).where(RequestUnrecognisedSkill.term_id == term_id)
    insert = pg_insert(RequestSkill).from_select(
        ["request_id", "skill_id", "must_have", "min_level", "weight", "raw_name"], moved
    )
    excluded = insert.excluded
    statement = insert.on_conflict_do_update(
        index_elements=[RequestSkill.request_id, RequestSkill.skill_id],
        set_={
            "must_have": RequestSkill.must_have | excluded.must_have,
            "min_level": func.greatest(RequestSkill.min_level, excluded.min_level),
            "weight": func.greatest(RequestSkill.weight, excluded.weight),
        },
    ).returning(RequestSkill.request_id)
    request_ids = sorted(set(session.scalars(statement)))
    session.execute(
        delete(RequestUnrecognisedSkill).where(RequestUnrecognisedSkill.term_id == term_id)
    )
    if request_ids:
        session.execute(
            update(StaffingRequest)
            .where(in_array(StaffingRequest.id, request_ids, BigInteger))
            .values(updated_at=func.now())
        )
    return request_ids


def open_request_ids(session: Session, request_ids: list[int]) -> list[int]:
    return list(
        session.scalars(
            select(StaffingRequest.id).where(
                in_array(StaffingRequest.id, request_ids, BigInteger),
                StaffingRequest.status == RequestStatus.open.value,
            )
        )
    )


def move_freelancer_rows(session: Session, *, term_id: int, skill_id: int) -> list[int]:
    """Turn a term's profile rows into skill rows; a skill already there keeps the higher values."""
    moved = select(
        FreelancerUnrecognisedSkill.freelancer_id,
        literal(skill_id),
        FreelancerUnrecognisedSkill.level,
        FreelancerUnrecognisedSkill.years,
        FreelancerUnrecognisedSkill.last_used,
        FreelancerUnrecognisedSkill.raw_name,
    ).where(FreelancerUnrecognisedSkill.term_id == term_id)
    insert = pg_insert(FreelancerSkill).from_select(
        ["freelancer_id", "skill_id", "level", "years", "last_used", "raw_name"], moved
    )
    excluded = insert.excluded
    statement = insert.on_conflict_do_update(
        index_elements=[FreelancerSkill.freelancer_id, FreelancerSkill.skill_id],
        set_={
            "level": func.greatest(FreelancerSkill.level, excluded.level),
            "years": func.greatest(FreelancerSkill.years, excluded.years),
            "last_used": func.greatest(FreelancerSkill.last_used, excluded.last_used),
        },
    ).returning(FreelancerSkill.freelancer_id)
    freelancer_ids = sorted(set(session.scalars(statement)))
    session.execute(
        delete(FreelancerUnrecognisedSkill).where(FreelancerUnrecognisedSkill.term_id == term_id)
    )
    if freelancer_ids:
        # The matching index refreshes profiles by updated_at.
        session.execute(
            update(Freelancer)
            .where(in_array(Freelancer.id, freelancer_ids, BigInteger))
            .values(updated_at=func.now())
        )
    return freelancer_ids


def mark_resolved(session: Session, *, term_id: int, skill_id: int) -> None:
    session.execute(
        update(UnrecognisedTerm)
        .where(UnrecognisedTerm.id == term_id)
        .values(resolved_skill_id=skill_id, resolved_at=func.now())
    )
