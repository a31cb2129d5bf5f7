"""The workflow the business signs: closed requests, headcount, ranked-or-manual, overlaps."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.intake.jobs import fill_request
from shared.models import Placement, Review, StaffingRequest
from tests.support.keys import TestKeys


def decide(
    api: TestClient,
    keys: TestKeys,
    request_id: int,
    freelancer_id: int,
    decision: str,
    **extra: Any,
) -> Any:
    body = {"request_id": request_id, "freelancer_id": freelancer_id, "decision": decision, **extra}
    return api.post("/v1/reviews", json=body, headers=keys.manager)


def place(
    api: TestClient, keys: TestKeys, request_id: int, freelancer_id: int, **extra: Any
) -> Any:
    body = {
        "request_id": request_id,
        "freelancer_id": freelancer_id,
        "start_date": "2027-01-01",
        "day_rate": "650.00",
        **extra,
    }
    return api.post("/v1/placements", json=body, headers=keys.manager)


def test_presenting_needs_a_ranking_or_a_deliberate_addition(
    api: TestClient, keys: TestKeys, session: Session, world: Any
) -> None:
    person = world.freelancer(skills={"mt-python": 4})
    request = world.request(skills={"mt-python": (True, 3, 1.0)})

    never_ranked = decide(api, keys, request.id, person.id, "presented")
    assert never_ranked.status_code == 409
    assert "added_manually" in never_ranked.json()["detail"]
    no_reason = decide(api, keys, request.id, person.id, "presented", added_manually=True)
    assert no_reason.status_code == 422
    assert no_reason.json()["errors"][0]["field"] == "reason"
    not_a_bool = decide(
        api, keys, request.id, person.id, "presented", added_manually="yes", reason="x"
    )
    assert not_a_bool.status_code == 422

    added = decide(
        api,
        keys,
        request.id,
        person.id,
        "presented",
        added_manually=True,
        reason="The client asked for her by name.",
    )
    assert added.status_code == 201, added.text
    assert added.json()["added_manually"] is True
    assert session.scalar(select(func.count()).select_from(Review)) == 1


def test_a_ranked_candidate_can_be_shortlisted_then_presented(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    person = world.freelancer(skills={"mt-python": 4})
    request = world.request(skills={"mt-python": (True, 3, 1.0)})
    assert decide(api, keys, request.id, person.id, "shortlisted").status_code == 201
    assert decide(api, keys, request.id, person.id, "presented").status_code == 409
    world.ranked(request, person)
    assert decide(api, keys, request.id, person.id, "presented").status_code == 201


def test_nothing_goes_forward_on_a_filled_request(
    api: TestClient, keys: TestKeys, session: Session, world: Any
) -> None:
    first, second, third = (world.freelancer(skills={"mt-python": 4}) for _ in range(3))
    request = world.request(skills={"mt-python": (True, 3, 1.0)})
    world.ranked(request, first, second, third)
    for person in (first, second):
        assert decide(api, keys, request.id, person.id, "presented").status_code == 201
    assert place(api, keys, request.id, first.id).status_code == 201

    # Filled by its one placement even before intake's worker sets the status.
    assert session.get_one(StaffingRequest, request.id).status == "open"
    late = decide(api, keys, request.id, third.id, "presented")
    assert late.status_code == 409
    assert late.json()["headcount"] == 1
    assert decide(api, keys, request.id, second.id, "interviewed").status_code == 409
    assert place(api, keys, request.id, second.id).status_code == 409
    # Saying no is still possible.
    declined = decide(api, keys, request.id, second.id, "declined", reason="position filled")
    assert declined.status_code == 201
    assert session.scalar(select(func.count()).select_from(Placement)) == 1

    fill_request(session, {"request_id": request.id})
    session.expire_all()
    assert session.get_one(StaffingRequest, request.id).status == "filled"


def test_a_request_with_headcount_two_takes_two_placements(
    api: TestClient, keys: TestKeys, session: Session, world: Any
) -> None:
    people = [world.freelancer(skills={"mt-python": 4}) for _ in range(3)]
    request = world.request(skills={"mt-python": (True, 3, 1.0)})
    request.headcount = 2
    session.flush()
    world.ranked(request, *people)
    for person in people:
        assert decide(api, keys, request.id, person.id, "presented").status_code == 201

    assert place(api, keys, request.id, people[0].id).status_code == 201
    fill_request(session, {"request_id": request.id})
    session.expire_all()
    assert session.get_one(StaffingRequest, request.id).status == "open"

    assert place(api, keys, request.id, people[1].id).status_code == 201
    assert place(api, keys, request.id, people[2].id).status_code == 409
    fill_request(session, {"request_id": request.id})
    session.expire_all()
    assert session.get_one(StaffingRequest, request.id).status == "filled"


def test_cancelled_request_takes_no_decision(api: TestClient, keys: TestKeys, world: Any) -> None:
    person = world.freelancer(skills={"mt-python": 4})
    request = world.request(skills={"mt-python": (True, 3, 1.0)}, status="cancelled")
    world.ranked(request, person)
    assert decide(api, keys, request.id, person.id, "presented").status_code == 409
    assert decide(api, keys, request.id, person.id, "rejected", reason="r").status_code == 409


def ranked_ids(api: TestClient, keys: TestKeys, request_id: int) -> set[int]:
    response = api.post(
        f"/v1/requests/{request_id}/matches", json={"top_k": 50}, headers=keys.manager
    )
    assert response.status_code == 201, response.text
    return {r["freelancer_id"] for r in response.json()["results"]}


def test_a_placement_makes_the_freelancer_unavailable_for_overlapping_dates(
    api: TestClient, keys: TestKeys, session: Session, world: Any
) -> None:
    busy = world.freelancer(skills={"mt-python": 5})
    free = world.freelancer(skills={"mt-python": 4})
    start = date.today() + timedelta(days=30)
    placed_on = world.request(skills={"mt-python": (True, 3, 1.0)}, start_date=start)
    overlapping = world.request(
        skills={"mt-python": (True, 3, 1.0)}, start_date=start + timedelta(days=60)
    )
    after = world.request(
        skills={"mt-python": (True, 3, 1.0)}, start_date=start + timedelta(days=200)
    )
    assert {busy.id, free.id} <= ranked_ids(api, keys, overlapping.id)

    world.ranked(placed_on, busy)
    assert decide(api, keys, placed_on.id, busy.id, "presented").status_code == 201
    response = place(
        api,
        keys,
        placed_on.id,
        busy.id,
        start_date=start.isoformat(),
        end_date=(start + timedelta(days=150)).isoformat(),
    )
    assert response.status_code == 201, response.text

    assert busy.id not in ranked_ids(api, keys, overlapping.id)
    assert free.id in ranked_ids(api, keys, overlapping.id)
    assert busy.id in ranked_ids(api, keys, after.id)

    # Without an end date the placed request's duration (here 12 months) is assumed.
    placement = session.get_one(Placement, response.json()["id"])
    placement.end_date = None
    placed_on.duration_months = 12
    session.flush()
    assert busy.id not in ranked_ids(api, keys, after.id)
    # A cancelled placement blocks nothing.
    placement.outcome = "cancelled"
    session.flush()
    assert busy.id in ranked_ids(api, keys, overlapping.id)
