"""Queued work the intake service does for others (it owns the staffing_requests table)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from shared.models import StaffingRequest
from shared.models.enums import RequestStatus


def fill_request(session: Session, payload: dict[str, Any]) -> None:
    """Mark a request filled after a placement; only an open request changes (idempotent)."""
    session.execute(
        update(StaffingRequest)
        .where(
            StaffingRequest.id == int(payload["request_id"]),
            StaffingRequest.status == RequestStatus.open.value,
        )
        .values(status=RequestStatus.filled.value)
    )
