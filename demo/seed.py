"""`seed`: generate the world and store it — the present through the APIs, history in bulk."""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.orm import Session

from demo import database, history_sql
from demo.model import World, WorldConfig
from demo.truth import write_truth
from demo.world import generate
from shared.config import get_settings
from shared.db import engine as engine_module
from shared.db.engine import make_engine

# POST /v1/vouches refreshes the freelancer's trust in its transaction (tens of ms each): up to
# this many vouches go through it one by one, more are validated by its schema and copied.
API_VOUCH_LIMIT = 1500


@dataclass
class SeedReport:
    world: World
    truth_path: Path
    seconds: dict[str, float] = field(default_factory=dict)
    jobs_run: int = 0
    ids: dict[str, object] = field(default_factory=dict)


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


def seed(
    url: str,
    config: WorldConfig,
    *,
    reset: bool,
    truth_path: Path,
    quiet: bool = False,
) -> SeedReport:
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    columns = (
        TextColumn("{task.description:<13}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, disable=quiet, transient=False) as bar:
        people = bar.add_task("generating", total=config.freelancers)
        world = generate(config, lambda _stage, done: bar.advance(people, done))
        bar.update(people, completed=config.freelancers)
        seconds["generate"] = time.perf_counter() - started

        engine = make_engine(url, pool_size=2)
        _point_apps_at(url)
        _quiet_logs()
        try:
            key_id, raw_key, organization_ids = database.prepare(
                engine, reset_first=reset, client_names=[c.name for c in world.clients]
            )
            from demo.write_api import ApiWriter

            writer = ApiWriter(world, admin_key=raw_key, organization_ids=organization_ids)
            mark = time.perf_counter()
            task = bar.add_task("freelancers", total=len(world.freelancers))
            freelancer_ids = writer.freelancers(lambda n: bar.advance(task, n))
            task = bar.add_task("contacts", total=len(world.contacts))
            contact_ids = writer.contacts(freelancer_ids, lambda n: bar.advance(task, n))
            task = bar.add_task("meetings", total=len(world.interactions))
            writer.interactions(lambda n: bar.advance(task, n))
            from demo.write_api import Ids

            ids = Ids(freelancer_ids, organization_ids, contact_ids, {})
            task = bar.add_task("vouches", total=len(world.vouches))
            if len(world.vouches) <= API_VOUCH_LIMIT:
                vouch_ids = []
                for vouch in world.vouches:
                    vouch_ids.append(writer.vouch(vouch, ids))
                    bar.advance(task)
            else:
                with Session(engine) as session, session.begin():
                    vouch_ids = history_sql.write_vouches(
                        session,
                        world,
                        freelancer_ids=freelancer_ids,
                        contact_ids=contact_ids,
                        key_id=key_id,
                    )
                bar.update(task, completed=len(world.vouches))
            task = bar.add_task("open requests", total=len(world.open_requests))
            for request in world.open_requests:
                ids.requests[request.key] = writer.request(request)
                bar.advance(task)
            seconds["api"] = time.perf_counter() - mark

            mark = time.perf_counter()
            task = bar.add_task("history", total=len(world.past_requests))
            with Session(engine) as session, session.begin():
                past = history_sql.write_past_requests(
                    session, world, organization_ids=organization_ids, key_id=key_id
                )
                history_sql.write_decisions(
                    session, world, request_ids=past, freelancer_ids=freelancer_ids, key_id=key_id
                )
                history_sql.backdate(
                    session,
                    world,
                    freelancer_ids=freelancer_ids,
                    contact_ids=contact_ids,
                    vouch_ids=vouch_ids,
                )
            ids.requests |= past
            bar.update(task, completed=len(world.past_requests))
            seconds["history"] = time.perf_counter() - mark

            mark = time.perf_counter()
            task = bar.add_task("trust, ranking", total=None)
            jobs = database.drain_queue(engine)
            bar.update(task, total=jobs, completed=jobs)
            seconds["jobs"] = time.perf_counter() - mark
        finally:
            engine.dispose()
    stored: dict[str, object] = {
        "freelancers": freelancer_ids,
        "organizations": organization_ids,
        "contacts": contact_ids,
        "requests": {str(k): v for k, v in ids.requests.items()},
        "vouches": vouch_ids,
    }
    write_truth(truth_path, world, stored)
    seconds["total"] = time.perf_counter() - started
    return SeedReport(world, truth_path, seconds, jobs, stored)
