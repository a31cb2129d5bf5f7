"""Real commits: freshness in every replica, the queue worker, and the command line."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import partial
from typing import Any

import pytest
import typer
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from services.matching.cli import models_app, train
from services.matching.index.live import LiveIndex
from services.matching.jobs import rank_request, train_model
from services.matching.main import app
from services.matching.ranking.requests import load_queries
from services.matching.scoring.prior import prior_model
from shared.models import Freelancer, MatchRun, ModelVersion
from shared.queue.jobs import enqueue
from shared.queue.worker import JobHandler, run_one
from tests.support.keys import TestKeys, make_keys

SKILLS = {"mt-python": (True, 3, 1.0), "mt-sql": (False, 3, 1.0)}


@pytest.fixture
def committed_world(committed_engine: Engine, world_on: Any) -> Any:
    """`with committed_world(keys) as world:` rows committed when the block ends."""

    @contextmanager
    def make(keys: TestKeys) -> Iterator[Any]:
        with Session(committed_engine, expire_on_commit=False) as session, session.begin():
            yield world_on(session, keys)

    return make


def setup_keys(engine: Engine) -> TestKeys:
    with Session(engine) as session, session.begin():
        return make_keys(session)


def eventually(check: Callable[[], bool], *, timeout: float = 15.0) -> None:
    """Poll until `check()` holds; fail after `timeout` seconds (never asserts timing)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the change never reached the ranking"
        time.sleep(0.2)


def test_new_profiles_trust_and_profile_changes_reach_the_next_ranking(
    committed_engine: Engine, committed_world: Any
) -> None:
    keys = setup_keys(committed_engine)
    with committed_world(keys) as world:
        request = world.request(skills=SKILLS, max_day_rate=700)
        first = world.freelancer(skills={"mt-python": 3})
    client = TestClient(app)

    def ranked() -> list[int]:
        response = client.post(f"/v1/requests/{request.id}/matches", headers=keys.manager)
        assert response.status_code == 201, response.text
        return [r["freelancer_id"] for r in response.json()["results"]]

    assert ranked() == [first.id]
    with committed_world(keys) as world:
        second = world.freelancer(skills={"mt-python": 5, "mt-sql": 5})
    eventually(lambda: ranked() == [second.id, first.id])

    with committed_world(keys) as world:
        world.set_trust(
            first, {"best_in_person_vouch": 1.0, "in_person_vouchers": 6, "attested_quality": 2.0}
        )
    eventually(lambda: ranked() == [first.id, second.id])

    with Session(committed_engine) as session, session.begin():
        person = session.get(Freelancer, second.id)
        assert person is not None
        person.day_rate = Decimal(5000)  # now far over budget: the hard filter must drop them
    eventually(lambda: ranked() == [first.id])


def test_every_replica_converges_by_polling_the_database(
    committed_engine: Engine, committed_world: Any
) -> None:
    keys = setup_keys(committed_engine)
    with committed_world(keys) as world:
        request = world.request(skills=SKILLS)
        world.freelancer(skills={"mt-python": 4})
    replicas = [LiveIndex(), LiveIndex()]

    def ranked(replica: LiveIndex) -> set[int]:
        with Session(committed_engine) as session:
            replica.ensure_fresh(session)
            query = load_queries(session, [request.id])[request.id]
        return {r.freelancer_id for r in replica.rank(query, prior_model(), top_k=10).results}

    before = [ranked(replica) for replica in replicas]
    with committed_world(keys) as world:
        newcomer = world.freelancer(skills={"mt-python": 5})
    for replica, seen in zip(replicas, before, strict=True):
        assert newcomer.id not in seen
        eventually(partial(lambda r: newcomer.id in ranked(r), replica))


def test_the_worker_ranks_queued_requests_and_trains_models(
    committed_engine: Engine, committed_world: Any, history: Any
) -> None:
    keys = setup_keys(committed_engine)
    with committed_world(keys) as world:
        world.freelancer(skills={"mt-python": 4})
        request = world.request(skills=SKILLS)
        history(world, signal=True, seed=5, requests=25)
    sessions = sessionmaker(bind=committed_engine, expire_on_commit=False)
    handlers: dict[str, JobHandler] = {"rank_request": rank_request, "train_model": train_model}
    with sessions() as session, session.begin():
        enqueue(session, kind="rank_request", payload={"request_id": request.id})
    assert run_one(sessions, handlers, worker_id="test") is not None
    with sessions() as session:
        runs = session.scalars(select(MatchRun).where(MatchRun.request_id == request.id)).all()
        assert [run.trigger for run in runs] == ["worker"]

    client = TestClient(app)
    queued = client.post("/v1/models/train", headers=keys.admin).json()
    assert run_one(sessions, handlers, worker_id="test") is not None
    with sessions() as session:
        version = session.get(ModelVersion, queued["id"])
        assert version is not None
        assert version.status == "active", (
            version.status,
            version.error,
            version.holdout_comparison,
        )
        assert version.progress == 1.0
        assert version.artefact_sha256 and version.sklearn_version


def test_command_line_train_list_activate_rollback(
    committed_engine: Engine, committed_world: Any, history: Any
) -> None:
    keys = setup_keys(committed_engine)
    with committed_world(keys) as world:
        history(world, signal=True, seed=9, requests=25)
    runner = CliRunner()
    # The same wiring as the `vouch.cli_groups` / `vouch.cli_commands` entry points.
    vouch_cli = typer.Typer()
    vouch_cli.command("train")(train)
    vouch_cli.add_typer(models_app, name="models")

    trained = runner.invoke(vouch_cli, ["train", "--quiet"])
    assert trained.exit_code == 0, trained.output
    assert "active" in trained.output

    listed = runner.invoke(vouch_cli, ["models", "list"])
    assert listed.exit_code == 0 and "prior" in listed.output and "linear" in listed.output
    rolled = runner.invoke(vouch_cli, ["models", "rollback"])
    assert rolled.exit_code == 0, rolled.output
    with Session(committed_engine) as session:
        active = session.scalar(select(ModelVersion).where(ModelVersion.status == "active"))
        assert active is not None and active.kind == "prior"
        linear_id = session.scalar(select(ModelVersion.id).where(ModelVersion.kind == "linear"))
    activated = runner.invoke(vouch_cli, ["models", "activate", str(linear_id)])
    assert activated.exit_code == 0, activated.output
    assert runner.invoke(vouch_cli, ["models", "activate", "999999"]).exit_code == 1
