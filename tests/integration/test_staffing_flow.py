"""The three services together, as a user drives them: intake → referrals → worker → matching.

Real commits, the real worker loop and the job handlers the services register as entry points.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from services.intake.main import app as intake_app
from services.matching.main import app as matching_app
from services.referrals.main import app as referrals_app
from shared.models import Job, ReferralAttribution
from shared.models.enums import JobStatus
from shared.queue.worker import load_handlers, run_one
from tests.support.keys import TestKeys, make_keys

pytestmark = pytest.mark.smoke


def _drain_queue(engine: Engine, timeout: float = 20.0) -> None:
    """Run every job (including debounced, slightly delayed ones) until none is waiting."""
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    handlers = load_handlers()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if run_one(sessions, handlers, worker_id="test") is not None:
            continue
        with sessions() as session:
            # Scheduled work (the nightly trust decay) is not due; debounced jobs are, shortly.
            waiting = session.scalars(
                select(Job).where(
                    Job.status.in_([JobStatus.queued.value, JobStatus.running.value]),
                    Job.run_after < func.now() + timedelta(seconds=30),
                )
            ).all()
            # A job that failed once is retried after a back-off; that is a test failure here.
            assert all(job.attempts == 0 for job in waiting), [j.last_error for j in waiting]
        if not waiting:
            return
        time.sleep(0.2)
    raise AssertionError("queue did not drain")


def _freelancer(name: str, email: str) -> dict[str, Any]:
    return {
        "name": name,
        "email": email,
        "headline": "Platform engineer",
        "summary": "Kubernetes and Python platform work for banks.",
        "skills": [
            {"name": "k8s", "level": 4, "years": 6, "last_used": 2026},
            {"name": "Python 3", "level": 4, "years": 8, "last_used": 2026},
        ],
        "available_from": (date.today() + timedelta(days=20)).isoformat(),
        "day_rate": 850,
        "location": {"city": "Berlin", "country": "DE"},
        "remote": "hybrid",
        "languages": [{"code": "de", "level": "native"}],
        "engagement": "freelance",
        "source": {"type": "referral", "detail": "met at a meetup"},
        "consent": {"given_at": "2026-10-01T09:00:00Z", "method": "signed form"},
    }


@pytest.fixture
def keys(committed_engine: Engine) -> TestKeys:
    with Session(committed_engine) as session, session.begin():
        return make_keys(session)


def _score(matching: TestClient, keys: TestKeys, request_id: int, freelancer_id: int) -> float:
    run = matching.post(f"/v1/requests/{request_id}/matches", json={}, headers=keys.manager)
    assert run.status_code == 201, run.text
    results = run.json()["results"]
    for result in results:
        assert sum(result["contributions"].values()) == pytest.approx(result["score"], abs=1e-9)
    return next(r["score"] for r in results if r["freelancer_id"] == freelancer_id)


def test_request_to_placement_with_trust(committed_engine: Engine, keys: TestKeys) -> None:
    intake, referrals, matching = (
        TestClient(intake_app),
        TestClient(referrals_app),
        TestClient(matching_app),
    )
    vouched = intake.post(
        "/v1/freelancers", json=_freelancer("Ola Nowak", "ola@example.org"), headers=keys.manager
    )
    other = intake.post(
        "/v1/freelancers", json=_freelancer("Kim Park", "kim@example.org"), headers=keys.manager
    )
    assert vouched.status_code == other.status_code == 201, vouched.text
    vouched_id, other_id = vouched.json()["id"], other.json()["id"]

    request = intake.post(
        "/v1/requests",
        json={
            "title": "Kubernetes platform engineer",
            "description": "Build our Kubernetes platform with Python tooling.",
            "skills": [{"name": "Kubernetes", "min_level": 3}, {"name": "Python", "min_level": 3}],
            "start_date": (date.today() + timedelta(days=30)).isoformat(),
            "duration_months": 6,
            "max_day_rate": 900,
            "location": {"city": "Berlin", "country": "DE"},
            "remote": "hybrid",
            "languages": ["de"],
            "engagement": "freelance",
        },
        headers=keys.client_a,
    )
    assert request.status_code == 201, request.text
    request_id = request.json()["id"]

    # The agency's network: Anna (agency) met Jan twice in person; Jan worked with Ola.
    anna = referrals.post(
        "/v1/contacts", json={"name": "Anna Berg", "internal": True}, headers=keys.admin
    ).json()["id"]
    jan = referrals.post("/v1/contacts", json={"name": "Jan Novak"}, headers=keys.manager).json()[
        "id"
    ]
    for days_ago in (10, 40):
        met = referrals.post(
            "/v1/interactions",
            json={
                "contact_a_id": anna,
                "contact_b_id": jan,
                "channel": "in_person",
                "occurred_on": (date.today() - timedelta(days=days_ago)).isoformat(),
            },
            headers=keys.manager,
        )
        assert met.status_code == 201, met.text
    _drain_queue(committed_engine)  # ranks the request (worker) and computes network trust

    waiting = matching.get(f"/v1/requests/{request_id}/matches", headers=keys.manager)
    assert waiting.status_code == 200, waiting.text
    assert {r["freelancer_id"] for r in waiting.json()["results"]} == {vouched_id, other_id}

    before = _score(matching, keys, request_id, vouched_id)
    vouch = referrals.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": jan,
            "freelancer_id": vouched_id,
            "channel": "worked_together",
            "last_met_on": (date.today() - timedelta(days=60)).isoformat(),
            "recommendation": "strong",
            "worked_together": {"where": "DB Systel", "from": "2024-01-01", "to": "2024-12-31"},
            "statement": "Best platform engineer I worked with.",
        },
        headers=keys.manager,
    )
    assert vouch.status_code == 201, vouch.text
    _drain_queue(committed_engine)
    trust = referrals.get(f"/v1/freelancers/{vouched_id}/trust", headers=keys.manager).json()
    assert trust["score"] > 0
    assert any("Anna Berg" in path for path in trust["paths"])

    after_strong = _score(matching, keys, request_id, vouched_id)
    assert after_strong > before
    run = matching.post(f"/v1/requests/{request_id}/matches", json={}, headers=keys.manager)
    top = run.json()["results"][0]
    assert top["freelancer_id"] == vouched_id
    assert top["explanation"]["trust_paths"]

    # A second, weaker but still positive in-person vouch must not lower the score.
    bea = referrals.post(
        "/v1/contacts", json={"name": "Bea Roth", "internal": True}, headers=keys.admin
    ).json()["id"]
    second = referrals.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": bea,
            "freelancer_id": vouched_id,
            "channel": "in_person",
            "last_met_on": (date.today() - timedelta(days=5)).isoformat(),
            "recommendation": "yes",
        },
        headers=keys.manager,
    )
    assert second.status_code == 201, second.text
    _drain_queue(committed_engine)
    assert _score(matching, keys, request_id, vouched_id) >= after_strong

    # Review workflow to a placement; the referrals worker credits source and vouches.
    for decision in ("shortlisted", "presented"):
        review = matching.post(
            "/v1/reviews",
            json={"request_id": request_id, "freelancer_id": vouched_id, "decision": decision},
            headers=keys.manager,
        )
        assert review.status_code == 201, review.text
    candidates = matching.get(f"/v1/requests/{request_id}/candidates", headers=keys.client_a)
    assert candidates.status_code == 200
    assert [c["freelancer_id"] for c in candidates.json()["candidates"]] == [vouched_id]
    assert "score" not in candidates.text
    assert (
        matching.get(f"/v1/requests/{request_id}/candidates", headers=keys.client_b).status_code
        == 404
    )
    placement = matching.post(
        "/v1/placements",
        json={
            "request_id": request_id,
            "freelancer_id": vouched_id,
            "start_date": (date.today() + timedelta(days=30)).isoformat(),
            "day_rate": 880,
        },
        headers=keys.manager,
    )
    assert placement.status_code == 201, placement.text
    _drain_queue(committed_engine)
    with Session(committed_engine) as session:
        attribution = session.scalar(
            select(ReferralAttribution).where(
                ReferralAttribution.placement_id == placement.json()["id"]
            )
        )
        assert attribution is not None
        assert attribution.source_type == "referral"
        assert len(attribution.vouches) == 2
    # Intake marks the request filled (through the queue); it can no longer be edited.
    filled = intake.get(f"/v1/requests/{request_id}", headers=keys.client_a)
    assert filled.json()["status"] == "filled"
    edit = intake.patch(f"/v1/requests/{request_id}", json={"title": "x"}, headers=keys.client_a)
    assert edit.status_code == 409
