"""Match run shapes: ranked results with contributions that add up to the score."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from shared.strict_types import StrictInt


class MatchRunCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    top_k: StrictInt | None = Field(
        default=None, ge=1, le=200, description="Default 20, at most 200."
    )


class MatchedSkill(BaseModel):
    name: str
    required_level: int
    level: int
    must_have: bool
    years: float | None = None
    last_used: int | None = None


class MissingSkill(BaseModel):
    name: str
    required_level: int
    must_have: bool


class RelatedCredit(BaseModel):
    skill: str = Field(description="The required skill the freelancer lacks.")
    via: str = Field(description="The related skill on the profile that earned partial credit.")
    level: int
    credit: float


class Explanation(BaseModel):
    matched_skills: list[MatchedSkill]
    missing_skills: list[MissingSkill]
    related_credit: list[RelatedCredit]
    trust_paths: list[str]
    summary: str


class MatchResultRead(BaseModel):
    rank: int
    freelancer_id: int
    score: float
    contributions: dict[str, float] = Field(
        description="Per-feature contribution (coefficient x value), plus 'bias' and "
        "'must_have_missing'; they add up to the score."
    )
    explanation: Explanation


class MatchRunRead(BaseModel):
    run_id: int
    request_id: int
    model_version: str
    model_version_id: int | None
    created_at: datetime
    top_k: int
    candidates_considered: int
    trigger: str
    results: list[MatchResultRead]
