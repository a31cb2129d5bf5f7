"""Trust parameters of the referrals service, from the environment (`VOUCH_TRUST_*`)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.referrals.trust.params import TrustParams


class ReferralsSettings(BaseSettings):
    """Defaults are the issue's; every one can be overridden, e.g. VOUCH_TRUST_DAMPING=0.8."""

    model_config = SettingsConfigDict(env_prefix="VOUCH_TRUST_", extra="ignore")

    interaction_half_life_days: float = Field(180.0, gt=0)
    vouch_half_life_days: float = Field(547.875, gt=0)  # 18 months of 365.25/12 days
    weight_in_person: float = Field(1.0, ge=0)
    weight_worked_together: float = Field(1.0, ge=0)
    weight_video: float = Field(0.5, ge=0)
    weight_phone: float = Field(0.4, ge=0)
    weight_online: float = Field(0.2, ge=0)
    damping: float = Field(0.85, gt=0, lt=1)
    max_hops: int = Field(3, ge=1, le=10)
    tolerance: float = Field(1e-7, gt=0)
    track_record_alpha: float = Field(5.0, gt=0)
    meeting_weight: float = Field(0.25, ge=0)
    relationship_budget: float = Field(5.0, gt=0)
    quality_prior: float = Field(1.0, gt=0)
    strong_tie_threshold: float = Field(0.5, gt=0, lt=1)
    cooling_days: int = Field(30, ge=1, le=365)
    max_paths: int = Field(3, ge=1, le=10)
    # Above this many new interactions since the last run, a full recompute is cheaper.
    incremental_max_interactions: int = Field(500, ge=0)

    def trust_params(self) -> TrustParams:
        return TrustParams(
            interaction_half_life_days=self.interaction_half_life_days,
            vouch_half_life_days=self.vouch_half_life_days,
            channel_weights={
                "in_person": self.weight_in_person,
                "worked_together": self.weight_worked_together,
                "video": self.weight_video,
                "phone": self.weight_phone,
                "online": self.weight_online,
            },
            damping=self.damping,
            max_hops=self.max_hops,
            tolerance=self.tolerance,
            track_record_alpha=self.track_record_alpha,
            meeting_weight=self.meeting_weight,
            relationship_budget=self.relationship_budget,
            quality_prior=self.quality_prior,
        )


@lru_cache
def get_referrals_settings() -> ReferralsSettings:
    return ReferralsSettings()


def get_trust_params() -> TrustParams:
    return get_referrals_settings().trust_params()
