"""A Postgres work queue: enqueue inside the caller's transaction, claim with SKIP LOCKED.

A claim is a lease (`locked_until`) that the worker renews while the handler runs. A worker that
dies stops renewing, and the sweep hands its job back to the queue once the lease lapses. Every
write about a claimed job is fenced by (worker, attempt): a worker whose lease was taken over
cannot complete it, and because the handler's writes commit in the same transaction as
`complete`, they are rolled back with it, so a job's effect happens once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, text, update
from sqlalchemy.exc import IntegrityError
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


class LeaseLost(Exception):
    """Another worker took this job over after our lease lapsed; our writes must not land."""


@dataclass(frozen=True)
class Claim:
    """A claimed job: the fence (`worker_id`, `attempt`) goes with every later write."""

    job_id: int
    kind: str
    payload: dict[str, Any]
    attempt: int
    worker_id: str


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


def _lease_end(lease_seconds: float) -> Any:
    return func.now() + timedelta(seconds=lease_seconds)


def claim(
    session: Session, *, worker_id: str, kinds: list[str], lease_seconds: float = 30.0
) -> Claim | None:
    """Take the oldest due job of `kinds` no other worker holds; the caller commits."""
    job = session.scalar(
        select(Job)
        .where(
            Job.status == JobStatus.queued.value,
            Job.run_after <= func.now(),
            Job.kind.in_(kinds),
        )
        .order_by(Job.run_after, Job.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if job is None:
        return None
    job.status = JobStatus.running.value
    job.attempts += 1
    job.locked_by = worker_id
    job.locked_at = func.now()
    job.locked_until = _lease_end(lease_seconds)
    session.flush()
    return Claim(job.id, job.kind, dict(job.payload), job.attempts, worker_id)


def _fenced(claim: Claim) -> Any:
    return and_(
        Job.id == claim.job_id,
        Job.status == JobStatus.running.value,
        Job.locked_by == claim.worker_id,
        Job.attempts == claim.attempt,
    )


def renew_lease(session: Session, *, claim: Claim, lease_seconds: float) -> bool:
    """Extend the lease; False when the job is no longer ours."""
    result = session.execute(
        update(Job).where(_fenced(claim)).values(locked_until=_lease_end(lease_seconds))
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def complete(session: Session, *, claim: Claim) -> None:
    """Mark the job done in the handler's transaction; LeaseLost rolls the handler back."""
    result = session.execute(
        update(Job)
        .where(_fenced(claim))
        .values(
            status=JobStatus.done.value,
            finished_at=func.now(),
            locked_until=None,
            last_error=None,
        )
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        raise LeaseLost(f"job {claim.job_id} attempt {claim.attempt} is no longer ours")


def _requeue_or_merge(session: Session, job: Job, *, delay_seconds: float, note: str) -> str:
    """Queue `job` again; if a waiting job of the same kind and key exists, merge into it.

    The unique index allows one queued job per (kind, dedupe_key), so requeueing next to a
    waiting twin would fail; the twin does the same work, so it takes over (brought forward to
    run no later than this one would have) and this job is closed as superseded.
    """
    try:
        with session.begin_nested():
            job.status = JobStatus.queued.value
            job.locked_by = None
            job.locked_until = None
            job.run_after = func.now() + timedelta(seconds=delay_seconds)
            job.last_error = note[:4000]
            session.flush()
        return "requeued"
    except IntegrityError:
        pass
    session.refresh(job)
    twin_id = session.execute(
        update(Job)
        .where(
            Job.kind == job.kind,
            Job.dedupe_key == job.dedupe_key,
            Job.status == JobStatus.queued.value,
        )
        .values(run_after=func.least(Job.run_after, func.now() + timedelta(seconds=delay_seconds)))
        .returning(Job.id)
    ).scalar_one_or_none()
    job.status = JobStatus.done.value
    job.locked_by = None
    job.locked_until = None
    job.finished_at = func.now()
    job.last_error = f"superseded by queued job {twin_id}; {note}"[:4000]
    session.flush()
    return "merged"


def _bury(job: Job, *, note: str) -> None:
    job.status = JobStatus.dead.value
    job.locked_by = None
    job.locked_until = None
    job.finished_at = func.now()
    job.last_error = note[:4000]


def fail(session: Session, *, claim: Claim, error: str) -> None:
    """Retry with exponential back-off until max_attempts, then dead-letter it (fenced)."""
    job = session.scalar(select(Job).where(_fenced(claim)).with_for_update())
    if job is None:
        return
    if job.attempts >= job.max_attempts:
        _bury(job, note=error)
        session.flush()
    else:
        _requeue_or_merge(session, job, delay_seconds=2**job.attempts, note=error)


def requeue_expired(session: Session) -> dict[str, int]:
    """Hand jobs whose lease lapsed (their worker died) back to the queue, or dead-letter them."""
    counts = {"requeued": 0, "merged": 0, "dead": 0}
    expired = session.scalars(
        select(Job)
        .where(Job.status == JobStatus.running.value, Job.locked_until < func.now())
        .order_by(Job.id)
        .with_for_update(skip_locked=True)
    ).all()
    for job in expired:
        note = f"lease of worker {job.locked_by} expired during attempt {job.attempts}"
        if job.attempts >= job.max_attempts:
            _bury(job, note=note + "; no attempts left")
            session.flush()
            counts["dead"] += 1
        else:
            counts[_requeue_or_merge(session, job, delay_seconds=0, note=note)] += 1
    return counts


def prune_finished(session: Session, *, done_after: timedelta, dead_after: timedelta) -> int:
    """Delete finished jobs past their retention (dead letters are kept longer)."""
    result = session.execute(
        delete(Job).where(
            or_(
                and_(
                    Job.status == JobStatus.done.value,
                    Job.finished_at < func.now() - done_after,
                ),
                and_(
                    Job.status == JobStatus.dead.value,
                    Job.finished_at < func.now() - dead_after,
                ),
            )
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def retry_dead(session: Session, *, job_id: int) -> Job:
    """Queue a dead-lettered job again with fresh attempts (merging into a waiting twin)."""
    job = session.scalar(select(Job).where(Job.id == job_id).with_for_update())
    if job is None:
        raise LookupError(f"no job #{job_id}")
    if job.status != JobStatus.dead.value:
        raise ValueError(f"job #{job_id} is {job.status}; only dead jobs can be retried")
    job.attempts = 0
    job.finished_at = None
    _requeue_or_merge(session, job, delay_seconds=0, note=f"retried by hand: {job.last_error}")
    return job
