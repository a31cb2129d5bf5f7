"""Model versions: the prior as version 1, the active model, activation and rollback."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import sklearn
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from services.matching.features.registry import FEATURE_NAMES
from services.matching.scoring.artefact import ArtefactRefused, dump_artefact, load_artefact
from services.matching.scoring.model import RankingModel
from services.matching.scoring.prior import PRIOR_KIND, prior_model
from shared.errors import Conflict, NotFound, ServiceUnavailable
from shared.models import ModelVersion
from shared.models.enums import ModelStatus

_LOCK_SQL = text("SELECT pg_advisory_xact_lock(hashtextextended('vouch:model-versions', 0))")
# Verified, parsed models by (id, sha256): parsing happens once, the digest check every time.
_parsed: dict[tuple[int, str], RankingModel] = {}
ACTIVATABLE = {ModelStatus.trained.value, ModelStatus.rejected.value, ModelStatus.retired.value}


def _active(session: Session) -> ModelVersion | None:
    return session.scalar(
        select(ModelVersion).where(ModelVersion.status == ModelStatus.active.value)
    )


def ensure_prior(session: Session) -> None:
    """Store the prior (kind "prior") if missing, and make sure some model is active."""
    has_prior = session.scalar(
        select(ModelVersion.id).where(ModelVersion.kind == PRIOR_KIND).limit(1)
    )
    if has_prior is not None and _active(session) is not None:
        return
    session.execute(_LOCK_SQL)
    prior = session.scalar(
        select(ModelVersion).where(ModelVersion.kind == PRIOR_KIND).order_by(ModelVersion.id)
    )
    active = _active(session)
    if prior is None:
        artefact, digest = dump_artefact(prior_model())
        prior = ModelVersion(
            kind=PRIOR_KIND,
            status=ModelStatus.retired.value if active else ModelStatus.active.value,
            progress=1.0,
            features=list(FEATURE_NAMES),
            metrics={"note": "documented cold-start weights (services/matching/scoring/prior.py)"},
            holdout_comparison={},
            sklearn_version=sklearn.__version__,
            artefact=artefact,
            artefact_sha256=digest,
            activated_at=None if active else datetime.now(UTC),
        )
        session.add(prior)
        session.flush()
    elif active is None:
        prior.status = ModelStatus.active.value
        prior.activated_at = datetime.now(UTC)
        session.flush()


def verified_model(version: ModelVersion) -> RankingModel:
    """The version's model after its SHA-256 check; raises ArtefactRefused."""
    model = load_artefact(version.artefact, version.artefact_sha256, version_id=version.id)
    return dataclasses.replace(model, kind=version.kind)


def active_model(session: Session) -> RankingModel:
    """The active model, verified; a refused artefact makes ranking unavailable (503)."""
    ensure_prior(session)
    row = session.execute(
        select(
            ModelVersion.id, ModelVersion.kind, ModelVersion.artefact, ModelVersion.artefact_sha256
        ).where(ModelVersion.status == ModelStatus.active.value)
    ).one()
    try:
        key = (row.id, row.artefact_sha256 or "")
        cached = _parsed.get(key)
        if cached is not None:
            # Re-check the stored bytes against the digest even when cached.
            load_artefact(row.artefact, row.artefact_sha256, version_id=row.id)
            return cached
        model = dataclasses.replace(
            load_artefact(row.artefact, row.artefact_sha256, version_id=row.id), kind=row.kind
        )
    except ArtefactRefused as exc:
        raise ServiceUnavailable(
            f"The active ranking model was refused: {exc}. Activate or roll back to a valid one."
        ) from exc
    _parsed[key] = model
    return model


def get_version(session: Session, version_id: int) -> ModelVersion:
    version = session.get(ModelVersion, version_id)
    if version is None:
        raise NotFound(f"No model version {version_id}.")
    return version


def list_versions(session: Session) -> list[ModelVersion]:
    ensure_prior(session)
    return list(session.scalars(select(ModelVersion).order_by(ModelVersion.id.desc())).all())


def switch_active(session: Session, *, to: ModelVersion, remember_previous: bool) -> ModelVersion:
    current = _active(session)
    if current is not None and current.id == to.id:
        return to
    if current is not None:
        current.status = ModelStatus.retired.value
        session.flush()  # the one-active unique index must never see two
    to.status = ModelStatus.active.value
    to.activated_at = datetime.now(UTC)
    if remember_previous and current is not None:
        to.previous_active_id = current.id
    session.flush()
    return to


def activate(session: Session, *, version_id: int) -> ModelVersion:
    """Make a version active (its artefact must verify); the old one is remembered for rollback."""
    ensure_prior(session)
    session.execute(_LOCK_SQL)
    version = get_version(session, version_id)
    if version.status == ModelStatus.active.value:
        return version
    if version.status not in ACTIVATABLE:
        raise Conflict(f"Model version {version_id} is {version.status}; it cannot be activated.")
    try:
        verified_model(version)
    except ArtefactRefused as exc:
        raise Conflict(f"Refused: {exc}.") from exc
    return switch_active(session, to=version, remember_previous=True)


def rollback(session: Session) -> ModelVersion:
    """Re-activate the model that was active before the current one."""
    ensure_prior(session)
    session.execute(_LOCK_SQL)
    current = _active(session)
    if current is None or current.previous_active_id is None:
        raise Conflict("There is no previously active model to roll back to.")
    previous = get_version(session, current.previous_active_id)
    try:
        verified_model(previous)
    except ArtefactRefused as exc:
        raise Conflict(f"Refused: {exc}.") from exc
    # The restored model keeps its own predecessor, so repeated rollbacks walk back in time.
    return switch_active(session, to=previous, remember_previous=False)


def clear_cache() -> None:
    _parsed.clear()
