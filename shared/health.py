"""/healthz (process alive) and /readyz (database reachable, schema at the latest migration, and
the service's own readiness checks passed, e.g. the matching index built)."""

from __future__ import annotations

from functools import lru_cache

from alembic.config import Config
from alembic.script import ScriptDirectory
from fastapi import APIRouter, Request
from sqlalchemy import text

from shared.db.engine import get_engine
from shared.db.migrate import MIGRATIONS_DIR
from shared.errors import ServiceUnavailable

router = APIRouter(tags=["health"])


@lru_cache
def expected_heads() -> frozenset[str]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def current_revisions() -> frozenset[str]:
    with get_engine().connect() as connection:
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
        return frozenset(rows)


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "Not ready"}})
def readyz(request: Request) -> dict[str, str]:
    try:
        current = current_revisions()
    except Exception as exc:
        raise ServiceUnavailable(
            f"The database is not reachable or not migrated: {type(exc).__name__}"
        ) from exc
    expected = expected_heads()
    if current != expected:
        raise ServiceUnavailable(
            f"The schema is at {sorted(current) or 'no revision'}; expected {sorted(expected)}. "
            "Run `vouch migrate`."
        )
    # A check returns None when ready, or what the service is still waiting for.
    for check in getattr(request.app.state, "readiness_checks", ()):
        waiting = check()
        if waiting:
            raise ServiceUnavailable(waiting)
    return {"status": "ready", "schema": ",".join(sorted(current))}
