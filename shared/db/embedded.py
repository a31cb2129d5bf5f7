"""An embedded PostgreSQL (the `pgserver` package) for when DATABASE_URL is unset.

The data lives under `<data_dir>/pgdata` and is reused on the next start. pgserver counts the
processes holding the server and stops it (pg_ctl stop) when the last one exits.
"""

from __future__ import annotations

import atexit
from pathlib import Path
from typing import Any

_servers: dict[Path, Any] = {}


def start_embedded(data_dir: Path) -> Any:
    """Start (or attach to) the embedded server under `data_dir`."""
    import pgserver

    pgdata = (data_dir / "pgdata").resolve()
    if pgdata not in _servers:
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        _servers[pgdata] = pgserver.get_server(pgdata, cleanup_mode="stop")
    return _servers[pgdata]


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
