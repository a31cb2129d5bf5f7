"""The demo agency's history replayed through the matcher's own feature code.

`replay(seed=..., trust_signal=...)` generates the demo world (`demo.world.generate`, the one
`vouch demo seed` stores), copies it into a scratch PostgreSQL database with the seed's bulk
writer, and computes, for every past request, the features of each reviewed candidate:

- skill, text and fit features by the matching service's live index (`LiveIndex.features_for`,
  the function training uses for decisions without a stored snapshot);
- trust features point in time: the referrals service's recompute over the network as it was on
  the first of the request's month (`trust_history`), through the same bounded transforms;
- placement history point in time: placements made before the request, through
  `features.compute.placement_history`.

Labels are what happened: each pair's latest decision graded as `scoring.evaluation.GRADES`
grades it (a placement that ended early counts as a weak placement). The time split is the
calendar: requests of the first two years are the past, those of the third are ranked. The hidden
truth is never read.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import numpy as np
from sqlalchemy.orm import Session

from demo.model import FreelancerSpec, RequestSpec, World, WorldConfig
from demo.seed import store_in_bulk
from demo.world import generate
from evaluation.offline.trust_history import TrustSnapshot, latest_before, monthly_days, snapshot_at
from evaluation.offline.world import TRUST_NAMES, OfflineWorld, ReviewedRequest, TrustSignal
from evaluation.vouch_run import apps_on, scratch_database
from services.matching.features.compute import placement_history
from services.matching.features.registry import FEATURE_INDEX
from services.matching.index.live import LiveIndex
from services.matching.ranking.requests import load_queries
from services.matching.scoring.evaluation import GRADES, WEAK_PLACEMENT_GRADE
from services.matching.settings import MatchingSettings
from shared.cli.database import migrate_to_head
from shared.db.engine import make_engine

# A fixed "today": the same seed gives the same world (and figures) on any day.
TODAY = date(2026, 6, 1)
TRUST_COLUMNS = [FEATURE_INDEX[name] for name in TRUST_NAMES]
_GOOD_OUTCOMES = ("ongoing", "completed")


def profile_text(spec: FreelancerSpec) -> str:
    """What a plain search indexes: headline, CV prose and the listed skills (as spelt)."""
    listed = " ".join(entry.spelling for entry in spec.skills) if spec.lists_skills else ""
    return f"{spec.headline}\n{spec.cv_text}\n{listed}"


def request_text(spec: RequestSpec) -> str:
    listed = "" if spec.paragraph_only else " ".join(entry.spelling for entry in spec.skills)
    return f"{spec.title}\n{spec.description}\n{listed}"


def _labels(world: World) -> dict[int, dict[int, float]]:
    """request key → freelancer key → grade of the pair's latest decision."""
    latest: dict[tuple[int, int], tuple[datetime, str]] = {}
    for review in world.reviews:
        pair = (review.request_key, review.freelancer_key)
        if pair not in latest or review.created_at >= latest[pair][0]:
            latest[pair] = (review.created_at, review.decision)
    weak = {
        (p.request_key, p.freelancer_key)
        for p in world.placements
        if p.outcome == "terminated_early"
    }
    labels: dict[int, dict[int, float]] = defaultdict(dict)
    for (request, freelancer), (_, decision) in sorted(latest.items()):
        grade = GRADES[decision]
        if decision == "placed" and (request, freelancer) in weak:
            grade = WEAK_PLACEMENT_GRADE
        labels[request][freelancer] = grade
    return labels


def _placement_counts(
    world: World, moment: datetime, keys: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """(placements, good ones) of these freelancers made before `moment`, as the index counts."""
    count, good = np.zeros(len(keys)), np.zeros(len(keys))
    where = {key: i for i, key in enumerate(keys)}
    for placement in world.placements:
        i = where.get(placement.freelancer_key)
        if i is None or placement.created_at >= moment:
            continue
        count[i] += 1
        good[i] += placement.outcome in _GOOD_OUTCOMES and (
            placement.client_rating is None or placement.client_rating >= 3
        )
    return count, good


def _unreviewed(world: World, request: RequestSpec, reviewed: set[int], count: int) -> list[int]:
    """`count` people who had joined but were not reviewed (three in four of the request's
    stack): the rest of a search result, which nobody picked."""
    rng = random.Random(f"{world.config.seed}:unreviewed:{request.key}")
    joined = [f for f in world.freelancers if f.joined_at < request.created_at]
    same = [f.key for f in joined if f.stack == request.stack and f.key not in reviewed]
    other = [f.key for f in joined if f.stack != request.stack and f.key not in reviewed]
    wanted_same = min(len(same), count * 3 // 4)
    chosen = rng.sample(same, wanted_same)
    chosen += rng.sample(other, min(len(other), count - wanted_same))
    return chosen


def replay(
    base_url: str,
    *,
    seed: int,
    trust_signal: TrustSignal = "default",
    freelancers: int = 2000,
    unreviewed: int = 30,
    settings: MatchingSettings | None = None,
) -> OfflineWorld:
    config = WorldConfig(seed=seed, freelancers=freelancers, trust_signal=trust_signal, today=TODAY)
    world = generate(config)
    settings = settings or MatchingSettings()
    past = sorted(world.past_requests, key=lambda r: (r.created_at, r.key))
    labels = _labels(world)
    past = [r for r in past if labels.get(r.key)]
    with scratch_database(base_url) as url, apps_on(url):
        migrate_to_head(url)
        engine = make_engine(url, pool_size=2)
        try:
            stored = store_in_bulk(engine, world)
            snapshots = [
                snapshot_at(engine, day)
                for day in monthly_days(past[0].created_at, past[-1].created_at)
            ]
            with Session(engine) as session:
                index = LiveIndex(settings)
                state = index.ensure_fresh(session, force_poll=True)
                ids = {key: stored.requests[r.key] for key, r in enumerate(past)}
                queries = load_queries(session, list(ids.values()), taxonomy=state.taxonomy)
        finally:
            engine.dispose()
        replayed = [
            (
                request,
                _reviewed(
                    world,
                    request,
                    queries[ids[i]],
                    index,
                    stored.freelancers,
                    snapshots,
                    labels,
                    unreviewed,
                ),
            )
            for i, request in enumerate(past)
        ]
    cut = datetime.combine(TODAY - timedelta(days=365), time(), tzinfo=past[0].created_at.tzinfo)
    kept = [(request, row) for request, row in replayed if row is not None]
    return OfflineWorld(
        seed,
        trust_signal,
        [profile_text(f) for f in world.freelancers],
        [row for _, row in kept],
        split=sum(1 for request, _ in kept if request.created_at < cut),
    )


def _reviewed(
    world: World,
    request: RequestSpec,
    query: object,
    index: LiveIndex,
    freelancer_ids: list[int],
    snapshots: list[TrustSnapshot],
    labels: dict[int, dict[int, float]],
    unreviewed: int,
) -> ReviewedRequest | None:
    graded = labels[request.key]
    keys = sorted(graded) + sorted(_unreviewed(world, request, set(graded), unreviewed))
    ids = np.array([freelancer_ids[key] for key in keys], dtype=np.int64)
    found, values, must_missing = index.features_for(query, ids)  # type: ignore[arg-type]
    keys = [key for key, ok in zip(keys, found, strict=True) if ok]
    if len(keys) < 2:
        return None
    values[:, TRUST_COLUMNS] = latest_before(snapshots, request.created_at).features(ids[found])
    count, good = _placement_counts(world, request.created_at, keys)
    for name, column in placement_history(count, good).items():
        values[:, FEATURE_INDEX[name]] = column
    start = world.requests[0].created_at
    return ReviewedRequest(
        time=(request.created_at - start).total_seconds() / 86400,
        text=request_text(request),
        pool=np.array(keys, dtype=np.int64),
        values=values,
        must_missing=must_missing,
        grades=np.array([graded.get(key, 0.0) for key in keys], dtype=np.float64),
        judged=np.array([key in graded for key in keys]),
    )
