"""Migrations run both ways, and the models and the migrations describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

import shared.models  # noqa: F401
from shared.db.base import Base
from shared.db.migrate import downgrade, upgrade
from tests.support.database import scratch_database


def test_upgrade_downgrade_upgrade_on_empty_database(base_server_url: str) -> None:
    with scratch_database(base_server_url, prefix="vouch_mig") as url:
        upgrade(url)
        engine = create_engine(url)
        try:
            tables = set(inspect(engine).get_table_names())
            assert set(Base.metadata.tables) <= tables
            downgrade(url, "base")
            assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
            upgrade(url)
            assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        finally:
            engine.dispose()


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []
