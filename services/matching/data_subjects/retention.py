"""Retention: rejected or declined candidates' data goes 6 months after the decision.

German practice for applicants (AGG §15(4): claims lapse two months after a rejection; six
months is the usual retention). A freelancer whose every candidacy ended in `rejected` or
`declined`, whose last decision is older than the retention period, who was never placed and
who did not consent to a longer retention (`retention_until` in the future) is erased through
the same queued erasure as an Art. 17 request. Matching decides, because it owns the decisions.
A daily job does it; `now` is a parameter so tests can move the clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from shared.data_subjects import start_operation
from shared.queue.jobs import enqueue

RETENTION = "6 months"
JOB_KIND = "apply_retention"
BATCH = 500

_DUE = text(
    f"""
WITH latest AS (
    SELECT DISTINCT ON (r.request_id, r.freelancer_id) r.freelancer_id, r.decision, r.created_at
    FROM reviews r
    ORDER BY r.request_id, r.freelancer_id, r.created_at DESC, r.id DESC
), per_person AS (
    SELECT freelancer_id, bool_and(decision IN ('rejected', 'declined')) AS all_turned_down,
           max(created_at) AS last_decision
    FROM latest GROUP BY freelancer_id
)
SELECT f.id, f.name, f.email, f.phone
FROM per_person p JOIN freelancers f ON f.id = p.freelancer_id
WHERE p.all_turned_down
  AND p.last_decision < CAST(:now AS timestamptz) - INTERVAL '{RETENTION}'
  AND (f.retention_until IS NULL OR f.retention_until < CAST(:now AS timestamptz)::date)
  AND NOT EXISTS (SELECT 1 FROM placements pl WHERE pl.freelancer_id = f.id)
  AND NOT EXISTS (SELECT 1 FROM subject_operations o WHERE o.subject_type = 'freelancer'
                  AND o.completed_at IS NULL AND f.id IN (o.subject_id, o.into_id))
ORDER BY f.id
LIMIT :batch
"""
)


def apply_retention(session: Session, *, now: datetime) -> list[int]:
    """Start the erasure of everyone past retention; returns the operation ids."""
    operations = []
    for row in session.execute(_DUE, {"now": now, "batch": BATCH}).all():
        operation = start_operation(
            session,
            kind="erase",
            subject_type="freelancer",
            subject_id=row.id,
            scrub_terms=[value for value in (row.name, row.email, row.phone) if value],
            principal=None,
            trigger="retention",
        )
        operations.append(operation.id)
    return operations


def schedule_retention(session: Session, *, now: datetime | None = None) -> None:
    """Queue the next daily run shortly after the next UTC midnight (at most one waits)."""
    now = now or datetime.now(UTC)
    tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)
    enqueue(
        session,
        kind=JOB_KIND,
        payload={},
        dedupe_key="daily",
        delay_seconds=(tomorrow - now).total_seconds() + 120,
    )


def apply_retention_job(session: Session, payload: dict[str, Any]) -> None:
    """The daily job: erase what is due (a full batch runs again at once), then reschedule."""
    started = apply_retention(session, now=datetime.now(UTC))
    if len(started) == BATCH:
        enqueue(session, kind=JOB_KIND, payload={})
    schedule_retention(session)
