"""Queue handlers of the referrals service (entry points in pyproject.toml, group vouch.jobs).

The worker opens the transaction and commits after the handler returns.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from services.referrals.attribution.service import attribute_placement as attribute
from services.referrals.trust.service import RECOMPUTE_KIND, recompute
from shared.queue.jobs import enqueue


def recompute_trust(session: Session, payload: dict[str, Any]) -> None:
    """Network trust of every contact (incrementally when possible), then freelancer rows.

    Decay moves every value daily even when nothing else changes, so each run also queues one
    run shortly after the next UTC midnight (deduplicated: at most one such job waits).
    """
    recompute(session, allow_incremental=not payload.get("full", False))
    now = datetime.now(UTC)
    tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)
    enqueue(
        session,
        kind=RECOMPUTE_KIND,
        payload={},
        dedupe_key="daily",
        delay_seconds=(tomorrow - now).total_seconds() + 60,
    )


def attribute_placement(session: Session, payload: dict[str, Any]) -> None:
    """Snapshot the referral source and vouches in force for payload["placement_id"]."""
    attribute(session, placement_id=int(payload["placement_id"]))
