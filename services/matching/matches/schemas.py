"""Match run shapes: ranked results with contributions that add up to the score."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.strict_types import StrictInt


class MatchRunCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    top_k: StrictInt | None = Field(
        default=None, ge=1, le=200, description="Default 20, at most 200."
    )


SkillSource = Literal["profile", "extracted", "related", "text"]


class MatchedSkill(BaseModel):
    name: str
    required_level: int
    level: int | None = Field(
        default=None, description="The confirmed level; null when the evidence is text."
    )
    must_have: bool
    source: SkillSource = Field(
        default="profile",
        description="profile: a confirmed skill; extracted: read from the profile's text; "
        "related: not held, but a skill that implies it is (e.g. Scrum Master for Scrum); "
        "text: a must-have term the catalogue does not know, found in the profile's text.",
    )
    years: float | None = None
    last_used: int | None = None
    from_request_text: bool = Field(
        default=False, description="Not in the request's skill list; named in its text."
    )
    in_catalogue: bool = True
    note: str | None = None


class MissingSkill(BaseModel):
    name: str
    required_level: int
    must_have: bool
    from_request_text: bool = False
    in_catalogue: bool = True
    note: str | None = None


class RelatedCredit(BaseModel):
    skill: str = Field(description="The required skill the freelancer lacks.")
    via: str = Field(description="The related skill on the profile that earned partial credit.")
    level: int | None = Field(description="Its confirmed level; null when read from text.")
    credit: float


class Explanation(BaseModel):
    matched_skills: list[MatchedSkill]
    missing_skills: list[MissingSkill]
    related_credit: list[RelatedCredit]
    trust_paths: list[str]
    summary: str


def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    return {
        name: field.default
        for name, field in model.model_fields.items()
        if not field.is_required() and field.default_factory is None
    }


_MATCHED_DEFAULTS = _defaults(MatchedSkill)
_MISSING_DEFAULTS = _defaults(MissingSkill)


def with_defaults(explanation: dict[str, Any]) -> dict[str, Any]:
    """The ranker's explanation with every field `Explanation` defaults filled in, so it can be
    sent as it is (what validating it would give, without validating 50 results per call)."""
    return {
        **explanation,
        "matched_skills": [{**_MATCHED_DEFAULTS, **s} for s in explanation["matched_skills"]],
        "missing_skills": [{**_MISSING_DEFAULTS, **s} for s in explanation["missing_skills"]],
    }


class MatchResultRead(BaseModel):
    rank: int
    freelancer_id: int
    score: float
    contributions: dict[str, float] = Field(
        description="Per-feature contribution (coefficient x value), plus 'bias' and "
        "'must_have_missing'; they add up to the score."
    )
    explanation: Explanation


class TextEvidence(BaseModel):
    field: Literal["title", "description"]
    text: str


class SkillFromText(BaseModel):
    name: str
    must_have: bool
    requirement: Literal["must", "nice"] | None = Field(
        description="The cue the text gave near the skill, if any."
    )
    evidence: TextEvidence | None


class UnrecognisedTerm(BaseModel):
    term: str
    must_have: bool


class MatchQuery(BaseModel):
    """What the ranking read from the request beyond its skill list."""

    skills_from_text: list[SkillFromText] = Field(
        description="Skills the title or description names that the skill list lacks; ranked "
        "as nice-to-haves unless the text marks them as required (or the request lists none)."
    )
    unrecognised_terms: list[UnrecognisedTerm] = Field(
        description="Skill terms the catalogue does not know: matched against profile text; "
        "a must-have one stays a must-have."
    )


class MatchRunRead(BaseModel):
    run_id: int
    request_id: int
    model_version: str
    model_version_id: int | None
    created_at: datetime
    top_k: int
    candidates_considered: int
    trigger: str
    query: MatchQuery | None = Field(
        default=None, description="How the request was read (from its current text)."
    )
    results: list[MatchResultRead]


class FilterVerdict(BaseModel):
    filter: str = Field(description="day_rate, availability, engagement, language, location, ...")
    freelancer: str | float | int | None
    request: str | float | int | None


class WhyNotRead(BaseModel):
    """Where one freelancer stands for a request if it were ranked now."""

    request_id: int
    freelancer_id: int
    status: Literal["excluded", "ranked", "not_in_top"]
    filters: list[FilterVerdict] = Field(
        default_factory=list, description="The rules that exclude the freelancer (status excluded)."
    )
    rank: int | None = None
    top_k: int
    score: float | None = None
    contributions: dict[str, float] | None = None
    explanation: Explanation | None = None
