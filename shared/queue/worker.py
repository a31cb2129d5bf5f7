"""`vouch worker`: runs queued jobs, renews their leases, and sweeps; never dies of a DB blip."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_delay,
    stop_when_event_set,
    wait_exponential,
)

from shared.auth.rate_limit import purge_rate_limit_windows
from shared.errors import database_unavailable
from shared.idempotency import purge_expired
from shared.queue.jobs import (
    Claim,
    LeaseLost,
    claim,
    complete,
    fail,
    prune_finished,
    renew_lease,
    requeue_expired,
)
from shared.queue.registry import JobHandler, select_handlers

logger = logging.getLogger("vouch.worker")
T = TypeVar("T")


def load_handlers() -> dict[str, JobHandler]:
    """Every registered kind of every service, served ones included: for a process that runs
    everything itself (tests, the demo's drain). `vouch worker` uses `select_handlers`."""
    return select_handlers(served=True)


@dataclass(frozen=True)
class WorkerOptions:
    poll_seconds: float = 0.5
    lease_seconds: float = 30.0
    sweep_seconds: float = 10.0
    job_retention: timedelta = timedelta(days=7)
    dead_job_retention: timedelta = timedelta(days=30)
    # How long one database step keeps retrying before the loop moves on (it never exits).
    retry_budget_seconds: float = 30.0
    # The sweep (expired leases, pruning, purges); a consumer inside a service leaves it to
    # the service's worker.
    housekeeping: bool = True


def _log_retry(state: RetryCallState) -> None:
    error = state.outcome.exception() if state.outcome else None
    logger.warning(
        "database unavailable (%s); retry %d in %.1fs",
        type(error).__name__,
        state.attempt_number,
        state.next_action.sleep if state.next_action else 0.0,
    )


def with_db_retry(step: Callable[[], T], *, stop: threading.Event, budget_seconds: float) -> T:
    """Run `step`, retrying database outages with exponential back-off (0.2 s … 5 s)."""

    def sleep(seconds: float) -> None:
        stop.wait(seconds)

    retrying = Retrying(
        retry=retry_if_exception(database_unavailable),
        wait=wait_exponential(multiplier=0.2, max=5),
        stop=stop_after_delay(budget_seconds) | stop_when_event_set(stop),
        sleep=sleep,
        before_sleep=_log_retry,
        reraise=True,
    )
    return retrying(step)


class _Heartbeat(threading.Thread):
    """Renews a claim's lease every third of its length until told to stop."""

    def __init__(self, sessions: sessionmaker[Session], job: Claim, lease_seconds: float):
        super().__init__(name=f"heartbeat-{job.job_id}", daemon=True)
        self.sessions, self.job, self.lease_seconds = sessions, job, lease_seconds
        self.finished = threading.Event()

    def run(self) -> None:
        while not self.finished.wait(self.lease_seconds / 3):
            try:
                with self.sessions() as session, session.begin():
                    mine = renew_lease(session, claim=self.job, lease_seconds=self.lease_seconds)
            except Exception as exc:
                logger.warning("lease renewal of job %s failed: %s", self.job.job_id, exc)
                continue
            if not mine:
                logger.warning("job %s: lease lost to another worker", self.job.job_id)
                return


def run_one(
    sessions: sessionmaker[Session],
    handlers: dict[str, JobHandler],
    *,
    worker_id: str,
    lease_seconds: float = 30.0,
) -> int | None:
    """Claim and run one job; returns its id, or None when nothing is due."""
    with sessions() as session, session.begin():
        job = claim(
            session, worker_id=worker_id, kinds=sorted(handlers), lease_seconds=lease_seconds
        )
    if job is None:
        return None
    heartbeat = _Heartbeat(sessions, job, lease_seconds)
    heartbeat.start()
    try:
        with sessions() as session, session.begin():
            handlers[job.kind](session, job.payload)
            complete(session, claim=job)
    except LeaseLost as exc:
        logger.warning("job %s (%s): %s; its writes were rolled back", job.job_id, job.kind, exc)
    except Exception as exc:
        logger.warning("job %s (%s) attempt %d failed: %s", job.job_id, job.kind, job.attempt, exc)
        with sessions() as session, session.begin():
            fail(session, claim=job, error=f"{type(exc).__name__}: {exc}")
    finally:
        heartbeat.finished.set()
    return job.job_id


def sweep(sessions: sessionmaker[Session], options: WorkerOptions) -> None:
    """One round of housekeeping, each step in its own transaction."""
    with sessions() as session, session.begin():
        counts = requeue_expired(session)
    if any(counts.values()):
        logger.info("expired leases: %s", counts)
    with sessions() as session, session.begin():
        prune_finished(
            session, done_after=options.job_retention, dead_after=options.dead_job_retention
        )
    with sessions() as session, session.begin():
        purge_expired(session)
    with sessions() as session, session.begin():
        purge_rate_limit_windows(session)


def run_worker(
    engine: Engine,
    *,
    handlers: dict[str, JobHandler],
    options: WorkerOptions | None = None,
    stop: threading.Event | None = None,
    poll_seconds: float | None = None,
) -> None:
    """Loop until `stop` is set: sweep now and then, run due jobs, sleep when there are none.

    Database outages are retried with back-off; no error ends the loop.
    """
    options = options or WorkerOptions()
    if poll_seconds is not None:
        options = WorkerOptions(**{**options.__dict__, "poll_seconds": poll_seconds})
    stop = stop or threading.Event()
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    worker_id = f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
    logger.info("worker %s handles %s", worker_id, sorted(handlers))
    last_sweep = float("-inf")
    budget = options.retry_budget_seconds
    while not stop.is_set():
        ran: int | None = None
        try:
            if options.housekeeping and time.monotonic() - last_sweep >= options.sweep_seconds:
                with_db_retry(lambda: sweep(sessions, options), stop=stop, budget_seconds=budget)
                last_sweep = time.monotonic()
            if handlers:
                ran = with_db_retry(
                    lambda: run_one(
                        sessions, handlers, worker_id=worker_id, lease_seconds=options.lease_seconds
                    ),
                    stop=stop,
                    budget_seconds=budget,
                )
        except Exception as exc:
            # Still failing after the retry budget (or a bug): log one line, wait, go on.
            logger.error("worker step failed: %s: %s; continuing", type(exc).__name__, exc)
            stop.wait(min(5.0, options.sweep_seconds))
        if ran is None:
            stop.wait(options.poll_seconds)
