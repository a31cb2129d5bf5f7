"""A worker killed with SIGKILL mid-job: the job is retried within a minute, its effect once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from shared.config import Settings
from shared.models import AuditEntry, Job
from shared.models.enums import JobStatus
from shared.queue.jobs import enqueue
from tests.foundation.worker_probe import KIND


def _start_worker(database_url: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        # Short lease so the test is quick; the defaults are checked below.
        "VOUCH_WORKER_LEASE_SECONDS": "3",
        "VOUCH_WORKER_SWEEP_SECONDS": "1",
        "VOUCH_WORKER_POLL_SECONDS": "0.1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tests.foundation.worker_probe"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_default_lease_and_sweep_retry_a_killed_job_within_a_minute() -> None:
    settings = Settings()
    assert settings.worker_lease_seconds + settings.worker_sweep_seconds < 60


def test_killed_worker_job_is_retried_and_its_effect_happens_once(
    committed_engine: Engine, database_url: str, tmp_path: Path
) -> None:
    hold, started = tmp_path / "hold", tmp_path / "started"
    hold.touch()
    with Session(committed_engine) as session, session.begin():
        job_id = enqueue(
            session, kind=KIND, payload={"n": 1, "hold": str(hold), "started": str(started)}
        )
    first = _start_worker(database_url)
    try:
        assert _wait_for(started.exists, 60), "the first worker never started the job"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    killed_at = time.monotonic()
    hold.unlink()
    second = _start_worker(database_url)

    def finished() -> bool:
        with Session(committed_engine) as session:
            job = session.get(Job, job_id)
            return job is not None and job.status == JobStatus.done.value

    try:
        assert _wait_for(finished, 60), "the killed job was not retried within a minute"
        retried_after = time.monotonic() - killed_at
    finally:
        second.terminate()
        second.wait(timeout=30)
    with Session(committed_engine) as session:
        job = session.get(Job, job_id)
        assert job is not None and job.attempts == 2
        effects = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "kill-probe")
        )
    assert effects == 1
    print(f"killed job done {retried_after:.1f}s after SIGKILL")
