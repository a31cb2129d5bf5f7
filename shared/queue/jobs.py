"""A Postgres work queue: enqueue inside the caller's transaction, claim with SKIP LOCKED."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from shared.models import Job
from shared.models.enums import JobStatus

# Plain SQL: enqueue sits on hot request paths, and this skips building an insert construct.
_INSERT_JOB = """
    INSERT INTO jobs (kind, payload, dedupe_key, status, attempts, max_attempts, run_after)
    VALUES (:kind, CAST(:payload AS jsonb), :dedupe_key, 'queued', 0, 5,
            now() + make_interval(secs => :delay))
"""
_ENQUEUE = text(_INSERT_JOB + " RETURNING id")
_ENQUEUE_DEDUPED = text(
    _INSERT_JOB
    + " ON CONFLICT (kind, dedupe_key) WHERE status = 'queued' AND dedupe_key IS NOT NULL"
    + " DO NOTHING RETURNING id"
)


def enqueue(
    session: Session,
    *,
    kind: str,
    payload: dict[str, Any] | None = None,
    dedupe_key: str | None = None,
    delay_seconds: float = 0.0,
) -> int | None:
    """Add a job in the session's transaction (a rollback cancels it).

    With `dedupe_key`, a job of the same kind and key still waiting absorbs this one (debounce)
    and None is returned.
    """
    statement = _ENQUEUE_DEDUPED if dedupe_key is not None else _ENQUEUE
    parameters = {
        "kind": kind,
        "payload": json.dumps(payload or {}),
        "dedupe_key": dedupe_key,
        "delay": delay_seconds,
    }
    result: int | None = session.execute(statement, parameters).scalar_one_or_none()
    return result


def claim(session: Session, *, worker_id: str, kinds: list[str] | None = None) -> Job | None:
    """Take the oldest due job no other worker holds; the caller commits to publish the claim."""
    query = (
        select(Job)
        .where(Job.status == JobStatus.queued.value, Job.run_after <= func.now())
        .order_by(Job.run_after, Job.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if kinds:
        query = query.where(Job.kind.in_(kinds))
    job = session.scalar(query)
    if job is None:
        return None
    job.status = JobStatus.running.value
    job.attempts += 1
    job.locked_by = worker_id
    job.locked_at = func.now()
    session.flush()
    return job


def complete(session: Session, *, job_id: int) -> None:
    session.execute(
        update(Job)
        .where(Job.id == job_id)
        .values(status=JobStatus.done.value, finished_at=func.now(), last_error=None)
    )


def fail(session: Session, *, job_id: int, error: str) -> None:
    """Retry with exponential back-off until max_attempts, then mark failed."""
    job = session.get(Job, job_id)
    if job is None:
        return
    job.last_error = error[:4000]
    job.locked_by = None
    if job.attempts >= job.max_attempts:
        job.status = JobStatus.failed.value
        job.finished_at = func.now()
    else:
        job.status = JobStatus.queued.value
        job.run_after = func.now() + timedelta(seconds=2**job.attempts)
    session.flush()


def requeue_stale(session: Session, *, older_than: timedelta) -> int:
    """Return jobs whose worker died mid-run to the queue."""
    cutoff = datetime.now().astimezone() - older_than
    result = session.execute(
        update(Job)
        .where(Job.status == JobStatus.running.value, Job.locked_at < cutoff)
        .values(status=JobStatus.queued.value, locked_by=None)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
