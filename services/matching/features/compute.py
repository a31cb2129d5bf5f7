"""Vectorised feature values for (request, candidate rows): one numpy pass per feature.

Column order is `registry.FEATURE_NAMES`; every value is clipped into its spec's bounds, which is
what makes the must-have penalty dominate (see `scoring.model`). Text similarity is filled in
separately (`TEXT_COLUMN`) because the engine computes it only for rows that can still reach
the top k.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from services.matching.features.registry import FEATURE_INDEX, FEATURE_NAMES, FEATURES
from services.matching.index.columns import HYBRID, REMOTE
from services.matching.index.segment import (
    LAST_USED_BASE,
    LAST_USED_UNKNOWN,
    YEARS_UNKNOWN,
    IndexSegment,
    SkillGather,
)
from services.matching.ranking.query import PreparedQuery
from services.matching.settings import MatchingSettings
from shared.trust_features import TRUST_FEATURES, bounded_trust

TEXT_COLUMN = FEATURE_INDEX["text_similarity"]
_LOWER = np.array([spec.lower for spec in FEATURES])
_UPPER = np.array([spec.upper for spec in FEATURES])
_LOG10 = float(np.log1p(10.0))
RECENCY_HALF_LIFE_YEARS = 3.0


@dataclass
class FeatureBlock:
    """Features of some rows of one segment, plus what explanations need."""

    rows: np.ndarray  # int64 (c,)
    values: np.ndarray  # float64 (c, F)
    must_missing: np.ndarray  # float64 (c,)
    gather: SkillGather  # (c, k + related sources)
    related_credit: np.ndarray  # float64 (c, k)
    related_slot: np.ndarray  # int64 (c, k): gather slot of the best related skill, -1 none


def _saturate(values: np.ndarray, log_cap: float) -> np.ndarray:
    return np.minimum(np.log1p(np.maximum(values, 0.0)) / log_cap, 1.0)


def _weighted_share(values: np.ndarray, weights: np.ndarray, empty: float) -> np.ndarray:
    total = weights.sum()
    if total <= 0:
        return np.full(values.shape[0], empty)
    return (values @ weights) / total


def _skill_features(
    prepared: PreparedQuery, gather: SkillGather, out: dict[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    query = prepared.query
    k = len(prepared.columns)
    level = gather.level[:, :k].astype(np.float64)
    has = level > 0
    min_level = query.min_level.astype(np.float64)
    weight = query.weight.astype(np.float64)
    must = query.must_have.astype(bool)
    fit = np.minimum(1.0, level / min_level)
    out["must_have_coverage"] = _weighted_share(fit[:, must], weight[must], 1.0)
    out["nice_to_have_coverage"] = _weighted_share(fit[:, ~must], weight[~must], 0.0)
    held = has * weight
    held_total = held.sum(axis=1)
    safe_total = np.where(held_total > 0, held_total, 1.0)
    out["level_surplus"] = (held * np.maximum(level - min_level, 0) / 4).sum(axis=1) / safe_total
    out["level_deficit"] = (held * np.maximum(min_level - level, 0) / 4).sum(axis=1) / safe_total
    years_code = gather.years[:, :k]
    years = np.where(years_code == YEARS_UNKNOWN, 0.0, years_code / 2.0)
    out["years_experience"] = _weighted_share(np.minimum(years, 10.0) / 10.0 * has, weight, 0.0)
    used_code = gather.last_used[:, :k].astype(np.float64)
    age = np.maximum(query.reference_year - (used_code + LAST_USED_BASE), 0.0)
    recency = np.where(
        gather.last_used[:, :k] == LAST_USED_UNKNOWN, 0.5, 0.5 ** (age / RECENCY_HALF_LIFE_YEARS)
    )
    out["skill_recency"] = (held * recency).sum(axis=1) / safe_total

    credit = np.zeros(level.shape)
    best_slot = np.full(level.shape, -1, dtype=np.int64)
    all_levels = gather.level.astype(np.float64)
    for j, (slots, weights) in enumerate(prepared.related):
        if len(slots) == 0:
            continue
        candidates = weights[None, :] * np.minimum(1.0, all_levels[:, slots] / min_level[j])
        best = np.argmax(candidates, axis=1)
        value = candidates[np.arange(len(best)), best]
        lacking = ~has[:, j] & (value > 0)
        credit[lacking, j] = value[lacking]
        best_slot[lacking, j] = slots[best[lacking]]
    out["related_skill_credit"] = _weighted_share(credit, weight, 0.0)
    must_missing = (~has[:, must]).sum(axis=1).astype(np.float64)
    return must_missing, credit, best_slot


def _fit_features(
    segment: IndexSegment,
    rows: np.ndarray,
    prepared: PreparedQuery,
    settings: MatchingSettings,
    out: dict[str, np.ndarray],
) -> None:
    query = prepared.query
    # Stored as float32: round back to the cent (and trust to 5 decimals) so contributions
    # show the values the database holds, not float32 noise.
    rate = np.round(segment.day_rate[rows].astype(np.float64), 2)
    budget = query.max_day_rate
    ceiling = budget * (1.0 + settings.rate_tolerance)
    span = ceiling - budget
    over = np.clip((ceiling - rate) / span, 0.0, 1.0) if span > 0 else np.zeros(len(rows))
    out["rate_fit"] = np.where(np.isnan(rate), 0.5, np.where(rate <= budget, 1.0, over))

    available = segment.available_from[rows].astype(np.int64)
    gap = np.where(available > 0, np.maximum(available - query.start_ordinal, 0), 0)
    tolerance = max(settings.availability_tolerance_days, 1)
    out["availability_gap"] = np.minimum(gap / tolerance, 1.0)

    out["location_fit"] = _location_fit(segment, rows, prepared)

    if query.languages:
        scores = [
            np.clip((segment.language_level(code, rows) - 3.0) / 4.0, 0.0, 1.0)
            for code in query.languages
        ]
        out["language_fit"] = np.mean(scores, axis=0)
    else:
        out["language_fit"] = np.ones(len(rows))

    trust = np.round(segment.trust[rows].astype(np.float64), 5)
    # The same bounded transforms the referrals service scores /trust with (one trust story).
    for i, name in enumerate(TRUST_FEATURES):
        out[name] = bounded_trust(name, trust[:, i])

    out.update(
        placement_history(
            segment.placement_count[rows].astype(np.float64),
            segment.placement_successes[rows].astype(np.float64),
        )
    )


def placement_history(count: np.ndarray, successes: np.ndarray) -> dict[str, np.ndarray]:
    """The two placement-history features from raw counts."""
    return {
        "placement_count": _saturate(count, _LOG10),
        "placement_success": (successes + 1.0) / (count + 2.0),
    }


def _location_fit(segment: IndexSegment, rows: np.ndarray, prepared: PreparedQuery) -> np.ndarray:
    query = prepared.query
    remote_only = segment.remote[rows] == REMOTE
    if query.remote == REMOTE:
        return np.ones(len(rows))
    if query.country:
        country = segment.country_vocabulary.get(query.country, -2)
        same_country = segment.country[rows] == country
        city = segment.city[rows]
        if query.city:
            wanted = segment.city_vocabulary.get(query.city, -2)
            fit = np.where(city == wanted, 1.0, np.where(city < 0, 0.75, 0.5))
        else:
            fit = np.ones(len(rows))
        fit = np.where(same_country, fit, 0.5)
    else:
        fit = np.full(len(rows), 0.75)
    if query.remote == HYBRID:
        fit = np.where(remote_only, fit * 0.6, fit)
    return fit


def compute_features(
    segment: IndexSegment,
    rows: np.ndarray,
    prepared: PreparedQuery,
    settings: MatchingSettings,
    *,
    with_text: bool = True,
) -> FeatureBlock:
    """All features of `rows`; text similarity is 0 unless `with_text`."""
    rows = np.asarray(rows, dtype=np.int64)
    gather = segment.gather_skills(prepared.gather_columns, rows, prepared.catalogue.column_slots)
    named: dict[str, np.ndarray] = {}
    must_missing, credit, best_slot = _skill_features(prepared, gather, named)
    _fit_features(segment, rows, prepared, settings, named)
    named["text_similarity"] = (
        segment.text_similarity(rows, prepared.encoder, prepared.text_terms, prepared.text_weights)
        if with_text
        else np.zeros(len(rows))
    )
    if len(rows):
        values = np.column_stack([named[name] for name in FEATURE_NAMES])
    else:
        values = np.zeros((0, len(FEATURE_NAMES)))
    values = np.clip(values, _LOWER, _UPPER)
    return FeatureBlock(rows, values, must_missing, gather, credit, best_slot)


def fill_text(
    segment: IndexSegment, block: FeatureBlock, prepared: PreparedQuery, mask: np.ndarray
) -> None:
    """Compute text similarity for the rows of `block` selected by `mask`, in place."""
    selected = np.flatnonzero(mask)
    if len(selected) == 0:
        return
    similarity = segment.text_similarity(
        block.rows[selected], prepared.encoder, prepared.text_terms, prepared.text_weights
    )
    block.values[selected, TEXT_COLUMN] = np.clip(similarity, 0.0, 1.0)
