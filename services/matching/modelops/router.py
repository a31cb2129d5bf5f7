"""Model lifecycle endpoints: train (queued), list, read, activate, roll back."""

from __future__ import annotations

from fastapi import APIRouter

from services.matching.modelops import service
from services.matching.modelops.schemas import ModelVersionList, ModelVersionRead
from services.matching.modelops.training import request_training
from services.matching.scoring.artefact import ArtefactRefused
from shared.auth.deps import AdminPrincipal, StaffPrincipal
from shared.db.session import SessionDep
from shared.idempotency import IdempotencyDep
from shared.models import ModelVersion

router = APIRouter(prefix="/v1/models", tags=["models"])


def to_read(version: ModelVersion) -> ModelVersionRead:
    weights: dict[str, float] | None = None
    intercept: float | None = None
    verified: bool | None = None
    if version.artefact is not None:
        try:
            model = service.verified_model(version)
            weights, intercept, verified = model.weights(), model.intercept, True
        except ArtefactRefused:
            verified = False
    return ModelVersionRead(
        id=version.id,
        kind=version.kind,
        label=f"{version.kind}-{version.id}",
        status=version.status,
        progress=version.progress,
        features=list(version.features or []),
        train_from=version.train_from,
        train_to=version.train_to,
        metrics=dict(version.metrics or {}),
        holdout_comparison=dict(version.holdout_comparison or {}),
        sklearn_version=version.sklearn_version,
        artefact_sha256=version.artefact_sha256,
        artefact_verified=verified,
        weights=weights,
        intercept=intercept,
        error=version.error,
        activated_at=version.activated_at,
        previous_active_id=version.previous_active_id,
        created_at=version.created_at,
    )


@router.post("/train", status_code=202, response_model=ModelVersionRead)
def train(session: SessionDep, principal: StaffPrincipal, idem: IdempotencyDep) -> object:
    """Queue a training run (account managers and admins); follow it at GET /v1/models/{id}:
    queued -> training -> active (passed, auto-activation on), trained (passed, waiting for an
    admin), rejected, or failed."""
    version = request_training(session)
    session.refresh(version)
    return idem.respond(to_read(version), status_code=202)


@router.get("", response_model=ModelVersionList)
def list_models(session: SessionDep, principal: StaffPrincipal) -> ModelVersionList:
    return ModelVersionList(items=[to_read(v) for v in service.list_versions(session)])


@router.post("/rollback", response_model=ModelVersionRead)
def rollback(session: SessionDep, principal: AdminPrincipal) -> ModelVersionRead:
    """Re-activate the model that was active before the current one."""
    return to_read(service.rollback(session))


@router.get("/{version_id}", response_model=ModelVersionRead)
def get_model(version_id: int, session: SessionDep, principal: StaffPrincipal) -> ModelVersionRead:
    return to_read(service.get_version(session, version_id))


@router.post("/{version_id}/activate", response_model=ModelVersionRead)
def activate(version_id: int, session: SessionDep, principal: AdminPrincipal) -> ModelVersionRead:
    """Activate a trained, rejected or retired version whose artefact verifies."""
    return to_read(service.activate(session, version_id=version_id))
