"""POST /v1/requests/parse: suggested skills with must-have guesses and evidence, over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from shared.models import Skill, SkillAlias, StaffingRequest
from tests.support.keys import TestKeys

MakeBody = Callable[..., dict[str, Any]]


def _parse(intake: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    response = intake.post("/v1/requests/parse", json=body, headers=headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def _by_slug(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {skill["slug"]: skill for skill in result["skills"]}


def test_english_cues_decide_must_and_nice(intake: TestClient, keys: TestKeys) -> None:
    description = (
        "We need a data engineer for our new platform. Must have: PySpark, Airflow and dbt "
        "(5+ years of Airflow). Snowflake is required. Kafka experience is a plus."
    )
    result = _parse(intake, keys.client_a, title="Data Engineer", description=description)
    skills = _by_slug(result)

    assert list(skills) == ["data-engineering", "pyspark", "airflow", "dbt", "snowflake", "kafka"]
    assert skills["data-engineering"]["must_have"] is True  # named in the title
    assert skills["data-engineering"]["evidence"][0]["field"] == "title"
    for slug in ("pyspark", "airflow", "dbt", "snowflake"):
        assert skills[slug]["must_have"] is True and skills[slug]["requirement"] == "must"
    assert skills["kafka"]["must_have"] is False and skills["kafka"]["requirement"] == "nice"
    assert skills["airflow"]["years"] == 5.0
    [evidence] = skills["kafka"]["evidence"]
    assert evidence["field"] == "description"
    assert description[evidence["start"] : evidence["end"]] == evidence["text"] == "Kafka"
    assert result["warnings"] == []


def test_german_cues(intake: TestClient, keys: TestKeys) -> None:
    description = (
        "Sehr gute Kenntnisse in Java und Spring Boot setzen wir voraus. "
        "Erfahrung mit Kubernetes ist zwingend erforderlich. "
        "Kenntnisse in Kotlin sind von Vorteil, Terraform wünschenswert."
    )
    skills = _by_slug(_parse(intake, keys.manager, description=description))

    assert {slug: skill["requirement"] for slug, skill in skills.items()} == {
        "java": "must",
        "spring-boot": "must",
        "kubernetes": "must",
        "kotlin": "nice",
        "terraform": "nice",
    }
    assert [skills[slug]["must_have"] for slug in ("java", "kotlin")] == [True, False]


def test_title_mentions_are_must_haves_unless_marked_nice(
    intake: TestClient, keys: TestKeys
) -> None:
    title = "Senior Java Developer (Kotlin nice to have)"
    result = _parse(intake, keys.client_a, title=title, description="Join our team in Munich.")
    skills = _by_slug(result)

    assert skills["java"]["must_have"] is True and skills["java"]["requirement"] is None
    assert skills["kotlin"]["must_have"] is False and skills["kotlin"]["requirement"] == "nice"
    [evidence] = skills["java"]["evidence"]
    assert evidence == {"start": 7, "end": 11, "text": "Java", "field": "title"}


def test_headings_govern_their_bullets(intake: TestClient, keys: TestKeys) -> None:
    description = "Your profile\nMust-haves:\n- Python\n- PostgreSQL\nNice to have:\n- Docker\n"
    skills = _by_slug(_parse(intake, keys.client_a, description=description))
    assert {slug: skill["must_have"] for slug, skill in skills.items()} == {
        "python": True,
        "postgresql": True,
        "docker": False,
    }


def test_without_any_must_cue_the_uncued_skills_are_suggested_as_must_haves(
    intake: TestClient, keys: TestKeys
) -> None:
    description = "Looking for someone with React, TypeScript and GraphQL; Storybook is a plus."
    result = _parse(intake, keys.client_a, description=description)
    skills = _by_slug(result)

    assert [skills[slug]["must_have"] for slug in ("react", "typescript", "graphql")] == [True] * 3
    assert skills["storybook"]["must_have"] is False
    [warning] = result["warnings"]
    assert warning["field"] == "description" and "must-have" in warning["message"]


def test_false_friends_are_not_suggested(intake: TestClient, keys: TestKeys) -> None:
    description = (
        "Our C-level team at Google wants to go live in spring; trust and R&D matter. "
        "Mein Chef sagt, der Rest kommt später."
    )
    result = _parse(intake, keys.client_a, title="Go-live support", description=description)
    assert result["skills"] == []
    [warning] = result["warnings"]
    assert "No catalogue skill" in warning["message"]


def test_unknown_list_items_are_reported_with_suggestions(
    intake: TestClient, keys: TestKeys
) -> None:
    description = "Tools: Jira, Confluense, Zorblax, Git"
    result = _parse(intake, keys.client_a, description=description)

    assert [skill["slug"] for skill in result["skills"]] == ["jira", "git"]
    terms = {term["term"]: term for term in result["unrecognised_terms"]}
    assert set(terms) == {"Confluense", "Zorblax"}
    assert "Confluence" in terms["Confluense"]["suggestions"]
    assert terms["Zorblax"]["suggestions"] == []
    start, end = terms["Zorblax"]["start"], terms["Zorblax"]["end"]
    assert description[start:end] == "Zorblax"


def test_admin_aliases_count(intake: TestClient, keys: TestKeys, session: Session) -> None:
    skill = session.query(Skill).filter_by(slug="kubernetes").one()
    response = intake.post(
        f"/v1/skills/{skill.id}/aliases", json={"alias": "Kubbi"}, headers=keys.admin
    )
    assert response.status_code == 201, response.text
    assert session.query(SkillAlias).filter_by(skill_id=skill.id, alias="Kubbi").count() == 1

    skills = _by_slug(_parse(intake, keys.client_a, description="Required: Kubbi, Helm"))
    assert skills["kubernetes"]["evidence"][0]["text"] == "Kubbi"


def test_the_suggestion_can_be_posted_as_a_request(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session
) -> None:
    title = "Platform engineer"
    description = "Required: Kubernetes, Terraform and Azure. Go is nice to have."
    result = _parse(intake, keys.client_a, title=title, description=description)
    skills = [{"name": s["name"], "must_have": s["must_have"]} for s in result["skills"]]

    body = request_body(title=title, description=description, skills=skills)
    response = intake.post("/v1/requests", json=body, headers=keys.client_a)
    assert response.status_code == 201, response.text
    stored = {skill["slug"]: skill["must_have"] for skill in response.json()["skills"]}
    assert stored == {"kubernetes": True, "terraform": True, "azure": True, "go": False}
    assert session.get(StaffingRequest, response.json()["id"]) is not None


def test_any_role_may_parse_but_not_anonymously(intake: TestClient, keys: TestKeys) -> None:
    body = {"description": "Python"}
    for headers in (keys.admin, keys.manager, keys.client_a):
        assert intake.post("/v1/requests/parse", json=body, headers=headers).status_code == 200
    response = intake.post("/v1/requests/parse", json=body)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")


def test_validation(intake: TestClient, keys: TestKeys) -> None:
    cases: list[tuple[Any, str]] = [
        ({}, "description"),
        ({"title": "  ", "description": ""}, "description"),
        ({"description": "x" * 20_001}, "description"),
        ({"title": "t" * 301}, "title"),
        ({"description": "Java", "skills": []}, "skills"),
        ({"description": 5}, "description"),
    ]
    for body, field in cases:
        response = intake.post("/v1/requests/parse", json=body, headers=keys.client_a)
        assert response.status_code == 422, body
        assert response.headers["content-type"].startswith("application/problem+json")
        assert field in [error["field"] for error in response.json()["errors"]], response.text
    malformed = intake.post(
        "/v1/requests/parse",
        content=b"{not json",
        headers={**keys.client_a, "content-type": "application/json"},
    )
    assert malformed.status_code in (400, 422)


def test_long_descriptions_are_parsed(intake: TestClient, keys: TestKeys) -> None:
    paragraph = "We build payment services in Java with Kafka; Kotlin is a plus. " * 300
    result = _parse(intake, keys.client_a, description=paragraph[:20_000])
    skills = _by_slug(result)
    assert set(skills) == {"java", "kafka", "kotlin"}
    assert skills["java"]["must_have"] is True  # no must cue anywhere: uncued become musts
    assert len(skills["kafka"]["evidence"]) == 300


def test_the_route_is_not_shadowed_by_request_ids(intake: TestClient, keys: TestKeys) -> None:
    assert intake.get("/v1/requests/parse", headers=keys.client_a).status_code in (404, 405, 422)
    response = intake.post("/v1/requests/parse", json={"title": "Rust"}, headers=keys.client_a)
    assert response.status_code == 200
    assert [skill["slug"] for skill in response.json()["skills"]] == ["rust"]


def test_with_a_must_cue_the_uncued_skills_are_nice_to_haves(
    intake: TestClient, keys: TestKeys
) -> None:
    result = _parse(intake, keys.client_a, description="Required: Java. We also use Docker.")
    skills = _by_slug(result)
    assert (skills["java"]["must_have"], skills["docker"]["must_have"]) == (True, False)
    assert skills["docker"]["requirement"] is None
    assert result["warnings"] == []


def test_prose_is_not_reported_as_unrecognised_terms(intake: TestClient, keys: TestKeys) -> None:
    description = (
        "HR-tech start-up. Small team, you own features end to end: Spring Boot backend in "
        "Java, React front end, deployment on AWS. Plan and steer the migration, manage "
        "vendors and budget, and report to the CTO."
    )
    assert _parse(intake, keys.client_a, description=description)["unrecognised_terms"] == []
