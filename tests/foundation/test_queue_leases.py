"""Leases, fencing, dedupe-safe requeues, attempt caps, dead letters and pruning."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.orm import Session

from shared.models import AuditEntry, Job
from shared.models.enums import JobStatus
from shared.queue.jobs import (
    LeaseLost,
    claim,
    complete,
    enqueue,
    fail,
    prune_finished,
    renew_lease,
    requeue_expired,
    retry_dead,
)
from shared.queue.registry import UnknownJobKind, registered_kinds, select_handlers


def _job(engine: Engine, job_id: int) -> Job:
    with Session(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job


def _expire_lease(engine: Engine, job_id: int) -> None:
    with Session(engine) as session, session.begin():
        session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(locked_until=func.now() - timedelta(seconds=1))
        )


def _probe_rows(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                text("SELECT count(*) FROM audit_log WHERE entity = 'queue-probe'")
            ).scalar_one()
        )


def _effect(session: Session) -> None:
    session.add(AuditEntry(action="probe", entity="queue-probe", entity_id="1", detail={}))
    session.flush()


def test_a_worker_whose_lease_lapsed_cannot_complete_and_its_writes_roll_back(
    committed_engine: Engine,
) -> None:
    with Session(committed_engine) as session, session.begin():
        job_id = enqueue(session, kind="probe")
    with Session(committed_engine) as session, session.begin():
        stale = claim(session, worker_id="A", kinds=["probe"], lease_seconds=30)
    assert stale is not None and stale.job_id == job_id
    _expire_lease(committed_engine, stale.job_id)
    with Session(committed_engine) as session, session.begin():
        assert requeue_expired(session) == {"requeued": 1, "merged": 0, "dead": 0}
    with Session(committed_engine) as session, session.begin():
        fresh = claim(session, worker_id="B", kinds=["probe"], lease_seconds=30)
    assert fresh is not None and fresh.attempt == 2
    # Worker A wakes up and finishes: its effect and its completion are refused together.
    with pytest.raises(LeaseLost), Session(committed_engine) as session, session.begin():
        _effect(session)
        complete(session, claim=stale)
    with Session(committed_engine) as session, session.begin():
        assert not renew_lease(session, claim=stale, lease_seconds=30)
        assert renew_lease(session, claim=fresh, lease_seconds=30)
        _effect(session)
        complete(session, claim=fresh)
    assert _probe_rows(committed_engine) == 1
    assert _job(committed_engine, job_id or 0).status == JobStatus.done.value


def test_requeue_next_to_a_waiting_twin_merges_instead_of_crashing(
    committed_engine: Engine,
) -> None:
    """The nightly-recompute jam: a dead worker's job and the next one share a dedupe key."""
    with Session(committed_engine) as session, session.begin():
        running_id = enqueue(session, kind="nightly", dedupe_key="daily")
    with Session(committed_engine) as session, session.begin():
        assert claim(session, worker_id="dead", kinds=["nightly"]) is not None
    with Session(committed_engine) as session, session.begin():
        twin_id = enqueue(session, kind="nightly", dedupe_key="daily", delay_seconds=86_400)
    assert twin_id is not None
    _expire_lease(committed_engine, running_id or 0)
    with Session(committed_engine) as session, session.begin():
        assert requeue_expired(session) == {"requeued": 0, "merged": 1, "dead": 0}
    stale = _job(committed_engine, running_id or 0)
    assert stale.status == JobStatus.done.value
    assert f"superseded by queued job {twin_id}" in (stale.last_error or "")
    # The killed run's work is not postponed to tomorrow: the twin is due now.
    with Session(committed_engine) as session, session.begin():
        again = claim(session, worker_id="w", kinds=["nightly"])
    assert again is not None and again.job_id == twin_id


def test_failed_attempt_next_to_a_waiting_twin_merges(committed_engine: Engine) -> None:
    with Session(committed_engine) as session, session.begin():
        enqueue(session, kind="rank", dedupe_key="7")
    with Session(committed_engine) as session, session.begin():
        running = claim(session, worker_id="w", kinds=["rank"])
        assert running is not None
    with Session(committed_engine) as session, session.begin():
        twin_id = enqueue(session, kind="rank", dedupe_key="7")
    with Session(committed_engine) as session, session.begin():
        fail(session, claim=running, error="boom")
    assert _job(committed_engine, running.job_id).status == JobStatus.done.value
    assert _job(committed_engine, twin_id or 0).status == JobStatus.queued.value


def test_expired_lease_on_the_last_attempt_is_dead_lettered(committed_engine: Engine) -> None:
    with Session(committed_engine) as session, session.begin():
        job_id = enqueue(session, kind="probe")
        session.execute(update(Job).where(Job.id == job_id).values(attempts=4))
    with Session(committed_engine) as session, session.begin():
        assert claim(session, worker_id="w", kinds=["probe"]) is not None
    _expire_lease(committed_engine, job_id or 0)
    with Session(committed_engine) as session, session.begin():
        assert requeue_expired(session)["dead"] == 1
    job = _job(committed_engine, job_id or 0)
    assert job.status == JobStatus.dead.value
    assert "no attempts left" in (job.last_error or "")
    with Session(committed_engine) as session, session.begin():
        assert claim(session, worker_id="w", kinds=["probe"]) is None
        retried = retry_dead(session, job_id=job.id)
        assert (retried.status, retried.attempts) == (JobStatus.queued.value, 0)
    with Session(committed_engine) as session, session.begin():
        assert claim(session, worker_id="w", kinds=["probe"]) is not None


def test_finished_jobs_are_pruned_after_their_retention(committed_engine: Engine) -> None:
    ages = {"done-old": 8, "done-new": 1, "dead-old": 31, "dead-mid": 8}
    with Session(committed_engine) as session, session.begin():
        for name, days in ages.items():
            job_id = enqueue(session, kind=name)
            session.execute(
                update(Job)
                .where(Job.id == job_id)
                .values(
                    status=name.split("-")[0],
                    finished_at=func.now() - timedelta(days=days),
                )
            )
        enqueue(session, kind="waiting")
    with Session(committed_engine) as session, session.begin():
        pruned = prune_finished(
            session, done_after=timedelta(days=7), dead_after=timedelta(days=30)
        )
    assert pruned == 2
    with Session(committed_engine) as session:
        left = set(session.scalars(select(Job.kind)))
    assert left == {"done-new", "dead-mid", "waiting"}


def test_each_service_has_its_own_kinds_and_unknown_ones_are_refused() -> None:
    services = {kind.kind: kind.service for kind in registered_kinds().values()}
    assert services["rank_request"] == "matching"
    assert services["recompute_trust"] == "referrals"
    assert services["fill_request"] == "intake"
    assert set(select_handlers(service="intake")) == {
        k for k, s in services.items() if s == "intake"
    }
    with pytest.raises(UnknownJobKind, match="rank_reqest"):
        select_handlers(kinds=["rank_reqest"])
    with pytest.raises(UnknownJobKind, match="fill_request"):
        select_handlers(service="matching", kinds=["fill_request"])
    with pytest.raises(UnknownJobKind, match="unknown service"):
        select_handlers(service="billing")


def _vouch(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", *args],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_worker_with_a_typo_kind_exits_before_claiming(
    committed_engine: Engine, database_url: str
) -> None:
    with Session(committed_engine) as session, session.begin():
        job_id = enqueue(session, kind="rank_request", payload={"request_id": 1})
    result = _vouch(database_url, "worker", "--kind", "rank_reqest")
    assert result.returncode == 2
    assert "unknown job kind(s): rank_reqest" in result.stderr
    assert _job(committed_engine, job_id or 0).status == JobStatus.queued.value


def test_jobs_cli_lists_dead_letters_and_retries_them(
    committed_engine: Engine, database_url: str
) -> None:
    with Session(committed_engine) as session, session.begin():
        job_id = enqueue(session, kind="rank_request", payload={"request_id": 1})
        session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(status="dead", attempts=5, last_error="ValueError: gave up")
        )
    listed = _vouch(database_url, "jobs", "list", "--status", "dead")
    assert listed.returncode == 0, listed.stderr
    assert f"{job_id}" in listed.stdout and "gave up" in listed.stdout
    assert "dead 1" in listed.stderr
    retried = _vouch(database_url, "jobs", "retry", str(job_id))
    assert retried.returncode == 0, retried.stderr
    job = _job(committed_engine, job_id or 0)
    assert (job.status, job.attempts) == (JobStatus.queued.value, 0)
    again = _vouch(database_url, "jobs", "retry", str(job_id))
    assert again.returncode != 0 and "only dead jobs" in again.stderr


def test_heartbeat_keeps_a_long_job_from_being_taken_over(committed_engine: Engine) -> None:
    """A job running for several lease lengths is renewed, so no sweep hands it to another."""
    import threading

    from shared.queue.worker import WorkerOptions, run_worker

    with Session(committed_engine) as session, session.begin():
        job_id = enqueue(session, kind="long")
    runs: list[int] = []

    def long_job(session: Session, payload: dict[str, object]) -> None:
        runs.append(1)
        session.execute(select(func.pg_sleep(4)))
        _effect(session)

    stop = threading.Event()
    options = WorkerOptions(poll_seconds=0.05, lease_seconds=1.2, sweep_seconds=0.2)
    workers = [
        threading.Thread(
            target=run_worker,
            args=(committed_engine,),
            kwargs={"handlers": {"long": long_job}, "options": options, "stop": stop},
        )
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    try:
        for _ in range(200):
            if _job(committed_engine, job_id or 0).status == JobStatus.done.value:
                break
            stop.wait(0.05)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=30)
    job = _job(committed_engine, job_id or 0)
    assert (job.status, job.attempts, len(runs)) == (JobStatus.done.value, 1, 1)
    assert _probe_rows(committed_engine) == 1
