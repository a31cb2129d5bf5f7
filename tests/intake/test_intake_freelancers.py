"""Freelancer profiles: create, read, change, list with filters, access, validation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from services.intake.main import app
from shared.models import (
    AuditEntry,
    Freelancer,
    FreelancerLanguage,
    FreelancerSkill,
    FreelancerUnrecognisedSkill,
)
from tests.support.keys import TestKeys, make_keys

MakeBody = Callable[..., dict[str, Any]]
TABLES = (Freelancer, FreelancerSkill, FreelancerUnrecognisedSkill, FreelancerLanguage)


def test_manager_creates_a_profile_and_reads_it_back(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, session: Session
) -> None:
    body = freelancer_body(
        skills=[
            {"name": "python3", "level": 5, "years": 10, "last_used": 2025},
            {"name": "Kubernetis", "level": 3},
        ]
    )
    response = intake.post("/v1/freelancers", json=body, headers=keys.manager)

    assert response.status_code == 201, response.text
    created = response.json()
    assert created["skills"] == [
        {
            "name": "Python",
            "slug": "python",
            "input": "python3",
            "version": "3",
            "level": 5,
            "years": 10.0,
            "last_used": 2025,
        }
    ]
    [unknown] = created["unrecognised_skills"]
    suggestions = unknown.pop("suggestions")
    assert unknown == {"name": "Kubernetis", "level": 3, "years": None, "last_used": None}
    assert suggestions[0] == "Kubernetes" and len(suggestions) <= 3
    assert created["engagement"] == "either"
    assert created["source"] == {"type": "referral", "detail": "Anna, ex-colleague at Otto"}
    assert created["consent"] == {
        "given_at": "2026-01-15T10:00:00Z",
        "method": "signed form",
        "withdrawn_at": None,
    }
    assert created["languages"] == [
        {"code": "de", "level": "native"},
        {"code": "en", "level": "C1"},
    ]

    stored = session.get(Freelancer, created["id"])
    assert stored is not None
    assert stored.engagement == ["freelance", "permanent"]
    assert (stored.source_type, stored.consent_method) == ("referral", "signed form")
    read_back = intake.get(f"/v1/freelancers/{created['id']}", headers=keys.manager).json()
    assert read_back["unrecognised_skills"][0].pop("suggestions") == suggestions
    # The 201 adds the duplicate check (nothing found here) to the stored profile.
    assert created.pop("possible_duplicates") == []
    assert created["warnings"] == read_back["warnings"] == []
    assert read_back == created
    actions = session.scalars(
        select(AuditEntry.action).where(
            AuditEntry.entity == "freelancer", AuditEntry.entity_id == str(created["id"])
        )
    ).all()
    assert sorted(actions) == ["create", "read"]


def test_email_is_unique_regardless_of_case(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, count_rows: Callable[[type], int]
) -> None:
    first = intake.post("/v1/freelancers", json=freelancer_body(), headers=keys.manager).json()
    before = [count_rows(t) for t in TABLES]
    response = intake.post(
        "/v1/freelancers",
        json=freelancer_body(email="JAN.Berger@Example.com", name="Someone else"),
        headers=keys.manager,
    )
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["existing_id"] == first["id"]
    assert [count_rows(t) for t in TABLES] == before


def test_clients_cannot_touch_profiles(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, count_rows: Callable[[type], int]
) -> None:
    created = intake.post("/v1/freelancers", json=freelancer_body(), headers=keys.manager).json()
    assert (
        intake.post(
            "/v1/freelancers", json=freelancer_body(email="x@example.com"), headers=keys.client_a
        ).status_code
        == 403
    )
    assert intake.get("/v1/freelancers", headers=keys.client_a).status_code == 403
    assert intake.get(f"/v1/freelancers/{created['id']}", headers=keys.client_a).status_code == 403
    assert (
        intake.patch(
            f"/v1/freelancers/{created['id']}", json={"name": "x"}, headers=keys.client_a
        ).status_code
        == 403
    )
    files = {"file": ("f.csv", b"name,email,consent_given_at,consent_method\n", "text/csv")}
    assert (
        intake.post("/v1/freelancers/import", files=files, headers=keys.client_a).status_code == 403
    )
    assert intake.get("/v1/freelancers").status_code == 401
    assert count_rows(Freelancer) == 1


INVALID: dict[str, tuple[dict[str, Any], str]] = {
    "no consent": ({"consent": None}, "consent"),
    "consent in the future": (
        {"consent": {"given_at": "2999-01-01T00:00:00Z", "method": "form"}},
        "consent.given_at",
    ),
    "consent without method": ({"consent": {"given_at": "2026-01-01T00:00:00Z"}}, "consent.method"),
    "bad email": ({"email": "not-an-email"}, "email"),
    "summary over 100000": ({"summary": "y" * 100_001}, "summary"),
    "day rate zero": ({"day_rate": 0}, "day_rate"),
    "skill level 6": ({"skills": [{"name": "Python", "level": 6}]}, "skills.0.level"),
    "skill used in the future": (
        {"skills": [{"name": "Python", "level": 3, "last_used": date.today().year + 1}]},
        "skills.0.last_used",
    ),
    "skill name without letters": ({"skills": [{"name": "!!!", "level": 3}]}, "skills.0.name"),
    "unknown language": ({"languages": [{"code": "qq", "level": "B2"}]}, "languages.0.code"),
    "unknown language level": (
        {"languages": [{"code": "de", "level": "fluent"}]},
        "languages.0.level",
    ),
    "language twice": (
        {"languages": [{"code": "de", "level": "B2"}, {"code": "de", "level": "C1"}]},
        "languages",
    ),
    "unknown source type": ({"source": {"type": "linkedin"}}, "source.type"),
    "unknown engagement": ({"engagement": "contract"}, "engagement"),
    "unknown field": ({"nickname": "JB"}, "nickname"),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_profiles_are_a_422_naming_the_field_and_store_nothing(
    case: str,
    intake: TestClient,
    keys: TestKeys,
    freelancer_body: MakeBody,
    count_rows: Callable[[type], int],
) -> None:
    overrides, field = INVALID[case]
    body = freelancer_body(**overrides)
    if body.get("consent", "") is None:
        del body["consent"]
    before = [count_rows(t) for t in TABLES]
    response = intake.post("/v1/freelancers", json=body, headers=keys.manager)
    assert response.status_code == 422, response.text
    assert field in [e["field"] for e in response.json()["errors"]], response.json()
    assert [count_rows(t) for t in TABLES] == before


def test_patch_replaces_skills_and_refuses_a_taken_email(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody
) -> None:
    jan = intake.post("/v1/freelancers", json=freelancer_body(), headers=keys.manager).json()
    intake.post(
        "/v1/freelancers", json=freelancer_body(email="eva@example.com"), headers=keys.manager
    )
    path = f"/v1/freelancers/{jan['id']}"

    changed = intake.patch(
        path,
        json={"skills": [{"name": "golang", "level": 4}], "day_rate": None, "remote": "onsite"},
        headers=keys.manager,
    )
    assert changed.status_code == 200, changed.text
    assert [s["name"] for s in changed.json()["skills"]] == ["Go"]
    assert changed.json()["day_rate"] is None
    assert changed.json()["remote"] == "onsite"
    assert changed.json()["languages"] == jan["languages"]

    taken = intake.patch(path, json={"email": "EVA@example.com"}, headers=keys.manager)
    assert taken.status_code == 409
    same_person = intake.patch(path, json={"email": "Jan.Berger@example.com"}, headers=keys.manager)
    assert same_person.status_code == 200
    assert (
        intake.patch("/v1/freelancers/999999", json={"name": "x"}, headers=keys.manager).status_code
        == 404
    )


def test_any_write_bumps_updated_at(committed_engine: Engine, freelancer_body: MakeBody) -> None:
    with Session(committed_engine) as session, session.begin():
        keys = make_keys(session)
    client = TestClient(app)
    created = client.post("/v1/freelancers", json=freelancer_body(), headers=keys.manager).json()
    path = f"/v1/freelancers/{created['id']}"

    skills_only = client.patch(
        path, json={"skills": [{"name": "Rust", "level": 2}]}, headers=keys.manager
    ).json()
    languages_only = client.patch(
        path, json={"languages": [{"code": "fr", "level": "B1"}]}, headers=keys.manager
    ).json()

    assert created["updated_at"] < skills_only["updated_at"] < languages_only["updated_at"]
    assert languages_only["created_at"] == created["created_at"]


def test_list_filters(intake: TestClient, keys: TestKeys, freelancer_body: MakeBody) -> None:
    soon = (date.today() + timedelta(days=10)).isoformat()
    later = (date.today() + timedelta(days=90)).isoformat()
    people = {
        "anna": freelancer_body(
            email="anna@example.com",
            skills=[{"name": "React.js", "level": 4}],
            available_from=soon,
            day_rate=700,
            location={"city": "München", "country": "DE"},
            remote="onsite",
            languages=[{"code": "de", "level": "native"}],
        ),
        "ben": freelancer_body(
            email="ben@example.com",
            skills=[{"name": "react", "level": 3}, {"name": "Go", "level": 5}],
            available_from=later,
            day_rate=1100,
            location={"city": "Vienna", "country": "AT"},
            remote="remote",
            languages=[{"code": "en", "level": "C2"}],
        ),
        "cem": freelancer_body(
            email="cem@example.com",
            skills=[{"name": "Go", "level": 4}],
            available_from=None,
            day_rate=None,
            location=None,
            remote="hybrid",
            languages=[],
        ),
    }
    ids = {
        name: intake.post("/v1/freelancers", json=body, headers=keys.manager).json()["id"]
        for name, body in people.items()
    }

    def names(**params: Any) -> set[str]:
        response = intake.get("/v1/freelancers", params=params, headers=keys.manager)
        assert response.status_code == 200, response.text
        found = {item["id"] for item in response.json()["items"]}
        return {name for name, id_ in ids.items() if id_ in found}

    assert names(skill="ReactJS") == {"anna", "ben"}
    assert names(skill="golang") == {"ben", "cem"}
    assert names(available_by=(date.today() + timedelta(days=30)).isoformat()) == {"anna", "cem"}
    assert names(max_rate=800) == {"anna"}
    assert names(remote="remote") == {"ben"}
    assert names(language="EN") == {"ben"}
    assert names(location="de") == {"anna"}
    assert names(location="vienna") == {"ben"}
    assert names(skill="react", max_rate=2000, location="AT") == {"ben"}

    first = intake.get("/v1/freelancers", params={"limit": 2}, headers=keys.manager).json()
    rest = intake.get(
        "/v1/freelancers", params={"limit": 2, "cursor": first["next_cursor"]}, headers=keys.manager
    ).json()
    assert [i["id"] for i in first["items"] + rest["items"]] == [
        ids["cem"],
        ids["ben"],
        ids["anna"],
    ]
    assert rest["next_cursor"] is None

    bad = intake.get("/v1/freelancers", params={"language": "xx"}, headers=keys.manager)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "language"


def test_list_by_ids_returns_exactly_those_profiles(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody
) -> None:
    ids = [
        intake.post(
            "/v1/freelancers",
            json=freelancer_body(email=f"ids-{n}@example.com"),
            headers=keys.manager,
        ).json()["id"]
        for n in range(3)
    ]
    page = intake.get(
        "/v1/freelancers", params=[("id", ids[0]), ("id", ids[2])], headers=keys.manager
    )
    assert page.status_code == 200
    assert sorted(item["id"] for item in page.json()["items"]) == [ids[0], ids[2]]
    too_many = intake.get(
        "/v1/freelancers", params=[("id", n) for n in range(1, 102)], headers=keys.manager
    )
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["field"] == "id"
