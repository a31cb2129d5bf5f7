"""Placements: only for a presented (or interviewed) candidate; credit flows to referrals.

Recording a placement also records the `placed` decision when it is not the latest one yet, and
enqueues `attribute_placement` in the same transaction (the referrals worker credits the source
and the vouches). The request's status belongs to intake and is left alone.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.matching.matches.service import get_request
from services.matching.placements.schemas import PlacementCreate, PlacementUpdate
from services.matching.reviews.rules import ensure_open_for, lock_request_placements
from services.matching.reviews.service import ensure_freelancer, latest_decision, lock_pair
from shared.errors import Conflict, NotFound, field_error
from shared.models import Placement, Review
from shared.models.enums import Decision, PlacementOutcome
from shared.queue.jobs import enqueue

PLACEABLE = {Decision.presented, Decision.interviewed, Decision.placed}
ATTRIBUTION_JOB = "attribute_placement"


def record_placement(session: Session, *, body: PlacementCreate, actor_key_id: int) -> Placement:
    if body.end_date is not None and body.end_date < body.start_date:
        raise field_error("end_date", "must be on or after start_date")
    request = get_request(session, body.request_id)
    ensure_freelancer(session, body.freelancer_id)
    lock_request_placements(session, request_id=body.request_id)
    lock_pair(session, request_id=body.request_id, freelancer_id=body.freelancer_id)
    existing = session.scalar(
        select(Placement.id).where(
            Placement.request_id == body.request_id, Placement.freelancer_id == body.freelancer_id
        )
    )
    if existing is not None:
        raise Conflict(
            f"This freelancer's placement on this request is already recorded (placement "
            f"{existing}); update it with PATCH /v1/placements/{existing}."
        )
    ensure_open_for(session, request, Decision.placed)
    current = latest_decision(session, request_id=body.request_id, freelancer_id=body.freelancer_id)
    if current not in PLACEABLE:
        state = current.value if current else "not reviewed"
        raise Conflict(
            f"Only a presented or interviewed candidate can be placed; this one is {state}."
        )
    if current is not Decision.placed:
        session.add(
            Review(
                request_id=body.request_id,
                freelancer_id=body.freelancer_id,
                decision=Decision.placed.value,
                reason="Recorded with the placement.",
                reviewer_key_id=actor_key_id,
            )
        )
    placement = Placement(
        request_id=body.request_id,
        freelancer_id=body.freelancer_id,
        start_date=body.start_date,
        end_date=body.end_date,
        day_rate=body.day_rate,
        outcome=body.outcome.value,
        client_rating=body.client_rating,
        created_by_key_id=actor_key_id,
    )
    session.add(placement)
    session.flush()
    enqueue(session, kind=ATTRIBUTION_JOB, payload={"placement_id": placement.id})
    # The request table is intake's: ask it (through the queue) to mark the request filled once
    # its headcount is reached (intake counts; until then ensure_open_for counts here).
    enqueue(session, kind="fill_request", payload={"request_id": placement.request_id})
    session.refresh(placement)
    return placement


def get_placement(session: Session, placement_id: int) -> Placement:
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise NotFound(f"No placement {placement_id}.")
    return placement


def update_placement(session: Session, *, placement_id: int, body: PlacementUpdate) -> Placement:
    """Record what happened later: end date, outcome, client rating."""
    placement = get_placement(session, placement_id)
    changes = body.model_dump(exclude_unset=True)
    end_date = changes.get("end_date", placement.end_date)
    if end_date is not None and end_date < placement.start_date:
        raise field_error("end_date", "must be on or after start_date")
    if "outcome" in changes and changes["outcome"] is None:
        raise field_error("outcome", "cannot be cleared; send one of the outcome values")
    for field, value in changes.items():
        setattr(placement, field, value.value if isinstance(value, PlacementOutcome) else value)
    session.flush()
    session.refresh(placement)
    return placement
