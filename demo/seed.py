"""`seed`: generate the world and store it — the present through the APIs, history in bulk.

With `bulk=True` everything is copied straight into the tables (benchmark sizes); either way the
services' own queued jobs then compute trust and rank the open requests, so the console shows a
ranking at once.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from demo import database, history_sql, write_bulk
from demo.model import World, WorldConfig
from demo.truth import write_truth
from demo.world import generate
from demo.write_api import ApiWriter, Ids
from shared.config import get_settings
from shared.db import engine as engine_module
from shared.db.engine import make_engine

# POST /v1/vouches refreshes the freelancer's trust in its transaction (tens of ms each): up to
# this many vouches go through it one by one, more are validated by its schema and copied.
API_VOUCH_LIMIT = 1500
ATTRIBUTION_LIMIT = 20_000


@dataclass
class SeedReport:
    world: World
    truth_path: Path
    seconds: dict[str, float] = field(default_factory=dict)
    jobs_run: int = 0
    ids: dict[str, object] = field(default_factory=dict)
    failed_jobs: list[str] = field(default_factory=list)


@dataclass
class Stored:
    freelancers: list[int]
    organizations: list[int]
    contacts: list[int] = field(default_factory=list)
    vouches: list[int] = field(default_factory=list)
    requests: dict[int, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {
            "freelancers": self.freelancers,
            "organizations": self.organizations,
            "contacts": self.contacts,
            "vouches": self.vouches,
            "requests": {str(key): value for key, value in self.requests.items()},
        }


Task = Callable[[str, int | None], Callable[[int], None]]


def _point_apps_at(url: str) -> None:
    """The in-process apps build their engines from the settings: point them at `url`."""
    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    engine_module.get_engine.cache_clear()
    engine_module.get_sessionmaker.cache_clear()


def _quiet_logs() -> None:
    # One line per in-process HTTP call would bury the progress bars.
    for name in ("httpx", "vouch", "uvicorn"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _through_apis(
    engine: Engine,
    world: World,
    *,
    raw_key: str,
    key_id: int,
    organizations: list[int],
    task: Task,
) -> Stored:
    writer = ApiWriter(world, admin_key=raw_key, organization_ids=organizations)
    try:
        return _write_present(
            engine, world, writer, key_id=key_id, organizations=organizations, task=task
        )
    finally:
        writer.close()


def _write_present(
    engine: Engine,
    world: World,
    writer: ApiWriter,
    *,
    key_id: int,
    organizations: list[int],
    task: Task,
) -> Stored:
    stored = Stored(writer.freelancers(task("freelancers", len(world.freelancers))), organizations)
    stored.contacts = writer.contacts(stored.freelancers, task("contacts", len(world.contacts)))
    writer.interactions(task("meetings", len(world.interactions)))
    ids = Ids(stored.freelancers, organizations, stored.contacts, {})
    advance = task("vouches", len(world.vouches))
    if len(world.vouches) <= API_VOUCH_LIMIT:
        for vouch in world.vouches:
            stored.vouches.append(writer.vouch(vouch, ids))
            advance(1)
    else:
        with Session(engine) as session, session.begin():
            stored.vouches = history_sql.write_vouches(
                session,
                world,
                freelancer_ids=stored.freelancers,
                contact_ids=stored.contacts,
                key_id=key_id,
            )
        advance(len(world.vouches))
    advance = task("open requests", len(world.open_requests))
    for request in world.open_requests:
        stored.requests[request.key] = writer.request(request)
        advance(1)
    advance = task("history", len(world.past_requests))
    with Session(engine) as session, session.begin():
        stored.requests |= history_sql.write_past_requests(
            session, world, organization_ids=organizations, key_id=key_id
        )
        history_sql.write_decisions(
            session,
            world,
            request_ids=stored.requests,
            freelancer_ids=stored.freelancers,
            key_id=key_id,
        )
        history_sql.backdate(
            session,
            world,
            freelancer_ids=stored.freelancers,
            contact_ids=stored.contacts,
            vouch_ids=stored.vouches,
        )
    advance(len(world.past_requests))
    return stored


def _in_bulk(
    engine: Engine, world: World, *, key_id: int, organizations: list[int], task: Task
) -> Stored:
    from services.referrals.trust.service import schedule_recompute

    with Session(engine) as session, session.begin():
        freelancers = write_bulk.write_freelancers(
            session, world, task("freelancers", len(world.freelancers))
        )
        stored = Stored(freelancers, organizations)
        advance = task("network", len(world.contacts))
        stored.contacts, stored.vouches = write_bulk.write_network(
            session,
            world,
            freelancer_ids=freelancers,
            organization_ids=organizations,
            key_id=key_id,
        )
        schedule_recompute(session)
        advance(len(world.contacts))
        advance = task("history", len(world.requests))
        stored.requests = write_bulk.write_requests(
            session, world, organization_ids=organizations, key_id=key_id
        )
        history_sql.write_decisions(
            session,
            world,
            request_ids=stored.requests,
            freelancer_ids=freelancers,
            key_id=key_id,
        )
        advance(len(world.requests))
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    return stored


def store_in_bulk(engine: Engine, world: World) -> Stored:
    """The whole world copied into an empty, migrated database, trust computed and the history
    credited to its vouchers; no progress bars (the offline evaluation's replay uses this)."""
    key_id, _, organizations = database.prepare(
        engine, reset_first=False, client_names=[c.name for c in world.clients]
    )
    stored = _in_bulk(
        engine,
        world,
        key_id=key_id,
        organizations=organizations,
        task=lambda _name, _total: lambda _done: None,
    )
    database.drain_queue(
        engine, attribute_history=len(world.placements) <= ATTRIBUTION_LIMIT, rank=False
    )
    return stored


def seed(
    url: str,
    config: WorldConfig,
    *,
    reset: bool,
    truth_path: Path,
    bulk: bool = False,
    quiet: bool = False,
) -> SeedReport:
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    columns = (
        TextColumn("{task.description:<14}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, disable=quiet) as bar:

        def task(name: str, total: int | None) -> Callable[[int], None]:
            task_id = bar.add_task(name, total=total)
            return lambda done: bar.advance(task_id, done)

        if not reset:
            checker = make_engine(url, pool_size=1)
            try:
                database.ensure_empty(checker)
            finally:
                checker.dispose()
        advance = task("generating", config.freelancers)
        world = generate(config, lambda _stage, done: advance(done))
        seconds["generate"] = time.perf_counter() - started

        engine = make_engine(url, pool_size=2)
        _point_apps_at(url)
        _quiet_logs()
        try:
            key_id, raw_key, organizations = database.prepare(
                engine, reset_first=reset, client_names=[c.name for c in world.clients]
            )
            mark = time.perf_counter()
            if bulk:
                stored = _in_bulk(
                    engine, world, key_id=key_id, organizations=organizations, task=task
                )
            else:
                stored = _through_apis(
                    engine,
                    world,
                    raw_key=raw_key,
                    key_id=key_id,
                    organizations=organizations,
                    task=task,
                )
            seconds["write"] = time.perf_counter() - mark
            mark = time.perf_counter()
            advance = task("trust, ranking", None)
            # Crediting placements runs one by one: at benchmark sizes the history stays uncredited.
            # At benchmark sizes (--bulk) the open requests stay queued for the worker: loading
            # a matching index of a million profiles is the worker's start-up, not the seed's.
            jobs = database.drain_queue(
                engine,
                attribute_history=len(world.placements) <= ATTRIBUTION_LIMIT,
                rank=not bulk,
            )
            advance(jobs)
            seconds["jobs"] = time.perf_counter() - mark
            failed = database.failed_jobs(engine)
        finally:
            engine.dispose()
    write_truth(truth_path, world, stored.as_json())
    seconds["total"] = time.perf_counter() - started
    return SeedReport(world, truth_path, seconds, jobs, stored.as_json(), failed)
