"""Write the present through the public APIs, in process (httpx over the ASGI apps).

Freelancers go through `POST /v1/freelancers/import` (validation and skill extraction from the
CV text apply), contacts and meetings through the referrals CSV imports, vouches one by one
through `POST /v1/vouches`, open requests through `POST /v1/requests`. Every answer is checked:
a row the API refuses stops the seed with the API's own reasons.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI

from demo.csv_files import contacts_csv, freelancers_csv, interactions_csv
from demo.model import RequestSpec, VouchSpec, World

IMPORT_CHUNK = 2_000
INTERACTION_CHUNK = 20_000
Advance = Callable[[int], None]


class SeedRefused(RuntimeError):
    """The API refused something the generator wrote: a generator bug to fix, never ignored."""


@dataclass
class Ids:
    """Database ids of the world's things, by key."""

    freelancers: list[int]
    organizations: list[int]
    contacts: list[int]
    requests: dict[int, int]  # request key → id (open requests here; past ones in history)


def _check(response: Any, what: str) -> dict[str, Any]:
    if response.status_code >= 300:
        raise SeedRefused(f"{what}: {response.status_code} {response.text[:2000]}")
    body: dict[str, Any] = response.json()
    return body


def request_body(spec: RequestSpec, organization_id: int) -> dict[str, Any]:
    """The POST /v1/requests body of an open request."""
    return {
        "organization_id": organization_id,
        "title": spec.title,
        "description": spec.description,
        "skills": []
        if spec.paragraph_only
        else [
            {
                "name": s.spelling,
                "must_have": s.must_have,
                "min_level": s.min_level,
                "weight": s.weight,
            }
            for s in spec.skills
        ],
        "start_date": spec.start_date.isoformat(),
        "duration_months": spec.duration_months,
        "max_day_rate": spec.max_day_rate,
        "location": {"city": spec.city, "country": spec.country},
        "remote": spec.remote,
        "languages": spec.languages,
        "engagement": spec.engagement,
    }


def vouch_body(spec: VouchSpec, referrer_id: int, freelancer_id: int) -> dict[str, Any]:
    """The POST /v1/vouches body of a vouch."""
    body: dict[str, Any] = {
        "referrer_contact_id": referrer_id,
        "freelancer_id": freelancer_id,
        "channel": spec.channel,
        "last_met_on": spec.last_met_on.isoformat(),
        "recommendation": spec.recommendation,
        "statement": spec.statement,
    }
    if spec.worked_from or spec.worked_to or spec.worked_where:
        body["worked_together"] = {
            "where": spec.worked_where,
            "from": spec.worked_from.isoformat() if spec.worked_from else None,
            "to": spec.worked_to.isoformat() if spec.worked_to else None,
        }
    return body


class InProcessClient:
    """Synchronous calls into an app over httpx's ASGI transport (no sockets, no server)."""

    def __init__(self, app: FastAPI) -> None:
        self._loop = asyncio.new_event_loop()
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://demo", timeout=600
        )

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self._loop.run_until_complete(self._client.post(path, **kwargs))

    def close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()


class ApiWriter:
    def __init__(self, world: World, *, admin_key: str, organization_ids: list[int]) -> None:
        from services.intake.main import app as intake_app
        from services.referrals.main import app as referrals_app

        self.world = world
        self.headers = {"Authorization": f"Bearer {admin_key}"}
        self.intake = InProcessClient(intake_app)
        self.referrals = InProcessClient(referrals_app)
        self.organization_ids = organization_ids

    def close(self) -> None:
        self.intake.close()
        self.referrals.close()

    def _upload(
        self, client: InProcessClient, path: str, content: bytes, what: str
    ) -> dict[str, Any]:
        files = {"file": ("demo.csv", content, "text/csv")}
        return _check(client.post(path, files=files, headers=self.headers), what)

    def freelancers(self, advance: Advance) -> list[int]:
        ids: list[int] = []
        specs = self.world.freelancers
        for start in range(0, len(specs), IMPORT_CHUNK):
            chunk = specs[start : start + IMPORT_CHUNK]
            report = self._upload(
                self.intake, "/v1/freelancers/import", freelancers_csv(chunk), "freelancer import"
            )
            if report["rejected"]:
                raise SeedRefused(f"freelancer import refused rows: {report['rejected'][:5]}")
            # Line numbers count physical lines (CVs span many): rows keep the file's order.
            stored = sorted(
                report["imported"] + report["skipped_existing"], key=lambda r: r["line"]
            )
            if len(stored) != len(chunk):
                raise SeedRefused(f"freelancer import stored {len(stored)} of {len(chunk)} rows")
            ids += [row["id"] for row in stored]
            advance(len(chunk))
        return ids

    def contacts(self, freelancer_ids: Sequence[int], advance: Advance) -> list[int]:
        seed = self.world.config.seed
        content = contacts_csv(
            seed,
            self.world.contacts,
            freelancer_ids=freelancer_ids,
            organization_ids=self.organization_ids,
        )
        report = self._upload(self.referrals, "/v1/contacts/import", content, "contact import")
        if report["rejected"]:
            raise SeedRefused(f"contact import refused rows: {report['errors'][:5]}")
        if report["created"] != len(self.world.contacts):
            raise SeedRefused(
                f"contact import created {report['created']} contacts, expected "
                f"{len(self.world.contacts)} (is the database empty?)"
            )
        advance(len(self.world.contacts))
        return list(report["created_ids"])

    def interactions(self, advance: Advance) -> None:
        specs = self.world.interactions
        for start in range(0, len(specs), INTERACTION_CHUNK):
            chunk = specs[start : start + INTERACTION_CHUNK]
            report = self._upload(
                self.referrals,
                "/v1/interactions/import",
                interactions_csv(self.world.config.seed, chunk),
                "interaction import",
            )
            if report["rejected"]:
                raise SeedRefused(f"interaction import refused rows: {report['errors'][:5]}")
            advance(len(chunk))

    def vouch(self, spec: VouchSpec, ids: Ids) -> int:
        body = vouch_body(spec, ids.contacts[spec.referrer], ids.freelancers[spec.freelancer_key])
        answer = _check(
            self.referrals.post("/v1/vouches", json=body, headers=self.headers), "vouch"
        )
        return int(answer["id"])

    def request(self, spec: RequestSpec) -> int:
        body = request_body(spec, self.organization_ids[spec.client_key])
        answer = _check(
            self.intake.post("/v1/requests", json=body, headers=self.headers), "staffing request"
        )
        return int(answer["id"])
