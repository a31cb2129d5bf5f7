"""API keys expire and rotate; `vouch db backup` / `vouch db restore` round-trip the database."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.orm import Session

from shared.auth.keys import hash_key, issue_key, rotate_key
from shared.db.migrate import upgrade
from shared.models import ApiKey, Job, Organization
from shared.models.enums import Role
from shared.queue.jobs import enqueue
from tests.foundation.probe_app import app as probe_app
from tests.support.database import scratch_database
from tests.support.keys import bearer


def _vouch(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", *args],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_expired_key_is_401_and_rotation_replaces_a_key(
    client_for: Callable[[FastAPI], TestClient], session: Session
) -> None:
    client = client_for(probe_app)
    past = datetime.now(UTC) - timedelta(minutes=1)
    expired = issue_key(session, role=Role.admin, name="old", expires_at=past)
    response = client.get("/probe/admin", headers=bearer(expired.raw_key))
    assert response.status_code == 401 and "expired" in response.json()["detail"]

    current = issue_key(session, role=Role.admin, name="ops")
    assert client.get("/probe/admin", headers=bearer(current.raw_key)).status_code == 200
    graceful = rotate_key(session, key_id=current.id, grace=timedelta(hours=1))
    # During the grace period both work; the new key keeps role and name.
    assert client.get("/probe/admin", headers=bearer(current.raw_key)).status_code == 200
    assert client.get("/probe/admin", headers=bearer(graceful.raw_key)).status_code == 200
    new_key = session.get(ApiKey, graceful.id)
    assert new_key is not None and (new_key.role, new_key.name) == ("admin", "ops")
    immediate = rotate_key(session, key_id=graceful.id)
    assert client.get("/probe/admin", headers=bearer(graceful.raw_key)).status_code == 401
    assert client.get("/probe/admin", headers=bearer(immediate.raw_key)).status_code == 200
    with pytest.raises(LookupError):
        rotate_key(session, key_id=graceful.id)


def test_keys_rotate_cli_prints_the_new_key_last(
    committed_engine: Engine, database_url: str
) -> None:
    created = _vouch(database_url, "keys", "create", "--role", "admin", "--expires-in-days", "30")
    assert created.returncode == 0, created.stderr
    old_raw = created.stdout.strip().splitlines()[-1]
    with Session(committed_engine) as session:
        old = session.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(old_raw)))
        assert old is not None and old.expires_at is not None
        assert old.expires_at > datetime.now(UTC) + timedelta(days=29)
    rotated = _vouch(database_url, "keys", "rotate", str(old.id))
    assert rotated.returncode == 0, rotated.stderr
    new_raw = rotated.stdout.strip().splitlines()[-1]
    assert new_raw.startswith("vouch_") and new_raw != old_raw
    with Session(committed_engine) as session:
        refreshed = session.get(ApiKey, old.id)
        assert refreshed is not None and refreshed.expires_at is not None
        assert refreshed.expires_at <= datetime.now(UTC)
        assert session.scalar(select(ApiKey.role).where(ApiKey.key_hash == hash_key(new_raw)))
    listed = _vouch(database_url, "keys", "list")
    assert "expires" in listed.stdout


@pytest.fixture
def source_database(base_server_url: str) -> Iterator[str]:
    with scratch_database(base_server_url, prefix="vouch_backup") as url:
        upgrade(url)
        yield url


def _snapshot(url: str) -> tuple[list[str], list[tuple[str, str]], str]:
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            organizations = sorted(session.scalars(select(Organization.name)))
            jobs = sorted(
                (kind, status) for kind, status in session.execute(select(Job.kind, Job.status))
            )
            revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return organizations, jobs, str(revision)
    finally:
        engine.dispose()


def test_backup_and_restore_round_trip(
    source_database: str, base_server_url: str, tmp_path: Path
) -> None:
    engine = create_engine(source_database)
    with Session(engine) as session, session.begin():
        session.add_all([Organization(name="Acme GmbH"), Organization(name="Zürich AG ✓")])
        enqueue(session, kind="rank_request", payload={"request_id": 1})
    before = _snapshot(source_database)
    dump = tmp_path / "vouch.dump"
    backed_up = _vouch(source_database, "db", "backup", str(dump))
    assert backed_up.returncode == 0, backed_up.stderr
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    # Damage the source, then restore over it: the dump's state comes back.
    with Session(engine) as session, session.begin():
        session.execute(text("DELETE FROM jobs"))
        session.add(Organization(name="Written after the backup"))
    engine.dispose()
    restored = _vouch(source_database, "db", "restore", "--yes", str(dump))
    assert restored.returncode == 0, restored.stderr
    assert _snapshot(source_database) == before
    # And into an empty database.
    with scratch_database(base_server_url, prefix="vouch_restore") as empty:
        into_empty = _vouch(empty, "db", "restore", "--yes", str(dump))
        assert into_empty.returncode == 0, into_empty.stderr
        assert _snapshot(empty) == before
        probe = create_engine(empty)
        with Session(probe) as session:
            assert session.scalar(select(func.count()).select_from(Organization)) == 2
        probe.dispose()


def test_restore_of_a_broken_file_fails_and_changes_nothing(
    source_database: str, tmp_path: Path
) -> None:
    before = _snapshot(source_database)
    broken = tmp_path / "broken.dump"
    broken.write_bytes(b"not a dump")
    result = _vouch(source_database, "db", "restore", "--yes", str(broken))
    assert result.returncode == 1 and "Restore failed" in result.stderr
    assert _snapshot(source_database) == before
