"""Queued work the intake service does for others (it owns the staffing_requests table)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from shared.models import Placement, StaffingRequest
from shared.models.enums import PlacementOutcome, RequestStatus


def fill_request(session: Session, payload: dict[str, Any]) -> None:
    """Mark a request filled once it has `headcount` placements (not cancelled); idempotent."""
    placed = (
        select(func.count())
        .select_from(Placement)
        .where(
            Placement.request_id == StaffingRequest.id,
            Placement.outcome != PlacementOutcome.cancelled.value,
        )
        .scalar_subquery()
    )
    session.execute(
        update(StaffingRequest)
        .where(
            StaffingRequest.id == int(payload["request_id"]),
            StaffingRequest.status == RequestStatus.open.value,
            placed >= StaffingRequest.headcount,
        )
        .values(status=RequestStatus.filled.value)
    )
