"""Ranking over HTTP next to a bare FastAPI endpoint returning a same-sized JSON.

    python -m tests.bench.bench_http --sizes 100000 --requests 200

For each size a scratch database is filled by COPY (`bench_matching.load_synthetic`: profiles,
skills, languages, catalogue) plus `--distinct` open staffing requests of 8 skills (2-4
must-have); the matching service (uvicorn, one process, pinned with `taskset -c 0`) builds its
index from Postgres with its own loader (COPY) before /readyz answers. A bare FastAPI app
(same core) returns the JSON body of a real ranking. The client (other core) alternates one
`POST /v1/requests/{id}/matches?top_k=50` with one bare POST, concurrency 1, after a warm-up,
and prints p50/p95/max of both and their ratio. The change-poll overlap is 0 (just after a bulk
load every row is "recent"; the steady state is what is measured). Each size's row is printed as
soon as it is measured, so a run stopped at a later size keeps the earlier ones.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import httpx
import numpy as np
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from shared.auth.keys import get_or_create_organization, issue_key
from shared.cli.database import command_database
from shared.db.migrate import upgrade
from shared.models import RequestSkill, StaffingRequest
from shared.models.enums import Role
from tests.bench.bench_intake import _free_port
from tests.bench.bench_matching import load_synthetic, synthetic_requests
from tests.support.database import scratch_database

TOP_K = 50


def _taskset(core: str) -> list[str]:
    return ["taskset", "-c", core] if shutil.which("taskset") else []


@contextmanager
def _server(target: str, env: dict[str, str], *, ready_seconds: float) -> Iterator[str]:
    port = _free_port()
    command = [*_taskset("0"), sys.executable, "-m", "uvicorn", target, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--no-access-log", "--log-level", "warning"]
    process = subprocess.Popen(command, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_seconds
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{target} did not become ready")
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _add_requests(url: str, count: int) -> tuple[list[int], str]:
    """Open requests built like bench_matching's, and an account manager's key."""
    engine = create_engine(url)
    ids = []
    with Session(engine) as session, session.begin():
        organization = get_or_create_organization(session, name="bench client")
        for query in synthetic_requests(count):
            request = StaffingRequest(
                organization_id=organization.id,
                title="Bench request",
                description=query.text,
                start_date=date.fromordinal(query.start_ordinal),
                duration_months=6,
                max_day_rate=query.max_day_rate,
                location_city=query.city or None,
                location_country=query.country or None,
                remote=["onsite", "hybrid", "remote"][query.remote],
                languages=["en"] if query.languages else [],
                engagement=query.engagement,
            )
            session.add(request)
            session.flush()
            for j, skill in enumerate(query.skill_ids.tolist()):
                session.add(
                    RequestSkill(
                        request_id=request.id,
                        skill_id=skill,
                        must_have=bool(query.must_have[j]),
                        min_level=int(query.min_level[j]),
                        weight=float(query.weight[j]),
                        raw_name=query.skill_names[j],
                    )
                )
            ids.append(request.id)
        key = issue_key(session, role=Role.account_manager, name="bench").raw_key
    engine.dispose()
    return ids, key


def _stats(samples: list[float]) -> tuple[float, float, float]:
    values = np.array(samples)
    return float(np.percentile(values, 50)), float(np.percentile(values, 95)), float(values.max())


def bench_size(base_url: str, n: int, requests: int, distinct: int) -> dict[str, object]:
    with scratch_database(base_url, prefix="vouch_bench_http") as url:
        upgrade(url)
        started = time.perf_counter()
        load_synthetic(url, n)
        loaded = time.perf_counter() - started
        ids, key = _add_requests(url, distinct)
        env = {
            "DATABASE_URL": url,
            "VOUCH_LOG_LEVEL": "WARNING",
            "VOUCH_ENVIRONMENT": "production",
            "VOUCH_SECRET_KEY": secrets.token_hex(32),
            "VOUCH_RATE_LIMIT_REQUESTS": "100000000",
            "VOUCH_MATCHING_CHANGE_OVERLAP_SECONDS": "0",
        }
        headers = {"Authorization": f"Bearer {key}"}
        started = time.perf_counter()
        with _server("services.matching.main:app", env, ready_seconds=1800) as vouch:
            ready = time.perf_counter() - started
            client = httpx.Client(timeout=60)
            first = client.post(
                f"{vouch}/v1/requests/{ids[0]}/matches?top_k={TOP_K}", headers=headers
            )
            first.raise_for_status()
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as body:
                json.dump(first.json(), body)
            try:
                with _server(
                    "tests.bench.bare_app:app",
                    {"BARE_BODY_FILE": body.name, "DATABASE_URL": url},
                    ready_seconds=60,
                ) as bare:
                    rss = _rss_mb(vouch)
                    vouch_ms, bare_ms, sizes = [], [], []
                    for i in range(requests + 10):  # the first 10 warm up
                        request_id = ids[i % len(ids)]
                        t0 = time.perf_counter()
                        response = client.post(
                            f"{vouch}/v1/requests/{request_id}/matches?top_k={TOP_K}",
                            headers=headers,
                        )
                        t1 = time.perf_counter()
                        bare_response = client.post(f"{bare}/v1/requests/{request_id}/matches")
                        t2 = time.perf_counter()
                        response.raise_for_status()
                        bare_response.raise_for_status()
                        if i >= 10:
                            vouch_ms.append((t1 - t0) * 1000)
                            bare_ms.append((t2 - t1) * 1000)
                            sizes.append(len(response.content))
            finally:
                os.unlink(body.name)
            client.close()
    return {
        "size": n,
        "load_s": loaded,
        "ready_s": ready,
        "vouch": _stats(vouch_ms),
        "bare": _stats(bare_ms),
        "bytes": float(np.mean(sizes)),
        "bare_bytes": len(first.content),
        "rss_mb": rss,
    }


def _rss_mb(base: str) -> float:
    """RSS of the process listening on `base` (Linux /proc), 0 when unknown."""
    port = base.rsplit(":", 1)[1]
    try:
        output = subprocess.run(
            ["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True, check=False
        ).stdout
        pid = output.split("pid=")[1].split(",")[0]
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (IndexError, OSError):
        pass
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--distinct", type=int, default=50, help="distinct staffing requests")
    args = parser.parse_args()
    # The client on the other core, so it does not compete with the servers it measures.
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {1})
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"\nHTTP, concurrency 1, top {TOP_K}, {args.requests} requests interleaved with a bare "
        f"FastAPI endpoint returning the same JSON (servers on core 0, client on core 1); "
        f"load average at start {load}"
    )
    print(
        f"{'profiles':>10} {'load s':>7} {'ready s':>8} {'RSS MB':>7} {'KB':>6} "
        f"{'vouch p50':>10} {'p95':>7} {'max':>7} {'bare p50':>9} {'p95':>7} {'max':>7} "
        f"{'p50 x':>6} {'p95 x':>6} {'load 1m':>7}",
        flush=True,
    )
    with command_database() as base:
        for size in (int(s) for s in args.sizes.split(",") if s):
            # Each size's row as soon as it is measured: a run stopped later keeps it.
            _print_row(bench_size(base, size, args.requests, args.distinct))


def _print_row(row: dict[str, object]) -> None:
    v, b = row["vouch"], row["bare"]
    assert isinstance(v, tuple) and isinstance(b, tuple)
    print(
        f"{row['size']:>10,} {row['load_s']:>7.1f} {row['ready_s']:>8.1f} "
        f"{row['rss_mb']:>7.0f} {float(str(row['bytes'])) / 1024:>6.1f} "
        f"{v[0]:>10.2f} {v[1]:>7.2f} {v[2]:>7.2f} {b[0]:>9.2f} {b[1]:>7.2f} {b[2]:>7.2f} "
        f"{v[0] / b[0]:>6.2f} {v[1] / b[1]:>6.2f} {os.getloadavg()[0]:>7.2f}",
        flush=True,
    )


if __name__ == "__main__":
    main()
