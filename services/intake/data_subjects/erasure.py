"""Intake's part of erasures and merges: the profile and everything stored under it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, exists, func, select, text, update
from sqlalchemy.orm import Session

from shared.models import (
    Freelancer,
    FreelancerCv,
    FreelancerExtractedSkill,
    FreelancerLanguage,
    FreelancerSkill,
    FreelancerUnrecognisedSkill,
    RequestUnrecognisedSkill,
    UnrecognisedTerm,
)

_LEVELS = "ARRAY['A1','A2','B1','B2','C1','C2','native']"


def _count(result: Any) -> int:
    return int(result.rowcount or 0)


def freelancer_terms(session: Session, *, freelancer_id: int) -> list[str]:
    """Strings other services must scrub: name, e-mail, phone."""
    row = session.execute(
        select(Freelancer.name, Freelancer.email, Freelancer.phone).where(
            Freelancer.id == freelancer_id
        )
    ).one_or_none()
    return [] if row is None else [value for value in row if value]


def _release_terms(session: Session, *, freelancer_id: int) -> int:
    """Unlink the person's unrecognised skill terms; terms nobody else used go too."""
    term_ids = list(
        session.scalars(
            select(FreelancerUnrecognisedSkill.term_id).where(
                FreelancerUnrecognisedSkill.freelancer_id == freelancer_id
            )
        )
    )
    session.execute(
        delete(FreelancerUnrecognisedSkill).where(
            FreelancerUnrecognisedSkill.freelancer_id == freelancer_id
        )
    )
    if not term_ids:
        return 0
    session.execute(
        update(UnrecognisedTerm)
        .where(UnrecognisedTerm.id.in_(term_ids))
        .values(occurrences=func.greatest(UnrecognisedTerm.occurrences - 1, 0))
    )
    unused = (
        delete(UnrecognisedTerm)
        .where(UnrecognisedTerm.id.in_(term_ids))
        .where(~exists().where(FreelancerUnrecognisedSkill.term_id == UnrecognisedTerm.id))
        .where(~exists().where(RequestUnrecognisedSkill.term_id == UnrecognisedTerm.id))
    )
    return _count(session.execute(unused))


def erase_freelancer(session: Session, *, freelancer_id: int) -> dict[str, int]:
    counts = {"unrecognised_terms": _release_terms(session, freelancer_id=freelancer_id)}
    for model in (FreelancerCv, FreelancerExtractedSkill, FreelancerLanguage, FreelancerSkill):
        counts[model.__tablename__] = _count(
            session.execute(delete(model).where(model.freelancer_id == freelancer_id))
        )
    counts["freelancers"] = _count(
        session.execute(delete(Freelancer).where(Freelancer.id == freelancer_id))
    )
    return counts


def merge_freelancer(session: Session, *, duplicate_id: int, into_id: int) -> dict[str, int]:
    """Fold the duplicate's skills, languages, CVs and empty-field values into the survivor."""
    params = {"dup": duplicate_id, "into": into_id}
    counts = {
        # The higher level (and the longer experience) wins where both list a skill.
        "freelancer_skills": _count(
            session.execute(
                text(
                    "INSERT INTO freelancer_skills AS f (freelancer_id, skill_id, level, years,"
                    " last_used, raw_name, version) SELECT :into, skill_id, level, years,"
                    " last_used, raw_name, version FROM freelancer_skills WHERE freelancer_id ="
                    " :dup ON CONFLICT (freelancer_id, skill_id) DO UPDATE SET"
                    " level = greatest(f.level, excluded.level),"
                    " years = greatest(f.years, excluded.years),"
                    " last_used = greatest(f.last_used, excluded.last_used)"
                ),
                params,
            )
        ),
        "freelancer_languages": _count(
            session.execute(
                text(
                    "INSERT INTO freelancer_languages AS f (freelancer_id, code, level)"
                    " SELECT :into, code, level FROM freelancer_languages WHERE freelancer_id ="
                    " :dup ON CONFLICT (freelancer_id, code) DO UPDATE SET level = CASE WHEN"
                    f" array_position({_LEVELS}, excluded.level::text)"
                    f" > array_position({_LEVELS}, f.level::text)"
                    " THEN excluded.level ELSE f.level END"
                ),
                params,
            )
        ),
        "freelancer_unrecognised_skills": _count(
            session.execute(
                text(
                    "INSERT INTO freelancer_unrecognised_skills (freelancer_id, term_id, raw_name,"
                    " level, years, last_used) SELECT :into, term_id, raw_name, level, years,"
                    " last_used FROM freelancer_unrecognised_skills WHERE freelancer_id = :dup"
                    " ON CONFLICT DO NOTHING"
                ),
                params,
            )
        ),
        "freelancer_extracted_skills": _count(
            session.execute(
                text(
                    "INSERT INTO freelancer_extracted_skills (freelancer_id, skill_id, years,"
                    " mentions, evidence, status) SELECT :into, skill_id, years, mentions,"
                    " evidence, status FROM freelancer_extracted_skills WHERE freelancer_id = :dup"
                    " ON CONFLICT DO NOTHING"
                ),
                params,
            )
        ),
        "freelancer_cvs": _count(
            session.execute(
                update(FreelancerCv)
                .where(FreelancerCv.freelancer_id == duplicate_id)
                .values(freelancer_id=into_id)
            )
        ),
    }
    # Fields the survivor left empty take the duplicate's value; updated_at tells matching.
    session.execute(
        text(
            "UPDATE freelancers f SET"
            " phone = coalesce(f.phone, d.phone),"
            " headline = CASE WHEN f.headline = '' THEN d.headline ELSE f.headline END,"
            " summary = CASE WHEN f.summary = '' THEN d.summary ELSE f.summary END,"
            " cv_text = CASE WHEN f.cv_text = '' THEN d.cv_text ELSE f.cv_text END,"
            " available_from = coalesce(f.available_from, d.available_from),"
            " day_rate = coalesce(f.day_rate, d.day_rate),"
            " location_city = coalesce(f.location_city, d.location_city),"
            " location_country = coalesce(f.location_country, d.location_country),"
            " updated_at = now()"
            " FROM freelancers d WHERE f.id = :into AND d.id = :dup"
        ),
        params,
    )
    erased = erase_freelancer(session, freelancer_id=duplicate_id)
    counts["freelancers"] = erased["freelancers"]
    return counts
