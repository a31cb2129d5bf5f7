"""GET /v1/freelancers/{id}/trust."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class FreelancerTrustRead(BaseModel):
    score: float = Field(
        description=(
            "Trust points: the sum of `contributions`, the same points the trust features add "
            "to a match score under the prior model (shared/trust_features.py)."
        )
    )
    contributions: dict[str, float] = Field(
        description="Points per trust feature: prior weight x bounded feature value."
    )
    features: dict[str, float] = Field(
        description="The raw trust features of shared/trust_features.py, by name."
    )
    paths: list[str] = Field(description="The strongest trust paths, in words.")
    status: Literal["current", "recomputing"] = Field(
        description=(
            "'recomputing' while a change to the network (a contact, meeting or vouch) is "
            "queued but not yet propagated: the numbers are those before it."
        )
    )
    computed_at: datetime
