"""The fast path (tiers, text path, score bounds, deferred features) ranks exactly like
exhaustive scoring of every filtered profile: across a main and a delta segment, for any
linear model (random signs and sizes), with widening through the tiers and the text path."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from services.matching.features.compute import compute_features
from services.matching.features.registry import FEATURE_NAMES
from services.matching.index.segment import IndexSegment
from services.matching.index.text import TextEncoder
from services.matching.ranking.candidates import hard_filter
from services.matching.ranking.engine import IndexSnapshot, rank
from services.matching.ranking.query import RequestQuery, prepare
from services.matching.scoring.model import RankingModel
from services.matching.settings import MatchingSettings
from tests.matching.test_matching_index import (
    SETTINGS,
    synthetic_catalogue,
    synthetic_query,
    synthetic_source,
)


def two_segments(seed: int, people: int) -> IndexSnapshot:
    """A main segment and a delta segment with other freelancers (ids offset)."""
    main_source = synthetic_source(seed, people)
    delta_source = synthetic_source(seed + 7, max(1, people // 3))
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


@settings(max_examples=120, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    people=st.integers(1, 150),
    top_k=st.integers(1, 40),
    model_seed=st.integers(0, 1_000),
)
def test_fast_path_equals_exhaustive_scoring(
    seed: int, people: int, top_k: int, model_seed: int
) -> None:
    snapshot = two_segments(seed, people)
    query = synthetic_query(seed)
    model = random_model(model_seed)
    # A text path as long as the agency: every profile whose text fits is reachable.
    settings_ = SETTINGS.model_copy(update={"text_candidates": people * 2})
    expected_ids, expected_scores = exhaustive(snapshot, query, model, settings_)

    output = rank(snapshot, query, model, top_k=top_k, settings=settings_)

    assert [r.freelancer_id for r in output.results] == expected_ids[:top_k]
    assert [r.score for r in output.results] == expected_scores[:top_k]
    for result in output.results:
        # Contributions are built for the returned rows and add up to their score.
        assert abs(sum(result.contributions.values()) - result.score) < 1e-9


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 100_000), people=st.integers(20, 150), top_k=st.integers(1, 10))
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
