"""Storing an uploaded CV: its file, its text as the profile's cv_text, and the skills it names."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.intake.cv.files import read_cv
from services.intake.cv.schemas import CvSkillOut, CvUploadRead
from services.intake.cv.settings import get_cv_settings
from services.intake.freelancers import extraction, repository
from services.intake.freelancers.schemas import EvidenceOut
from services.intake.taxonomy import IntakeTaxonomy
from shared.audit import record_access
from shared.auth.deps import Principal
from shared.errors import NotFound, PayloadTooLarge
from shared.models import FreelancerCv

ENTITY = "freelancer"
MAX_FILENAME = 300


def too_large(size: int | None = None) -> PayloadTooLarge:
    limit = get_cv_settings().max_cv_bytes
    seen = f" ({size:,} bytes)" if size is not None else ""
    return PayloadTooLarge(
        f"The CV file is larger than {limit:,} bytes{seen}; send a smaller file "
        "(a CV without embedded scans is well under a megabyte).",
        errors=[{"field": "file", "message": f"at most {limit} bytes"}],
    )


def upload_cv(
    session: Session,
    *,
    principal: Principal,
    freelancer_id: int,
    filename: str,
    content: bytes,
    taxonomy: IntakeTaxonomy,
) -> CvUploadRead:
    """Store the file, make its text the profile's cv_text and re-extract the profile's skills.

    Every check comes before the first write, so a refused file changes nothing.
    """
    settings = get_cv_settings()
    if repository.get(session, freelancer_id) is None:
        raise NotFound("No freelancer with this id.")
    if len(content) > settings.max_cv_bytes:
        raise too_large(len(content))
    # Parse before locking the profile: a large PDF takes a while and edits need not wait.
    cv = read_cv(
        content, max_characters=settings.max_cv_characters, max_pages=settings.max_cv_pages
    )
    freelancer = repository.get(session, freelancer_id, for_update=True)
    if freelancer is None:  # deleted meanwhile
        raise NotFound("No freelancer with this id.")
    row = FreelancerCv(
        freelancer_id=freelancer.id,
        filename=(filename.strip() or "cv")[:MAX_FILENAME],
        media_type=cv.media_type,
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by_key_id=principal.key_id,
    )
    session.add(row)
    freelancer.cv_text = cv.text
    # The matcher polls updated_at to see which profiles to re-read.
    freelancer.updated_at = func.now()
    session.flush()
    per_field = extraction.extract_fields(taxonomy, repository.texts_of(freelancer))
    extraction.store(session, {freelancer.id: extraction.combine(per_field)})
    record_access(
        session,
        principal=principal,
        action="upload_cv",
        entity=ENTITY,
        entity_id=freelancer.id,
        detail={"cv_id": row.id, "media_type": cv.media_type, "size_bytes": len(content)},
    )
    extras = repository.extras_of(session, [freelancer.id])[freelancer.id]
    confirmed = {skill.skill_id for skill in extras.skills}
    status = {skill.skill_id: skill.status for skill in extras.extracted}
    skills = [
        CvSkillOut(
            name=found.canonical,
            canonical=found.canonical,
            slug=found.slug,
            years=found.years,
            mentions=found.mentions,
            evidence=[EvidenceOut.model_validate(item) for item in found.evidence],
            status="confirmed"
            if skill_id in confirmed
            else ("dismissed" if status.get(skill_id) == "dismissed" else "extracted"),
        )
        for skill_id, found in per_field["cv_text"].items()
    ]
    return CvUploadRead(
        freelancer_id=freelancer.id,
        cv_id=row.id,
        filename=row.filename,
        media_type=cv.media_type,
        size_bytes=len(content),
        sha256=row.sha256,
        characters=len(cv.text),
        extracted_skills=skills,
        warnings=[{"field": "file", "message": message} for message in cv.warnings],
    )


def latest_cv(session: Session, *, principal: Principal, freelancer_id: int) -> FreelancerCv:
    """The profile's most recently uploaded CV file (404 when there is none)."""
    if repository.get(session, freelancer_id) is None:
        raise NotFound("No freelancer with this id.")
    row = session.scalar(
        select(FreelancerCv)
        .where(FreelancerCv.freelancer_id == freelancer_id)
        .order_by(FreelancerCv.created_at.desc(), FreelancerCv.id.desc())
        .limit(1)
    )
    if row is None:
        raise NotFound("This freelancer has no uploaded CV; POST one to /v1/freelancers/{id}/cv.")
    record_access(
        session,
        principal=principal,
        action="download_cv",
        entity=ENTITY,
        entity_id=freelancer_id,
        detail={"cv_id": row.id},
    )
    return row
