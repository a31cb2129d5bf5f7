"""Business rules around the state machine: open requests, headcount, ranked-or-manual.

- Nothing is presented, interviewed or placed on a filled or cancelled request (409). A request
  counts as filled as soon as it has `headcount` placements (not cancelled), even before intake's
  worker has set its status.
- Presenting needs the freelancer ranked for this request (a result in any of its match runs) or
  added on purpose: `added_manually: true` with a reason.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import exists, func, select, text
from sqlalchemy.orm import Session

from shared.errors import Conflict, field_error
from shared.models import MatchRun, Placement, Review, StaffingRequest
from shared.models.enums import Decision, PlacementOutcome, RequestStatus

# Decisions that put a candidate forward; a closed request takes none of them.
FORWARD: Final[frozenset[Decision]] = frozenset(
    {Decision.presented, Decision.interviewed, Decision.placed}
)


def lock_request_placements(session: Session, *, request_id: int) -> None:
    """Serialise placements on one request, so two cannot both take its last position."""
    session.execute(
        text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
        {"key": f"vouch:placements:{request_id}"},
    )


def placements_count(session: Session, *, request_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Placement)
            .where(
                Placement.request_id == request_id,
                Placement.outcome != PlacementOutcome.cancelled.value,
            )
        )
        or 0
    )


def ensure_open_for(session: Session, request: StaffingRequest, decision: Decision) -> None:
    """409 when `decision` puts someone forward on a cancelled or filled request."""
    if request.status == RequestStatus.cancelled.value:
        raise Conflict(f"Request {request.id} is cancelled; no more decisions on it.")
    if decision not in FORWARD:
        return
    filled = request.status == RequestStatus.filled.value
    placed = placements_count(session, request_id=request.id)
    if filled or placed >= request.headcount:
        raise Conflict(
            f"Request {request.id} is filled ({placed} of {request.headcount} placed); "
            f"nobody more can be {decision.value} on it.",
            headcount=request.headcount,
            placements=placed,
        )


def was_ranked(session: Session, *, request_id: int, freelancer_id: int) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(
                    MatchRun.request_id == request_id,
                    MatchRun.freelancer_ids.contains([freelancer_id]),
                )
            )
        )
    )


def was_added_manually(session: Session, *, request_id: int, freelancer_id: int) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(
                    Review.request_id == request_id,
                    Review.freelancer_id == freelancer_id,
                    Review.added_manually.is_(True),
                )
            )
        )
    )


def ensure_may_present(
    session: Session,
    *,
    request_id: int,
    freelancer_id: int,
    added_manually: bool,
    reason: str | None,
) -> None:
    """Presenting needs a ranking for this request or a deliberate, explained addition."""
    if added_manually:
        if not (reason and reason.strip()):
            raise field_error("reason", "say why this freelancer is added by hand")
        return
    if was_ranked(session, request_id=request_id, freelancer_id=freelancer_id):
        return
    if was_added_manually(session, request_id=request_id, freelancer_id=freelancer_id):
        return
    raise Conflict(
        f"Freelancer {freelancer_id} was never ranked for request {request_id}. Rank the request "
        "(POST /v1/requests/{id}/matches) or add them on purpose with "
        '"added_manually": true and a "reason".',
        freelancer_id=freelancer_id,
    )
