"""Training runs: queue a version, fit on reviews, gate on the time-split holdout, store JSON."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import sklearn
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from services.matching.features.registry import DOMINANCE, FEATURE_INDEX, FEATURE_NAMES, FEATURES
from services.matching.index.live import LiveIndex, live_index_for
from services.matching.modelops.dataset import TrainingData, load_training_data
from services.matching.modelops.service import (
    active_model,
    ensure_prior,
    get_version,
    switch_active,
)
from services.matching.scoring.artefact import check_constraints, dump_artefact
from services.matching.scoring.evaluation import compare_on_holdout, ndcg_per_group
from services.matching.scoring.model import RankingModel
from services.matching.scoring.trainer import ConstrainedLinearRanker
from services.matching.settings import MatchingSettings, get_matching_settings
from shared.models import ModelVersion
from shared.models.enums import ModelStatus
from shared.queue.jobs import enqueue

TRAINED_KIND = "linear"
TRAIN_JOB = "train_model"
ProgressSink = Callable[[float, str], None]
logger = logging.getLogger("vouch.matching.training")


class TrainingError(Exception):
    """Training could not produce a comparable model (e.g. too few reviewed requests)."""


def create_version(session: Session) -> ModelVersion:
    ensure_prior(session)
    version = ModelVersion(
        kind=TRAINED_KIND,
        status=ModelStatus.queued.value,
        progress=0.0,
        features=list(FEATURE_NAMES),
        metrics={},
        holdout_comparison={},
    )
    session.add(version)
    session.flush()
    return version


def request_training(session: Session) -> ModelVersion:
    """A queued version plus its `train_model` job, in the caller's transaction."""
    version = create_version(session)
    enqueue(session, kind=TRAIN_JOB, payload={"model_version_id": version.id})
    return version


def database_progress(session: Session, version_id: int) -> ProgressSink:
    """Progress visible to other connections at once (its own short transactions).

    Only fractions below 1 are written: the final state is written by the run itself, in the
    caller's transaction (writing it here too would wait on that transaction's row lock).
    """
    bind = session.get_bind()

    def report(fraction: float, message: str) -> None:
        logger.info("training %s: %.0f%% %s", version_id, fraction * 100, message)
        if fraction >= 1.0:
            return
        statement = (
            update(ModelVersion)
            .where(ModelVersion.id == version_id)
            .values(status=ModelStatus.training.value, progress=round(fraction, 4))
        )
        if isinstance(bind, Engine):
            with Session(bind) as own, own.begin():
                own.execute(statement)
        else:  # a session bound to one connection (tests): same transaction
            session.execute(statement)

    return report


def split_by_time(data: TrainingData, fraction: float) -> tuple[np.ndarray, np.ndarray]:
    """Masks (train, holdout): the holdout is the last `fraction` of requests by first review."""
    requests = sorted(set(data.request_ids.tolist()), key=lambda r: (data.request_times[r], r))
    holdout_count = math.ceil(fraction * len(requests))
    if len(requests) - holdout_count < 2 or holdout_count < 1:
        raise TrainingError(
            f"training needs reviews on more requests (have {len(requests)} reviewed requests)"
        )
    holdout = np.isin(data.request_ids, requests[-holdout_count:])
    return ~holdout, holdout


def fit_and_compare(
    data: TrainingData, active: RankingModel, settings: MatchingSettings
) -> tuple[RankingModel, dict[str, Any], dict[str, Any]]:
    train, holdout = split_by_time(data, settings.holdout_fraction)
    ranker = ConstrainedLinearRanker(
        alpha=settings.training_alpha,
        directions=tuple(spec.direction for spec in FEATURES),
        dominance=tuple((FEATURE_INDEX[a], FEATURE_INDEX[b]) for a, b in DOMINANCE),
    )
    ranker.fit(data.values[train], data.grades[train], data.request_ids[train])
    model = RankingModel(
        TRAINED_KIND, np.asarray(ranker.coef_, dtype=np.float64), float(ranker.intercept_)
    )
    check_constraints(model.coefficients, version_id=None)

    def scores(which: RankingModel, mask: np.ndarray) -> np.ndarray:
        return which.score(data.values[mask], data.must_missing[mask])

    comparison = compare_on_holdout(
        scores(active, holdout),
        scores(model, holdout),
        data.grades[holdout],
        data.request_ids[holdout],
        data.freelancer_ids[holdout],
        min_improvement=settings.min_ndcg_improvement,
        significance_level=settings.significance_level,
        min_requests=settings.min_holdout_requests,
    )
    comparison.update(active_model_id=active.version_id, active_model=active.label)
    _, train_ndcg = ndcg_per_group(
        scores(model, train),
        data.grades[train],
        data.request_ids[train],
        data.freelancer_ids[train],
    )
    metrics = {
        "train_examples": int(train.sum()),
        "train_requests": len(set(data.request_ids[train].tolist())),
        "holdout_examples": int(holdout.sum()),
        "holdout_requests": len(set(data.request_ids[holdout].tolist())),
        "train_ndcg@10": float(train_ndcg.mean()) if len(train_ndcg) else None,
        "grades": {str(g): int((data.grades == g).sum()) for g in np.unique(data.grades)},
        "method": "pairwise least squares, sklearn Ridge(positive=True) on a sign-constraint basis",
        "alpha": settings.training_alpha,
    }
    return model, metrics, comparison


def run_training(
    session: Session,
    *,
    version_id: int,
    progress: ProgressSink | None = None,
    index: LiveIndex | None = None,
    settings: MatchingSettings | None = None,
) -> ModelVersion:
    """Train one queued version to the end: active if it beats the active model, else rejected."""
    settings = settings or get_matching_settings()
    version = get_version(session, version_id)
    if version.status not in (ModelStatus.queued.value, ModelStatus.training.value):
        return version
    report = progress or database_progress(session, version_id)
    report(0.05, "loading reviews and features")
    data = load_training_data(session, index or live_index_for(session))
    report(0.4, f"fitting on {len(data)} reviewed pairs")
    active = active_model(session)
    try:
        model, metrics, comparison = fit_and_compare(data, active, settings)
    except TrainingError as exc:
        version.status = ModelStatus.failed.value
        version.error = str(exc)
        version.progress = 1.0
        session.flush()
        report(1.0, f"failed: {exc}")
        return version
    report(0.9, "comparing with the active model on the holdout")
    times = [data.request_times[r] for r in set(data.request_ids.tolist())]
    model = RankingModel(
        model.kind,
        model.coefficients,
        model.intercept,
        version.id,
        {"trained_on": metrics["train_examples"]},
    )
    artefact, digest = dump_artefact(model)
    version.artefact, version.artefact_sha256 = artefact, digest
    version.sklearn_version = sklearn.__version__
    version.metrics = metrics
    version.holdout_comparison = comparison
    version.train_from = min(times).date() if times else None
    version.train_to = max(times).date() if times else None
    version.progress = 1.0
    version.error = None
    if comparison["better"]:
        switch_active(session, to=version, remember_previous=True)
    else:
        version.status = ModelStatus.rejected.value
    session.flush()
    report(1.0, f"{version.status}: {comparison['reason']}")
    return version


def record_failure(session: Session, *, version_id: int, error: str) -> None:
    session.execute(
        update(ModelVersion)
        .where(ModelVersion.id == version_id)
        .values(status=ModelStatus.failed.value, error=error[:4000], progress=1.0)
    )
