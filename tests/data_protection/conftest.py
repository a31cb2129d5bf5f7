"""Fixtures for data-protection tests: all three apps in the test's transaction, a job drainer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from services.intake.main import app as intake_app
from services.matching.main import app as matching_app
from services.referrals.main import app as referrals_app
from shared.models import Job
from shared.queue.worker import load_handlers
from tests.matching.conftest import World, fresh_matching_state  # noqa: F401 (autouse fixture)
from tests.support.keys import TestKeys


@pytest.fixture
def intake(client_for: Callable[..., TestClient]) -> TestClient:
    return client_for(intake_app)


@pytest.fixture
def referrals(client_for: Callable[..., TestClient]) -> TestClient:
    return client_for(referrals_app)


@pytest.fixture
def matching(client_for: Callable[..., TestClient]) -> TestClient:
    return client_for(matching_app)


@pytest.fixture
def world(session: Session, keys: TestKeys) -> World:
    return World(session, org_id=keys.org_a_id, reviewer_key_id=keys.manager_key_id)


@pytest.fixture
def drain(session: Session) -> Callable[..., int]:
    """Run queued jobs of the given kinds (in order, including ones they queue) like a worker."""
    handlers = load_handlers()

    def run(*kinds: str) -> int:
        ran = 0
        while True:
            job = session.scalar(
                select(Job)
                .where(Job.status == "queued", Job.kind.in_(kinds))
                .order_by(Job.id)
                .limit(1)
            )
            if job is None:
                return ran
            payload: dict[str, Any] = dict(job.payload)
            handlers[job.kind](session, payload)
            session.execute(update(Job).where(Job.id == job.id).values(status="done"))
            session.flush()
            ran += 1

    return run
