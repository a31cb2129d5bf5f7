"""Queue handlers of the referrals service (entry points in pyproject.toml, group vouch.jobs).

The worker opens the transaction and commits after the handler returns.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from services.referrals.attribution.service import attribute_placement as attribute
from services.referrals.reports.digest import queue_weekly_digests
from services.referrals.settings import get_referrals_settings
from services.referrals.trust.engine import trust_day
from services.referrals.trust.service import RECOMPUTE_KIND, recompute
from shared.outbox import deliver_due
from shared.queue.jobs import enqueue

DIGEST_JOB = "cooling_digest"
DELIVER_JOB = "deliver_outbox"
DIGEST_WEEKDAY, DIGEST_HOUR = 0, 6  # Mondays, 06:00 UTC


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
    _schedule_next_digest(session, now)


def _schedule_next_digest(session: Session, now: datetime) -> None:
    """At most one digest job waits (deduplicated), due next Monday 06:00 UTC."""
    days_ahead = (DIGEST_WEEKDAY - now.weekday()) % 7
    due = datetime.combine(now.date() + timedelta(days=days_ahead), datetime.min.time(), UTC)
    due += timedelta(hours=DIGEST_HOUR)
    if due <= now:
        due += timedelta(days=7)
    enqueue(
        session,
        kind=DIGEST_JOB,
        payload={},
        dedupe_key="weekly",
        delay_seconds=(due - now).total_seconds(),
    )


def cooling_digest(session: Session, payload: dict[str, Any]) -> None:
    """Queue this week's cooling digest per account manager (outbox), then their delivery."""
    settings = get_referrals_settings()
    queued = queue_weekly_digests(
        session,
        as_of=trust_day(),
        params=settings.trust_params(),
        threshold=settings.strong_tie_threshold,
        days=settings.cooling_days,
    )
    if queued:
        enqueue(session, kind=DELIVER_JOB, payload={}, dedupe_key="outbox")
    _schedule_next_digest(session, datetime.now(UTC) + timedelta(minutes=1))


def deliver_outbox(session: Session, payload: dict[str, Any]) -> None:
    """Send due outbox messages through the default sink (a log line)."""
    deliver_due(session)


def attribute_placement(session: Session, payload: dict[str, Any]) -> None:
    """Snapshot the referral source and vouches in force for payload["placement_id"]."""
    attribute(session, placement_id=int(payload["placement_id"]))
