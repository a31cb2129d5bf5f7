"""GET /v1/freelancers/{id}/trust."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class FreelancerTrustRead(BaseModel):
    score: float = Field(description="Overall trust in [0, 1); see the README for the formula.")
    features: dict[str, float] = Field(
        description="The trust features of shared/trust_features.py, by name."
    )
    paths: list[str] = Field(description="The strongest trust paths, in words.")
    computed_at: datetime
