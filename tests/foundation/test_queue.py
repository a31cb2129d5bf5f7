"""The Postgres queue: transactional enqueue, exactly-once claiming by competing workers."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from shared.models import IdempotencyRecord, Job
from shared.models.enums import JobStatus
from shared.queue.jobs import enqueue
from shared.queue.worker import run_one, run_worker
from tests.support.keys import make_keys


def _jobs(engine: Engine, kind: str) -> list[Job]:
    with Session(engine) as session:
        return list(session.scalars(select(Job).where(Job.kind == kind)))


def test_rolled_back_transaction_leaves_no_job(committed_engine: Engine) -> None:
    with Session(committed_engine) as session, session.begin():
        enqueue(session, kind="probe", payload={"n": 1})
        session.rollback()
    assert _jobs(committed_engine, "probe") == []


def test_committed_job_is_visible(committed_engine: Engine) -> None:
    with Session(committed_engine) as session, session.begin():
        enqueue(session, kind="probe", payload={"n": 1})
    assert [job.payload for job in _jobs(committed_engine, "probe")] == [{"n": 1}]


def test_dedupe_key_debounces_queued_jobs(committed_engine: Engine) -> None:
    with Session(committed_engine) as session, session.begin():
        assert enqueue(session, kind="probe", dedupe_key="all") is not None
        assert enqueue(session, kind="probe", dedupe_key="all") is None
    assert len(_jobs(committed_engine, "probe")) == 1


def test_two_workers_never_run_the_same_job_twice(committed_engine: Engine) -> None:
    total = 60
    with Session(committed_engine) as session, session.begin():
        for n in range(total):
            enqueue(session, kind="count", payload={"n": n})
    seen: Counter[int] = Counter()
    lock = threading.Lock()

    def handler(session: Session, payload: dict[str, Any]) -> None:
        session.execute(select(func.pg_sleep(0.005)))
        with lock:
            seen[payload["n"]] += 1

    stop = threading.Event()
    workers = [
        threading.Thread(
            target=run_worker,
            args=(committed_engine,),
            kwargs={"handlers": {"count": handler}, "poll_seconds": 0.05, "stop": stop},
        )
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for _ in range(400):
        with Session(committed_engine) as session:
            waiting = session.scalar(
                select(func.count()).select_from(Job).where(Job.status != JobStatus.done.value)
            )
        if waiting == 0:
            break
        stop.wait(0.05)
    stop.set()
    for worker in workers:
        worker.join(timeout=10)
    assert sorted(seen) == list(range(total))
    assert set(seen.values()) == {1}
    workers_used = {job.locked_by for job in _jobs(committed_engine, "count")}
    assert len(workers_used) == 2


def test_failing_job_is_retried_later_then_marked_failed(committed_engine: Engine) -> None:
    with Session(committed_engine) as session, session.begin():
        enqueue(session, kind="broken")

    def handler(session: Session, payload: dict[str, Any]) -> None:
        raise ValueError("cannot do it")

    sessions = sessionmaker(bind=committed_engine)
    assert run_one(sessions, {"broken": handler}, worker_id="w") is not None
    (job,) = _jobs(committed_engine, "broken")
    assert job.status == JobStatus.queued.value
    assert job.attempts == 1
    assert "cannot do it" in (job.last_error or "")
    # Not due again until its back-off has passed.
    assert run_one(sessions, {"broken": handler}, worker_id="w") is None


def test_worker_sweep_drops_expired_idempotency_records(committed_engine: Engine) -> None:
    now = datetime.now(UTC)
    with Session(committed_engine) as session, session.begin():
        key_id = make_keys(session).manager_key_id
        for key, expires_at in (
            ("old", now - timedelta(hours=1)),
            ("new", now + timedelta(hours=1)),
        ):
            session.add(
                IdempotencyRecord(
                    api_key_id=key_id,
                    key=key,
                    method="POST",
                    path="/v1/requests",
                    body_sha256="0" * 64,
                    status_code=201,
                    response_body={},
                    expires_at=expires_at,
                )
            )
    stop = threading.Event()
    worker = threading.Thread(
        target=run_worker,
        args=(committed_engine,),
        kwargs={"handlers": {}, "poll_seconds": 0.05, "stop": stop},
    )
    worker.start()
    for _ in range(100):
        with Session(committed_engine) as session:
            keys = set(session.scalars(select(IdempotencyRecord.key)))
        if keys == {"new"}:
            break
        stop.wait(0.05)
    stop.set()
    worker.join(timeout=10)
    assert keys == {"new"}
