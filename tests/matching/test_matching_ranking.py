"""Ranking through the API: must-haves, contributions, filters, determinism, explanations."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.support.keys import TestKeys

PY_JAVA = {"mt-python": (True, 3, 2.0), "mt-sql": (True, 3, 1.0), "mt-docker": (False, 3, 1.0)}


def rank(api: TestClient, keys: TestKeys, request_id: int, **body: Any) -> dict[str, Any]:
    response = api.post(
        f"/v1/requests/{request_id}/matches", json=body or None, headers=keys.manager
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def ids(run: dict[str, Any]) -> list[int]:
    return [r["freelancer_id"] for r in run["results"]]


def test_complete_must_haves_outrank_an_otherwise_identical_profile_missing_one(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    missing = world.freelancer(
        skills={"mt-python": 5, "mt-docker": 5}, trust={"best_in_person_vouch": 1}
    )
    complete = world.freelancer(skills={"mt-python": 3, "mt-sql": 3})
    request = world.request(skills=PY_JAVA)

    run = rank(api, keys, request.id)

    assert ids(run) == [complete.id, missing.id]
    by_id = {r["freelancer_id"]: r for r in run["results"]}
    assert by_id[complete.id]["contributions"]["must_have_missing"] == 0
    penalty = by_id[missing.id]["contributions"]["must_have_missing"]
    assert penalty < -1
    assert [s["name"] for s in by_id[missing.id]["explanation"]["missing_skills"]] == [
        "mt-sql (test)"
    ]


def test_contributions_add_up_to_the_score_for_every_result(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    world.relate("mt-mysql", "mt-sql", 0.6)
    for level in (1, 3, 5):
        world.freelancer(
            skills={"mt-python": (level, 4.0, 2024), "mt-mysql": 4},
            trust={
                "best_in_person_vouch": level / 5,
                "trusted_warnings": 1,
                "attested_quality": -1,
            },
            summary="python and sql developer",
            day_rate=500 + level * 30,
            available_from=date.today() + timedelta(days=35),
        )
    request = world.request(skills=PY_JAVA, description="python sql")

    run = rank(api, keys, request.id, top_k=10)

    assert len(run["results"]) == 3
    for result in run["results"]:
        assert math.isclose(sum(result["contributions"].values()), result["score"], abs_tol=1e-9)
        assert "bias" in result["contributions"]
    scores = [r["score"] for r in run["results"]]
    assert scores == sorted(scores, reverse=True)


def test_hard_filters_exclude_unavailable_over_budget_and_missing_language(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    start = date.today() + timedelta(days=30)
    skills: dict[str, Any] = {"mt-python": 4, "mt-sql": 4}
    good = world.freelancer(skills=skills, languages={"de": "C1"}, day_rate=600)
    within_tolerance = world.freelancer(skills=skills, languages={"de": "B2"}, day_rate=660)
    available_in_tolerance = world.freelancer(
        skills=skills, languages={"de": "native"}, available_from=start + timedelta(days=14)
    )
    excluded = [
        world.freelancer(skills=skills, languages={"de": "C1"}, day_rate=660.01),
        world.freelancer(
            skills=skills, languages={"de": "C1"}, available_from=start + timedelta(days=15)
        ),
        world.freelancer(skills=skills, languages={"en": "C2"}),
        world.freelancer(skills=skills, languages={"de": "B1"}),
        world.freelancer(skills=skills, languages={"de": "C1"}, engagement=("permanent",)),
    ]
    request = world.request(skills=PY_JAVA, start_date=start, max_day_rate=600, languages=("de",))

    run = rank(api, keys, request.id, top_k=50)

    assert set(ids(run)) == {good.id, within_tolerance.id, available_in_tolerance.id}
    assert not set(ids(run)) & {p.id for p in excluded}


def test_location_rules_for_onsite_hybrid_and_remote_requests(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    skills: dict[str, Any] = {"mt-python": 4, "mt-sql": 4}
    berlin = world.freelancer(skills=skills, remote="onsite", city="Berlin")
    munich = world.freelancer(skills=skills, remote="hybrid", city="Munich")
    unknown_city = world.freelancer(skills=skills, remote="hybrid", city=None)
    remote_only = world.freelancer(skills=skills, remote="remote", city="Berlin")
    vienna = world.freelancer(skills=skills, remote="onsite", country="AT", city="Vienna")

    onsite = world.request(skills=PY_JAVA, remote="onsite", country="DE", city="berlin")
    hybrid = world.request(skills=PY_JAVA, remote="hybrid", country="DE")
    remote = world.request(skills=PY_JAVA, remote="remote", country="DE")

    assert set(ids(rank(api, keys, onsite.id))) == {berlin.id, unknown_city.id}
    assert set(ids(rank(api, keys, hybrid.id))) == {
        berlin.id,
        munich.id,
        unknown_city.id,
        remote_only.id,
    }
    assert set(ids(rank(api, keys, remote.id))) == {
        berlin.id,
        munich.id,
        unknown_city.id,
        remote_only.id,
        vienna.id,
    }


def test_same_data_same_ranking_and_ties_broken_by_freelancer_id(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    twins = [world.freelancer(skills={"mt-python": 4, "mt-sql": 4}) for _ in range(4)]
    stronger = world.freelancer(skills={"mt-python": 5, "mt-sql": 5, "mt-docker": 4})
    request = world.request(skills=PY_JAVA)

    first, second = rank(api, keys, request.id), rank(api, keys, request.id)

    assert ids(first) == [stronger.id, *sorted(p.id for p in twins)]
    assert [(r["freelancer_id"], r["score"]) for r in first["results"]] == [
        (r["freelancer_id"], r["score"]) for r in second["results"]
    ]
    assert first["run_id"] != second["run_id"]


def test_explanation_lists_skills_related_credit_trust_paths_and_a_summary(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    world.relate("mt-postgres", "mt-sql", 0.5)
    person = world.freelancer(
        skills={"mt-python": (5, 6.0, 2025), "mt-postgres": 4},
        trust={"best_in_person_vouch": 0.9, "in_person_vouchers": 2},
        paths=[
            "Anna met Jan in person in March 2026 and worked with him at Acme.",
            {"sentence": "Ben vouches for Jan."},
        ],
    )
    request = world.request(skills=PY_JAVA)

    result = rank(api, keys, request.id)["results"][0]

    assert result["freelancer_id"] == person.id
    explanation = result["explanation"]
    assert explanation["matched_skills"] == [
        {
            "name": "mt-python (test)",
            "required_level": 3,
            "level": 5,
            "must_have": True,
            "source": "profile",
            "years": 6.0,
            "last_used": 2025,
            "from_request_text": False,
            "in_catalogue": True,
            "note": None,
        }
    ]
    assert {s["name"] for s in explanation["missing_skills"]} == {
        "mt-sql (test)",
        "mt-docker (test)",
    }
    assert explanation["related_credit"] == [
        {"skill": "mt-sql (test)", "via": "mt-postgres (test)", "level": 4, "credit": 0.5}
    ]
    assert explanation["trust_paths"] == [
        "Anna met Jan in person in March 2026 and worked with him at Acme.",
        "Ben vouches for Jan.",
    ]
    assert explanation["summary"].startswith("Meets 1 of 2 must-have skills")
    assert result["contributions"]["related_skill_credit"] > 0


def test_profile_text_counts_for_skills_only_named_in_prose(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    plain = world.freelancer(skills={"mt-python": 4}, summary="I build websites.")
    prose = world.freelancer(
        skills={"mt-python": 4}, summary="Kafka streaming pipelines, kafka connect"
    )
    request = world.request(
        skills={"mt-python": (True, 3, 1.0)}, description="We need Kafka streaming experience"
    )

    run = rank(api, keys, request.id)

    assert ids(run) == [prose.id, plain.id]
    assert run["results"][0]["contributions"]["text_similarity"] > 0


def test_match_run_validation_errors_and_lookups(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    world.freelancer(skills={"mt-python": 4, "mt-sql": 4})
    request = world.request(skills=PY_JAVA)
    cancelled = world.request(skills=PY_JAVA, status="cancelled")

    for bad in (0, 201, "many"):
        response = api.post(
            f"/v1/requests/{request.id}/matches", json={"top_k": bad}, headers=keys.manager
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "top_k"
    assert api.post("/v1/requests/999999999/matches", headers=keys.manager).status_code == 404
    assert api.post(f"/v1/requests/{cancelled.id}/matches", headers=keys.manager).status_code == 409
    missing = api.get(f"/v1/requests/{request.id}/matches", headers=keys.manager)
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")

    run = rank(api, keys, request.id)
    assert run["model_version"].startswith("prior-")
    assert run["top_k"] == 20
    latest = api.get(f"/v1/requests/{request.id}/matches", headers=keys.manager).json()
    assert latest == run
    assert api.get(f"/v1/match-runs/{run['run_id']}", headers=keys.admin).json() == run
    assert api.get("/v1/match-runs/999999999", headers=keys.manager).status_code == 404


def test_top_k_also_as_query_parameter_and_no_body(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    for _ in range(3):
        world.freelancer(skills={"mt-python": 4, "mt-java": 4})
    request = world.request(skills=PY_JAVA)
    no_body = api.post(f"/v1/requests/{request.id}/matches", headers=keys.manager)
    assert no_body.status_code == 201
    assert no_body.json()["top_k"] == 20
    query = api.post(f"/v1/requests/{request.id}/matches?top_k=2", headers=keys.manager)
    assert query.status_code == 201
    assert query.json()["top_k"] == 2
    assert len(query.json()["results"]) == 2
    too_many = api.post(f"/v1/requests/{request.id}/matches?top_k=201", headers=keys.manager)
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["field"] == "top_k"


def test_clients_cannot_read_scores_runs_models_or_reviews(
    api: TestClient, keys: TestKeys, world: Any
) -> None:
    world.freelancer(skills={"mt-python": 4, "mt-sql": 4})
    request = world.request(skills=PY_JAVA)
    run = rank(api, keys, request.id)

    for method, path in [
        ("post", f"/v1/requests/{request.id}/matches"),
        ("get", f"/v1/requests/{request.id}/matches"),
        ("get", f"/v1/match-runs/{run['run_id']}"),
        ("get", "/v1/models"),
        ("post", "/v1/models/train"),
        ("get", f"/v1/requests/{request.id}/reviews"),
    ]:
        response = api.request(method, path, headers=keys.client_a)
        assert response.status_code == 403, path
        assert "score" not in response.text
    assert api.get(f"/v1/requests/{request.id}/matches").status_code == 401
