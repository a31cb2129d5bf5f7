"""`vouch worker`: runs queued jobs with the handlers services register as entry points.

A service registers a handler in pyproject.toml under `[project.entry-points."vouch.jobs"]`
(`kind = "services.matching.jobs:rank_request"`); the handler takes `(session, payload)`.
Entry points keep `shared/` from importing any service.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from collections.abc import Callable
from datetime import timedelta
from importlib.metadata import entry_points
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from shared.idempotency import purge_expired
from shared.queue.jobs import claim, complete, fail, requeue_stale

JobHandler = Callable[[Session, dict[str, Any]], None]
logger = logging.getLogger("vouch.worker")


def load_handlers() -> dict[str, JobHandler]:
    return {ep.name: ep.load() for ep in entry_points(group="vouch.jobs")}


def run_one(
    sessions: sessionmaker[Session],
    handlers: dict[str, JobHandler],
    *,
    worker_id: str,
) -> int | None:
    """Claim and run one job; returns its id, or None when nothing is due."""
    with sessions() as session, session.begin():
        job = claim(session, worker_id=worker_id, kinds=sorted(handlers))
        if job is None:
            return None
        job_id, kind, payload = job.id, job.kind, dict(job.payload)
    try:
        with sessions() as session, session.begin():
            handlers[kind](session, payload)
            complete(session, job_id=job_id)
    except Exception as exc:
        logger.warning("job %s (%s) failed: %s", job_id, kind, exc)
        with sessions() as session, session.begin():
            fail(session, job_id=job_id, error="".join(traceback.format_exception(exc)))
    return job_id


def run_worker(
    engine: Engine,
    *,
    handlers: dict[str, JobHandler] | None = None,
    poll_seconds: float = 0.5,
    stop: threading.Event | None = None,
) -> None:
    """Loop until `stop` is set: run due jobs, sleep briefly when there are none.

    Once a minute it also returns jobs of dead workers to the queue and drops expired
    Idempotency-Key records.
    """
    handlers = handlers if handlers is not None else load_handlers()
    stop = stop or threading.Event()
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    worker_id = f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
    logger.info("worker %s handles %s", worker_id, sorted(handlers))
    last_sweep = 0.0
    while not stop.is_set():
        if time.monotonic() - last_sweep > 60:
            with sessions() as session, session.begin():
                requeue_stale(session, older_than=timedelta(minutes=15))
                purge_expired(session)
            last_sweep = time.monotonic()
        try:
            ran = run_one(sessions, handlers, worker_id=worker_id)
        except Exception:
            logger.exception("worker loop error; retrying")
            ran = None
        if ran is None:
            stop.wait(poll_seconds)
