"""Skills read from profile text: stored with evidence, re-read on change, confirmed, dismissed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from shared.models import Freelancer, FreelancerExtractedSkill, FreelancerSkill, Skill
from tests.support.keys import TestKeys

MakeBody = Callable[..., dict[str, Any]]
SUMMARY = (
    "Data engineer since 2015. 5 years of Kafka in streaming platforms, Terraform for the "
    "infrastructure, and Python everywhere. Later more Kafka clusters and Terraform modules."
)
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


def _create(intake: TestClient, keys: TestKeys, body: dict[str, Any]) -> dict[str, Any]:
    response = intake.post("/v1/freelancers", json=body, headers=keys.manager)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _by_slug(profile: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {skill["slug"]: skill for skill in profile["extracted_skills"]}


def _stored(session: Session, freelancer_id: int) -> dict[str, tuple[str, float | None]]:
    rows = session.execute(
        select(Skill.slug, FreelancerExtractedSkill.status, FreelancerExtractedSkill.years)
        .join(Skill, Skill.id == FreelancerExtractedSkill.skill_id)
        .where(FreelancerExtractedSkill.freelancer_id == freelancer_id)
    )
    return {slug: (status, years) for slug, status, years in rows}


def _age(session: Session, freelancer_id: int) -> None:
    """Pretend the profile was last touched long ago (now() is fixed inside a test)."""
    session.execute(
        update(Freelancer).where(Freelancer.id == freelancer_id).values(updated_at=LONG_AGO)
    )
    session.expire_all()


def _touched(session: Session, freelancer_id: int) -> bool:
    session.expire_all()
    freelancer = session.get(Freelancer, freelancer_id)
    return freelancer is not None and freelancer.updated_at > LONG_AGO


def test_skills_named_in_the_text_are_stored_with_evidence_apart_from_confirmed_ones(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, session: Session
) -> None:
    body = freelancer_body(
        headline="Kubernetes platform engineer",
        summary=SUMMARY,
        skills=[{"name": "Python", "level": 5}],
    )
    created = _create(intake, keys, body)
    extracted = _by_slug(created)

    assert {"kafka", "terraform", "kubernetes"} <= set(extracted)
    assert "python" not in extracted  # a confirmed skill is not stored again as extracted
    kafka = extracted["kafka"]
    assert kafka["source"] == "extracted" and kafka["status"] == "extracted"
    assert kafka["name"] == kafka["canonical"]
    assert kafka["mentions"] == len(kafka["evidence"]) >= 2
    texts = {"headline": body["headline"], "summary": body["summary"]}
    for skill in created["extracted_skills"]:
        for evidence in skill["evidence"]:
            field_text = texts[evidence["field"]]
            assert field_text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert [e["field"] for e in extracted["kubernetes"]["evidence"]] == ["headline"]
    stored = _stored(session, created["id"])
    assert set(stored) == set(extracted)
    assert all(status == "extracted" for status, _ in stored.values())
    # A GET shows the same; the list shows extracted skills but not the CV text.
    one = intake.get(f"/v1/freelancers/{created['id']}", headers=keys.manager).json()
    assert one["extracted_skills"] == created["extracted_skills"]
    assert one["cv_text"] == ""
    [listed] = intake.get("/v1/freelancers", headers=keys.manager).json()["items"]
    assert "cv_text" not in listed
    assert listed["extracted_skills"] == created["extracted_skills"]


def test_patching_the_summary_reads_the_text_again(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, session: Session
) -> None:
    created = _create(intake, keys, freelancer_body(summary=SUMMARY))
    path = f"/v1/freelancers/{created['id']}"
    _age(session, created["id"])

    changed = intake.patch(
        path, json={"summary": "Now mostly Apache Airflow and Kafka."}, headers=keys.manager
    )

    assert changed.status_code == 200, changed.text
    extracted = _by_slug(changed.json())
    assert {"airflow", "kafka"} <= set(extracted)
    assert "terraform" not in extracted  # the text no longer names it
    assert "terraform" not in _stored(session, created["id"])
    assert _touched(session, created["id"])


def test_a_dismissed_skill_stays_dismissed_when_the_text_is_read_again(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, session: Session
) -> None:
    created = _create(intake, keys, freelancer_body(summary=SUMMARY))
    path = f"/v1/freelancers/{created['id']}"
    _age(session, created["id"])

    dismissed = intake.post(
        f"{path}/skills/dismiss", json={"skills": ["kafka"]}, headers=keys.manager
    )

    assert dismissed.status_code == 200, dismissed.text
    assert _by_slug(dismissed.json())["kafka"]["status"] == "dismissed"
    assert _touched(session, created["id"])
    again = intake.patch(path, json={"summary": SUMMARY + " Kafka again."}, headers=keys.manager)
    assert _by_slug(again.json())["kafka"]["status"] == "dismissed"
    assert _stored(session, created["id"])["kafka"][0] == "dismissed"


def test_confirming_moves_extracted_skills_into_the_confirmed_ones(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, session: Session
) -> None:
    created = _create(intake, keys, freelancer_body(summary=SUMMARY, skills=[]))
    path = f"/v1/freelancers/{created['id']}"
    kafka_years = _by_slug(created)["kafka"]["years"]
    _age(session, created["id"])

    response = intake.post(
        f"{path}/skills/confirm",
        json={"skills": [{"name": "Apache Kafka", "level": 4}, {"name": "terraform"}]},
        headers=keys.manager,
    )

    assert response.status_code == 200, response.text
    profile = response.json()
    confirmed = {s["slug"]: s for s in profile["skills"]}
    assert (confirmed["kafka"]["level"], confirmed["kafka"]["years"]) == (4, kafka_years)
    assert confirmed["terraform"]["level"] == 3  # the default level
    assert confirmed["kafka"]["input"] == "Apache Kafka"
    assert not {"kafka", "terraform"} & set(_by_slug(profile))
    assert not {"kafka", "terraform"} & set(_stored(session, created["id"]))
    assert _touched(session, created["id"])
    # Reading the text again does not bring a confirmed skill back as extracted.
    again = intake.patch(path, json={"summary": SUMMARY + " "}, headers=keys.manager).json()
    assert "kafka" not in _by_slug(again)


def test_confirm_and_dismiss_refuse_names_that_are_not_extracted_skills(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, session: Session
) -> None:
    created = _create(
        intake, keys, freelancer_body(summary=SUMMARY, skills=[{"name": "Python", "level": 5}])
    )
    path = f"/v1/freelancers/{created['id']}"
    before = _stored(session, created["id"])

    refused = intake.post(
        f"{path}/skills/confirm",
        json={"skills": [{"name": "Kafka"}, {"name": "COBOL"}, {"name": "Frobnicator"}]},
        headers=keys.manager,
    )
    assert refused.status_code == 422
    problem = refused.json()
    assert [e["field"] for e in problem["errors"]] == ["skills.1.name", "skills.2.name"]
    assert "'COBOL'" in problem["detail"] and "'Frobnicator'" in problem["detail"]

    confirmed_one = intake.post(
        f"{path}/skills/dismiss", json={"skills": ["Python"]}, headers=keys.manager
    )
    assert confirmed_one.status_code == 422
    assert confirmed_one.json()["errors"][0]["field"] == "skills.0"
    assert _stored(session, created["id"]) == before
    levels = session.scalars(
        select(FreelancerSkill.level).where(FreelancerSkill.freelancer_id == created["id"])
    ).all()
    assert levels == [5]

    for verb, body in (
        ("confirm", {"skills": []}),
        ("confirm", {"skills": [{"name": "Kafka", "level": 9}]}),
        ("dismiss", {"skills": "Kafka"}),
    ):
        response = intake.post(f"{path}/skills/{verb}", json=body, headers=keys.manager)
        assert response.status_code == 422, (verb, body)
    missing = intake.post(
        "/v1/freelancers/999999/skills/dismiss", json={"skills": ["Kafka"]}, headers=keys.manager
    )
    assert missing.status_code == 404
    client = intake.post(
        f"{path}/skills/dismiss", json={"skills": ["Kafka"]}, headers=keys.client_a
    )
    assert client.status_code == 403


def test_changing_the_confirmed_skills_reconciles_the_extracted_ones(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, session: Session
) -> None:
    created = _create(intake, keys, freelancer_body(summary=SUMMARY, skills=[]))
    path = f"/v1/freelancers/{created['id']}"
    assert "python" in _by_slug(created)

    with_python = intake.patch(
        path, json={"skills": [{"name": "Python", "level": 4}]}, headers=keys.manager
    ).json()
    assert "python" not in _by_slug(with_python)

    without = intake.patch(path, json={"skills": []}, headers=keys.manager).json()
    assert "python" in _by_slug(without)
    assert "python" in _stored(session, created["id"])


def test_csv_import_extracts_the_summaries(
    intake: TestClient, keys: TestKeys, session: Session
) -> None:
    csv = (
        "name,email,headline,summary,skills,consent_given_at,consent_method\n"
        f'Ada,ada@example.com,Kafka engineer,"{SUMMARY}",Python:5,2026-01-01T00:00:00Z,form\n'
        "Bob,bob@example.com,,Only Terraform here,,2026-01-01T00:00:00Z,form\n"
        "Cy,cy@example.com,,Nothing we know,,2026-01-01T00:00:00Z,form\n"
    )
    response = intake.post(
        "/v1/freelancers/import",
        files={"file": ("people.csv", csv.encode(), "text/csv")},
        headers=keys.manager,
    )
    assert response.status_code == 200, response.text
    ids = {row["line"]: row["id"] for row in response.json()["imported"]}
    ada = _stored(session, ids[2])
    assert {"kafka", "terraform"} <= set(ada) and "python" not in ada
    assert set(_stored(session, ids[3])) == {"terraform"}
    assert _stored(session, ids[4]) == {}
    profile = intake.get(f"/v1/freelancers/{ids[2]}", headers=keys.manager).json()
    kafka = _by_slug(profile)["kafka"]
    assert {e["field"] for e in kafka["evidence"]} == {"headline", "summary"}


def test_a_whole_cv_of_100000_characters_is_accepted(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, session: Session
) -> None:
    paragraph = "Built streaming pipelines with Kafka and deployed them with Terraform. "
    summary = (paragraph * (100_000 // len(paragraph) + 1))[:100_000]
    created = _create(intake, keys, freelancer_body(summary=summary))
    assert len(created["summary"]) == 100_000
    kafka = _by_slug(created)["kafka"]
    assert kafka["mentions"] > len(kafka["evidence"]) == 20  # every mention counted, 20 kept
    length = session.scalar(
        text("SELECT char_length(summary) FROM freelancers WHERE id = :id"), {"id": created["id"]}
    )
    assert length == 100_000
