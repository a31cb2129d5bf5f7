"""CV upload responses."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from services.intake.common.schemas import FieldWarning
from services.intake.freelancers.schemas import EvidenceOut


class CvSkillOut(BaseModel):
    """A skill the CV names, and what the profile makes of it."""

    name: str = Field(description="The canonical name")
    canonical: str
    slug: str
    source: Literal["extracted"] = "extracted"
    years: float | None
    mentions: int = Field(description="Mentions in the CV text")
    evidence: list[EvidenceOut] = Field(description="Where the CV text names it (field cv_text)")
    status: Literal["extracted", "dismissed", "confirmed"] = Field(
        description="extracted (new evidence), dismissed earlier, or already a confirmed skill"
    )


class CvUploadRead(BaseModel):
    freelancer_id: int
    cv_id: int
    filename: str
    media_type: str = Field(description="What the content is, whatever the name or header said")
    size_bytes: int
    sha256: str
    characters: int = Field(description="Characters of text read; stored as the profile's cv_text")
    extracted_skills: list[CvSkillOut]
    warnings: list[FieldWarning]
