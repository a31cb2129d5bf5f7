"""Point-in-time features for a decision: what the ranker saw when the candidate was shown.

A match result stores each feature's contribution (coefficient x value) under the model version
that ranked it, so its values are recovered exactly wherever that model's coefficient is not
zero; the run is the one named in the review, or else the latest run of the request that listed
the freelancer. Features the run cannot give back (a zero coefficient, no run, a model that no
longer verifies) are computed from the live index at decision time. Training reads these
snapshots instead of today's values, so later vouches or placements cannot leak into old labels.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from sqlalchemy import BigInteger, column, func, select, true
from sqlalchemy.dialects.postgresql import JSON
from sqlalchemy.orm import Session

from services.matching.features.registry import FEATURE_NAMES, MUST_HAVE_MISSING
from services.matching.index.live import live_index_for
from services.matching.modelops.service import verified_model
from services.matching.ranking.requests import load_queries
from services.matching.scoring.artefact import ArtefactRefused
from shared.models import MatchRun, ModelVersion

logger = logging.getLogger("vouch.matching.reviews")


@dataclass(frozen=True)
class FeatureSnapshot:
    values: dict[str, float]  # every registry feature plus must_have_missing
    source: str  # match_run | decision_time | mixed


def _from_match_run(
    session: Session, *, request_id: int, freelancer_id: int, match_run_id: int | None
) -> dict[str, float]:
    """The values a match result gives back exactly (may be empty)."""
    result = (
        func.json_to_recordset(MatchRun.results)
        .table_valued(column("freelancer_id", BigInteger), column("contributions", JSON))
        .render_derived(name="result", with_types=True)
        .lateral()
    )
    query = (
        select(result.c.contributions, MatchRun.model_version_id)
        .select_from(MatchRun)
        .join(result, true())
        .where(
            MatchRun.request_id == request_id,
            MatchRun.freelancer_ids.contains([freelancer_id]),
            result.c.freelancer_id == freelancer_id,
        )
    )
    if match_run_id is not None:
        query = query.where(MatchRun.id == match_run_id)
    row = session.execute(query.order_by(MatchRun.created_at.desc(), MatchRun.id.desc())).first()
    if row is None or row.model_version_id is None:
        return {}
    version = session.get(ModelVersion, row.model_version_id)
    if version is None:
        return {}
    try:
        model = verified_model(version)
    except ArtefactRefused:
        logger.warning("match run model %s no longer verifies", row.model_version_id)
        return {}
    contributions = row.contributions or {}
    recovered: dict[str, float] = {}
    for name, coefficient in zip(FEATURE_NAMES, model.coefficients, strict=True):
        contribution = contributions.get(name)
        if contribution is not None and coefficient != 0.0:
            recovered[name] = float(contribution) / float(coefficient)
    missing = contributions.get(MUST_HAVE_MISSING.name)
    if missing is not None:
        recovered[MUST_HAVE_MISSING.name] = float(round(-float(missing) / model.penalty))
    return recovered


def _at_decision_time(session: Session, *, request_id: int, freelancer_id: int) -> dict[str, float]:
    """The pair's features from the live index now (hard filters ignored: they were shown)."""
    index = live_index_for(session)
    state = index.ensure_fresh(session)
    queries = load_queries(session, [request_id], taxonomy=state.taxonomy)
    if request_id not in queries:
        return {}
    found, values, must_missing = index.features_for(
        queries[request_id], np.array([freelancer_id], dtype=np.int64)
    )
    if not found[0]:
        return {}
    snapshot = {name: float(v) for name, v in zip(FEATURE_NAMES, values[0], strict=True)}
    snapshot[MUST_HAVE_MISSING.name] = float(must_missing[0])
    return snapshot


def feature_snapshot(
    session: Session, *, request_id: int, freelancer_id: int, match_run_id: int | None
) -> FeatureSnapshot | None:
    """The decision's features, or None when neither a run nor the index knows the pair."""
    shown = _from_match_run(
        session, request_id=request_id, freelancer_id=freelancer_id, match_run_id=match_run_id
    )
    wanted = (*FEATURE_NAMES, MUST_HAVE_MISSING.name)
    if all(name in shown for name in wanted):
        return FeatureSnapshot(shown, "match_run")
    now = _at_decision_time(session, request_id=request_id, freelancer_id=freelancer_id)
    if not all(name in now for name in wanted):
        return None
    if not shown:
        return FeatureSnapshot(now, "decision_time")
    return FeatureSnapshot({name: shown.get(name, now[name]) for name in wanted}, "mixed")
