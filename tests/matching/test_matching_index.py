"""The in-process index: exact top k despite prefiltering and pruning, delta segments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete
from sqlalchemy.orm import Session

from services.matching.features.compute import compute_features
from services.matching.features.registry import FEATURE_INDEX
from services.matching.index.catalogue import Catalogue
from services.matching.index.columns import (
    CatalogueRows,
    FreelancerColumns,
    IndexSource,
    LanguageRows,
    SkillRows,
    TrustRows,
    language_code_number,
)
from services.matching.index.live import LiveIndex
from services.matching.index.segment import LAST_USED_UNKNOWN, YEARS_UNKNOWN, IndexSegment
from services.matching.index.text import TextEncoder
from services.matching.ranking.candidates import hard_filter
from services.matching.ranking.engine import IndexSnapshot, rank, rank_everyone
from services.matching.ranking.query import RequestQuery, prepare
from services.matching.ranking.requests import load_queries
from services.matching.scoring.prior import prior_model
from services.matching.settings import MatchingSettings
from shared.models import Freelancer, FreelancerSkill

WORDS = ["python", "kafka", "spark", "react", "cloud", "banking", "sql", "etl", "java", "data"]
SETTINGS = MatchingSettings()


def synthetic_source(seed: int, people: int, skills: int = 8) -> IndexSource:
    rng = np.random.default_rng(seed)
    ids = rng.choice(np.arange(1, people * 3), size=people, replace=False)
    per_person = rng.integers(0, 5, size=people)
    owners = np.repeat(ids, per_person)
    keys = np.unique(owners * 100 + rng.integers(0, skills, size=len(owners)))
    owners, skill_ids = keys // 100, keys % 100 + 1
    freelancers = FreelancerColumns(
        ids=ids,
        day_rate=np.where(rng.random(people) < 0.1, np.nan, rng.integers(400, 800, people)).astype(
            float
        ),
        available_from=np.where(rng.random(people) < 0.5, 0, 739000 + rng.integers(0, 60, people)),
        remote=rng.integers(0, 3, people).astype(np.int8),
        engagement=rng.integers(0, 4, people).astype(np.uint8),
        country=[["DE", "AT", ""][i] for i in rng.integers(0, 3, people)],
        city=[["berlin", "munich", ""][i] for i in rng.integers(0, 3, people)],
        texts=[" ".join(rng.choice(WORDS, size=6)) for _ in range(people)],
    )
    source = IndexSource(
        freelancers,
        SkillRows(
            owners,
            skill_ids,
            rng.integers(1, 6, len(owners)).astype(np.int8),
            np.where(rng.random(len(owners)) < 0.3, np.nan, rng.random(len(owners)) * 12).astype(
                np.float32
            ),
            np.where(
                rng.random(len(owners)) < 0.3, 0, rng.integers(2010, 2027, len(owners))
            ).astype(np.int16),
            rng.random(len(owners)) < 0.3,  # a third are known only from the profile's text
        ),
        LanguageRows(
            ids,
            np.full(people, language_code_number("de")),
            rng.integers(2, 8, people).astype(np.int8),
        ),
        TrustRows(ids, (rng.random((people, 8)) * [1, 5, 3, 1, 1, 2, 3, 1]).astype(np.float32)),
    )
    return source


def synthetic_catalogue(skills: int = 8) -> Catalogue:
    return Catalogue(
        CatalogueRows(
            np.arange(1, skills + 1),
            [f"skill {i}" for i in range(1, skills + 1)],
            np.array([2, 3, 5]),
            np.array([1, 1, 4]),
            np.array([0.5, 0.8, 0.4], np.float32),
        )
    )


def synthetic_snapshot(seed: int, people: int, *, champions: int = 1000) -> IndexSnapshot:
    source = synthetic_source(seed, people)
    catalogue = synthetic_catalogue()
    encoder = TextEncoder.fit(source.freelancers.texts, terms_per_profile=4, sample=10_000)
    segment = IndexSegment(source, catalogue, encoder, text_champions=champions)
    return IndexSnapshot(catalogue, encoder, (segment,))


def synthetic_query(seed: int, skills: int = 8) -> RequestQuery:
    rng = np.random.default_rng(seed + 1)
    k = int(rng.integers(1, 5))
    chosen = rng.choice(np.arange(1, skills + 1), size=k, replace=False)
    return RequestQuery(
        request_id=1,
        skill_ids=chosen.astype(np.int64),
        skill_names=tuple(f"skill {i}" for i in chosen),
        must_have=rng.random(k) < 0.6,
        min_level=rng.integers(1, 6, k).astype(np.int8),
        weight=rng.random(k) + 0.5,
        start_ordinal=739030,
        max_day_rate=700.0,
        remote=int(rng.integers(0, 3)),
        country=["DE", ""][int(rng.integers(0, 2))],
        city=["berlin", ""][int(rng.integers(0, 2))],
        languages=(language_code_number("de"),) if rng.random() < 0.5 else (),
        engagement=["freelance", "permanent", "either"][int(rng.integers(0, 3))],
        text=" ".join(rng.choice(WORDS, size=4)),
        reference_year=2026,
        must_terms=tuple(rng.choice(WORDS, size=int(rng.integers(0, 2))).tolist()),
    )


def exhaustive(
    snapshot: IndexSnapshot, query: RequestQuery, settings: MatchingSettings
) -> tuple[list[int], list[float]]:
    """Every filtered profile scored, the clean-list rule applied, best first."""
    model = prior_model(1)
    segment = snapshot.segments[0]
    prepared = prepare(query, snapshot.catalogue, snapshot.encoder)
    everyone = np.arange(len(segment))
    everyone = everyone[hard_filter(segment, everyone, prepared, settings)]
    block = compute_features(segment, everyone, prepared, settings)
    scores = model.score(block.values, block.must_missing)
    shows_must = block.must_missing < prepared.must_count
    if prepared.must_count and shows_must.any():
        keep = shows_must
    else:
        k = len(prepared.columns)
        keep = (
            (block.gather.level[:, :k] > 0).any(axis=1)
            | block.gather.extracted[:, :k].any(axis=1)
            | (block.related_credit > 0).any(axis=1)
            | block.term_shown.any(axis=1)
            | (block.values[:, FEATURE_INDEX["text_similarity"]] > 0)
        )
    everyone, scores = everyone[keep], scores[keep]
    order = np.lexsort((segment.ids[everyone], -scores))
    return segment.ids[everyone][order].tolist(), scores[order].tolist()


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 10_000), people=st.integers(1, 120), top_k=st.integers(1, 30))
def test_ranking_equals_exhaustive_scoring_of_everyone(seed: int, people: int, top_k: int) -> None:
    """Tiered prefiltering plus the text path never change the top k (text path complete)."""
    snapshot = synthetic_snapshot(seed, people)
    query = synthetic_query(seed)
    settings_ = SETTINGS.model_copy(update={"text_candidates": people})
    expected_ids, expected_scores = exhaustive(snapshot, query, settings_)

    output = rank(snapshot, query, prior_model(1), top_k=top_k, settings=settings_)

    assert [r.freelancer_id for r in output.results] == expected_ids[:top_k]
    assert [r.score for r in output.results] == expected_scores[:top_k]
    full = rank_everyone(snapshot, query, prior_model(1), settings=settings_)
    assert full.ids.tolist() == expected_ids


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    people=st.integers(1, 120),
    top_k=st.integers(1, 30),
    text_candidates=st.integers(0, 5),
)
def test_a_short_text_path_changes_nothing_when_someone_shows_a_must_have(
    seed: int, people: int, top_k: int, text_candidates: int
) -> None:
    """When someone passing the filters shows a must-have, the skill tiers alone are exact
    (however short the text path and its champion lists)."""
    snapshot = synthetic_snapshot(seed, people, champions=1 + seed % 7)
    query = synthetic_query(seed)
    settings_ = SETTINGS.model_copy(update={"text_candidates": text_candidates})
    expected_ids, expected_scores = exhaustive(snapshot, query, settings_)
    prepared = prepare(query, snapshot.catalogue, snapshot.encoder)
    segment = snapshot.segments[0]
    rows = np.arange(people)
    rows = rows[hard_filter(segment, rows, prepared, settings_)]
    block = compute_features(segment, rows, prepared, settings_)
    assume(prepared.must_count and (block.must_missing < prepared.must_count).any())

    output = rank(snapshot, query, prior_model(1), top_k=top_k, settings=settings_)

    assert [r.freelancer_id for r in output.results] == expected_ids[:top_k]
    assert [r.score for r in output.results] == expected_scores[:top_k]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), people=st.integers(1, 80))
def test_skill_gather_matches_the_source_rows(seed: int, people: int) -> None:
    source = synthetic_source(seed, people)
    catalogue = synthetic_catalogue()
    encoder = TextEncoder.fit(source.freelancers.texts, terms_per_profile=4, sample=10_000)
    segment = IndexSegment(source, catalogue, encoder)
    rows = np.flatnonzero(np.random.default_rng(seed).random(len(segment)) < 0.5)
    columns = np.array([0, 1, 2, 5, -1, 7])

    gather = segment.gather_skills(columns, rows, catalogue.column_slots)

    assert source.skills.extracted is not None
    expected = {
        (int(f), int(s) - 1): (int(lv), float(y), int(u), bool(x))
        for f, s, lv, y, u, x in zip(
            source.skills.freelancer_ids,
            source.skills.skill_ids,
            source.skills.level,
            source.skills.years,
            source.skills.last_used,
            source.skills.extracted,
            strict=True,
        )
    }
    for i, row in enumerate(rows.tolist()):
        for j, column in enumerate(columns.tolist()):
            found = expected.get((int(segment.ids[row]), column)) if column >= 0 else None
            if found is None:
                assert gather.level[i, j] == 0 and not gather.extracted[i, j]
                continue
            level, years, used, extracted = found
            assert gather.extracted[i, j] == extracted
            assert gather.level[i, j] == (0 if extracted else level)
            assert gather.years[i, j] == (YEARS_UNKNOWN if np.isnan(years) else round(years * 2))
            assert gather.last_used[i, j] == (LAST_USED_UNKNOWN if used == 0 else used - 1950)
    assert (catalogue.column_slots == -1).all()


@settings(max_examples=30, deadline=None)
@given(text=st.lists(st.sampled_from([*WORDS, "the", "and", "unknownword"]), max_size=12))
def test_query_weights_match_scikit_learn(text: list[str]) -> None:
    encoder = TextEncoder.fit(
        [" ".join(WORDS[i : i + 4]) for i in range(len(WORDS))], terms_per_profile=4, sample=100
    )
    terms, weights = encoder.query(" ".join(text))
    assert encoder.vectorizer is not None
    expected = encoder.vectorizer.transform([" ".join(text)]).tocsr()
    expected.sort_indices()
    assert terms.tolist() == expected.indices.tolist()
    assert np.allclose(weights, expected.data, atol=1e-6)


def test_large_indexes_take_changes_into_a_delta_segment(session: Session, world: Any) -> None:
    """With full rebuilds disabled, new, changed and deleted profiles go through the delta."""
    stay = world.freelancer(skills={"mt-python": 3})
    change = world.freelancer(skills={"mt-python": 2})
    leave = world.freelancer(skills={"mt-python": 4})
    request = world.request(skills={"mt-python": (True, 1, 1.0)})
    index = LiveIndex(
        MatchingSettings(full_rebuild_below=0, delta_rebuild_fraction=1.0, poll_interval_seconds=0)
    )

    def ranked() -> list[int]:
        index.ensure_fresh(session)
        query = load_queries(session, [request.id])[request.id]
        return [r.freelancer_id for r in index.rank(query, prior_model(), top_k=10).results]

    assert ranked() == [leave.id, stay.id, change.id]
    newcomer = world.freelancer(skills={"mt-python": 5})
    assert ranked() == [newcomer.id, leave.id, stay.id, change.id]
    skill = session.get(FreelancerSkill, (change.id, world.skill("mt-python").id))
    assert skill is not None
    skill.level = 5
    change.headline = "changed"
    # Inside one test transaction now() never moves; a real update commits later.
    change.updated_at = datetime.now(UTC) + timedelta(seconds=1)
    session.flush()
    assert ranked()[:2] == sorted([newcomer.id, change.id])
    session.execute(delete(Freelancer).where(Freelancer.id == leave.id))
    session.flush()
    assert leave.id not in ranked()
    state = index.state
    assert state is not None and index.rebuilds == 1
    assert state.delta is not None and set(state.delta.ids.tolist()) == {newcomer.id, change.id}
    assert not state.main.alive[state.main.rows_of(np.array([change.id, leave.id]))].any()
