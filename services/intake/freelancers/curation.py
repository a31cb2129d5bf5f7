"""Confirming and dismissing the skills extracted from a profile's text (account managers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from services.intake.freelancers import repository
from services.intake.freelancers.schemas import ConfirmSkill, FreelancerDetail
from services.intake.freelancers.service import ENTITY, read
from services.intake.taxonomy import IntakeTaxonomy, Term
from shared.audit import record_access
from shared.auth.deps import Principal
from shared.errors import NotFound, ValidationProblem
from shared.models import Freelancer, FreelancerExtractedSkill


def _locked(session: Session, freelancer_id: int) -> Freelancer:
    freelancer = repository.get(session, freelancer_id, for_update=True)
    if freelancer is None:
        raise NotFound("No freelancer with this id.")
    return freelancer


def _extracted_rows(
    session: Session,
    taxonomy: IntakeTaxonomy,
    freelancer_id: int,
    names: Sequence[str],
    *,
    verb: str,
) -> list[tuple[Term, FreelancerExtractedSkill]]:
    """The extracted row each name means; a 422 naming every name that is not one."""
    stored = {
        row.skill_id: row
        for row in session.scalars(
            select(FreelancerExtractedSkill).where(
                FreelancerExtractedSkill.freelancer_id == freelancer_id
            )
        )
    }
    found: list[tuple[Term, FreelancerExtractedSkill]] = []
    errors = []
    missing = []
    for index, name in enumerate(names):
        term = taxonomy.resolve(name)
        row = stored.get(term.skill_id) if term.skill_id is not None else None
        if row is not None:
            found.append((term, row))
            continue
        missing.append(repr(name))
        if term.skill_id is None:
            message = f"{name!r} is not a skill in the catalogue, so it cannot be an extracted one"
        else:
            message = (
                f"{name!r} ({term.canonical}) is not an extracted skill of this profile; "
                "GET the profile to see its extracted_skills"
            )
        # Confirm items are objects ({name, level}); dismiss items are plain names.
        location = f"skills.{index}.name" if verb == "confirm" else f"skills.{index}"
        errors.append({"field": location, "message": message})
    if errors:
        raise ValidationProblem(
            f"Cannot {verb} {', '.join(missing)}: not extracted skills of this profile.",
            errors=errors,
        )
    return found


def _finish(
    session: Session,
    freelancer: Freelancer,
    *,
    principal: Principal,
    action: str,
    slugs: list[str],
    taxonomy: IntakeTaxonomy,
) -> FreelancerDetail:
    # The matcher polls updated_at to see which profiles to re-read.
    freelancer.updated_at = func.now()
    session.flush()
    record_access(
        session,
        principal=principal,
        action=action,
        entity=ENTITY,
        entity_id=freelancer.id,
        detail={"skills": slugs},
    )
    session.refresh(freelancer)
    return read(session, freelancer=freelancer, taxonomy=taxonomy)


def confirm(
    session: Session,
    *,
    principal: Principal,
    freelancer_id: int,
    skills: list[ConfirmSkill],
    taxonomy: IntakeTaxonomy,
) -> FreelancerDetail:
    """Move extracted skills into the confirmed ones (level as given, years as extracted)."""
    freelancer = _locked(session, freelancer_id)
    matches = _extracted_rows(
        session, taxonomy, freelancer_id, [s.name for s in skills], verb="confirm"
    )
    rows: dict[int, dict[str, Any]] = {}
    for item, (term, extracted) in zip(skills, matches, strict=True):
        earlier = rows.get(extracted.skill_id)
        if earlier is not None:  # the same skill named twice: keep the higher level
            earlier["level"] = max(earlier["level"], item.level)
            continue
        rows[extracted.skill_id] = {
            "freelancer_id": freelancer_id,
            "skill_id": extracted.skill_id,
            "raw_name": item.name,
            "version": term.version,
            "level": item.level,
            "years": extracted.years,
            "last_used": None,
        }
    session.execute(
        delete(FreelancerExtractedSkill).where(
            FreelancerExtractedSkill.freelancer_id == freelancer_id,
            FreelancerExtractedSkill.skill_id.in_(list(rows)),
        )
    )
    repository.add_children(session, skills=list(rows.values()), unrecognised=[], languages=[])
    return _finish(
        session,
        freelancer,
        principal=principal,
        action="confirm_skills",
        slugs=sorted({str(term.slug) for term, _ in matches}),
        taxonomy=taxonomy,
    )


def dismiss(
    session: Session,
    *,
    principal: Principal,
    freelancer_id: int,
    names: list[str],
    taxonomy: IntakeTaxonomy,
) -> FreelancerDetail:
    """Mark extracted skills as wrong; re-extraction keeps them dismissed."""
    freelancer = _locked(session, freelancer_id)
    matches = _extracted_rows(session, taxonomy, freelancer_id, names, verb="dismiss")
    skill_ids = sorted({row.skill_id for _, row in matches})
    session.execute(
        update(FreelancerExtractedSkill)
        .where(
            FreelancerExtractedSkill.freelancer_id == freelancer_id,
            FreelancerExtractedSkill.skill_id.in_(skill_ids),
        )
        .values(status="dismissed")
    )
    return _finish(
        session,
        freelancer,
        principal=principal,
        action="dismiss_skills",
        slugs=sorted({str(term.slug) for term, _ in matches}),
        taxonomy=taxonomy,
    )
