"""Freelancer profile bodies and responses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, EmailStr, Field, StringConstraints

from services.intake.common.schemas import (
    STRICT_BODY,
    FieldWarning,
    LanguageCode,
    Location,
    SkillName,
    ensure_unique,
)
from shared.models.enums import Engagement, LanguageLevel, RemotePreference, SourceType
from shared.strict_types import StrictDate, StrictDatetime, StrictDecimal, StrictFloat, StrictInt

MAX_SKILLS = 100
# Stored mentions per extracted skill; `mentions` counts them all.
MAX_EVIDENCE = 20
# Whole CVs arrive as the summary; the longest real ones run to a few tens of thousands.
MAX_SUMMARY = 100_000
# Consent timestamps may run a little ahead of our clock on the caller's machine.
_CLOCK_SKEW = timedelta(minutes=5)


def _not_future_year(value: int | None) -> int | None:
    if value is not None and value > datetime.now(UTC).year:
        raise ValueError(f"{value} is in the future")
    return value


def _aware_not_future(value: datetime) -> datetime:
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if aware > datetime.now(UTC) + _CLOCK_SKEW:
        raise ValueError("consent cannot be given in the future")
    return aware


class FreelancerSkillIn(BaseModel):
    model_config = STRICT_BODY

    name: SkillName
    level: StrictInt = Field(ge=1, le=5)
    years: StrictFloat | None = Field(default=None, ge=0, le=60)
    last_used: Annotated[StrictInt | None, AfterValidator(_not_future_year)] = Field(
        default=None, ge=1950, description="Year the skill was last used"
    )


class LanguageIn(BaseModel):
    model_config = STRICT_BODY

    code: LanguageCode
    level: LanguageLevel


class Source(BaseModel):
    model_config = STRICT_BODY

    type: SourceType = SourceType.other
    detail: Annotated[str, StringConstraints(max_length=500)] | None = None


class Consent(BaseModel):
    """The legal basis for keeping the profile; there is no profile without it."""

    model_config = STRICT_BODY

    given_at: Annotated[StrictDatetime, AfterValidator(_aware_not_future)]
    method: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def _unique_language_codes(values: list[LanguageIn]) -> list[LanguageIn]:
    ensure_unique([value.code for value in values], what="language")
    return values


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Email = Annotated[EmailStr, StringConstraints(max_length=320)]
Headline = Annotated[str, StringConstraints(max_length=300)]
Summary = Annotated[str, StringConstraints(max_length=MAX_SUMMARY)]
DayRate = Annotated[
    StrictDecimal, Field(gt=0, le=10_000, decimal_places=2, description="EUR per day")
]
Skills = Annotated[list[FreelancerSkillIn], Field(max_length=MAX_SKILLS)]
Languages = Annotated[
    list[LanguageIn], Field(max_length=20), AfterValidator(_unique_language_codes)
]


Phone = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=3, max_length=40, pattern=r"^\+?[0-9 ()./-]+$"
    ),
]


class FreelancerCreate(BaseModel):
    model_config = STRICT_BODY

    name: Name
    email: Email
    phone: Phone | None = Field(default=None, description="Used only to spot duplicates")
    headline: Headline = ""
    summary: Summary = Field(default="", description="Profile or CV text")
    skills: Skills = []
    available_from: StrictDate | None = Field(default=None, description="Empty means available now")
    day_rate: DayRate | None = None
    location: Location | None = None
    remote: RemotePreference = RemotePreference.hybrid
    languages: Languages = []
    engagement: Engagement = Engagement.freelance
    source: Source = Source()
    consent: Consent


class FreelancerUpdate(BaseModel):
    """PATCH: only the fields sent change; `skills` and `languages` are replaced whole."""

    model_config = STRICT_BODY

    name: Name | None = None
    email: Email | None = None
    headline: Headline | None = None
    summary: Summary | None = None
    skills: Skills | None = None
    available_from: StrictDate | None = None
    day_rate: DayRate | None = None
    location: Location | None = None
    remote: RemotePreference | None = None
    languages: Languages | None = None
    engagement: Engagement | None = None
    source: Source | None = None
    consent: Consent | None = None


NULLABLE_ON_UPDATE = frozenset({"available_from", "day_rate", "location"})


class FreelancerSkillOut(BaseModel):
    name: str = Field(description="The canonical name")
    slug: str
    input: str
    version: str | None
    level: int
    years: float | None
    last_used: int | None


class UnrecognisedFreelancerSkillOut(BaseModel):
    name: str = Field(description="The term as given; kept for an admin to map")
    level: int
    years: float | None
    last_used: int | None
    suggestions: list[str]


class LanguageOut(BaseModel):
    code: str
    level: LanguageLevel


class ConsentOut(BaseModel):
    given_at: datetime
    method: str
    withdrawn_at: datetime | None = Field(default=None, description="Set: no longer ranked")


class EvidenceOut(BaseModel):
    field: Literal["headline", "summary", "cv_text"]
    start: int = Field(description="Character offset into the field's text")
    end: int
    text: str = Field(description="text[start:end]: the skill's name as written")


class ExtractedSkillOut(BaseModel):
    """A skill read from the profile's text; it counts as weaker evidence until confirmed."""

    name: str = Field(description="The canonical name (as in skills[].name)")
    canonical: str
    slug: str
    source: Literal["extracted"] = "extracted"
    years: float | None = Field(description="Years the text states, when it does")
    mentions: int
    evidence: list[EvidenceOut] = Field(description=f"Up to {MAX_EVIDENCE} mentions, in order")
    status: Literal["extracted", "dismissed"]


class FreelancerRead(BaseModel):
    id: int
    name: str
    email: str
    phone: str | None = None
    headline: str
    summary: str
    skills: list[FreelancerSkillOut]
    unrecognised_skills: list[UnrecognisedFreelancerSkillOut]
    extracted_skills: list[ExtractedSkillOut]
    available_from: date | None
    day_rate: float | None
    location: Location | None
    remote: RemotePreference
    languages: list[LanguageOut]
    engagement: Engagement
    source: Source
    consent: ConsentOut
    created_at: datetime
    updated_at: datetime


class FreelancerDetail(FreelancerRead):
    """One profile: also the text of its latest CV file, and what was merged on write."""

    cv_text: str
    warnings: list[FieldWarning] = []


class FreelancerPage(BaseModel):
    items: list[FreelancerRead]
    next_cursor: str | None


class ImportedRow(BaseModel):
    line: int
    id: int


class RejectedRow(BaseModel):
    line: int
    reasons: list[str]


class RowWarning(BaseModel):
    line: int
    field: str
    message: str


class ImportReport(BaseModel):
    imported: list[ImportedRow]
    rejected: list[RejectedRow]
    skipped_existing: list[ImportedRow]
    warnings: list[RowWarning] = Field(
        default=[], description="Imported rows whose repeated skill names were merged"
    )


class ConfirmSkill(BaseModel):
    model_config = STRICT_BODY

    name: SkillName = Field(description="Any spelling of an extracted skill")
    level: int = Field(default=3, ge=1, le=5)


class ConfirmSkills(BaseModel):
    """POST /v1/freelancers/{id}/skills/confirm: extracted skills become confirmed ones."""

    model_config = STRICT_BODY

    skills: Annotated[list[ConfirmSkill], Field(min_length=1, max_length=MAX_SKILLS)]


class DismissSkills(BaseModel):
    """POST /v1/freelancers/{id}/skills/dismiss: extracted skills that are wrong."""

    model_config = STRICT_BODY

    skills: Annotated[list[SkillName], Field(min_length=1, max_length=MAX_SKILLS)]
