"""Training runs: queue a version, fit on reviews, gate on a holdout or CV, store JSON."""

from __future__ import annotations

import logging
from collections.abc import Callable

import sklearn
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from services.matching.features.registry import FEATURE_NAMES
from services.matching.index.live import LiveIndex, live_index_for
from services.matching.modelops.comparison import TRAINED_KIND, TrainingError, fit_and_compare
from services.matching.modelops.dataset import load_training_data
from services.matching.modelops.service import (
    active_model,
    ensure_prior,
    get_version,
    switch_active,
)
from services.matching.scoring.artefact import dump_artefact
from services.matching.scoring.model import RankingModel
from services.matching.settings import MatchingSettings, get_matching_settings
from shared.models import ModelVersion
from shared.models.enums import ModelStatus
from shared.queue.jobs import enqueue

TRAIN_JOB = "train_model"
ProgressSink = Callable[[float, str], None]
logger = logging.getLogger("vouch.matching.training")


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


def run_training(
    session: Session,
    *,
    version_id: int,
    progress: ProgressSink | None = None,
    index: LiveIndex | None = None,
    settings: MatchingSettings | None = None,
) -> ModelVersion:
    """Train one queued version to the end: rejected unless it beats the active model; if it
    does, active when auto-activation is on, else trained (an admin activates it)."""
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
    report(0.9, f"compared with the active model ({comparison['method']})")
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
    if comparison["better"] and settings.auto_activate:
        switch_active(session, to=version, remember_previous=True)
    elif comparison["better"]:
        version.status = ModelStatus.trained.value
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
