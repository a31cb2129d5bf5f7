"""The whole system running (intake, matching, referrals, console as uvicorn processes on this
run's database) and a real headless Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from shared.accounts.service import create_user
from shared.auth.keys import issue_key
from shared.cli.run import _wait_ready
from shared.db.base import Base
from shared.models.enums import Role
from tests.support.keys import bearer

SERVICES = {
    "intake": "services.intake.main:app",
    "matching": "services.matching.main:app",
    "referrals": "services.referrals.main:app",
    "console": "services.console.main:app",
}
CATALOGUE_TABLES = {"skills", "skill_aliases", "skill_relations"}
PASSWORD = "a long test password"
SCRIPT_NAME = "<script>alert(1)</script>"


def chromium_path() -> str:
    path = os.environ.get("VOUCH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        pytest.fail("Chromium is needed for the console tests: apt-get install chromium")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveSystem:
    urls: dict[str, str]
    admin: dict[str, str]
    client: dict[str, str]
    manager_email: str
    admin_email: str
    request_id: int
    freelancers: dict[str, int]

    def api(self, service: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return httpx.request(method, self.urls[service] + path, timeout=30, **kwargs)


def _start(database_url: str, ports: dict[str, int]) -> list[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "VOUCH_INTAKE_PORT": str(ports["intake"]),
        "VOUCH_MATCHING_PORT": str(ports["matching"]),
        "VOUCH_REFERRALS_PORT": str(ports["referrals"]),
        "VOUCH_CONSOLE_PORT": str(ports["console"]),
        "VOUCH_LOG_LEVEL": "WARNING",
    }
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
            env=env,
        )
        for name, target in SERVICES.items()
    ]
    # The worker recomputes trust after a vouch, so trust paths show as they would in use.
    processes.append(subprocess.Popen([sys.executable, "-m", "shared.cli", "worker"], env=env))
    return processes


def _profile(
    name: str, email: str, skills: list[dict[str, Any]], summary: str = ""
) -> dict[str, Any]:
    return {
        "name": name,
        "email": email,
        "headline": "Backend engineer",
        "summary": summary,
        "skills": skills,
        "available_from": (date.today() + timedelta(days=5)).isoformat(),
        "day_rate": 800,
        "location": {"city": "Berlin", "country": "DE"},
        "remote": "hybrid",
        "languages": [{"code": "de", "level": "native"}, {"code": "en", "level": "C1"}],
        "engagement": "freelance",
        "source": {"type": "referral", "detail": "meetup"},
        "consent": {"given_at": "2026-10-01T09:00:00Z", "method": "signed form"},
    }


def _seed(system: LiveSystem) -> None:
    admin = system.admin
    people = {
        "jan": _profile(
            "Jan Novak",
            "jan@example.com",
            [{"name": "Java", "level": 5, "years": 9}, {"name": "Kafka", "level": 4}],
        ),
        "script": _profile(
            SCRIPT_NAME,
            "script@example.com",
            [{"name": "Java", "level": 4}, {"name": "Spring Boot", "level": 4}],
        ),
        "mia": _profile(
            "Mia Wolf",
            "mia@example.com",
            [{"name": "Java", "level": 4}, {"name": "Kafka", "level": 3}],
        ),
        "tom": _profile("Tom Berg", "tom@example.com", [{"name": "Java", "level": 3}]),
    }
    for key, body in people.items():
        answer = system.api("intake", "POST", "/v1/freelancers", json=body, headers=admin)
        assert answer.status_code == 201, answer.text
        system.freelancers[key] = answer.json()["id"]
    anna = system.api(
        "referrals",
        "POST",
        "/v1/contacts",
        headers=admin,
        json={"name": "Anna Berg", "email": "anna@agency.example", "internal": True},
    ).json()
    jan = system.api(
        "referrals",
        "POST",
        "/v1/contacts",
        headers=admin,
        json={
            "name": "Jan Novak",
            "email": "jan@example.com",
            "freelancer_id": system.freelancers["jan"],
        },
    ).json()
    met = (date.today() - timedelta(days=30)).isoformat()
    assert (
        system.api(
            "referrals",
            "POST",
            "/v1/interactions",
            headers=admin,
            json={
                "contact_a_id": anna["id"],
                "contact_b_id": jan["id"],
                "channel": "in_person",
                "occurred_on": met,
            },
        ).status_code
        == 201
    )
    vouch = system.api(
        "referrals",
        "POST",
        "/v1/vouches",
        headers=admin,
        json={
            "referrer_contact_id": anna["id"],
            "freelancer_id": system.freelancers["jan"],
            "channel": "in_person",
            "last_met_on": met,
            "recommendation": "strong",
        },
    )
    assert vouch.status_code == 201, vouch.text
    # The worker recomputes trust after the vouch; rankings show the path once it is current.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        trust = system.api(
            "referrals", "GET", f"/v1/freelancers/{system.freelancers['jan']}/trust", headers=admin
        ).json()
        if trust.get("status") == "current" and trust.get("score", 0) > 0:
            break
        time.sleep(0.5)
    else:
        raise AssertionError(f"trust was never recomputed: {trust}")
    system.request_id = new_request(system, "Senior Java backend developer")


def new_request(system: LiveSystem, title: str, *, start_in_days: int = 20) -> int:
    """A client's request, ranked until every seeded freelancer shows with the trust path."""
    request = system.api(
        "intake",
        "POST",
        "/v1/requests",
        headers=system.client,
        json={
            "title": title,
            "description": "Kafka platform work for a bank.",
            "skills": [
                {"name": "Java", "must_have": True, "min_level": 3},
                {"name": "Kafka", "must_have": False},
            ],
            "start_date": (date.today() + timedelta(days=start_in_days)).isoformat(),
            "duration_months": 6,
            "max_day_rate": 950,
            "remote": "hybrid",
        },
    )
    assert request.status_code == 201, request.text
    request_id = int(request.json()["id"])
    # Trust is recomputed by the worker after the vouch; rank until its path shows.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        run = system.api(
            "matching",
            "POST",
            f"/v1/requests/{request_id}/matches",
            headers=system.admin,
            json={"top_k": 20},
        )
        assert run.status_code in (200, 201), run.text
        results = run.json()["results"]
        if len(results) >= 4 and any(r["explanation"]["trust_paths"] for r in results):
            return request_id
        time.sleep(0.5)
    raise AssertionError("the seeded freelancers never appeared in the ranking")


@pytest.fixture(scope="module")
def live(database_url: str, engine: Engine) -> Iterator[LiveSystem]:
    ports = {name: _free_port() for name in SERVICES}
    with Session(engine) as session, session.begin():
        admin_key = issue_key(session, role=Role.admin, name="console tests")
        org = session.execute(
            text("INSERT INTO organizations (name) VALUES ('Acme GmbH') RETURNING id")
        ).scalar_one()
        client_key = issue_key(session, role=Role.client, organization_id=org, name="acme")
        create_user(
            session,
            email="anna@agency.example",
            name="Anna Berg",
            role=Role.account_manager,
            password=PASSWORD,
        )
        create_user(
            session, email="root@agency.example", name="Root", role=Role.admin, password=PASSWORD
        )
    processes = _start(database_url, ports)
    urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    try:
        _wait_ready(urls)
        system = LiveSystem(
            urls,
            bearer(admin_key.raw_key),
            bearer(client_key.raw_key),
            "anna@agency.example",
            "root@agency.example",
            0,
            {},
        )
        _seed(system)
        yield system
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)
        tables = [t.name for t in Base.metadata.sorted_tables if t.name not in CATALOGUE_TABLES]
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


def new_page(browser: Browser, *, locale: str = "en-GB", width: int = 1280) -> Page:
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def sign_in(page: Page, live: LiveSystem, email: str, password: str = PASSWORD) -> None:
    page.goto(live.urls["console"] + "/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("form[action='/login'] button[type=submit]")
