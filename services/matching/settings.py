"""Matching settings (`VOUCH_MATCHING_*`): filter tolerances, index freshness, training rules."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class MatchingSettings(BaseSettings):
    """Knobs of the ranker; the defaults are the documented product behaviour."""

    model_config = SettingsConfigDict(env_prefix="VOUCH_MATCHING_", extra="ignore")

    # Hard filters.
    availability_tolerance_days: int = Field(default=14, ge=0, le=365)
    rate_tolerance: float = Field(default=0.10, ge=0.0, le=1.0)
    # A request language needs at least this CEFR level (or native).
    min_language_level: str = Field(default="B2", pattern="^(A1|A2|B1|B2|C1|C2|native)$")

    default_top_k: int = Field(default=20, ge=1, le=200)

    # Freshness: how often a ranking call checks the database for changes, and how far back a
    # poll looks again so rows committed late by long transactions are not missed.
    poll_interval_seconds: float = Field(default=1.0, ge=0.0)
    change_overlap_seconds: float = Field(default=60.0, ge=0.0)
    # Below this many profiles any change rebuilds the whole index (it takes well under a
    # second); above it changes go to a small delta segment until it outgrows this fraction.
    full_rebuild_below: int = Field(default=20_000, ge=0)
    delta_rebuild_fraction: float = Field(default=0.05, gt=0.0, le=1.0)

    # Text similarity: terms kept per profile (the strongest TF-IDF terms; a 3-page CV has
    # ~250 distinct terms), and how many profiles fit the vocabulary. On the text evaluation
    # set 16, 32 and 64 rank alike (NDCG@10 0.974 / 0.974 / 0.970); 32 leaves room for long
    # real CVs at 6 bytes a term (~190 MB at a million CVs).
    text_terms_per_profile: int = Field(default=32, ge=1, le=1024)
    text_fit_sample: int = Field(default=200_000, ge=1)
    # Text path of candidate generation: the profiles most similar to the request's text that
    # pass the hard filters join the skill path's candidates (0 turns the text path off).
    text_candidates: int = Field(default=300, ge=0, le=100_000)
    # Retrieval reads at most this many (the highest-weighted) postings per request term, so
    # common words cost a bounded amount at a million profiles; terms held by fewer profiles
    # are read whole (exact retrieval for agencies of that size).
    text_champions: int = Field(default=1000, ge=1)

    # Training and the holdout gate.
    holdout_fraction: float = Field(default=0.2, gt=0.0, lt=1.0)
    min_holdout_requests: int = Field(default=5, ge=1)
    min_ndcg_improvement: float = Field(default=0.005, ge=0.0)
    # One-sided paired t-test across holdout requests: the gain must be significant at this level.
    significance_level: float = Field(default=0.05, gt=0.0, lt=1.0)
    training_alpha: float = Field(default=1.0, ge=0.0)
    # Few decisions: fit as a regularised update of the prior (its pull is fixed, so it fades
    # as reviewed pairs grow; see scoring.trainer) instead of a plain ridge toward zero.
    shrink_toward_prior: bool = True
    prior_strength: float = Field(default=3.0, ge=0.0)
    # A time-split holdout with fewer informative requests than min_holdout_requests gives way
    # to cross-validation over requests (grouped: a request is never split across folds).
    cv_folds: int = Field(default=5, ge=2, le=50)
    min_cv_requests: int = Field(default=4, ge=2)
    # A model that passes the comparison becomes active at once; off, it waits as "trained"
    # until an admin activates it.
    auto_activate: bool = True


@lru_cache
def get_matching_settings() -> MatchingSettings:
    return MatchingSettings()
