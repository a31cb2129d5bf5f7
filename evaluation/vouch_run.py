"""Drive Vouch as a user would: a scratch database, the public HTTP API, in process."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from evaluation.dataset import TextEvalSet
from shared.auth.keys import get_or_create_organization, issue_key
from shared.cli.database import migrate_to_head
from shared.config import get_settings
from shared.db import engine as engine_module
from shared.models.enums import Role

TOP_K = 50
# Enough for every queued job the loading caused (extraction, re-ranking); bounded regardless.
_MAX_JOBS = 20_000


@dataclass
class VouchOutcome:
    accepted: dict[str, int] = field(default_factory=dict)  # CV id -> freelancer id
    refused: dict[str, str] = field(default_factory=dict)  # CV id -> status and problem
    warnings: dict[str, list[str]] = field(default_factory=dict)  # CV id -> 201 warnings
    rankings: dict[str, list[str]] = field(default_factory=dict)  # request id -> CV ids
    request_notes: dict[str, str] = field(default_factory=dict)  # how a request got in, or not


@contextmanager
def scratch_database(base_url: str) -> Iterator[str]:
    """A uniquely named database on the server, dropped afterwards whatever happens."""
    name = f"vouch_eval_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(base_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _reset_caches() -> None:
    get_settings.cache_clear()
    engine_module.get_engine.cache_clear()
    engine_module.get_sessionmaker.cache_clear()


@contextmanager
def apps_on(url: str) -> Iterator[None]:
    """Point the services' settings (and so their engines) at `url` while the block runs."""
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    _reset_caches()
    try:
        yield
    finally:
        engine_module.get_engine().dispose()
        if previous is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = previous
        _reset_caches()


def _staff_key(url: str) -> tuple[str, int]:
    """An account-manager key and a client organisation, made as `vouch keys create` does."""
    engine = create_engine(url)
    try:
        with Session(engine) as session, session.begin():
            organization = get_or_create_organization(session, name="Evaluation client GmbH")
            key = issue_key(session, role=Role.account_manager, name="text evaluation")
            return key.raw_key, organization.id
    finally:
        engine.dispose()


def _drain_jobs(url: str) -> int:
    """Run the queued jobs that are due, as the deployed worker would between requests."""
    from shared.queue.worker import load_handlers, run_one

    engine = create_engine(url)
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    handlers = load_handlers()
    done = 0
    try:
        while done < _MAX_JOBS and run_one(sessions, handlers, worker_id="eval") is not None:
            done += 1
    finally:
        engine.dispose()
    return done


def _problem(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail", "")
    except ValueError:
        detail = response.text[:200]
    return f"{response.status_code} {detail}"


async def _parsed_skills(intake: httpx.AsyncClient, body: dict[str, Any]) -> list[dict[str, Any]]:
    """Skills suggested by POST /v1/requests/parse, as structured request skills."""
    parsed = await intake.post(
        "/v1/requests/parse", json={"title": body["title"], "description": body["description"]}
    )
    if parsed.status_code != 200:
        return []
    skills = []
    for suggestion in parsed.json().get("skills", []):
        name = suggestion.get("canonical") or suggestion.get("name") or suggestion.get("slug")
        if name:
            must = suggestion.get("must_have", suggestion.get("requirement") == "must")
            skills.append({"name": name, "must_have": bool(must)})
    if skills and not any(skill["must_have"] for skill in skills):
        skills[0]["must_have"] = True
    return skills


async def _create_request(
    intake: httpx.AsyncClient, body: dict[str, Any], outcome: VouchOutcome, request_id: str
) -> int | None:
    created = await intake.post("/v1/requests", json=body)
    if created.status_code == 201:
        outcome.request_notes[request_id] = "created as written"
        return int(created.json()["id"])
    if body["skills"]:
        outcome.request_notes[request_id] = f"refused: {_problem(created)}"
        return None
    # A paragraph-only request refused: fall back to the parser's suggestions.
    skills = await _parsed_skills(intake, body)
    if not skills:
        outcome.request_notes[request_id] = f"refused without skills: {_problem(created)}"
        return None
    retried = await intake.post("/v1/requests", json={**body, "skills": skills})
    if retried.status_code != 201:
        outcome.request_notes[request_id] = f"refused after parse: {_problem(retried)}"
        return None
    outcome.request_notes[request_id] = f"empty skills refused; parsed {len(skills)} skills"
    return int(retried.json()["id"])


async def _drive(url: str, data: TextEvalSet, today: date) -> VouchOutcome:
    from services.intake.main import app as intake_app
    from services.matching.main import app as matching_app

    raw_key, organization_id = _staff_key(url)
    headers = {"Authorization": f"Bearer {raw_key}"}
    outcome = VouchOutcome()
    async with (
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=intake_app),
            base_url="http://intake",
            headers=headers,
            timeout=120,
        ) as intake,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=matching_app),
            base_url="http://matching",
            headers=headers,
            timeout=300,
        ) as matching,
    ):
        for cv in data.cvs:
            response = await intake.post("/v1/freelancers", json=cv.body(today))
            if response.status_code == 201:
                payload = response.json()
                outcome.accepted[cv.id] = int(payload["id"])
                if payload.get("warnings"):
                    outcome.warnings[cv.id] = [str(w) for w in payload["warnings"]]
            else:
                outcome.refused[cv.id] = _problem(response)
        await asyncio.to_thread(_drain_jobs, url)
        by_freelancer = {freelancer: cv for cv, freelancer in outcome.accepted.items()}
        for request in data.requests:
            request_id = await _create_request(
                intake, request.body(today, organization_id), outcome, request.id
            )
            if request_id is None:
                outcome.rankings[request.id] = []
                continue
            await asyncio.to_thread(_drain_jobs, url)
            ranked = await matching.post(
                f"/v1/requests/{request_id}/matches", json={"top_k": TOP_K}
            )
            if ranked.status_code != 201:
                outcome.request_notes[request.id] += f"; ranking failed: {_problem(ranked)}"
                outcome.rankings[request.id] = []
                continue
            outcome.rankings[request.id] = [
                by_freelancer[result["freelancer_id"]]
                for result in ranked.json()["results"]
                if result["freelancer_id"] in by_freelancer
            ]
    return outcome


def run_vouch(base_url: str, data: TextEvalSet, *, today: date | None = None) -> VouchOutcome:
    """Load every CV and request into a fresh database through the API and rank each request."""
    with scratch_database(base_url) as url:
        migrate_to_head(url)
        # The matcher's in-memory index for this database stays behind in the process; it is
        # small, keyed by the unique database name, and other databases' indexes stay intact.
        with apps_on(url):
            return asyncio.run(_drive(url, data, today or date.today()))
