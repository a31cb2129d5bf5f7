"""GET /v1/requests/{id}/matches/explain?freelancer_id=N: why (not) this freelancer."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.matching.test_matching_ranking import PY_JAVA, ids, rank
from tests.support.keys import TestKeys

SKILLS: dict[str, Any] = {"mt-python": 4, "mt-sql": 4}


def explain(
    api: TestClient, keys: TestKeys, request_id: int, freelancer_id: int, **params: Any
) -> Any:
    response = api.get(
        f"/v1/requests/{request_id}/matches/explain",
        params={"freelancer_id": freelancer_id, **params},
        headers=keys.manager,
    )
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (
            {"day_rate": 1200},
            {"filter": "day_rate", "freelancer": 1200.0, "request": "≤ 990.00 (900 + 10 %)"},
        ),
        (
            {"available_from": date(2030, 2, 1)},
            {
                "filter": "availability",
                "freelancer": "available from 2030-02-01",
                "request": "on or before 2030-01-15 (start 2030-01-01 + 14 days)",
            },
        ),
        (
            {"engagement": ("permanent",)},
            {"filter": "engagement", "freelancer": "permanent", "request": "freelance"},
        ),
        (
            {"languages": {"de": "B1"}},
            {"filter": "language", "freelancer": "de B1", "request": "de B2 or better"},
        ),
        (
            {"languages": {"en": "C2"}},
            {"filter": "language", "freelancer": "de not spoken", "request": "de B2 or better"},
        ),
        (
            {"country": "AT", "city": "Vienna", "remote": "onsite"},
            {"filter": "location_country", "freelancer": "AT", "request": "DE"},
        ),
        (
            {"remote": "remote"},
            {"filter": "remote", "freelancer": "remote only", "request": "onsite"},
        ),
        (
            {"city": "Munich", "remote": "hybrid"},
            {"filter": "location_city", "freelancer": "munich", "request": "berlin"},
        ),
    ],
)
def test_each_hard_filter_is_named_with_both_values(
    api: TestClient, keys: TestKeys, world: Any, profile: dict[str, Any], expected: Any
) -> None:
    settings: dict[str, Any] = {
        "skills": SKILLS,
        "languages": {"de": "C1"},
        "remote": "onsite",
        "city": "Berlin",
        **profile,
    }
    person = world.freelancer(**settings)
    request = world.request(
        skills=PY_JAVA,
        start_date=date(2030, 1, 1),
        max_day_rate=900,
        languages=("de",),
        remote="onsite",
        country="DE",
        city="berlin",
    )

    answer = explain(api, keys, request.id, person.id)

    assert answer["status"] == "excluded"
    assert answer["filters"][0] == expected  # the first rule failed (Vienna fails two)
    assert answer["rank"] is None and answer["score"] is None
    assert person.id not in ids(rank(api, keys, request.id, top_k=200))


def test_a_ranked_freelancer_gets_rank_score_and_contributions_as_the_ranking_does(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    people = [world.freelancer(skills={"mt-python": level, "mt-sql": 3}) for level in (5, 4, 3)]
    request = world.request(skills=PY_JAVA)
    run = rank(api, keys, request.id, top_k=2)

    second = explain(api, keys, request.id, people[1].id, top_k=2)
    third = explain(api, keys, request.id, people[2].id, top_k=2)

    assert second["status"] == "ranked" and second["rank"] == 2
    listed = run["results"][1]
    assert second["score"] == listed["score"]
    assert second["contributions"] == listed["contributions"]
    assert second["explanation"] == listed["explanation"]
    assert math.isclose(sum(second["contributions"].values()), second["score"], abs_tol=1e-9)
    assert third["status"] == "not_in_top" and third["rank"] == 3 and third["top_k"] == 2
    assert third["filters"] == []


def test_a_freelancer_showing_no_must_have_is_excluded_by_the_clean_list_rule(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    world.freelancer(skills=SKILLS)
    outsider = world.freelancer(skills={"mt-cobol": 5})
    request = world.request(skills=PY_JAVA)

    answer = explain(api, keys, request.id, outsider.id)

    assert answer["status"] == "excluded"
    assert answer["filters"][0]["filter"] == "must_haves"


def test_unknown_ids_are_404_problems_and_clients_are_refused(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    person = world.freelancer(skills=SKILLS)
    request = world.request(skills=PY_JAVA)
    for path, params in [
        (f"/v1/requests/{request.id}/matches/explain", {"freelancer_id": 999_999_999}),
        ("/v1/requests/999999999/matches/explain", {"freelancer_id": person.id}),
    ]:
        response = api.get(path, params=params, headers=keys.manager)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/problem+json")
    missing = api.get(f"/v1/requests/{request.id}/matches/explain", headers=keys.manager)
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "freelancer_id"
    client = api.get(
        f"/v1/requests/{request.id}/matches/explain",
        params={"freelancer_id": person.id},
        headers=keys.client_a,
    )
    assert client.status_code == 403
