"""Review shapes; the client view of presented candidates carries no score and no voucher."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from shared.models.enums import Decision
from shared.strict_types import StrictInt


class ReviewCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    request_id: StrictInt = Field(ge=1)
    freelancer_id: StrictInt = Field(ge=1)
    decision: Decision
    reason: str | None = Field(default=None, max_length=4000)
    match_run_id: StrictInt | None = Field(default=None, ge=1)
    added_manually: bool = Field(
        default=False,
        strict=True,
        description="Presenting someone who was never ranked for the request: needs a reason.",
    )


class ReviewRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    request_id: int
    freelancer_id: int
    decision: Decision
    reason: str | None
    reviewer_key_id: int
    match_run_id: int | None
    added_manually: bool
    created_at: datetime
    # The feature values the ranker saw (training uses them); staff-only like every review.
    feature_values: dict[str, float] | None = None
    feature_source: str | None = None


class ReviewList(BaseModel):
    request_id: int
    items: list[ReviewRead]


class CandidateSkill(BaseModel):
    name: str
    level: int
    required_level: int
    must_have: bool


class PresentedCandidate(BaseModel):
    freelancer_id: int
    headline: str
    status: Decision
    presented_at: datetime
    matched_skills: list[CandidateSkill]


class CandidateList(BaseModel):
    request_id: int
    candidates: list[PresentedCandidate]


class DecisionCounts(BaseModel):
    request_id: int
    # Latest decision per freelancer, counted: {"shortlisted": 3, "presented": 1}.
    decisions: dict[Decision, int]


class DecisionCountList(BaseModel):
    items: list[DecisionCounts]
