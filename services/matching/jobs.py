"""Queue handlers the `vouch worker` runs (registered as entry points in pyproject.toml)."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.orm import Session

from services.matching.matches.service import create_run
from services.matching.modelops.training import record_failure, run_training
from shared.models import StaffingRequest
from shared.models.enums import RequestStatus

logger = logging.getLogger("vouch.matching.jobs")


def rank_request(session: Session, payload: dict[str, Any]) -> None:
    """Rank a request queued by intake so an account manager finds a ranking waiting."""
    request_id = int(payload["request_id"])
    request = session.get(StaffingRequest, request_id)
    if request is None or request.status != RequestStatus.open.value:
        logger.info("rank_request %s skipped: request missing or not open", request_id)
        return
    # Off the request path: poll first, so profiles committed before the job are ranked.
    create_run(session, request_id=request_id, trigger="worker", fresh=True)


def train_model(session: Session, payload: dict[str, Any]) -> None:
    """Train a queued model version; a failure is recorded on the version, not retried."""
    version_id = int(payload["model_version_id"])
    try:
        # A savepoint: a failure undoes the run's partial writes (and their row locks).
        with session.begin_nested():
            run_training(session, version_id=version_id)
    except Exception as exc:
        logger.exception("training of model version %s failed", version_id)
        record_failure(session, version_id=version_id, error=f"{type(exc).__name__}: {exc}")
