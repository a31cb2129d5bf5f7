"""A PostgreSQL server of the test's own (pgserver, in a temp dir) that a test may stop and start.

Never the shared server: outage tests stop this one.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pgserver._commands import POSTGRES_BIN_PATH, pg_ctl


@dataclass
class OwnPostgres:
    server: Any

    @property
    def url(self) -> str:
        uri: str = self.server.get_uri("postgres")
        return uri.replace("postgresql://", "postgresql+psycopg://", 1)

    def stop(self) -> None:
        """Fast shutdown: open connections are cut, as in a crash or failover."""
        for attempt in range(3):
            try:
                pg_ctl(
                    ["-w", "-t", "30", "-m", "fast", "stop"],
                    pgdata=self.server.pgdata,
                    user=self.server.system_user,
                )
                return
            except subprocess.CalledProcessError as exc:
                status = subprocess.run(
                    [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(self.server.pgdata), "status"],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if status.returncode == 3:  # not running: stopped after all
                    return
                if attempt == 2:
                    raise RuntimeError(f"pg_ctl stop failed: {status.stdout}") from exc
                time.sleep(1)

    def start(self) -> None:
        self.server.ensure_postgres_running()


def start_own_postgres(directory: Path) -> OwnPostgres:
    import pgserver

    return OwnPostgres(pgserver.get_server(directory / "pgdata", cleanup_mode="delete"))
