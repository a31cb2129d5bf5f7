"""`vouch keys create` prints a usable key as its last line, and creates the organisation."""

from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from shared.auth.keys import hash_key
from shared.models import ApiKey, Organization


def _vouch(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", *args],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_keys_create_prints_key_last_and_stores_only_its_hash(
    committed_engine: Engine, database_url: str
) -> None:
    result = _vouch(database_url, "keys", "create", "--role", "client", "--org", "Acme GmbH")
    assert result.returncode == 0, result.stderr
    raw_key = result.stdout.strip().splitlines()[-1]
    assert raw_key.startswith("vouch_") and len(raw_key) > 40
    with Session(committed_engine) as session:
        key = session.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(raw_key)))
        assert key is not None
        assert key.role == "client"
        organization = session.get(Organization, key.organization_id)
        assert organization is not None and organization.name == "Acme GmbH"
        assert raw_key not in {key.key_hash, key.prefix, key.name}
    again = _vouch(database_url, "keys", "create", "--role", "client", "--org", "Acme GmbH")
    assert again.returncode == 0, again.stderr
    with Session(committed_engine) as session:
        organizations = session.scalars(
            select(Organization).where(Organization.name == "Acme GmbH")
        ).all()
        assert len(organizations) == 1


def test_client_key_without_org_is_refused(committed_engine: Engine, database_url: str) -> None:
    result = _vouch(database_url, "keys", "create", "--role", "client")
    assert result.returncode != 0
    assert "--org" in result.stderr
