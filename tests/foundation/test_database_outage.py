"""PostgreSQL stops under load: only 503 problems with Retry-After, connections kept, one log
line per failure; no 5xx five seconds after it is back; the worker lives through the blip.

Runs against a server of its own (pgserver in a temp dir); the shared server is never touched.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from shared.db.migrate import upgrade
from shared.models import Job, Organization
from shared.models.enums import JobStatus
from shared.queue.jobs import enqueue
from shared.queue.worker import WorkerOptions, run_worker
from tests.foundation.own_postgres import OwnPostgres, start_own_postgres
from tests.support.keys import make_keys

PROBLEM = "application/problem+json"


@dataclass
class Outcome:
    at: float
    status: int | None
    content_type: str = ""
    retry_after: str | None = None
    error: str = ""


@pytest.fixture(scope="module")
def own_postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OwnPostgres]:
    database = start_own_postgres(tmp_path_factory.mktemp("outage"))
    upgrade(database.url)
    yield database
    database.server.cleanup()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _hammer(base: str, headers: dict[str, str], path: str, stop: threading.Event) -> list[Outcome]:
    outcomes: list[Outcome] = []
    with httpx.Client(base_url=base, headers=headers, timeout=15) as client:
        while not stop.is_set():
            try:
                response = client.get(path)
                outcomes.append(
                    Outcome(
                        time.monotonic(),
                        response.status_code,
                        response.headers.get("content-type", ""),
                        response.headers.get("retry-after"),
                    )
                )
            except httpx.HTTPError as exc:
                outcomes.append(Outcome(time.monotonic(), None, error=repr(exc)))
            time.sleep(0.02)
    return outcomes


def test_outage_gives_503_with_retry_after_and_recovers(
    own_postgres: OwnPostgres, tmp_path: Path
) -> None:
    engine = create_engine(own_postgres.url, pool_pre_ping=True)
    with Session(engine) as session, session.begin():
        keys = make_keys(session)
        organization_id = keys.org_a_id
    port = _free_port()
    log_path = tmp_path / "server.log"
    env = {
        **os.environ,
        "DATABASE_URL": own_postgres.url,
        "VOUCH_RATE_LIMIT_REQUESTS": "0",
        "VOUCH_RETRY_AFTER_SECONDS": "2",
    }
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "uvicorn", "tests.foundation.probe_app:app"),
                *("--port", str(port), "--no-access-log"),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    stop = threading.Event()
    worker_stop = threading.Event()
    results: list[list[Outcome]] = []
    done: list[int] = []

    def handler(session: Session, payload: dict[str, Any]) -> None:
        session.add(Organization(name=f"job {payload['n']}"))
        done.append(payload["n"])

    worker = threading.Thread(
        target=run_worker,
        args=(engine,),
        kwargs={
            "handlers": {"outage_probe": handler},
            "options": WorkerOptions(poll_seconds=0.1, sweep_seconds=0.5, lease_seconds=3),
            "stop": worker_stop,
        },
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        worker.start()
        path = f"/probe/organizations/{organization_id}"
        threads = [
            threading.Thread(target=lambda: results.append(_hammer(base, keys.admin, path, stop)))
            for _ in range(6)
        ]
        for thread in threads:
            thread.start()
        time.sleep(2)
        own_postgres.stop()
        time.sleep(3)
        readiness = httpx.get(base + "/readyz", timeout=10)
        assert readiness.status_code == 503 and readiness.headers["retry-after"] == "2"
        time.sleep(3)
        assert worker.is_alive(), "the worker died during the outage"
        own_postgres.start()
        back_at = time.monotonic()
        with Session(engine) as session, session.begin():
            enqueue(session, kind="outage_probe", payload={"n": 1})
        time.sleep(9)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        deadline = time.monotonic() + 30
        while not done and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        stop.set()
        worker_stop.set()
        server.terminate()
        server.wait(timeout=30)
        if worker.is_alive():
            worker.join(timeout=30)
        engine.dispose()

    outcomes = [outcome for batch in results for outcome in batch]
    statuses = {outcome.status for outcome in outcomes}
    unavailable = [o for o in outcomes if o.status == 503]
    print(
        f"{len(outcomes)} responses: "
        + ", ".join(
            f"{s}: {sum(o.status == s for o in outcomes)}" for s in sorted(statuses, key=str)
        )
    )
    assert [o.error for o in outcomes if o.error] == [], "a client lost its connection"
    assert statuses <= {200, 503}
    assert len(unavailable) > 10
    assert all(o.content_type == PROBLEM and o.retry_after == "2" for o in unavailable)
    late = [o.status for o in outcomes if o.at > back_at + 5]
    assert late and set(late) == {200}
    assert done == [1], "the worker did not run a job queued after the database came back"
    with Session(create_engine(own_postgres.url)) as session:
        assert session.query(Job).filter(Job.status == JobStatus.done.value).count() == 1
    log = log_path.read_text()
    assert "Traceback" not in log
    one_liners = log.count("database unavailable on GET")
    assert one_liners == len(unavailable), (one_liners, len(unavailable))
