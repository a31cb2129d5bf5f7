"""Review workflow, placements and the client's view of presented candidates."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.models import Job, Placement, Review
from tests.support.keys import TestKeys


def decide(
    api: TestClient,
    keys: TestKeys,
    request_id: int,
    freelancer_id: int,
    decision: str,
    **extra: Any,
) -> Any:
    headers = extra.pop("headers", keys.manager)
    body = {"request_id": request_id, "freelancer_id": freelancer_id, "decision": decision, **extra}
    return api.post("/v1/reviews", json=body, headers=headers)


@pytest.fixture
def pair(world: Any) -> tuple[int, int]:
    person = world.freelancer(skills={"mt-python": 4})
    request = world.request(skills={"mt-python": (True, 3, 1.0)})
    world.ranked(request, person)
    return request.id, person.id


def test_the_happy_path_is_recorded_with_reviewer_and_time(
    api: TestClient, keys: TestKeys, session: Session, pair: tuple[int, int]
) -> None:
    request_id, freelancer_id = pair
    for decision in ("shortlisted", "presented", "interviewed", "placed"):
        response = decide(api, keys, request_id, freelancer_id, decision)
        assert response.status_code == 201, response.text
        assert response.json()["reviewer_key_id"] == keys.manager_key_id

    listed = api.get(f"/v1/requests/{request_id}/reviews", headers=keys.manager).json()
    assert [r["decision"] for r in listed["items"]] == [
        "shortlisted",
        "presented",
        "interviewed",
        "placed",
    ]
    rows = session.scalars(select(Review).where(Review.request_id == request_id)).all()
    assert all(r.created_at is not None and r.reviewer_key_id == keys.manager_key_id for r in rows)


@pytest.mark.parametrize(
    ("history", "decision"),
    [
        ((), "placed"),
        ((), "interviewed"),
        ((), "declined"),
        (("shortlisted",), "placed"),
        (("shortlisted",), "declined"),
        (("shortlisted",), "shortlisted"),
        (("presented", "placed"), "rejected"),
        (("rejected",), "presented"),
    ],
)
def test_illegal_transitions_are_409(
    api: TestClient,
    keys: TestKeys,
    session: Session,
    pair: tuple[int, int],
    history: tuple[str, ...],
    decision: str,
) -> None:
    request_id, freelancer_id = pair
    for earlier in history:
        assert decide(api, keys, request_id, freelancer_id, earlier, reason="r").status_code == 201
    before = session.scalar(select(Review.id).order_by(Review.id.desc()).limit(1))

    response = decide(api, keys, request_id, freelancer_id, decision, reason="because")

    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    assert session.scalar(select(Review.id).order_by(Review.id.desc()).limit(1)) == before


def test_rejected_can_be_reconsidered(
    api: TestClient, keys: TestKeys, pair: tuple[int, int]
) -> None:
    request_id, freelancer_id = pair
    assert (
        decide(api, keys, request_id, freelancer_id, "rejected", reason="rate").status_code == 201
    )
    assert decide(api, keys, request_id, freelancer_id, "shortlisted").status_code == 201


@pytest.mark.parametrize("decision", ["rejected", "declined"])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_reason_required_for_rejected_and_declined(
    api: TestClient, keys: TestKeys, pair: tuple[int, int], decision: str, reason: str | None
) -> None:
    request_id, freelancer_id = pair
    decide(api, keys, request_id, freelancer_id, "presented")

    response = decide(api, keys, request_id, freelancer_id, decision, reason=reason)

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["reason"]


def test_review_lookups_and_permissions(
    api: TestClient, keys: TestKeys, world: Any, pair: tuple[int, int]
) -> None:
    request_id, freelancer_id = pair
    other = world.request(skills={"mt-python": (True, 3, 1.0)})
    cancelled = world.request(status="cancelled")
    assert (
        decide(
            api, keys, request_id, freelancer_id, "shortlisted", headers=keys.client_a
        ).status_code
        == 403
    )
    assert decide(api, keys, 999999999, freelancer_id, "shortlisted").status_code == 404
    assert decide(api, keys, request_id, 999999999, "shortlisted").status_code == 404
    assert decide(api, keys, cancelled.id, freelancer_id, "shortlisted").status_code == 409
    assert decide(api, keys, request_id, freelancer_id, "maybe").status_code == 422
    assert decide(api, keys, request_id, freelancer_id, "shortlisted", extra=1).status_code == 422
    run = api.post(f"/v1/requests/{other.id}/matches", headers=keys.manager).json()
    response = decide(
        api, keys, request_id, freelancer_id, "shortlisted", match_run_id=run["run_id"]
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "match_run_id"


def test_review_post_is_idempotent(
    api: TestClient, keys: TestKeys, session: Session, pair: tuple[int, int]
) -> None:
    request_id, freelancer_id = pair
    body = {"request_id": request_id, "freelancer_id": freelancer_id, "decision": "shortlisted"}
    headers = {**keys.manager, "Idempotency-Key": "review-1"}
    first = api.post("/v1/reviews", json=body, headers=headers)
    second = api.post("/v1/reviews", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert len(session.scalars(select(Review).where(Review.request_id == request_id)).all()) == 1


def test_placement_needs_a_presented_candidate_and_enqueues_attribution(
    api: TestClient, keys: TestKeys, session: Session, pair: tuple[int, int]
) -> None:
    request_id, freelancer_id = pair
    body = {
        "request_id": request_id,
        "freelancer_id": freelancer_id,
        "start_date": "2027-01-01",
        "day_rate": "650.00",
    }
    decide(api, keys, request_id, freelancer_id, "shortlisted")
    assert api.post("/v1/placements", json=body, headers=keys.manager).status_code == 409
    decide(api, keys, request_id, freelancer_id, "presented")

    response = api.post("/v1/placements", json=body, headers=keys.manager)

    assert response.status_code == 201, response.text
    placement = response.json()
    assert placement["outcome"] == "ongoing"
    latest = session.scalars(
        select(Review.decision).where(Review.request_id == request_id).order_by(Review.id.desc())
    ).first()
    assert latest == "placed"
    jobs = session.scalars(select(Job).where(Job.kind == "attribute_placement")).all()
    assert [j.payload for j in jobs] == [{"placement_id": placement["id"]}]
    assert api.post("/v1/placements", json=body, headers=keys.manager).status_code == 409

    patched = api.patch(
        f"/v1/placements/{placement['id']}",
        json={"outcome": "completed", "client_rating": 5, "end_date": "2027-06-30"},
        headers=keys.manager,
    )
    assert patched.status_code == 200
    assert (patched.json()["outcome"], patched.json()["client_rating"]) == ("completed", 5)
    bad = api.patch(
        f"/v1/placements/{placement['id']}", json={"end_date": "2026-01-01"}, headers=keys.manager
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "end_date"
    assert (
        api.patch(
            f"/v1/placements/{placement['id']}", json={"outcome": None}, headers=keys.manager
        ).status_code
        == 422
    )
    stored = session.get(Placement, placement["id"])
    assert stored is not None and stored.outcome == "completed"


def test_placement_validation_and_permissions(
    api: TestClient, keys: TestKeys, pair: tuple[int, int]
) -> None:
    request_id, freelancer_id = pair
    decide(api, keys, request_id, freelancer_id, "presented")
    base = {
        "request_id": request_id,
        "freelancer_id": freelancer_id,
        "start_date": "2027-01-01",
        "day_rate": "650.00",
    }
    ended_before = api.post(
        "/v1/placements", json={**base, "end_date": "2026-12-31"}, headers=keys.manager
    )
    assert ended_before.status_code == 422
    assert ended_before.json()["errors"][0]["field"] == "end_date"
    for field, value in (("day_rate", "-5"), ("client_rating", 6), ("outcome", "great")):
        response = api.post("/v1/placements", json={**base, field: value}, headers=keys.manager)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == field
    assert api.post("/v1/placements", json=base, headers=keys.client_a).status_code == 403


def test_clients_see_only_presented_candidates_without_scores(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    request = world.request(skills={"mt-python": (True, 3, 1.0), "mt-sql": (False, 2, 1.0)})
    presented = world.freelancer(
        skills={"mt-python": 5, "mt-sql": 3, "mt-go": 4},
        headline="Senior Python engineer",
        trust={"best_in_person_vouch": 1},
        paths=["Anna vouches."],
    )
    interviewed = world.freelancer(skills={"mt-python": 4})
    shortlisted = world.freelancer(skills={"mt-python": 4})
    rejected_after = world.freelancer(skills={"mt-python": 4})
    world.review(request, presented, "presented")
    world.review(request, interviewed, "presented")
    world.review(request, interviewed, "interviewed")
    world.review(request, shortlisted, "shortlisted")
    world.review(request, rejected_after, "presented")
    world.review(request, rejected_after, "rejected")
    api.post(f"/v1/requests/{request.id}/matches", headers=keys.manager)

    response = api.get(f"/v1/requests/{request.id}/candidates", headers=keys.client_a)

    assert response.status_code == 200
    body = response.json()
    assert [c["freelancer_id"] for c in body["candidates"]] == [presented.id, interviewed.id]
    first = body["candidates"][0]
    assert first["headline"] == "Senior Python engineer"
    assert first["matched_skills"] == [
        {"name": "mt-python (test)", "level": 5, "required_level": 3, "must_have": True},
        {"name": "mt-sql (test)", "level": 3, "required_level": 2, "must_have": False},
    ]
    for word in ("score", "contribution", "vouch", "trust", "Anna"):
        assert word not in response.text
    assert (
        api.get(f"/v1/requests/{request.id}/candidates", headers=keys.client_b).status_code == 404
    )
    not_found = api.get("/v1/requests/999999999/candidates", headers=keys.client_b)
    other_org = api.get(f"/v1/requests/{request.id}/candidates", headers=keys.client_b)
    assert not_found.json()["detail"] == other_org.json()["detail"]
    assert api.get(f"/v1/requests/{request.id}/candidates", headers=keys.manager).status_code == 200


def test_summary_counts_each_freelancers_latest_decision_per_request(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    first, second = (world.freelancer(skills={"mt-python": 4}) for _ in range(2))
    request = world.request(skills={"mt-python": (True, 3, 1.0)})
    other = world.request(skills={"mt-python": (True, 3, 1.0)})
    world.ranked(request, first, second)
    for decision in ("shortlisted", "presented"):
        assert decide(api, keys, request.id, first.id, decision).status_code == 201
    assert decide(api, keys, request.id, second.id, "shortlisted").status_code == 201

    answer = api.get(
        "/v1/reviews/summary",
        params=[("request_id", request.id), ("request_id", other.id)],
        headers=keys.manager,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["items"] == [
        {"request_id": request.id, "decisions": {"presented": 1, "shortlisted": 1}},
        {"request_id": other.id, "decisions": {}},
    ]
    assert api.get("/v1/reviews/summary", headers=keys.manager).status_code == 422
    assert (
        api.get(
            "/v1/reviews/summary", params={"request_id": request.id}, headers=keys.client_a
        ).status_code
        == 403
    )
