"""Likely duplicates are flagged at creation (not refused) and can be merged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.models import Freelancer, FreelancerSkill, MatchRun, Placement, Review, Vouch
from tests.support.keys import TestKeys

CV = (
    "Senior backend engineer. Twelve years of Java and Kotlin in banking, led the migration of "
    "a core payments platform to Kubernetes, introduced contract testing and trunk-based "
    "development, mentors juniors, speaks at JavaLand."
)


def body(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "Jana Novak",
        "email": "jana.novak@example.com",
        "phone": "+49 170 1234567",
        "location": {"city": "Berlin", "country": "DE"},
        "skills": [{"name": "Java", "level": 5}],
        "summary": CV,
        "consent": {"given_at": "2026-01-15T10:00:00Z", "method": "signed form"},
    }
    base.update(overrides)
    return base


def test_likely_duplicates_are_flagged_not_refused(intake: TestClient, keys: TestKeys) -> None:
    first = intake.post("/v1/freelancers", json=body(), headers=keys.manager)
    assert first.status_code == 201
    assert first.json()["possible_duplicates"] == [] and first.json()["warnings"] == []
    first_id = first.json()["id"]

    cases = [
        (
            body(email="jana@private.example", phone="0170/1234567", location=None, summary=""),
            ["same_name_and_phone"],
        ),
        (body(email="j.novak@other.example", phone=None, summary=""), ["same_name_and_city"]),
        (
            body(
                name="J. Novak-Schulz",
                email="js@x.example",
                phone=None,
                location=None,
                summary=CV.replace("Twelve", "12"),
            ),
            ["near_identical_cv"],
        ),
    ]
    for payload, reasons in cases:
        response = intake.post("/v1/freelancers", json=payload, headers=keys.manager)
        assert response.status_code == 201, response.text
        flagged = {d["id"]: d["reasons"] for d in response.json()["possible_duplicates"]}
        assert flagged.get(first_id) == reasons, payload
        duplicate_warnings = [
            w for w in response.json()["warnings"] if w["field"] == "possible_duplicates"
        ]
        assert str(first_id) in duplicate_warnings[0]["message"]

    stranger = intake.post(
        "/v1/freelancers",
        json=body(
            name="Someone Else",
            email="else@example.com",
            phone="+49 30 999999",
            summary="Frontend developer with React.",
        ),
        headers=keys.manager,
    )
    assert stranger.json()["possible_duplicates"] == []


def test_merge_moves_everything_onto_the_surviving_profile(
    session: Session,
    keys: TestKeys,
    world: Any,
    intake: TestClient,
    referrals: TestClient,
    drain: Callable[..., int],
) -> None:
    keep = world.freelancer(skills={"python": 3})
    duplicate = world.freelancer(skills={"python": 5, "sql": 2}, summary="dup text")
    keep.summary = ""
    session.flush()
    referrer = referrals.post("/v1/contacts", json={"name": "Ref"}, headers=keys.manager).json()
    for person in (keep, duplicate):
        assert (
            referrals.post(
                "/v1/vouches",
                json={
                    "referrer_contact_id": referrer["id"],
                    "freelancer_id": person.id,
                    "channel": "phone",
                    "last_met_on": "2026-10-01",
                },
                headers=keys.manager,
            ).status_code
            == 201
        )
    request = world.request()
    world.ranked(request, duplicate)
    world.ranked(request, keep, duplicate)
    world.review(request, duplicate, "presented")
    session.add(
        Placement(
            request_id=request.id,
            freelancer_id=duplicate.id,
            start_date=request.start_date,
            day_rate=500,
        )
    )
    session.flush()

    assert (
        intake.post(
            f"/v1/freelancers/{keep.id}/merge", json={"into": keep.id}, headers=keys.manager
        ).status_code
        == 422
    )
    assert (
        intake.post(
            f"/v1/freelancers/{keep.id}/merge", json={"into": 99999999}, headers=keys.manager
        ).status_code
        == 404
    )
    assert (
        intake.post(
            f"/v1/freelancers/{keep.id}/merge", json={"into": duplicate.id}, headers=keys.client_a
        ).status_code
        == 403
    )
    response = intake.post(
        f"/v1/freelancers/{duplicate.id}/merge", json={"into": keep.id}, headers=keys.manager
    )
    assert response.status_code == 202, response.text
    assert (
        drain(
            "subject_operation_referrals", "subject_operation_matching", "subject_operation_intake"
        )
        == 3
    )
    session.expire_all()

    assert session.get(Freelancer, duplicate.id) is None
    survivor = session.get_one(Freelancer, keep.id)
    assert survivor.summary == "dup text"
    levels = dict(
        session.execute(
            select(FreelancerSkill.skill_id, FreelancerSkill.level).where(
                FreelancerSkill.freelancer_id == keep.id
            )
        ).all()
    )
    assert sorted(levels.values()) == [2, 5]
    assert (
        session.scalar(
            select(func.count()).select_from(Review).where(Review.freelancer_id == keep.id)
        )
        == 1
    )
    assert (
        session.scalar(select(Placement.freelancer_id).where(Placement.request_id == request.id))
        == keep.id
    )
    # The duplicate's result moves to the survivor; a run that ranked both keeps the survivor's.
    runs = session.execute(
        select(MatchRun.freelancer_ids, MatchRun.results)
        .where(MatchRun.request_id == request.id)
        .order_by(MatchRun.id)
    ).all()
    assert [(ids, [r["freelancer_id"] for r in results]) for ids, results in runs] == [
        ([keep.id], [keep.id]),
        ([keep.id], [keep.id]),
    ]
    assert [r["rank"] for r in runs[1].results] == [1]
    vouches = session.execute(
        select(Vouch.freelancer_id, Vouch.status).where(Vouch.referrer_contact_id == referrer["id"])
    ).all()
    assert sorted(v.status for v in vouches) == ["active", "superseded"]
    assert {v.freelancer_id for v in vouches} == {keep.id}
    status = intake.get(
        f"/v1/data-subjects/operations/{response.json()['operation_id']}", headers=keys.admin
    ).json()
    assert status["status"] == "completed" and status["into_id"] == keep.id
