"""Intake throughput and latency: POST /v1/requests against a bare insert on the same stack.

    python -m tests.bench.bench_intake [--duration 20] [--concurrency 32] [--workers 2]

Creates a scratch database on the server in DATABASE_URL (default
postgresql://postgres@127.0.0.1:5432/test), migrates it and loads the skill catalogue, issues
API keys, then starts uvicorn in a subprocess twice with the same settings:

1. the intake service, driven with POST /v1/requests (three skills, one an alias, one with a
   version; a fresh Idempotency-Key per request, as a well-behaved client sends);
2. a bare app from the same `create_app` with one endpoint that authenticates the key and inserts
   one audit_log row through `SessionDep` — the floor any endpoint on this stack pays.

Each run keeps `--concurrency` clients busy for `--duration` seconds after a short warm-up and
prints requests/s, p50/p95/p99 latency and errors; the last line is the throughput ratio.
Target on a 2-core machine: intake >= 70% of the bare throughput, p99 < 100 ms, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
import numpy as np
from fastapi import APIRouter, FastAPI
from sqlalchemy import create_engine, insert
from sqlalchemy.orm import Session

from shared.app_factory import create_app
from shared.auth.deps import CurrentPrincipal
from shared.db.migrate import upgrade
from shared.db.session import SessionDep
from shared.models import AuditEntry
from shared.skills.sync import sync_catalogue
from tests.support.database import scratch_database
from tests.support.keys import make_keys

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
WARM_UP_SECONDS = 3.0


def make_bare_app() -> FastAPI:
    """The baseline: same factory, middleware, auth and session dependency; one INSERT."""
    router = APIRouter()

    @router.post("/v1/bare", status_code=201)
    def bare(principal: CurrentPrincipal, session: SessionDep) -> dict[str, int]:
        entry_id = session.scalar(
            insert(AuditEntry)
            .values(api_key_id=principal.key_id, action="bench", entity="bench", detail={})
            .returning(AuditEntry.id)
        )
        return {"id": int(entry_id or 0)}

    return create_app(service="bench", title="Bare insert", routers=[router])


def _request_body() -> dict[str, Any]:
    return {
        "title": "Platform engineer",
        "description": "Move 40 services from VMs to Kubernetes on Azure. " * 10,
        "skills": [
            {"name": "k8s", "min_level": 4, "weight": 2},
            {"name": "Python 3.12"},
            {"name": "Terraform", "must_have": False},
        ],
        "start_date": (date.today() + timedelta(days=30)).isoformat(),
        "duration_months": 6,
        "max_day_rate": 950,
        "location": {"city": "Berlin", "country": "DE"},
        "remote": "hybrid",
        "languages": ["de", "en"],
    }


_SKILL_POOL = (
    "Python",
    "Java 17",
    "k8s",
    "Terraform",
    "React.js",
    "PostgreSQL",
    "AWS",
    "Go",
    "SAP S/4HANA",
    "Scrum",
    "C#",
    ".NET",
    "Angular",
    "Docker",
    "Kafka",
    "Spark",
    "Azure",
    "TypeScript",
)


def _import_csv(rows: int) -> bytes:
    """A freelancer CSV of `rows` valid profiles, five skills and two languages each."""
    lines = [
        "name,email,headline,skills,available_from,day_rate,city,country,remote,languages,"
        "engagement,source_type,consent_given_at,consent_method"
    ]
    for index in range(rows):
        skills = "; ".join(
            f"{_SKILL_POOL[(index + step * 7) % len(_SKILL_POOL)]}:{1 + (index + step) % 5}:{step + 1}"
            for step in range(5)
        )
        lines.append(
            f"Person {index},person{index}@example.com,Engineer {index % 97},{skills},"
            f"2027-0{1 + index % 9}-01,{500 + index % 700},Berlin,DE,remote,de:native; en:C1,"
            f"either,referral,2026-01-15T10:00:00Z,signed form"
        )
    return ("\n".join(lines) + "\n").encode()


def _time_import(base: str, headers: dict[str, str], rows: int) -> None:
    """Import `rows` profiles through the API, then the same file again (all rows existing)."""
    content = _import_csv(rows)
    for attempt in ("first import", "re-import"):
        started = time.perf_counter()
        response = httpx.post(
            f"{base}/v1/freelancers/import",
            files={"file": ("people.csv", content, "text/csv")},
            headers=headers,
            timeout=600,
        )
        elapsed = time.perf_counter() - started
        report = response.json() if response.status_code == 200 else {}
        counts = ", ".join(f"{key} {len(value)}" for key, value in report.items())
        print(
            f"CSV {attempt:<13} {rows} rows, {len(content) / 1e6:.1f} MB: {elapsed:5.1f} s "
            f"(HTTP {response.status_code}; {counts or response.text[:200]})"
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _server(target: str, *, database_url: str, workers: int, factory: bool) -> Iterator[str]:
    """Run uvicorn on a free port until the block ends; yield its base URL once ready."""
    port = _free_port()
    command = [sys.executable, "-m", "uvicorn", target, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers), "--no-access-log"]
    command += ["--log-level", "warning"] + (["--factory"] if factory else [])
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "VOUCH_LOG_LEVEL": "WARNING",
        "VOUCH_ENVIRONMENT": "production",
        # Production refuses a missing secret; the per-key limit stays on (its cost is measured)
        # but high enough that one key driving the whole benchmark never trips it.
        "VOUCH_SECRET_KEY": secrets.token_hex(32),
        "VOUCH_RATE_LIMIT_REQUESTS": os.environ.get("VOUCH_RATE_LIMIT_REQUESTS", "100000000"),
    }
    process = subprocess.Popen(command, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{target} did not become ready")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Result:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: np.ndarray[Any, np.dtype[np.float64]]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def line(self) -> str:
        p50, p95, p99 = np.percentile(self.latencies_ms, [50, 95, 99])
        return (
            f"{self.name:<22} {self.throughput:8.1f} req/s   p50 {p50:6.1f} ms   "
            f"p95 {p95:6.1f} ms   p99 {p99:6.1f} ms   errors {self.errors}"
        )


class _Connection:
    """A minimal HTTP/1.1 keep-alive client: the load generator shares the server's two cores,
    so it must spend as little CPU per request as it can (httpx costs several times more)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, base: str) -> _Connection:
        host, port = base.removeprefix("http://").split(":")
        return cls(*await asyncio.open_connection(host, int(port)))

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        lines = [f"POST {path} HTTP/1.1", "Host: bench", "Content-Type: application/json"]
        lines += [f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in headers.items())]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


async def _drive(
    base: str,
    *,
    path: str,
    make_request: Callable[[], tuple[dict[str, Any], dict[str, str]]],
    expect: int,
    concurrency: int,
    duration: float,
) -> tuple[int, list[str], list[float]]:
    """Keep `concurrency` clients posting; measure only after the warm-up."""
    latencies: list[float] = []
    errors: list[str] = []
    ok = 0
    loop = asyncio.get_running_loop()
    measure_from = loop.time() + WARM_UP_SECONDS
    stop_at = measure_from + duration

    async def client() -> None:
        nonlocal ok
        connection = await _Connection.open(base)
        try:
            while (started := loop.time()) < stop_at:
                body, headers = make_request()
                try:
                    status, answer = await connection.post(path, json.dumps(body).encode(), headers)
                    problem = None if status == expect else f"{status}: {answer[:200]!r}"
                except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    problem = repr(exc)
                    connection.close()
                    connection = await _Connection.open(base)
                if started >= measure_from:
                    latencies.append((loop.time() - started) * 1000)
                    if problem is None:
                        ok += 1
                    else:
                        errors.append(problem)
        finally:
            connection.close()

    await asyncio.gather(*(client() for _ in range(concurrency)))
    return ok, errors, latencies


def _run_loop(coroutine: Any) -> Any:
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def _run(
    name: str,
    base: str,
    *,
    path: str,
    make_request: Callable[[], tuple[dict[str, Any], dict[str, str]]],
    concurrency: int,
    duration: float,
) -> Result:
    ok, errors, latencies = _run_loop(
        _drive(
            base,
            path=path,
            make_request=make_request,
            expect=201,
            concurrency=concurrency,
            duration=duration,
        )
    )
    for problem in sorted(set(errors))[:5]:
        print(f"  error sample: {problem}")
    return Result(name, ok + len(errors), len(errors), duration, np.array(latencies or [0.0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds measured per run")
    parser.add_argument("--concurrency", type=int, default=32, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers (both runs)")
    parser.add_argument(
        "--idempotency-keys",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="send a fresh Idempotency-Key with every intake POST (default: yes)",
    )
    parser.add_argument(
        "--import-rows", type=int, default=10_000, help="rows for the CSV import timing (0: skip)"
    )
    args = parser.parse_args()

    server = os.environ.get("DATABASE_URL") or DEFAULT_URL
    with scratch_database(server, prefix="vouch_bench") as url:
        upgrade(url)
        engine = create_engine(url)
        with Session(engine) as session, session.begin():
            sync_catalogue(session)
            keys = make_keys(session)
        engine.dispose()

        body = _request_body()

        def intake_request() -> tuple[dict[str, Any], dict[str, str]]:
            if not args.idempotency_keys:
                return body, keys.client_a
            return body, {**keys.client_a, "Idempotency-Key": uuid.uuid4().hex}

        def bare_request() -> tuple[dict[str, Any], dict[str, str]]:
            return {}, keys.client_a

        print(
            f"{args.concurrency} clients, {args.duration:.0f} s per run (after "
            f"{WARM_UP_SECONDS:.0f} s warm-up), uvicorn --workers {args.workers}, "
            f"{os.cpu_count()} CPUs, Idempotency-Key: {'yes' if args.idempotency_keys else 'no'}"
        )
        with _server(
            "services.intake.main:app", database_url=url, workers=args.workers, factory=False
        ) as base:
            intake = _run(
                "POST /v1/requests",
                base,
                path="/v1/requests",
                make_request=intake_request,
                concurrency=args.concurrency,
                duration=args.duration,
            )
            print(intake.line(), flush=True)
            if args.import_rows:
                _time_import(base, keys.manager, args.import_rows)
        with _server(
            "tests.bench.bench_intake:make_bare_app",
            database_url=url,
            workers=args.workers,
            factory=True,
        ) as base:
            bare = _run(
                "bare insert",
                base,
                path="/v1/bare",
                make_request=bare_request,
                concurrency=args.concurrency,
                duration=args.duration,
            )
        print(bare.line())
        print(f"intake / bare throughput: {intake.throughput / bare.throughput:.0%}")


if __name__ == "__main__":
    main()
