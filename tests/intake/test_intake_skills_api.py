"""Skill look-ups for any key, and admins mapping unrecognised terms onto skills."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from shared.models import Job, Skill, SkillAlias, UnrecognisedTerm
from tests.shared.skills.coverage_sets import GERMAN_LABELS, NONSENSE, QA_TAG_PAIRS, pairs, terms
from tests.shared.skills.test_skills_coverage import TARGET, coverage
from tests.support.keys import TestKeys

MakeBody = Callable[..., dict[str, Any]]


def _skill_id(session: Session, slug: str) -> int:
    skill_id = session.scalar(select(Skill.id).where(Skill.slug == slug))
    assert skill_id is not None
    return skill_id


def test_autocomplete_puts_prefix_matches_first(intake: TestClient, keys: TestKeys) -> None:
    response = intake.get("/v1/skills", params={"q": "kub"}, headers=keys.client_a)
    assert response.status_code == 200
    items = response.json()["items"]
    assert items[0]["name"] == "Kubernetes"
    assert {"id", "slug", "name", "category", "aliases", "custom", "ambiguous"} <= set(items[0])
    assert items[0]["ambiguous"] is False
    go = intake.get("/v1/skills", params={"q": "golang"}, headers=keys.client_a).json()["items"]
    assert (go[0]["name"], go[0]["ambiguous"]) == ("Go", True)
    assert (
        len(
            intake.get("/v1/skills", params={"q": "a", "limit": 3}, headers=keys.client_a).json()[
                "items"
            ]
        )
        == 3
    )
    assert intake.get("/v1/skills", params={"q": "kub"}).status_code == 401
    assert intake.get("/v1/skills", headers=keys.client_a).status_code == 422


def test_resolve_answers_canonical_version_and_suggestions(
    intake: TestClient, keys: TestKeys
) -> None:
    def resolve(name: str) -> dict[str, Any]:
        response = intake.get("/v1/skills/resolve", params={"name": name}, headers=keys.client_b)
        assert response.status_code == 200
        return response.json()

    assert resolve("k8s") == {"canonical": "Kubernetes", "version": None, "suggestions": []}
    assert resolve("Java 17") == {"canonical": "Java", "version": "17", "suggestions": []}
    unknown = resolve("Kubernetis")
    assert unknown["canonical"] is None and unknown["version"] is None
    assert unknown["suggestions"][0] == "Kubernetes" and len(unknown["suggestions"]) <= 3


def test_unrecognised_terms_are_listed_for_admins_only(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, freelancer_body: MakeBody
) -> None:
    intake.post(
        "/v1/requests", json=request_body(skills=[{"name": "Frobnicator"}]), headers=keys.client_a
    )
    intake.post(
        "/v1/freelancers",
        json=freelancer_body(skills=[{"name": "frobnicator", "level": 2}]),
        headers=keys.manager,
    )
    assert intake.get("/v1/skills/unrecognised", headers=keys.manager).status_code == 403
    assert intake.get("/v1/skills/unrecognised", headers=keys.client_a).status_code == 403

    page = intake.get("/v1/skills/unrecognised", headers=keys.admin).json()
    assert page["total"] == 1
    [term] = page["items"]
    assert (term["term"], term["key"], term["occurrences"]) == ("Frobnicator", "frobnicator", 2)
    assert (term["requests"], term["freelancers"]) == (1, 1)


def test_mapping_an_alias_moves_stored_terms_onto_the_skill(
    intake: TestClient,
    keys: TestKeys,
    request_body: MakeBody,
    freelancer_body: MakeBody,
    session: Session,
) -> None:
    request = intake.post(
        "/v1/requests",
        json=request_body(
            skills=[
                {"name": "Python", "must_have": False, "min_level": 2},
                {"name": "Pyhton", "must_have": True, "min_level": 4},
                {"name": "Frobnicator", "weight": 3},
            ]
        ),
        headers=keys.client_a,
    ).json()
    freelancer = intake.post(
        "/v1/freelancers",
        json=freelancer_body(skills=[{"name": "Frobnicator", "level": 4, "years": 2}]),
        headers=keys.manager,
    ).json()
    python_id = _skill_id(session, "python")

    pyhton = intake.post(
        f"/v1/skills/{python_id}/aliases", json={"alias": "Pyhton"}, headers=keys.admin
    )
    assert pyhton.status_code == 201, pyhton.text
    assert pyhton.json()["resolved_term"]["requests_updated"] == 1

    terraform_id = _skill_id(session, "terraform")
    frob_term = session.scalar(
        select(UnrecognisedTerm).where(UnrecognisedTerm.key == "frobnicator")
    )
    assert frob_term is not None
    by_term = intake.post(
        f"/v1/skills/{terraform_id}/aliases", json={"term_id": frob_term.id}, headers=keys.admin
    )
    assert by_term.status_code == 201, by_term.text
    assert by_term.json()["resolved_term"] == {
        "id": frob_term.id,
        "term": "Frobnicator",
        "requests_updated": 1,
        "freelancers_updated": 1,
    }
    assert "Frobnicator" in by_term.json()["skill"]["aliases"]

    stored = intake.get(f"/v1/requests/{request['id']}", headers=keys.client_a).json()
    assert stored["unrecognised_skills"] == []
    skills = {s["name"]: s for s in stored["skills"]}
    # Python was asked twice (once misspelt): the stricter need wins.
    assert (skills["Python"]["must_have"], skills["Python"]["min_level"]) == (True, 4)
    assert (skills["Terraform"]["input"], skills["Terraform"]["weight"]) == ("Frobnicator", 3.0)
    profile = intake.get(f"/v1/freelancers/{freelancer['id']}", headers=keys.manager).json()
    assert [(s["name"], s["level"], s["years"]) for s in profile["skills"]] == [
        ("Terraform", 4, 2.0)
    ]
    assert profile["unrecognised_skills"] == []

    session.expire_all()
    assert frob_term.resolved_skill_id == terraform_id and frob_term.resolved_at is not None
    queued = session.scalars(
        select(Job).where(Job.dedupe_key == str(request["id"]), Job.status == "queued")
    ).all()
    assert len(queued) == 1
    # The running taxonomy knows the new alias at once.
    resolved = intake.get(
        "/v1/skills/resolve", params={"name": "frobnicator"}, headers=keys.client_a
    ).json()
    assert resolved["canonical"] == "Terraform"
    again = intake.post(
        "/v1/requests", json=request_body(skills=[{"name": "FROBNICATOR"}]), headers=keys.client_a
    ).json()
    assert [s["name"] for s in again["skills"]] == ["Terraform"]


def test_an_alias_that_means_another_skill_is_a_409(
    intake: TestClient, keys: TestKeys, session: Session
) -> None:
    python_id = _skill_id(session, "python")
    response = intake.post(
        f"/v1/skills/{python_id}/aliases", json={"alias": "k8s"}, headers=keys.admin
    )
    assert response.status_code == 409
    same = intake.post(
        f"/v1/skills/{python_id}/aliases", json={"alias": "python"}, headers=keys.admin
    )
    assert same.status_code == 200 and same.json()["created"] is False
    assert (
        intake.post(
            "/v1/skills/999999/aliases", json={"alias": "x"}, headers=keys.admin
        ).status_code
        == 404
    )
    neither = intake.post(f"/v1/skills/{python_id}/aliases", json={}, headers=keys.admin)
    assert neither.status_code == 422 and neither.json()["errors"][0]["field"] == "alias"
    manager = intake.post(
        f"/v1/skills/{python_id}/aliases", json={"alias": "snake"}, headers=keys.manager
    )
    assert manager.status_code == 403


def test_admin_adds_a_custom_skill_resolving_a_term(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session
) -> None:
    request = intake.post(
        "/v1/requests",
        json=request_body(skills=[{"name": "Frobnicate Pro 2"}]),
        headers=keys.client_a,
    ).json()
    term = session.scalar(select(UnrecognisedTerm).where(UnrecognisedTerm.key == "frobnicatepro2"))
    assert term is not None

    response = intake.post(
        "/v1/skills",
        json={
            "name": "Frobnicate Pro",
            "category": "tool",
            "aliases": ["FrobPro"],
            "term_id": term.id,
        },
        headers={**keys.admin, "Idempotency-Key": "skill-1"},
    )

    assert response.status_code == 201, response.text
    created = response.json()
    assert created["skill"]["slug"] == "frobnicate-pro" and created["skill"]["custom"] is True
    assert set(created["skill"]["aliases"]) == {"FrobPro", "Frobnicate Pro 2"}
    assert created["resolved_term"]["requests_updated"] == 1
    stored = intake.get(f"/v1/requests/{request['id']}", headers=keys.client_a).json()
    assert [s["name"] for s in stored["skills"]] == ["Frobnicate Pro"]
    resolved = intake.get("/v1/skills/resolve", params={"name": "frob pro"}, headers=keys.client_a)
    assert resolved.json()["canonical"] == "Frobnicate Pro"

    replay = intake.post(
        "/v1/skills",
        json={
            "name": "Frobnicate Pro",
            "category": "tool",
            "aliases": ["FrobPro"],
            "term_id": term.id,
        },
        headers={**keys.admin, "Idempotency-Key": "skill-1"},
    )
    assert replay.status_code == 201 and replay.json() == created
    taken = intake.post(
        "/v1/skills",
        json={"name": "frobnicate-pro", "category": "tool", "slug": "other"},
        headers=keys.admin,
    )
    assert taken.status_code == 409
    category = intake.post(
        "/v1/skills", json={"name": "Zorg", "category": "magic"}, headers=keys.admin
    )
    assert category.status_code == 422 and category.json()["errors"][0]["field"] == "category"


def test_requests_resolve_against_the_tables_not_a_stale_cache(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session
) -> None:
    python_id = _skill_id(session, "python")
    added = intake.post(
        f"/v1/skills/{python_id}/aliases", json={"alias": "Zyxwv"}, headers=keys.admin
    )
    assert added.status_code == 201
    # The process now caches a taxonomy with the alias; remove it behind the API's back.
    session.execute(delete(SkillAlias).where(SkillAlias.key == "zyxwv"))

    unknown = intake.post(
        "/v1/requests", json=request_body(skills=[{"name": "Zyxwv"}]), headers=keys.client_a
    )
    assert unknown.status_code == 201, unknown.text
    assert unknown.json()["skills"] == []
    assert [s["name"] for s in unknown.json()["unrecognised_skills"]] == ["Zyxwv"]
    stored = intake.get(f"/v1/requests/{unknown.json()['id']}", headers=keys.client_a).json()
    assert [s["name"] for s in stored["unrecognised_skills"]] == ["Zyxwv"]

    intake.post(f"/v1/skills/{python_id}/aliases", json={"alias": "Zyxwv"}, headers=keys.admin)
    session.execute(delete(SkillAlias).where(SkillAlias.key == "zyxwv"))
    both = intake.post(
        "/v1/requests",
        json=request_body(skills=[{"name": "Python"}, {"name": "Zyxwv"}]),
        headers=keys.client_a,
    )
    assert both.status_code == 201, both.text


def test_resolve_covers_practitioner_spellings_and_refuses_nonsense(
    intake: TestClient, keys: TestKeys
) -> None:
    """The coverage sets of tests/shared/skills/data through the HTTP look-up (DB taxonomy)."""

    def canonical(name: str) -> str | None:
        response = intake.get("/v1/skills/resolve", params={"name": name}, headers=keys.client_a)
        assert response.status_code == 200, name
        result: str | None = response.json()["canonical"]
        return result

    for name in (QA_TAG_PAIRS, GERMAN_LABELS):
        shares = coverage([(pair, canonical(pair.term)) for pair in pairs(name)])
        print(f"\n{name} via GET /v1/skills/resolve: {shares}")
        assert shares["tuned"] >= TARGET and shares["held-out"] >= TARGET
    nonsense = terms(NONSENSE)
    assert [term for term in nonsense if canonical(term) is not None] == []
    suggestions = intake.get(
        "/v1/skills/resolve", params={"name": "kubernetis-cluster"}, headers=keys.client_a
    ).json()
    assert suggestions["canonical"] is None and suggestions["suggestions"]
