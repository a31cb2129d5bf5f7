"""SQL statements per `POST /v1/requests/{id}/matches`, counted with SQLAlchemy event hooks.

    python -m tests.bench.http_statements --size 2000

A scratch database gets a small synthetic agency (bench_matching's COPY loader) and open
requests; the matching app runs in process with the background poll (as served, so no poll
runs on the request path), and every statement the request's connection and the side pool send
(rate-limit counters) is counted, BEGIN and COMMIT included. Each request is ranked twice
first, so its prepared query and the verified model are cached, as in steady state.
"""

from __future__ import annotations

import argparse
import os
import secrets
import time
from collections import Counter
from typing import Any

from sqlalchemy import event

from shared.cli.database import command_database
from shared.config import get_settings
from shared.db.migrate import upgrade
from tests.bench.bench_http import _add_requests
from tests.bench.bench_matching import load_synthetic
from tests.support.database import scratch_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()
    with command_database() as base, scratch_database(base, prefix="vouch_bench_sql") as url:
        upgrade(url)
        load_synthetic(url, args.size)
        ids, key = _add_requests(url, args.requests)
        os.environ.update(
            {
                "DATABASE_URL": url,
                "VOUCH_LOG_LEVEL": "WARNING",
                "VOUCH_ENVIRONMENT": "production",
                "VOUCH_SECRET_KEY": secrets.token_hex(32),
                "VOUCH_MATCHING_POLL_INTERVAL_SECONDS": "3600",
            }
        )
        get_settings.cache_clear()  # read again, with this database
        from fastapi.testclient import TestClient

        from services.matching.main import app
        from shared.db.engine import get_engine, get_side_engine

        counts: Counter[str] = Counter()

        def hook(label: str) -> Any:
            def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
                counts[f"{label}: {' '.join(statement.split())[:80]}"] += 1

            return count

        headers = {"Authorization": f"Bearer {key}"}
        with TestClient(app) as client:
            while client.get("/readyz").status_code != 200:
                time.sleep(0.5)
            for _ in range(2):
                for request_id in ids:
                    client.post(f"/v1/requests/{request_id}/matches?top_k=50", headers=headers)
            main_engine, side_engine = get_engine(), get_side_engine()
            event.listen(main_engine, "before_cursor_execute", hook("request"))
            event.listen(side_engine, "before_cursor_execute", hook("side"))
            event.listen(main_engine, "begin", lambda _conn: counts.update(["request: BEGIN"]))
            event.listen(main_engine, "commit", lambda _conn: counts.update(["request: COMMIT"]))
            for request_id in ids:
                response = client.post(
                    f"/v1/requests/{request_id}/matches?top_k=50", headers=headers
                )
                response.raise_for_status()
        per_call = {name: count / len(ids) for name, count in counts.items()}
        print(f"\nstatements per POST matches ({args.size:,} profiles, steady state):")
        for name, count in sorted(per_call.items(), key=lambda item: -item[1]):
            print(f"{count:5.2f}  {name}")
        print(f"{sum(per_call.values()):5.2f}  in all (+1 pool pre-ping per request)")


if __name__ == "__main__":
    main()
