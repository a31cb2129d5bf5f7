"""Fixtures: a migrated database per run, a rolled-back transaction per test, API clients.

- `session`: a Session inside a transaction that is rolled back after the test; the apps'
  `get_session` is overridden to it, so API calls and assertions see the same data.
- `committed_engine`: for tests that need real commits (concurrency, workers, freshness);
  every table but the skill catalogue is truncated afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from shared.cli.database import command_database
from shared.config import get_settings
from shared.db import engine as engine_module
from shared.db.base import Base
from shared.db.migrate import upgrade
from shared.db.session import get_session
from shared.skills import load_catalogue
from shared.skills.sync import sync_catalogue
from tests.support.database import scratch_database
from tests.support.keys import TestKeys, make_keys

CATALOGUE_TABLES = {"skills", "skill_aliases", "skill_relations"}


def _reset_caches() -> None:
    get_settings.cache_clear()
    engine_module.get_engine.cache_clear()
    engine_module.get_sessionmaker.cache_clear()


def _load_catalogue(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        sync_catalogue(session)


@pytest.fixture(scope="session")
def base_server_url() -> Iterator[str]:
    with command_database() as url:
        yield url


@pytest.fixture(scope="session")
def database_url(base_server_url: str) -> Iterator[str]:
    previous = os.environ.get("DATABASE_URL")
    with scratch_database(base_server_url) as url:
        upgrade(url)
        # The apps build their engines from the settings: point them at this run's database.
        os.environ["DATABASE_URL"] = url
        _reset_caches()
        yield url
        engine_module.get_engine().dispose()
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous
    _reset_caches()


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url)
    _load_catalogue(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    try:
        yield session
    finally:
        session.close()
        transaction.rollback()
        connection.close()


@pytest.fixture
def keys(session: Session) -> TestKeys:
    return make_keys(session)


@pytest.fixture
def client_for(session: Session) -> Iterator[Callable[[FastAPI], TestClient]]:
    """Build a TestClient for an app whose requests run in the test's transaction."""
    apps: list[FastAPI] = []

    def override() -> Iterator[Session]:
        # A savepoint per request mirrors the real dependency: a failed request leaves nothing.
        savepoint = session.begin_nested()
        try:
            yield session
            if savepoint.is_active:
                savepoint.commit()
        except BaseException:
            if savepoint.is_active:
                savepoint.rollback()
            raise

    def make(app: FastAPI) -> TestClient:
        app.dependency_overrides[get_session] = override
        apps.append(app)
        return TestClient(app, raise_server_exceptions=False)

    yield make
    for app in apps:
        app.dependency_overrides.pop(get_session, None)


@pytest.fixture
def committed_engine(engine: Engine) -> Iterator[Engine]:
    """Real commits; all non-catalogue tables are emptied after the test."""
    yield engine
    tables = [t.name for t in Base.metadata.sorted_tables if t.name not in CATALOGUE_TABLES]
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        # Skills a test committed (not from the catalogue) go too; aliases follow by cascade.
        catalogue_slugs = [skill.slug for skill in load_catalogue()]
        connection.execute(
            text("DELETE FROM skills WHERE NOT (slug = ANY(:slugs))"), {"slugs": catalogue_slugs}
        )
    _load_catalogue(engine)
