"""Resolve the database for a command: DATABASE_URL, or the embedded server (held while we run)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker

from shared.config import get_settings
from shared.db.embedded import embedded_url, stop_embedded
from shared.db.engine import make_engine
from shared.db.migrate import upgrade
from shared.skills.sync import sync_catalogue


@contextmanager
def command_database() -> Iterator[str]:
    """Yield a SQLAlchemy URL; an embedded server started here is released on exit."""
    settings = get_settings()
    if settings.database_url:
        yield settings.database_url
        return
    try:
        yield embedded_url(settings.data_dir)
    finally:
        stop_embedded(settings.data_dir)


@contextmanager
def command_session() -> Iterator[Session]:
    """A session that commits when the block succeeds."""
    with command_database() as url:
        engine = make_engine(url, pool_size=2)
        try:
            with sessionmaker(bind=engine)() as session, session.begin():
                yield session
        finally:
            engine.dispose()


def migrate_to_head(url: str) -> None:
    """Apply every migration, then load the skill catalogue (idempotent)."""
    upgrade(url)
    engine = make_engine(url, pool_size=1)
    try:
        with Session(engine) as session, session.begin():
            sync_catalogue(session)
    finally:
        engine.dispose()
