"""Queries on staffing requests and their skills."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, insert, select, text
from sqlalchemy.orm import Session

from services.intake.common.cursor import after_cursor
from services.intake.common.tables import table_of
from shared.models import (
    Organization,
    RequestSkill,
    RequestUnrecognisedSkill,
    Skill,
    StaffingRequest,
    UnrecognisedTerm,
)


@dataclass(frozen=True, slots=True)
class SkillRow:
    name: str
    slug: str
    raw_name: str
    version: str | None
    must_have: bool
    min_level: int
    weight: float


@dataclass(frozen=True, slots=True)
class UnrecognisedRow:
    raw_name: str
    must_have: bool
    min_level: int
    weight: float


def organization_exists(session: Session, organization_id: int) -> bool:
    return session.scalar(select(exists().where(Organization.id == organization_id))) is True


def get(session: Session, request_id: int, *, for_update: bool = False) -> StaffingRequest | None:
    query = select(StaffingRequest).where(StaffingRequest.id == request_id)
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def skills_of(session: Session, request_ids: Sequence[int]) -> dict[int, list[SkillRow]]:
    rows = session.execute(
        select(
            RequestSkill.request_id,
            Skill.name,
            Skill.slug,
            RequestSkill.raw_name,
            RequestSkill.version,
            RequestSkill.must_have,
            RequestSkill.min_level,
            RequestSkill.weight,
        )
        .join(Skill, Skill.id == RequestSkill.skill_id)
        .where(RequestSkill.request_id.in_(request_ids))
    )
    grouped: dict[int, list[SkillRow]] = defaultdict(list)
    for request_id, name, slug, raw_name, version, must_have, min_level, weight in rows:
        grouped[request_id].append(
            SkillRow(name, slug, raw_name, version, must_have, min_level, weight)
        )
    return grouped


def unrecognised_of(
    session: Session, request_ids: Sequence[int]
) -> dict[int, list[UnrecognisedRow]]:
    rows = session.execute(
        select(
            RequestUnrecognisedSkill.request_id,
            RequestUnrecognisedSkill.raw_name,
            RequestUnrecognisedSkill.must_have,
            RequestUnrecognisedSkill.min_level,
            RequestUnrecognisedSkill.weight,
        ).where(RequestUnrecognisedSkill.request_id.in_(request_ids))
    )
    grouped: dict[int, list[UnrecognisedRow]] = defaultdict(list)
    for request_id, raw_name, must_have, min_level, weight in rows:
        grouped[request_id].append(UnrecognisedRow(raw_name, must_have, min_level, weight))
    return grouped


def has_skills(session: Session, request_id: int) -> bool:
    """Whether the request lists any skill, recognised or not."""
    return bool(
        session.scalar(
            select(
                exists().where(RequestSkill.request_id == request_id)
                | exists().where(RequestUnrecognisedSkill.request_id == request_id)
            )
        )
    )


def add_skills(
    session: Session,
    *,
    skill_rows: list[dict[str, object]],
    unrecognised_rows: list[dict[str, object]],
) -> None:
    # Core executemany on the tables: one statement per table (the ORM bulk path would split
    # the rows by which values are None).
    if skill_rows:
        session.execute(insert(table_of(RequestSkill)), skill_rows)
    if unrecognised_rows:
        session.execute(insert(table_of(RequestUnrecognisedSkill)), unrecognised_rows)


def clear_skills(session: Session, request_id: int) -> None:
    session.execute(delete(RequestSkill).where(RequestSkill.request_id == request_id))
    session.execute(
        delete(RequestUnrecognisedSkill).where(RequestUnrecognisedSkill.request_id == request_id)
    )


# Creating a request is intake's hot path, so it is one round trip: the request, its skills, the
# unrecognised terms (upserted in key order, so concurrent requests cannot deadlock) and the rows
# that keep them, plus the taxonomy fingerprint the caller checks its skill resolution against.
# Row lists travel as arrays; the statement text never changes, so it is prepared once.
_CREATE = text(
    """
WITH new_request AS (
    INSERT INTO staffing_requests (
        organization_id, created_by_key_id, title, description, start_date, duration_months,
        max_day_rate, location_city, location_country, remote, languages, engagement, status,
        headcount)
    VALUES (
        :organization_id, :created_by_key_id, :title, :description, :start_date,
        :duration_months, :max_day_rate, :location_city, :location_country, :remote,
        CAST(:languages AS varchar[]), :engagement, :status, :headcount)
    RETURNING id, created_at, updated_at
), new_skills AS (
    INSERT INTO request_skills (
        request_id, skill_id, must_have, min_level, weight, raw_name, version)
    SELECT new_request.id, s.skill_id, s.must_have, s.min_level, s.weight, s.raw_name, s.version
    FROM new_request, unnest(
        CAST(:skill_ids AS bigint[]), CAST(:skill_must_haves AS boolean[]),
        CAST(:skill_min_levels AS integer[]), CAST(:skill_weights AS float8[]),
        CAST(:skill_raw_names AS varchar[]), CAST(:skill_versions AS varchar[])
    ) AS s(skill_id, must_have, min_level, weight, raw_name, version)
), kept_terms AS (
    INSERT INTO unrecognised_terms (key, term, occurrences)
    SELECT t.key, t.term, t.occurrences
    FROM unnest(
        CAST(:term_keys AS varchar[]), CAST(:term_spellings AS varchar[]),
        CAST(:term_counts AS integer[])
    ) AS t(key, term, occurrences)
    ORDER BY t.key
    ON CONFLICT (key) DO UPDATE
        SET occurrences = unrecognised_terms.occurrences + excluded.occurrences
    RETURNING id, key
), new_unknown AS (
    INSERT INTO request_unrecognised_skills (
        request_id, term_id, raw_name, must_have, min_level, weight)
    SELECT new_request.id, kept_terms.id, u.raw_name, u.must_have, u.min_level, u.weight
    FROM new_request, unnest(
        CAST(:unknown_keys AS varchar[]), CAST(:unknown_raw_names AS varchar[]),
        CAST(:unknown_must_haves AS boolean[]), CAST(:unknown_min_levels AS integer[]),
        CAST(:unknown_weights AS float8[])
    ) AS u(key, raw_name, must_have, min_level, weight)
    JOIN kept_terms ON kept_terms.key = u.key
)
SELECT new_request.id, new_request.created_at, new_request.updated_at,
    (SELECT max(id) FROM skills) AS max_skill_id,
    (SELECT max(id) FROM skill_aliases) AS max_alias_id
FROM new_request
"""
)


@dataclass(frozen=True, slots=True)
class Inserted:
    id: int
    created_at: datetime
    updated_at: datetime
    max_skill_id: int | None
    max_alias_id: int | None


def insert_request(
    session: Session,
    *,
    values: dict[str, Any],
    skills: Sequence[dict[str, Any]],
    unrecognised: Sequence[dict[str, Any]],
) -> Inserted:
    """Insert a request with its skills and unrecognised terms in one statement."""
    counts: dict[str, int] = {}
    spellings: dict[str, str] = {}
    for row in unrecognised:
        counts[row["key"]] = counts.get(row["key"], 0) + 1
        spellings.setdefault(row["key"], row["raw_name"])
    parameters = {
        **values,
        "skill_ids": [row["skill_id"] for row in skills],
        "skill_must_haves": [row["must_have"] for row in skills],
        "skill_min_levels": [row["min_level"] for row in skills],
        "skill_weights": [row["weight"] for row in skills],
        "skill_raw_names": [row["raw_name"] for row in skills],
        "skill_versions": [row["version"] for row in skills],
        "term_keys": list(counts),
        "term_spellings": [spellings[key] for key in counts],
        "term_counts": list(counts.values()),
        "unknown_keys": [row["key"] for row in unrecognised],
        "unknown_raw_names": [row["raw_name"] for row in unrecognised],
        "unknown_must_haves": [row["must_have"] for row in unrecognised],
        "unknown_min_levels": [row["min_level"] for row in unrecognised],
        "unknown_weights": [row["weight"] for row in unrecognised],
    }
    request_id, created_at, updated_at, max_skill_id, max_alias_id = (
        session.connection().execute(_CREATE, parameters).one()
    )
    return Inserted(request_id, created_at, updated_at, max_skill_id, max_alias_id)


@dataclass(frozen=True)
class RequestFilter:
    organization_id: int | None = None
    status: str | None = None
    skill_id: int | None = None
    unrecognised_key: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


def page(
    session: Session, *, where: RequestFilter, cursor: str | None, limit: int
) -> list[StaffingRequest]:
    """Up to limit + 1 requests, newest first (the extra row tells there is a next page)."""
    conditions: list[ColumnElement[bool]] = []
    if where.organization_id is not None:
        conditions.append(StaffingRequest.organization_id == where.organization_id)
    if where.status is not None:
        conditions.append(StaffingRequest.status == where.status)
    if where.skill_id is not None:
        conditions.append(
            exists().where(
                RequestSkill.request_id == StaffingRequest.id,
                RequestSkill.skill_id == where.skill_id,
            )
        )
    if where.unrecognised_key is not None:
        conditions.append(
            exists().where(
                RequestUnrecognisedSkill.request_id == StaffingRequest.id,
                RequestUnrecognisedSkill.term_id == UnrecognisedTerm.id,
                UnrecognisedTerm.key == where.unrecognised_key,
            )
        )
    if where.created_from is not None:
        conditions.append(StaffingRequest.created_at >= where.created_from)
    if where.created_to is not None:
        conditions.append(StaffingRequest.created_at <= where.created_to)
    after = after_cursor(StaffingRequest.created_at, StaffingRequest.id, cursor)
    if after is not None:
        conditions.append(after)
    query = (
        select(StaffingRequest)
        .where(*conditions)
        .order_by(StaffingRequest.created_at.desc(), StaffingRequest.id.desc())
        .limit(limit + 1)
    )
    return list(session.scalars(query))
