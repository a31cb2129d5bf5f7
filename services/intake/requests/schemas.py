"""Staffing request bodies and responses."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from services.intake.common.schemas import (
    STRICT_BODY,
    FieldWarning,
    LanguageCode,
    Location,
    SkillName,
    ensure_unique,
    not_in_past,
)
from shared.models.enums import Engagement, RemotePreference, RequestStatus
from shared.strict_types import StrictBool, StrictDate, StrictDecimal, StrictFloat, StrictInt

MAX_SKILLS = 50
MAX_DESCRIPTION = 20_000

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Description = Annotated[str, StringConstraints(max_length=MAX_DESCRIPTION)]
StartDate = Annotated[StrictDate, AfterValidator(not_in_past)]
DurationMonths = Annotated[StrictInt, Field(ge=1, le=60)]
DayRate = Annotated[
    StrictDecimal, Field(gt=0, le=10_000, decimal_places=2, description="EUR per day")
]


def _unique_languages(values: list[str]) -> list[str]:
    return ensure_unique(values, what="language")


Languages = Annotated[
    list[LanguageCode],
    Field(max_length=20, description="ISO 639-1 codes, e.g. de, en"),
    AfterValidator(_unique_languages),
]


class RequestSkillIn(BaseModel):
    model_config = STRICT_BODY

    name: SkillName = Field(description="Any spelling: k8s, Kubernetes, Java 17 ...")
    must_have: StrictBool = True
    min_level: StrictInt = Field(default=3, ge=1, le=5)
    weight: StrictFloat = Field(default=1.0, gt=0, le=100)


# A request may list no skills when its description says what is needed (the matcher reads
# skills from the text), and may list only nice-to-haves.
MIN_DESCRIPTION_WITHOUT_SKILLS = 20

Skills = Annotated[
    list[RequestSkillIn],
    Field(
        max_length=MAX_SKILLS,
        description=(
            f"Up to {MAX_SKILLS} skills; may be empty when the description (at least "
            f"{MIN_DESCRIPTION_WITHOUT_SKILLS} characters) names them"
        ),
    ),
]


Headcount = Annotated[
    int,
    Field(ge=1, le=100, strict=True, description="How many people are needed (1 to 100)"),
]


class RequestCreate(BaseModel):
    model_config = STRICT_BODY

    organization_id: StrictInt | None = Field(
        default=None,
        description="Required for account managers and admins; a client key may omit it.",
    )
    title: Title
    description: Description = ""
    skills: Skills = []
    start_date: StartDate
    duration_months: DurationMonths
    max_day_rate: DayRate
    location: Location | None = None
    remote: RemotePreference = RemotePreference.hybrid
    languages: Languages = []
    engagement: Engagement = Engagement.freelance
    headcount: Headcount = 1


class RequestUpdate(BaseModel):
    """PATCH: only the fields sent change; `skills` and `languages` are replaced whole."""

    model_config = STRICT_BODY

    title: Title | None = None
    description: Description | None = None
    skills: Skills | None = None
    start_date: StartDate | None = None
    duration_months: DurationMonths | None = None
    max_day_rate: DayRate | None = None
    location: Location | None = None
    remote: RemotePreference | None = None
    languages: Languages | None = None
    engagement: Engagement | None = None
    headcount: Headcount | None = None


NULLABLE_ON_UPDATE = frozenset({"location"})


class CanonicalSkillOut(BaseModel):
    name: str = Field(description="The canonical name, e.g. Kubernetes")
    slug: str
    input: str = Field(description="What the caller wrote, e.g. k8s")
    version: str | None
    must_have: bool
    min_level: int
    weight: float


class UnrecognisedSkillOut(BaseModel):
    name: str = Field(description="The term as given; kept for an admin to map")
    must_have: bool
    min_level: int
    weight: float
    suggestions: list[str]


class RequestRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    organization_id: int
    status: RequestStatus
    title: str
    description: str
    skills: list[CanonicalSkillOut]
    unrecognised_skills: list[UnrecognisedSkillOut]
    start_date: date
    duration_months: int
    max_day_rate: float
    location: Location | None
    remote: RemotePreference
    languages: list[str]
    engagement: Engagement
    headcount: int = Field(description="People needed; filled when that many are placed")
    created_at: datetime
    updated_at: datetime
    warnings: list[FieldWarning] = Field(
        default=[], description="On create and change: e.g. two names merged into one skill"
    )


class RequestPage(BaseModel):
    items: list[RequestRead]
    next_cursor: str | None
