"""Engine and session factories, built on first use (never at import)."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from shared.config import get_settings


def database_url() -> str:
    """The URL to use: DATABASE_URL, else the embedded server started by `vouch`."""
    settings = get_settings()
    if settings.database_url:
        return settings.database_url
    from shared.db.embedded import embedded_url

    return embedded_url(settings.data_dir)


def make_engine(url: str, *, pool_size: int | None = None) -> Engine:
    settings = get_settings()
    return create_engine(
        url,
        pool_size=pool_size or settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_pre_ping=True,
        # A request waits this long for a connection, then gets a 503 (not a hung socket).
        pool_timeout=settings.db_pool_timeout_seconds,
        # Fail fast instead of hanging a request when the server is gone.
        connect_args={"connect_timeout": 5},
    )


@lru_cache
def get_engine() -> Engine:
    return make_engine(database_url())


@lru_cache
def get_sessionmaker() -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(), expire_on_commit=False)


@lru_cache
def _side_engine(url: str, pool_size: int) -> Engine:
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        # No pre-ping: it would double the round trips of a one-statement use. A connection
        # lost in a restart fails one request (a 503) and the pool reconnects.
        isolation_level="AUTOCOMMIT",
        # Counters are disposable: do not wait for a WAL flush on each one.
        connect_args={"connect_timeout": 5, "options": "-c synchronous_commit=off"},
    )


def get_side_engine() -> Engine:
    """A small autocommit pool for bookkeeping done while a request holds its own connection
    (rate-limit counters). Taking a second connection from the request pool could deadlock it:
    every request holding one connection and waiting for another."""
    settings = get_settings()
    return _side_engine(database_url(), settings.side_pool_size)
