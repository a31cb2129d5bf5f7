"""The console's request page with 200 ranked matches, over HTTP against the running services.

    python -m tests.bench.bench_console --matches 200 --repeat 30

A scratch database gets 240 profiles through intake's CSV import and one request; intake,
matching, referrals and the console run as uvicorn processes; the request is ranked with
top_k 200. Then the signed-in request page (the console's calls to intake and matching
included) and the requests list are fetched in turn; the figures are client-side latencies.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

import httpx
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from shared.accounts.service import create_user
from shared.auth.keys import get_or_create_organization, issue_key
from shared.cli.database import command_database
from shared.cli.run import _wait_ready
from shared.db.migrate import upgrade
from shared.models.enums import Role
from shared.skills.sync import sync_catalogue
from tests.console.conftest import SERVICES, _free_port
from tests.support.database import scratch_database

PASSWORD = "a long bench password"
STACK = ["Java", "Spring Boot", "Kafka", "Kubernetes", "PostgreSQL", "Docker", "AWS", "Terraform"]


def _csv(n: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "name",
            "email",
            "headline",
            "summary",
            "skills",
            "available_from",
            "day_rate",
            "city",
            "country",
            "remote",
            "languages",
            "consent_given_at",
            "consent_method",
        ]
    )
    for i in range(n):
        skills = "; ".join(f"{s}:{1 + (i + j) % 5}" for j, s in enumerate(STACK[: 3 + i % 6]))
        writer.writerow(
            [
                f"Bench Person {i}",
                f"bench{i}@example.com",
                "Backend engineer",
                f"Java backend developer, {i % 15} years with Spring Boot and Kafka on Kubernetes.",
                skills,
                (date.today() + timedelta(days=i % 10)).isoformat(),
                700 + i % 200,
                "Berlin",
                "DE",
                "hybrid",
                "de:native; en:C1",
                "2026-10-01T09:00:00Z",
                "form",
            ]
        )
    return buffer.getvalue().encode()


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--matches", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with command_database() as base, scratch_database(base, prefix="vouch_bench_console") as url:
        upgrade(url)
        engine = create_engine(url)
        with Session(engine) as session, session.begin():
            sync_catalogue(session)
            admin = issue_key(session, role=Role.admin, name="bench").raw_key
            org = get_or_create_organization(session, name="Bench GmbH").id
            create_user(
                session,
                email="bench@agency.example",
                name="Bench",
                role=Role.account_manager,
                password=PASSWORD,
            )
        engine.dispose()
        ports = {name: _free_port() for name in SERVICES}
        env = {"DATABASE_URL": url, "VOUCH_LOG_LEVEL": "WARNING", "VOUCH_RATE_LIMIT_REQUESTS": "0"}
        env.update({f"VOUCH_{name.upper()}_PORT": str(port) for name, port in ports.items()})
        import os

        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    target,
                    "--port",
                    str(ports[name]),
                    "--log-level",
                    "warning",
                ],
                env={**os.environ, **env},
            )
            for name, target in SERVICES.items()
        ]
        urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        try:
            _wait_ready(urls)
            headers = {"Authorization": f"Bearer {admin}"}
            imported = httpx.post(
                urls["intake"] + "/v1/freelancers/import",
                files={"file": ("people.csv", _csv(args.matches + 40), "text/csv")},
                headers=headers,
                timeout=300,
            )
            imported.raise_for_status()
            request = httpx.post(
                urls["intake"] + "/v1/requests",
                headers=headers,
                timeout=30,
                json={
                    "organization_id": org,
                    "title": "Java backend developer",
                    "description": "Spring Boot and Kafka on Kubernetes.",
                    "skills": [
                        {"name": "Java", "must_have": True, "min_level": 1},
                        {"name": "Kafka", "must_have": False},
                    ],
                    "start_date": (date.today() + timedelta(days=20)).isoformat(),
                    "duration_months": 6,
                    "max_day_rate": 1000,
                },
            ).json()
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                run = httpx.post(
                    f"{urls['matching']}/v1/requests/{request['id']}/matches",
                    headers=headers,
                    json={"top_k": args.matches},
                    timeout=60,
                ).json()
                if len(run["results"]) >= args.matches:
                    break
                time.sleep(1)
            shown = len(run["results"])
            with httpx.Client(base_url=urls["console"], timeout=30) as browser:
                page = browser.get("/login")
                token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
                browser.post(
                    "/login",
                    data={
                        "email": "bench@agency.example",
                        "password": PASSWORD,
                        "csrf_token": token,
                    },
                )
                timings: dict[str, list[float]] = {"request page": [], "requests list": []}
                for _ in range(3):
                    browser.get(f"/requests/{request['id']}")
                for _ in range(args.repeat):
                    for label, path in (
                        ("request page", f"/requests/{request['id']}"),
                        ("requests list", "/requests"),
                    ):
                        started = time.perf_counter()
                        answer = browser.get(path)
                        timings[label].append(time.perf_counter() - started)
                        assert answer.status_code == 200, (path, answer.status_code)
            for label, values in timings.items():
                figures = {"page": label, "matches_shown": shown, **_percentiles(values)}
                print(json.dumps(figures), flush=True)
                print(
                    f"{label}: {shown} matches, p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms",
                    flush=True,
                )
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=20)


if __name__ == "__main__":
    main()
