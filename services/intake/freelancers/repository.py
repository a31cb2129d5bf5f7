"""Queries on freelancer profiles, their skills and languages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Row, String, delete, exists, func, or_, select
from sqlalchemy.orm import Session

from services.intake.common.codes import COUNTRY_CODES
from services.intake.common.cursor import after_cursor
from services.intake.common.tables import in_array, table_of
from services.intake.freelancers import bulk
from shared.models import (
    Freelancer,
    FreelancerExtractedSkill,
    FreelancerLanguage,
    FreelancerSkill,
    FreelancerUnrecognisedSkill,
    Skill,
    UnrecognisedTerm,
)


@dataclass(frozen=True, slots=True)
class SkillRow:
    skill_id: int
    name: str
    slug: str
    raw_name: str
    version: str | None
    level: int
    years: float | None
    last_used: int | None


@dataclass(frozen=True, slots=True)
class UnrecognisedRow:
    key: str
    raw_name: str
    level: int
    years: float | None
    last_used: int | None


@dataclass(frozen=True, slots=True)
class ExtractedRow:
    skill_id: int
    name: str
    slug: str
    years: float | None
    mentions: int
    evidence: list[dict[str, Any]]
    status: str


@dataclass
class Extras:
    """A profile's rows in the child tables."""

    skills: list[SkillRow]
    unrecognised: list[UnrecognisedRow]
    languages: list[tuple[str, str]]
    extracted: list[ExtractedRow] = field(default_factory=list)


def get(session: Session, freelancer_id: int, *, for_update: bool = False) -> Freelancer | None:
    query = select(Freelancer).where(Freelancer.id == freelancer_id)
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def id_by_email(session: Session, email: str) -> int | None:
    return session.scalar(
        select(Freelancer.id).where(func.lower(Freelancer.email) == email.lower())
    )


def ids_by_emails(session: Session, emails: Iterable[str]) -> dict[str, int]:
    """Existing profiles' ids by lower-cased email."""
    lowered = sorted({email.lower() for email in emails})
    if not lowered:
        return {}
    rows = session.execute(
        select(func.lower(Freelancer.email), Freelancer.id).where(
            in_array(func.lower(Freelancer.email), lowered, String)
        )
    )
    return dict(rows.all())


def rows_by_ids(session: Session, ids: Sequence[int]) -> dict[int, Row[Any]]:
    """Plain rows (not ORM objects: thousands of them are read to compare on re-import)."""
    table = table_of(Freelancer)
    rows = session.execute(select(table).where(in_array(table.c.id, ids, BigInteger)))
    return {row.id: row for row in rows}


def extras_of(session: Session, ids: Sequence[int]) -> dict[int, Extras]:
    """Skills, unrecognised terms and languages of many profiles in three queries."""
    extras: dict[int, Extras] = defaultdict(lambda: Extras([], [], []))
    if not ids:
        return extras
    skill_rows = session.execute(
        select(
            FreelancerSkill.freelancer_id,
            FreelancerSkill.skill_id,
            Skill.name,
            Skill.slug,
            FreelancerSkill.raw_name,
            FreelancerSkill.version,
            FreelancerSkill.level,
            FreelancerSkill.years,
            FreelancerSkill.last_used,
        )
        .join(Skill, Skill.id == FreelancerSkill.skill_id)
        .where(in_array(FreelancerSkill.freelancer_id, ids, BigInteger))
    )
    for freelancer_id, skill_id, name, slug, raw_name, version, level, years, used in skill_rows:
        extras[freelancer_id].skills.append(
            SkillRow(skill_id, name, slug, raw_name, version, level, years, used)
        )
    term_rows = session.execute(
        select(
            FreelancerUnrecognisedSkill.freelancer_id,
            UnrecognisedTerm.key,
            FreelancerUnrecognisedSkill.raw_name,
            FreelancerUnrecognisedSkill.level,
            FreelancerUnrecognisedSkill.years,
            FreelancerUnrecognisedSkill.last_used,
        )
        .join(UnrecognisedTerm, UnrecognisedTerm.id == FreelancerUnrecognisedSkill.term_id)
        .where(in_array(FreelancerUnrecognisedSkill.freelancer_id, ids, BigInteger))
    )
    for freelancer_id, key, raw_name, level, years, last_used in term_rows:
        extras[freelancer_id].unrecognised.append(
            UnrecognisedRow(key, raw_name, level, years, last_used)
        )
    language_rows = session.execute(
        select(
            FreelancerLanguage.freelancer_id, FreelancerLanguage.code, FreelancerLanguage.level
        ).where(in_array(FreelancerLanguage.freelancer_id, ids, BigInteger))
    )
    for freelancer_id, code, language_level in language_rows:
        extras[freelancer_id].languages.append((code, language_level))
    for freelancer_id, *extracted in session.execute(
        select(
            FreelancerExtractedSkill.freelancer_id,
            FreelancerExtractedSkill.skill_id,
            Skill.name,
            Skill.slug,
            FreelancerExtractedSkill.years,
            FreelancerExtractedSkill.mentions,
            FreelancerExtractedSkill.evidence,
            FreelancerExtractedSkill.status,
        )
        .join(Skill, Skill.id == FreelancerExtractedSkill.skill_id)
        .where(in_array(FreelancerExtractedSkill.freelancer_id, ids, BigInteger))
    ):
        extras[freelancer_id].extracted.append(ExtractedRow(*extracted))
    return extras


def texts_of(freelancer: Freelancer) -> dict[str, str]:
    """The text fields skills are extracted from."""
    return {
        "headline": freelancer.headline,
        "summary": freelancer.summary,
        "cv_text": freelancer.cv_text,
    }


def add_children(
    session: Session,
    *,
    skills: list[dict[str, Any]],
    unrecognised: list[dict[str, Any]],
    languages: list[dict[str, Any]],
) -> None:
    bulk.insert_children(session, skills=skills, unrecognised=unrecognised, languages=languages)


def clear_skills(session: Session, freelancer_id: int) -> None:
    session.execute(delete(FreelancerSkill).where(FreelancerSkill.freelancer_id == freelancer_id))
    session.execute(
        delete(FreelancerUnrecognisedSkill).where(
            FreelancerUnrecognisedSkill.freelancer_id == freelancer_id
        )
    )


def clear_languages(session: Session, freelancer_id: int) -> None:
    session.execute(
        delete(FreelancerLanguage).where(FreelancerLanguage.freelancer_id == freelancer_id)
    )


@dataclass(frozen=True)
class FreelancerFilter:
    skill_id: int | None = None
    unrecognised_key: str | None = None
    available_by: date | None = None
    max_rate: Decimal | None = None
    remote: str | None = None
    language: str | None = None
    location: str | None = None
    ids: tuple[int, ...] = ()


def _location_condition(location: str) -> ColumnElement[bool]:
    by_city = func.lower(Freelancer.location_city) == location.lower()
    if location.upper() in COUNTRY_CODES:
        return or_(Freelancer.location_country == location.upper(), by_city)
    return by_city


def page(
    session: Session, *, where: FreelancerFilter, cursor: str | None, limit: int
) -> list[Freelancer]:
    """Up to limit + 1 profiles, newest first (the extra row tells there is a next page)."""
    conditions: list[ColumnElement[bool]] = []
    if where.ids:
        conditions.append(Freelancer.id.in_(where.ids))
    if where.skill_id is not None:
        conditions.append(
            exists().where(
                FreelancerSkill.freelancer_id == Freelancer.id,
                FreelancerSkill.skill_id == where.skill_id,
            )
        )
    if where.unrecognised_key is not None:
        conditions.append(
            exists().where(
                FreelancerUnrecognisedSkill.freelancer_id == Freelancer.id,
                FreelancerUnrecognisedSkill.term_id == UnrecognisedTerm.id,
                UnrecognisedTerm.key == where.unrecognised_key,
            )
        )
    if where.available_by is not None:
        # No date on the profile means available now.
        conditions.append(
            or_(
                Freelancer.available_from.is_(None), Freelancer.available_from <= where.available_by
            )
        )
    if where.max_rate is not None:
        conditions.append(Freelancer.day_rate <= where.max_rate)
    if where.remote is not None:
        conditions.append(Freelancer.remote == where.remote)
    if where.language is not None:
        conditions.append(
            exists().where(
                FreelancerLanguage.freelancer_id == Freelancer.id,
                FreelancerLanguage.code == where.language,
            )
        )
    if where.location is not None:
        conditions.append(_location_condition(where.location))
    after = after_cursor(Freelancer.created_at, Freelancer.id, cursor)
    if after is not None:
        conditions.append(after)
    query = (
        select(Freelancer)
        .where(*conditions)
        .order_by(Freelancer.created_at.desc(), Freelancer.id.desc())
        .limit(limit + 1)
    )
    return list(session.scalars(query))
