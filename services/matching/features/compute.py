"""Vectorised feature values for (request, candidate rows): one numpy pass per feature.

Column order is `registry.FEATURE_NAMES`; every value is clipped into its spec's bounds, which is
what makes the must-have penalty dominate (see `scoring.model`).

Evidence of a required skill, strongest first: a confirmed skill (its level counts against the
required level); a skill extracted from the profile's text, or for a must-have term the catalogue
does not know its words in the profile text (both count as level `TEXT_EVIDENCE_LEVEL`, since
prose states no level); nothing (a must-have then costs the missing penalty).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from services.matching.features.registry import FEATURE_INDEX, FEATURE_NAMES, FEATURES
from services.matching.index.catalogue import IMPLIES_WEIGHT
from services.matching.index.columns import HYBRID, REMOTE
from services.matching.index.segment import (
    LAST_USED_BASE,
    LAST_USED_UNKNOWN,
    YEARS_UNKNOWN,
    IndexSegment,
    SkillGather,
    intersect_sorted,
)
from services.matching.ranking.query import PreparedQuery
from services.matching.settings import MatchingSettings
from shared.trust_features import TRUST_FEATURES, bounded_trust

TEXT_COLUMN = FEATURE_INDEX["text_similarity"]
# The columns `skill_stage` computes from the skill gather; `row_stage` computes all others.
SKILL_FEATURES = (
    "must_have_coverage",
    "nice_to_have_coverage",
    "level_surplus",
    "level_deficit",
    "years_experience",
    "skill_recency",
    "related_skill_credit",
)
SKILL_COLUMNS = np.array([FEATURE_INDEX[name] for name in SKILL_FEATURES])
# `skill_gain_bound` relies on it: a skill feature is never below 0.
assert all(FEATURES[column].lower == 0.0 for column in SKILL_COLUMNS)
_LOWER = np.array([spec.lower for spec in FEATURES])
_UPPER = np.array([spec.upper for spec in FEATURES])
_LOG10 = float(np.log1p(10.0))
RECENCY_HALF_LIFE_YEARS = 3.0
# Text states no level: a skill shown only in text counts as this level (of 5) against the
# required one, e.g. 2/3 of a confirmed skill at the default minimum level 3.
TEXT_EVIDENCE_LEVEL = 2.0
# Required level of a must-have term the catalogue does not know (the request API's default).
TERM_REQUIRED_LEVEL = 3.0


@dataclass
class FeatureBlock:
    """Features of some rows of one segment, plus what explanations need."""

    rows: np.ndarray  # int64 (c,)
    values: np.ndarray  # float64 (c, F)
    must_missing: np.ndarray  # float64 (c,)
    gather: SkillGather  # (c, k + related sources)
    related_credit: np.ndarray  # float64 (c, k)
    related_slot: np.ndarray  # int64 (c, k): gather slot of the best related skill, -1 none
    term_shown: np.ndarray  # bool (c, must terms): the profile text holds the term
    implied: np.ndarray  # bool (c, k): not held, but a skill implying it is

    def take(self, positions: np.ndarray) -> FeatureBlock:
        """The block restricted to some of its rows (by position), in that order."""
        if len(positions) == len(self.rows) and bool(
            (positions == np.arange(len(positions))).all()
        ):
            return self  # every row, in order: nothing to copy
        gather = self.gather
        return FeatureBlock(
            self.rows[positions],
            self.values[positions],
            self.must_missing[positions],
            SkillGather(
                gather.level[positions],
                gather.years[positions],
                gather.last_used[positions],
                gather.extracted[positions],
            ),
            self.related_credit[positions],
            self.related_slot[positions],
            self.term_shown[positions],
            self.implied[positions],
        )

    @staticmethod
    def join(blocks: list[FeatureBlock]) -> FeatureBlock:
        """The rows of several blocks of one segment and request, in that order."""
        gathers = [block.gather for block in blocks]
        return FeatureBlock(
            np.concatenate([block.rows for block in blocks]),
            np.concatenate([block.values for block in blocks]),
            np.concatenate([block.must_missing for block in blocks]),
            SkillGather(
                np.concatenate([gather.level for gather in gathers]),
                np.concatenate([gather.years for gather in gathers]),
                np.concatenate([gather.last_used for gather in gathers]),
                np.concatenate([gather.extracted for gather in gathers]),
            ),
            np.concatenate([block.related_credit for block in blocks]),
            np.concatenate([block.related_slot for block in blocks]),
            np.concatenate([block.term_shown for block in blocks]),
            np.concatenate([block.implied for block in blocks]),
        )

    def shows_any(self, prepared: PreparedQuery) -> np.ndarray:
        """Rows with any evidence for the request: a required or related skill, or text."""
        k = len(prepared.columns)
        gather = self.gather
        held = (gather.level[:, :k] > 0) | gather.extracted[:, :k]
        return (
            held.any(axis=1)
            | (self.related_credit > 0).any(axis=1)
            | self.term_shown.any(axis=1)
            | (self.values[:, TEXT_COLUMN] > 0)
        )


def _saturate(values: np.ndarray, log_cap: float) -> np.ndarray:
    return np.minimum(np.log1p(np.maximum(values, 0.0)) / log_cap, 1.0)


def _weighted_share(values: np.ndarray, weights: np.ndarray, empty: float) -> np.ndarray:
    total = weights.sum()
    if total <= 0:
        return np.full(values.shape[0], empty)
    # Column by column, left to right from 0.0 (a running sum: np.cumsum adds strictly in
    # order): a BLAS matrix-vector product may round a row differently depending on how many
    # rows it is given, and the fast path must match exhaustive scoring to the bit.
    parts = np.empty((len(weights) + 1, values.shape[0]))
    parts[0] = 0.0
    np.multiply(values.T, weights[:, None], out=parts[1:])
    return np.cumsum(parts, axis=0)[-1] / total


def _related(
    prepared: PreparedQuery, gather: SkillGather, shown: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(credit, best slot, implied) per required skill the row does not hold itself.

    Every (required skill, related source) pair at once: a pair's credit is its relation's
    weight times the source's level share; a skill takes its best pair's (the first best),
    and is implied when it holds a source of a strong relation.
    """
    credit = np.zeros(shown.shape)
    best_slot = np.full(shown.shape, -1, dtype=np.int64)
    implied = np.zeros(shown.shape, dtype=bool)
    counts = np.array([len(slots) for slots, _ in prepared.related], dtype=np.int64)
    skills = np.flatnonzero(counts)
    if not len(skills):
        return credit, best_slot, implied
    owner = np.repeat(np.arange(len(counts)), counts)
    slots = np.concatenate([slots for slots, _ in prepared.related])
    weights = np.concatenate([weights for _, weights in prepared.related])
    starts = (np.cumsum(counts) - counts)[skills]
    min_level = prepared.query.min_level.astype(np.float64)
    all_levels = np.where(gather.extracted, TEXT_EVIDENCE_LEVEL, gather.level.astype(np.float64))
    source_levels = all_levels[:, slots]
    candidates = weights * np.minimum(1.0, source_levels / min_level[owner])
    value = np.maximum.reduceat(candidates, starts, axis=1)
    # The first pair reaching its skill's best, as np.argmax would pick it.
    pairs = np.arange(len(slots))
    reaching = candidates == np.repeat(value, counts[skills], axis=1)
    best = np.minimum.reduceat(np.where(reaching, pairs, len(slots)), starts, axis=1)
    lacking = ~shown[:, skills] & (value > 0)
    credit[:, skills] = np.where(lacking, value, 0.0)
    best_slot[:, skills] = np.where(lacking, slots[np.minimum(best, len(slots) - 1)], -1)
    strong = weights >= IMPLIES_WEIGHT
    if strong.any():
        held_strong = (source_levels > 0) & strong
        implied[:, skills] = ~shown[:, skills] & np.logical_or.reduceat(held_strong, starts, axis=1)
    return credit, best_slot, implied


def _recency_table(reference_year: int) -> np.ndarray:
    """Recency of each last-used code 0..LAST_USED_UNKNOWN (unknown: 0.5)."""
    used_code = np.arange(LAST_USED_UNKNOWN + 1, dtype=np.float64)
    age = np.maximum(reference_year - (used_code + LAST_USED_BASE), 0.0)
    table = 0.5 ** (age / RECENCY_HALF_LIFE_YEARS)
    table[LAST_USED_UNKNOWN] = 0.5
    return table


def _skill_features(
    prepared: PreparedQuery,
    gather: SkillGather,
    term_shown: np.ndarray,
    out: dict[str, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    query = prepared.query
    k = len(prepared.columns)
    level = gather.level[:, :k].astype(np.float64)
    confirmed = level > 0
    extracted = gather.extracted[:, :k] & ~confirmed
    shown = confirmed | extracted
    min_level = query.min_level.astype(np.float64)
    weight = query.weight.astype(np.float64)
    must = query.must_have.astype(bool)
    credit, best_slot, implied = _related(prepared, gather, shown)
    evidence_level = np.where(extracted, TEXT_EVIDENCE_LEVEL, level)
    # A skill held only through one implying it covers at the relation's credit.
    fit = np.where(implied, credit, np.minimum(1.0, evidence_level / min_level))
    # Must-have terms the catalogue does not know join the must-haves with weight 1.
    term_fit = term_shown * min(1.0, TEXT_EVIDENCE_LEVEL / TERM_REQUIRED_LEVEL)
    must_fit = np.concatenate([fit[:, must], term_fit], axis=1)
    must_weight = np.concatenate([weight[must], np.ones(term_shown.shape[1])])
    # No must-have at all: 0, so the explanation never credits must-haves nobody asked for.
    out["must_have_coverage"] = _weighted_share(must_fit, must_weight, 0.0)
    out["nice_to_have_coverage"] = _weighted_share(fit[:, ~must], weight[~must], 0.0)
    # Level surplus and deficit speak only of stated levels (confirmed skills).
    held = confirmed * weight
    held_total = held.sum(axis=1)
    safe_total = np.where(held_total > 0, held_total, 1.0)
    out["level_surplus"] = (held * np.maximum(level - min_level, 0) / 4).sum(axis=1) / safe_total
    out["level_deficit"] = (held * np.maximum(min_level - level, 0) / 4).sum(axis=1) / safe_total
    years_code = gather.years[:, :k]
    years = np.where(years_code == YEARS_UNKNOWN, 0.0, years_code / 2.0)
    out["years_experience"] = _weighted_share(np.minimum(years, 10.0) / 10.0 * shown, weight, 0.0)
    # One value per last-used code (a byte), looked up instead of a power per (row, skill).
    recency = _recency_table(query.reference_year)[gather.last_used[:, :k]]
    shown_weight = shown * weight
    shown_total = shown_weight.sum(axis=1)
    out["skill_recency"] = (shown_weight * recency).sum(axis=1) / np.where(
        shown_total > 0, shown_total, 1.0
    )
    # Implied skills already count in the coverage terms; related credit is for the rest.
    out["related_skill_credit"] = _weighted_share(np.where(implied, 0.0, credit), weight, 0.0)
    must_missing = (~(shown | implied)[:, must]).sum(axis=1) + (~term_shown).sum(axis=1)
    return must_missing.astype(np.float64), credit, best_slot, implied


def skill_gain_bound(
    prepared: PreparedQuery, shows: np.ndarray, coefficients: np.ndarray
) -> np.ndarray:
    """(c,) the most the skill features (weighted by `coefficients`, in `SKILL_FEATURES`
    order) can add to the score of rows that show at most the required skills, then must
    terms, marked in `shows` (float 0/1; see `_skill_features`).

    A skill not shown has fit 0 and no years or recency; a shown one has fit at most 1.
    Related credit is at most each skill's strongest relation (not lowered for skills shown:
    the postings may show a skill the features read as absent, which can then earn credit).
    Level surplus, deficit and recency are at most 1 once anything shows. Every skill feature
    is at least 0, so a negative coefficient adds the most at 0, and the rest is a weighted
    share of `shows`: one matrix product (a bound needs no fixed summation order; the caller
    allows for rounding).
    """
    query = prepared.query
    k = len(prepared.columns)
    terms = shows.shape[1] - k
    weight = query.weight.astype(np.float64)
    must = query.must_have.astype(bool)
    gain = dict(zip(SKILL_FEATURES, np.maximum(coefficients, 0.0).tolist(), strict=True))
    strongest = np.array(
        [float(weights.max()) if len(weights) else 0.0 for _, weights in prepared.related]
    ).reshape(k)
    # An implied skill's fit is its relation's credit (relations weigh at most 1 in the
    # catalogue the database keeps; a heavier one still bounds its own credit).
    fit = weight * np.maximum(strongest, 1.0)
    must_total = float(weight[must].sum()) + terms
    nice_total = float(weight[~must].sum())
    total = float(weight.sum())
    per_shown = np.zeros((k + terms, 2))
    per_shown[:k, 1] = 1.0  # counts the skills shown: "anything shows"
    constant = 0.0
    if must_total > 0:
        per_shown[:k, 0] += gain["must_have_coverage"] * np.where(must, fit, 0.0) / must_total
        per_shown[k:, 0] += (
            gain["must_have_coverage"]
            * min(1.0, TEXT_EVIDENCE_LEVEL / TERM_REQUIRED_LEVEL)
            / must_total
        )
    if nice_total > 0:
        per_shown[:k, 0] += gain["nice_to_have_coverage"] * np.where(must, 0.0, fit) / nice_total
    if total > 0:
        per_shown[:k, 0] += gain["years_experience"] * weight / total
        constant += gain["related_skill_credit"] * float((weight * strongest).sum()) / total
    both = shows @ per_shown
    anything = gain["level_surplus"] + gain["level_deficit"] + gain["skill_recency"]
    return both[:, 0] + constant + anything * (both[:, 1] > 0)


def terms_shown(segment: IndexSegment, rows: np.ndarray, prepared: PreparedQuery) -> np.ndarray:
    """(c, must terms): whether each row's profile text holds each unrecognised must term."""
    shown = np.zeros((len(rows), len(prepared.must_term_ids)), dtype=bool)
    for j, ids in enumerate(prepared.must_term_ids):
        holders = segment.text.holding_all(ids)
        shown[:, j] = np.isin(rows, intersect_sorted(np.sort(rows), holders))
    return shown


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

    available = segment.available_from(rows)
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

    # Most profiles have no trust row (every raw value 0, which every transform keeps at 0):
    # only the rows with one are transformed.
    held, raw = segment.trust_held(rows)
    trust = np.round(np.ascontiguousarray(raw.T, dtype=np.float64), 5)
    block = np.zeros((len(TRUST_FEATURES), len(rows)))
    # The same bounded transforms the referrals service scores /trust with (one trust story).
    for i, name in enumerate(TRUST_FEATURES):
        block[i, held] = bounded_trust(name, trust[i])
        out[name] = block[i]

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


def skill_stage(
    segment: IndexSegment,
    rows: np.ndarray,
    prepared: PreparedQuery,
    *,
    with_text: bool = False,
    known: np.ndarray | None = None,
) -> FeatureBlock:
    """The skill features and must-have misses of `rows`; the other columns hold 0, or the
    text similarity too when `with_text`, or are copied from `known` (`row_stage` values of
    the same rows) when given. `finish` fills in the rest."""
    rows = np.asarray(rows, dtype=np.int64)
    gather = segment.gather_skills(prepared.gather_columns, rows, prepared.catalogue.column_slots)
    term_shown = terms_shown(segment, rows, prepared)
    named: dict[str, np.ndarray] = {}
    must_missing, credit, best_slot, implied = _skill_features(prepared, gather, term_shown, named)
    values = np.zeros((len(rows), len(FEATURE_NAMES))) if known is None else known.copy()
    for name, column in named.items():
        index = FEATURE_INDEX[name]
        values[:, index] = np.clip(column, _LOWER[index], _UPPER[index])
    if known is None:
        if with_text:
            values[:, TEXT_COLUMN] = segment.text.similarity(
                rows, prepared.text_terms, prepared.text_weights
            )
        values = np.clip(values, _LOWER, _UPPER)
    return FeatureBlock(rows, values, must_missing, gather, credit, best_slot, term_shown, implied)


def row_stage(
    segment: IndexSegment,
    rows: np.ndarray,
    prepared: PreparedQuery,
    settings: MatchingSettings,
) -> np.ndarray:
    """(c, F) values of every feature but the skill features (those columns hold 0): the fit,
    trust and history features and the text similarity, each from its own row only."""
    rows = np.asarray(rows, dtype=np.int64)
    named: dict[str, np.ndarray] = {}
    _fit_features(segment, rows, prepared, settings, named)
    named["text_similarity"] = segment.text.similarity(
        rows, prepared.text_terms, prepared.text_weights
    )
    # Feature by feature into contiguous rows of the transpose (a column-major (c, F) view).
    columns = np.zeros((len(FEATURE_NAMES), len(rows)))
    for name, column in named.items():
        index = FEATURE_INDEX[name]
        np.clip(column, _LOWER[index], _UPPER[index], out=columns[index])
    return columns.T


def finish(
    segment: IndexSegment,
    block: FeatureBlock,
    prepared: PreparedQuery,
    settings: MatchingSettings,
    *,
    text_done: bool = False,
) -> FeatureBlock:
    """Fill in the deferred features of a `skill_stage` block (in place; returned)."""
    fit_stage(segment, block, prepared, settings)
    if not text_done:
        text_stage(segment, block, prepared)
    return block


def fit_stage(
    segment: IndexSegment,
    block: FeatureBlock,
    prepared: PreparedQuery,
    settings: MatchingSettings,
) -> FeatureBlock:
    """Fill in the deferred features other than text similarity (in place; returned).

    Each value depends on its own row only, so filling them for more rows than are finally
    kept gives the same bits as filling them for the kept rows alone.
    """
    named: dict[str, np.ndarray] = {}
    _fit_features(segment, block.rows, prepared, settings, named)
    _store(block, named)
    return block


def text_stage(segment: IndexSegment, block: FeatureBlock, prepared: PreparedQuery) -> FeatureBlock:
    """Fill in the text similarity of a block (in place; returned)."""
    similarity = segment.text.similarity(block.rows, prepared.text_terms, prepared.text_weights)
    _store(block, {"text_similarity": similarity})
    return block


def _store(block: FeatureBlock, named: dict[str, np.ndarray]) -> None:
    for name, column in named.items():
        index = FEATURE_INDEX[name]
        block.values[:, index] = np.clip(column, _LOWER[index], _UPPER[index])


def compute_features(
    segment: IndexSegment,
    rows: np.ndarray,
    prepared: PreparedQuery,
    settings: MatchingSettings,
) -> FeatureBlock:
    """All features of `rows`."""
    return finish(segment, skill_stage(segment, rows, prepared), prepared, settings)
