"""A worker process for the kill test: `python -m tests.foundation.worker_probe`.

Its one job kind writes an audit row, then (while the payload's marker file exists) keeps the
transaction open, so a SIGKILL lands mid-job with the effect written but not committed.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from shared.cli.main import worker_options
from shared.db.engine import get_engine
from shared.models import AuditEntry
from shared.queue.worker import run_worker

KIND = "probe_slow"


def slow_effect(session: Session, payload: dict[str, Any]) -> None:
    session.add(
        AuditEntry(action="probe", entity="kill-probe", entity_id=str(payload["n"]), detail={})
    )
    session.flush()
    Path(payload["started"]).touch()
    deadline = time.monotonic() + 120
    while Path(payload["hold"]).exists() and time.monotonic() < deadline:
        time.sleep(0.05)


if __name__ == "__main__":
    run_worker(get_engine(), handlers={KIND: slow_effect}, options=worker_options())
