"""The fast path (tiers, text path, score bounds, deferred features) ranks exactly like
exhaustive scoring of every filtered profile: across a main and a delta segment, for any
linear model (random signs and sizes), with widening through the tiers and the text path,
whatever the size of the head that sets the bound, and when the postings show a must-have the
features read as absent (a confirmed level 0)."""

from __future__ import annotations

from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from services.matching.features.compute import (
    SKILL_COLUMNS,
    compute_features,
    skill_gain_bound,
)
from services.matching.features.registry import FEATURE_NAMES
from services.matching.index.columns import FREELANCE_BIT, LANGUAGE_LEVELS, PERMANENT_BIT
from services.matching.index.segment import IndexSegment
from services.matching.index.text import TextEncoder
from services.matching.ranking import engine
from services.matching.ranking.candidates import (
    RATE_EPSILON,
    hard_filter,
    must_sets,
    shown_matrix,
    shown_sets,
)
from services.matching.ranking.engine import IndexSnapshot, rank
from services.matching.ranking.query import PreparedQuery, RequestQuery, prepare
from services.matching.scoring.model import RankingModel
from services.matching.settings import MatchingSettings
from tests.matching.test_matching_index import (
    SETTINGS,
    synthetic_catalogue,
    synthetic_query,
    synthetic_source,
)


def two_segments(seed: int, people: int, *, zero_levels: bool = False) -> IndexSnapshot:
    """A main segment and a delta segment with other freelancers (ids offset); with
    `zero_levels`, a third of the confirmed skills have level 0 (held, but not shown)."""
    main_source = synthetic_source(seed, people)
    delta_source = synthetic_source(seed + 7, max(1, people // 3))
    if zero_levels:
        for source in (main_source, delta_source):
            rng = np.random.default_rng(seed + 3)
            levels = np.asarray(source.skills.level).copy()
            levels[rng.random(len(levels)) < 0.35] = 0
            source.skills.level = levels
    offset = 1_000_000
    delta_source.freelancers.ids = delta_source.freelancers.ids + offset
    delta_source.skills.freelancer_ids = delta_source.skills.freelancer_ids + offset
    delta_source.languages.freelancer_ids = delta_source.languages.freelancer_ids + offset
    delta_source.trust.freelancer_ids = delta_source.trust.freelancer_ids + offset
    catalogue = synthetic_catalogue()
    encoder = TextEncoder.fit(main_source.freelancers.texts, terms_per_profile=4, sample=10_000)
    segments = (
        IndexSegment(main_source, catalogue, encoder),
        IndexSegment(delta_source, catalogue, encoder),
    )
    return IndexSnapshot(catalogue, encoder, segments)


def random_model(seed: int) -> RankingModel:
    rng = np.random.default_rng(seed)
    coefficients = rng.normal(0.0, 2.0, len(FEATURE_NAMES))
    coefficients[rng.random(len(FEATURE_NAMES)) < 0.2] = 0.0
    return RankingModel("test", np.ascontiguousarray(coefficients), float(rng.normal()))


def exhaustive(
    snapshot: IndexSnapshot, query: RequestQuery, model: RankingModel, settings_: MatchingSettings
) -> tuple[list[int], list[float]]:
    prepared = prepare(query, snapshot.catalogue, snapshot.encoder)
    blocks = []
    for segment in snapshot.segments:
        everyone = np.arange(len(segment))
        everyone = everyone[hard_filter(segment, everyone, prepared, settings_)]
        blocks.append((segment, compute_features(segment, everyone, prepared, settings_)))
    must = prepared.must_count
    someone_shows_must = must and any(
        bool((block.must_missing < must).any()) for _, block in blocks
    )
    ids, scores = [], []
    for segment, block in blocks:
        keep = block.must_missing < must if someone_shows_must else block.shows_any(prepared)
        ids.append(segment.ids[block.rows][keep])
        scores.append(model.score(block.values, block.must_missing)[keep])
    all_ids, all_scores = np.concatenate(ids), np.concatenate(scores)
    order = np.lexsort((all_ids, -all_scores))
    return all_ids[order].tolist(), all_scores[order].tolist()


@settings(max_examples=160, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    people=st.integers(1, 150),
    top_k=st.integers(1, 40),
    model_seed=st.integers(0, 1_000),
    head_factor=st.integers(1, 4),
)
def test_fast_path_equals_exhaustive_scoring(
    seed: int, people: int, top_k: int, model_seed: int, head_factor: int
) -> None:
    snapshot = two_segments(seed, people)
    query = synthetic_query(seed)
    model = random_model(model_seed)
    # A text path as long as the agency: every profile whose text fits is reachable.
    settings_ = SETTINGS.model_copy(update={"text_candidates": people * 2})
    expected_ids, expected_scores = exhaustive(snapshot, query, model, settings_)

    # A small head bounds the k-th best loosely, so more rows are pruned by their bound.
    with mock.patch.object(engine, "HEAD_FACTOR", head_factor):
        output = rank(snapshot, query, model, top_k=top_k, settings=settings_)

    assert [r.freelancer_id for r in output.results] == expected_ids[:top_k]
    assert [r.score for r in output.results] == expected_scores[:top_k]
    for result in output.results:
        # Contributions are built for the returned rows and add up to their score.
        assert abs(sum(result.contributions.values()) - result.score) < 1e-9


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    people=st.integers(20, 150),
    top_k=st.integers(1, 10),
)
def test_every_tier_of_widening_ranks_exactly(seed: int, people: int, top_k: int) -> None:
    """Many must-haves (most profiles miss some): the top k comes from lower tiers and the
    reach fallback, and still equals exhaustive scoring."""
    snapshot = two_segments(seed, people)
    base = synthetic_query(seed)
    skills = np.arange(1, 7, dtype=np.int64)
    query = RequestQuery(
        **{
            **base.__dict__,
            "skill_ids": skills,
            "skill_names": tuple(f"skill {i}" for i in skills),
            "must_have": np.array([True, True, True, True, False, False]),
            "min_level": np.full(6, 3, dtype=np.int8),
            "weight": np.ones(6),
        }
    )
    model = random_model(seed)
    settings_ = SETTINGS.model_copy(update={"text_candidates": people * 2})
    expected_ids, expected_scores = exhaustive(snapshot, query, model, settings_)

    output = rank(snapshot, query, model, top_k=top_k, settings=settings_)

    assert [r.freelancer_id for r in output.results] == expected_ids[:top_k]
    assert [r.score for r in output.results] == expected_scores[:top_k]


@settings(max_examples=80, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    people=st.integers(1, 150),
    top_k=st.integers(1, 20),
    model_seed=st.integers(0, 1_000),
    head_factor=st.integers(1, 4),
)
def test_pruning_is_exact_when_the_postings_show_more_than_the_features(
    seed: int, people: int, top_k: int, model_seed: int, head_factor: int
) -> None:
    """Every filtered profile a candidate, a third of the confirmed skills at level 0 (held
    in the postings, absent in the features; the database allows no such level): the score
    bounds and the clean-list rule still give exactly the exhaustive top k."""
    snapshot = two_segments(seed, people, zero_levels=True)
    query = synthetic_query(seed)
    model = random_model(model_seed)
    expected_ids, expected_scores = exhaustive(snapshot, query, model, SETTINGS)

    def everyone(
        segment: IndexSegment, prepared: PreparedQuery, settings_: MatchingSettings, **_: object
    ) -> np.ndarray:
        rows = np.arange(len(segment), dtype=np.int64)
        return rows[hard_filter(segment, rows, prepared, settings_)]

    with (
        mock.patch.object(engine, "HEAD_FACTOR", head_factor),
        mock.patch.object(engine, "candidate_rows", everyone),
    ):
        output = rank(snapshot, query, model, top_k=top_k, settings=SETTINGS)

    assert [r.freelancer_id for r in output.results] == expected_ids[:top_k]
    assert [r.score for r in output.results] == expected_scores[:top_k]


@settings(max_examples=80, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    people=st.integers(1, 150),
    model_seed=st.integers(0, 1_000),
    zero_levels=st.booleans(),
)
def test_skill_bounds_from_the_postings_hold_for_every_profile(
    seed: int, people: int, model_seed: int, zero_levels: bool
) -> None:
    """What the postings show bounds each profile's skill features and must-have misses: the
    bound the fast path prunes with is never below the exact value, for any model."""
    snapshot = two_segments(seed, people, zero_levels=zero_levels)
    query = synthetic_query(seed)
    model = random_model(model_seed)
    prepared = prepare(query, snapshot.catalogue, snapshot.encoder)
    for segment in snapshot.segments:
        everyone = np.arange(len(segment), dtype=np.int64)
        sets = shown_sets(segment, prepared)
        shows = shown_matrix(everyone, sets)
        block = compute_features(segment, everyone, prepared, SETTINGS)
        coefficients = model.coefficients[SKILL_COLUMNS]
        exact = block.values[:, SKILL_COLUMNS] @ coefficients
        bound = skill_gain_bound(prepared, shows, coefficients)
        assert (bound >= exact - 1e-9).all()
        missing_floor = len(must_sets(prepared, sets)) - shows[:, _must_slots(prepared)].sum(1)
        assert (missing_floor <= block.must_missing).all()
        if not zero_levels:
            # Without data the features read as absent, the postings tell the misses exactly.
            assert (missing_floor == block.must_missing).all()


def _must_slots(prepared: PreparedQuery) -> np.ndarray:
    return np.concatenate(
        [prepared.query.must_have.astype(bool), np.ones(len(prepared.query.must_terms), bool)]
    )


def _reference_filter(
    segment: IndexSegment, rows: np.ndarray, query: RequestQuery, settings_: MatchingSettings
) -> np.ndarray:
    """The availability, engagement, rate and language filters written out plainly."""
    ok = segment.alive[rows].copy()
    available = segment.available_from(rows)
    latest = query.start_ordinal + settings_.availability_tolerance_days
    ok &= (available == 0) | (available <= latest)
    bits = np.where(segment.engagement[rows] == 0, FREELANCE_BIT, segment.engagement[rows])
    wanted = {"freelance": FREELANCE_BIT, "permanent": PERMANENT_BIT}.get(
        query.engagement, FREELANCE_BIT | PERMANENT_BIT
    )
    ok &= (bits & wanted) != 0
    rate = segment.day_rate[rows].astype(np.float64)
    ceiling = query.max_day_rate * (1.0 + settings_.rate_tolerance) + RATE_EPSILON
    ok &= np.isnan(rate) | (rate <= ceiling)
    for code in query.languages:
        ok &= segment.language_level(code, rows) >= LANGUAGE_LEVELS[settings_.min_language_level]
    return ok


@settings(max_examples=80, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    people=st.integers(1, 150),
    budget=st.floats(300.0, 900.0),
    start_shift=st.integers(-200, 200),
    engagement=st.sampled_from(["freelance", "permanent", "either"]),
)
def test_hard_filter_passes_exactly_the_rows_the_rules_allow(
    seed: int, people: int, budget: float, start_shift: int, engagement: str
) -> None:
    """Availability by stored day offsets, engagement by table, rates as float32 against the
    greatest float32 under the ceiling: the same rows as the rules computed in float64."""
    segment = two_segments(seed, people).segments[0]
    base = synthetic_query(seed)
    query = RequestQuery(
        **{
            **base.__dict__,
            "max_day_rate": budget,
            "start_ordinal": base.start_ordinal + start_shift,
            "engagement": engagement,
            "remote": 2,  # no location rule: those are unchanged
        }
    )
    prepared = prepare(query, synthetic_catalogue(), TextEncoder(None, terms_per_profile=1))
    rows = np.arange(len(segment), dtype=np.int64)
    expected = _reference_filter(segment, rows, query, SETTINGS)
    assert (hard_filter(segment, rows, prepared, SETTINGS) == expected).all()
