"""Queued rankings run only where the index is: in the matching service's own processes."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from services.matching.main import app
from shared.models import Job, MatchRun
from shared.models.enums import JobStatus
from shared.queue.jobs import enqueue
from shared.queue.registry import UnknownJobKind, select_handlers
from shared.queue.worker import load_handlers, run_one
from tests.matching.test_matching_freshness import (  # noqa: F401 (committed_world: a fixture)
    SKILLS,
    committed_world,
    eventually,
    setup_keys,
)


def _status(engine: Engine, job_id: int) -> str:
    with Session(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job.status


def test_no_worker_takes_a_ranking_and_asking_for_one_is_refused() -> None:
    assert "rank_request" not in select_handlers()
    assert "rank_request" not in select_handlers(service="matching")
    assert "train_model" in select_handlers(service="matching")
    with pytest.raises(UnknownJobKind, match="matching service's own processes"):
        select_handlers(kinds=["rank_request"])
    # A process that runs everything itself (tests, the demo's drain) may still ask for it.
    assert "rank_request" in load_handlers()


def test_a_general_worker_leaves_rankings_to_the_matching_service(
    committed_engine: Engine,
    committed_world: Any,  # noqa: F811
) -> None:
    keys = setup_keys(committed_engine)
    with committed_world(keys) as world:
        world.freelancer(skills={"mt-python": 4})
        request = world.request(skills=SKILLS)
    sessions = sessionmaker(bind=committed_engine, expire_on_commit=False)
    with sessions() as session, session.begin():
        job_id = enqueue(session, kind="rank_request", payload={"request_id": request.id})
    assert job_id is not None
    for handlers in (select_handlers(), select_handlers(service="matching")):
        assert run_one(sessions, handlers, worker_id="general") is None
    assert _status(committed_engine, job_id) == JobStatus.queued.value

    # The served app consumes it once its index is built, and stops consuming when it stops.
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 200
        eventually(lambda: _status(committed_engine, job_id) == JobStatus.done.value)
    with sessions() as session:
        runs = session.scalars(select(MatchRun).where(MatchRun.request_id == request.id)).all()
        assert [run.trigger for run in runs] == ["worker"]
        later = enqueue(session, kind="rank_request", payload={"request_id": request.id})
        session.commit()
    assert later is not None
    assert run_one(sessions, select_handlers(), worker_id="general") is None
    assert _status(committed_engine, later) == JobStatus.queued.value
