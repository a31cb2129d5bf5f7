"""An embedded PostgreSQL (the `pgserver` package) for when DATABASE_URL is unset.

The data lives under `<data_dir>/pgdata` and is reused on the next start. pgserver counts the
processes holding the server and stops it (pg_ctl stop) when the last one exits.
"""

from __future__ import annotations

import atexit
import logging
import subprocess
import time
from pathlib import Path
from typing import Any

_servers: dict[Path, Any] = {}
# pg_ctl gets 10 s to start the server; on a loaded machine it can need longer. pgserver then
# keeps a handle that never runs, so a failed start is forgotten and tried again.
START_ATTEMPTS = 4
logger = logging.getLogger("vouch.embedded")


def start_embedded(data_dir: Path) -> Any:
    """Start (or attach to) the embedded server under `data_dir`."""
    import pgserver
    from pgserver.postgres_server import PostgresServer

    pgdata = (data_dir / "pgdata").resolve()
    if pgdata in _servers:
        return _servers[pgdata]
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            server = pgserver.get_server(pgdata, cleanup_mode="stop")
            server.get_postmaster_info()  # fails when the start did not finish
            _servers[pgdata] = server
            return server
        except (AssertionError, subprocess.SubprocessError, OSError) as exc:
            PostgresServer._instances.pop(pgdata, None)
            if attempt == START_ATTEMPTS:
                raise
            logger.warning("embedded PostgreSQL did not start (%s); trying again", exc)
            time.sleep(2 * attempt)
    raise AssertionError("unreachable")


def stop_embedded(data_dir: Path) -> None:
    """Release this process's hold on the server; the last holder stops it cleanly."""
    pgdata = (data_dir / "pgdata").resolve()
    server = _servers.pop(pgdata, None)
    if server is not None:
        server.cleanup()
        # Already released: keep pgserver's own exit hook from running (and logging) again.
        atexit.unregister(server._cleanup)


def embedded_url(data_dir: Path, database: str = "postgres") -> str:
    """SQLAlchemy URL of the embedded server, starting it if needed."""
    uri: str = start_embedded(data_dir).get_uri(database)
    return uri.replace("postgresql://", "postgresql+psycopg://", 1)
