"""Mapping a freelancer profile between the API shapes and the table rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from services.intake.common.schemas import FieldWarning, location_of
from services.intake.common.terms import Resolved, resolve_unique
from services.intake.freelancers.bulk import PROFILE_COLUMNS
from services.intake.freelancers.schemas import (
    ConsentOut,
    EvidenceOut,
    ExtractedSkillOut,
    FreelancerCreate,
    FreelancerDetail,
    FreelancerRead,
    FreelancerSkillIn,
    FreelancerSkillOut,
    LanguageIn,
    LanguageOut,
    Source,
    UnrecognisedFreelancerSkillOut,
)
from services.intake.taxonomy import IntakeTaxonomy, Term
from shared.models import Freelancer
from shared.models.enums import Engagement, LanguageLevel, RemotePreference, SourceType

if TYPE_CHECKING:  # repository imports bulk, which imports this module
    from services.intake.freelancers.repository import ExtractedRow, Extras

_N = TypeVar("_N", int, float)

_ENGAGEMENT_COLUMN = {
    Engagement.freelance: ["freelance"],
    Engagement.permanent: ["permanent"],
    Engagement.either: ["freelance", "permanent"],
}


def engagement_column(engagement: Engagement) -> list[str]:
    return list(_ENGAGEMENT_COLUMN[engagement])


def engagement_of(column: list[str]) -> Engagement:
    accepted = set(column)
    if accepted == {"freelance", "permanent"}:
        return Engagement.either
    if accepted == {"permanent"}:
        return Engagement.permanent
    return Engagement.freelance


def column_values(body: FreelancerCreate) -> dict[str, Any]:
    """The freelancers-table columns for a new profile."""
    return {
        "name": body.name,
        "email": body.email,
        "phone": body.phone,
        "headline": body.headline,
        "summary": body.summary,
        "available_from": body.available_from,
        "day_rate": body.day_rate,
        "location_city": body.location.city if body.location else None,
        "location_country": body.location.country if body.location else None,
        "remote": body.remote.value,
        "engagement": engagement_column(body.engagement),
        "source_type": body.source.type.value,
        "source_detail": body.source.detail,
        "consent_given_at": body.consent.given_at,
        "consent_method": body.consent.method,
    }


def _merge_skill(first: FreelancerSkillIn, repeat: FreelancerSkillIn) -> FreelancerSkillIn:
    """One skill listed twice: the higher level, the larger years, the later last-used year."""
    return first.model_copy(
        update={
            "level": max(first.level, repeat.level),
            "years": _larger(first.years, repeat.years),
            "last_used": _larger(first.last_used, repeat.last_used),
        }
    )


def _larger(a: _N | None, b: _N | None) -> _N | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def resolve_skills(
    taxonomy: IntakeTaxonomy, skills: list[FreelancerSkillIn]
) -> Resolved[FreelancerSkillIn]:
    """The profile's skills with repeats of one skill merged (each reported as a warning)."""
    return resolve_unique(
        taxonomy,
        skills,
        field="skills",
        name_of=lambda skill: skill.name,
        merge=_merge_skill,
        merged_how="the higher level, the larger years, the later last-used year",
    )


@dataclass
class ChildRows:
    skills: list[dict[str, Any]]
    unrecognised: list[dict[str, Any]]
    languages: list[dict[str, Any]]


def child_rows(
    freelancer_id: int,
    *,
    skills: list[FreelancerSkillIn] | None,
    terms: list[Term] | None,
    term_ids: dict[str, int],
    languages: list[LanguageIn] | None,
) -> ChildRows:
    """Rows for the skill, unrecognised-term and language tables (None: leave that table)."""
    rows = ChildRows([], [], [])
    for skill, term in zip(skills or [], terms or [], strict=True):
        detail = {"level": skill.level, "years": skill.years, "last_used": skill.last_used}
        if term.skill_id is not None:
            rows.skills.append(
                {
                    "freelancer_id": freelancer_id,
                    "skill_id": term.skill_id,
                    "raw_name": skill.name,
                    "version": term.version,
                    **detail,
                }
            )
        else:
            rows.unrecognised.append(
                {
                    "freelancer_id": freelancer_id,
                    "term_id": term_ids[term.key],
                    "raw_name": skill.name,
                    **detail,
                }
            )
    for language in languages or []:
        rows.languages.append(
            {"freelancer_id": freelancer_id, "code": language.code, "level": language.level.value}
        )
    return rows


def to_read(freelancer: Freelancer, extras: Extras, taxonomy: IntakeTaxonomy) -> FreelancerRead:
    skills = sorted(
        (
            FreelancerSkillOut(
                name=row.name,
                slug=row.slug,
                input=row.raw_name,
                version=row.version,
                level=row.level,
                years=row.years,
                last_used=row.last_used,
            )
            for row in extras.skills
        ),
        key=lambda skill: (-skill.level, skill.name.lower()),
    )
    unrecognised = sorted(
        (
            UnrecognisedFreelancerSkillOut(
                name=row.raw_name,
                level=row.level,
                years=row.years,
                last_used=row.last_used,
                suggestions=taxonomy.suggest(row.raw_name),
            )
            for row in extras.unrecognised
        ),
        key=lambda skill: (-skill.level, skill.name.lower()),
    )
    return FreelancerRead(
        id=freelancer.id,
        name=freelancer.name,
        email=freelancer.email,
        phone=freelancer.phone,
        headline=freelancer.headline,
        summary=freelancer.summary,
        skills=skills,
        unrecognised_skills=unrecognised,
        extracted_skills=extracted_out(extras.extracted),
        available_from=freelancer.available_from,
        day_rate=None if freelancer.day_rate is None else float(freelancer.day_rate),
        location=location_of(freelancer.location_city, freelancer.location_country),
        remote=RemotePreference(freelancer.remote),
        languages=[
            LanguageOut(code=code, level=LanguageLevel(level))
            for code, level in sorted(extras.languages)
        ],
        engagement=engagement_of(freelancer.engagement),
        source=Source(type=SourceType(freelancer.source_type), detail=freelancer.source_detail),
        consent=ConsentOut(
            given_at=freelancer.consent_given_at,
            method=freelancer.consent_method,
            withdrawn_at=freelancer.consent_withdrawn_at,
        ),
        created_at=freelancer.created_at,
        updated_at=freelancer.updated_at,
    )


def extracted_out(rows: list[ExtractedRow]) -> list[ExtractedSkillOut]:
    """Extracted skills, the live ones first, the most mentioned first."""
    ordered = sorted(
        rows, key=lambda row: (row.status != "extracted", -row.mentions, row.name.lower())
    )
    return [
        ExtractedSkillOut(
            name=row.name,
            canonical=row.name,
            slug=row.slug,
            years=row.years,
            mentions=row.mentions,
            evidence=[EvidenceOut.model_validate(item) for item in row.evidence],
            status="dismissed" if row.status == "dismissed" else "extracted",
        )
        for row in ordered
    ]


def to_detail(
    freelancer: Freelancer,
    extras: Extras,
    taxonomy: IntakeTaxonomy,
    warnings: list[dict[str, str]] | None = None,
) -> FreelancerDetail:
    """One profile as GET /v1/freelancers/{id} shows it (with the CV text)."""
    read = to_read(freelancer, extras, taxonomy)
    return FreelancerDetail.model_construct(
        **dict(read),
        cv_text=freelancer.cv_text,
        warnings=[FieldWarning(**warning) for warning in warnings or []],
    )


# What "the same profile" means on re-import: every stored fact, not the spelling of skill names.
Signature = tuple[Any, ...]


def _money(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"))


def _instant(value: datetime) -> datetime:
    return value.astimezone(UTC)


def signature_of_new(
    values: dict[str, Any],
    *,
    skills: list[FreelancerSkillIn],
    terms: list[Term],
    languages: list[LanguageIn],
) -> Signature:
    """Signature of a profile about to be written, comparable with signature_of_stored."""
    known = set()
    unknown = set()
    for skill, term in zip(skills, terms, strict=True):
        if term.skill_id is not None:
            known.add((term.skill_id, term.version, skill.level, skill.years, skill.last_used))
        else:
            unknown.add((term.key, skill.level, skill.years, skill.last_used))
    return (
        *_scalar_signature(values),
        frozenset(known),
        frozenset(unknown),
        frozenset((language.code, language.level.value) for language in languages),
    )


def signature_of_stored(freelancer: Any, extras: Extras) -> Signature:
    """Signature of a stored profile (a Freelancer or a row of the freelancers table)."""
    values = {column: getattr(freelancer, column) for column in PROFILE_COLUMNS}
    return (
        *_scalar_signature(values),
        frozenset((r.skill_id, r.version, r.level, r.years, r.last_used) for r in extras.skills),
        frozenset((r.key, r.level, r.years, r.last_used) for r in extras.unrecognised),
        frozenset(extras.languages),
    )


def _scalar_signature(values: dict[str, Any]) -> tuple[Any, ...]:
    normalised = dict(values)
    normalised["email"] = values["email"].lower()
    normalised["day_rate"] = _money(values["day_rate"])
    normalised["engagement"] = frozenset(values["engagement"])
    normalised["consent_given_at"] = _instant(values["consent_given_at"])
    return tuple(normalised[column] for column in PROFILE_COLUMNS)
