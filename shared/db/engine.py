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
