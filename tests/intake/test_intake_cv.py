"""CV upload through the API: real PDF, DOCX and text files; refused files change nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from services.intake.cv.settings import get_cv_settings
from shared.models import Freelancer, FreelancerCv, FreelancerExtractedSkill
from tests.intake import cv_files
from tests.support.keys import TestKeys

MakeBody = Callable[..., dict[str, Any]]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
CV_TEXT = "Senior data engineer\n6 years of Apache Kafka and Terraform\nPySpark on Snowflake"


@pytest.fixture
def profile(intake: TestClient, keys: TestKeys, freelancer_body: MakeBody) -> dict[str, Any]:
    body = freelancer_body(headline="Engineer", summary="Backend developer.", skills=[])
    response = intake.post("/v1/freelancers", json=body, headers=keys.manager)
    assert response.status_code == 201, response.text
    return dict(response.json())


@pytest.fixture
def small_cv_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("VOUCH_MAX_CV_BYTES", "2000")
    get_cv_settings.cache_clear()
    yield 2000
    monkeypatch.delenv("VOUCH_MAX_CV_BYTES")
    get_cv_settings.cache_clear()


def _upload(
    intake: TestClient,
    headers: dict[str, str],
    freelancer_id: int,
    content: bytes,
    *,
    filename: str = "cv.pdf",
    content_type: str = "application/pdf",
) -> Any:
    return intake.post(
        f"/v1/freelancers/{freelancer_id}/cv",
        files={"file": (filename, content, content_type)},
        headers=headers,
    )


def _slugs(skills: list[dict[str, Any]]) -> set[str]:
    return {skill["slug"] for skill in skills}


def _state(session: Session, freelancer_id: int) -> tuple[Any, ...]:
    session.expire_all()
    freelancer = session.get(Freelancer, freelancer_id)
    assert freelancer is not None
    files = session.scalars(
        select(FreelancerCv.id).where(FreelancerCv.freelancer_id == freelancer_id)
    ).all()
    extracted = session.scalars(
        select(FreelancerExtractedSkill.skill_id).where(
            FreelancerExtractedSkill.freelancer_id == freelancer_id
        )
    ).all()
    return freelancer.cv_text, freelancer.updated_at, sorted(files), sorted(extracted)


def test_a_pdf_cv_becomes_the_profile_cv_text_with_its_skills_and_evidence(
    intake: TestClient, keys: TestKeys, profile: dict[str, Any], session: Session
) -> None:
    session.execute(
        update(Freelancer).where(Freelancer.id == profile["id"]).values(updated_at=LONG_AGO)
    )
    content = cv_files.pdf(CV_TEXT, "Also Kubernetes")

    response = _upload(intake, keys.manager, profile["id"], content)

    assert response.status_code == 201, response.text
    uploaded = response.json()
    assert uploaded["freelancer_id"] == profile["id"]
    assert uploaded["media_type"] == "application/pdf"
    assert uploaded["size_bytes"] == len(content) and uploaded["warnings"] == []
    assert {"kafka", "terraform", "pyspark", "snowflake", "kubernetes"} <= _slugs(
        uploaded["extracted_skills"]
    )
    read = intake.get(f"/v1/freelancers/{profile['id']}", headers=keys.manager).json()
    cv_text = read["cv_text"]
    assert uploaded["characters"] == len(cv_text) and "Apache Kafka" in cv_text
    for skill in uploaded["extracted_skills"]:
        assert skill["status"] == "extracted"
        for evidence in skill["evidence"]:
            assert evidence["field"] == "cv_text"
            assert cv_text[evidence["start"] : evidence["end"]] == evidence["text"]
    kafka = next(s for s in uploaded["extracted_skills"] if s["slug"] == "kafka")
    assert kafka["years"] == 6.0
    # The profile's extracted skills now carry the CV evidence; the matcher sees a change.
    assert {"kafka", "terraform"} <= _slugs(read["extracted_skills"])
    assert datetime.fromisoformat(read["updated_at"]) > LONG_AGO
    stored = session.scalar(select(FreelancerCv).where(FreelancerCv.id == uploaded["cv_id"]))
    assert stored is not None and stored.content == content and stored.filename == "cv.pdf"

    download = intake.get(f"/v1/freelancers/{profile['id']}/cv", headers=keys.manager)
    assert download.status_code == 200
    assert download.content == content
    assert download.headers["content-type"] == "application/pdf"
    assert "cv.pdf" in download.headers["content-disposition"]


def test_a_docx_cv_is_read_with_its_tables(
    intake: TestClient, keys: TestKeys, profile: dict[str, Any]
) -> None:
    content = cv_files.docx(
        ["Jana Novak", "Profile: data engineer with Airflow"],
        [["Languages", "Python, Scala"], ["Cloud", "Kubernetes on AWS"]],
    )
    # The name and the declared type say PDF; the content decides.
    response = _upload(intake, keys.manager, profile["id"], content, filename="cv.pdf")

    assert response.status_code == 201, response.text
    uploaded = response.json()
    assert uploaded["media_type"] == DOCX
    assert {"airflow", "scala", "kubernetes"} <= _slugs(uploaded["extracted_skills"])
    download = intake.get(f"/v1/freelancers/{profile['id']}/cv", headers=keys.manager)
    assert download.headers["content-type"] == DOCX


def test_a_docx_sidebar_in_a_text_box_is_read_once(
    intake: TestClient, keys: TestKeys, profile: dict[str, Any]
) -> None:
    content = cv_files.docx_with_text_box("Jana Novak, engineer", "Skills: Kafka, Terraform")
    response = _upload(intake, keys.manager, profile["id"], content, filename="cv.docx")
    assert response.status_code == 201, response.text
    kafka = next(s for s in response.json()["extracted_skills"] if s["slug"] == "kafka")
    assert kafka["mentions"] == 1  # Word's fallback copy of the box is not read twice
    read = intake.get(f"/v1/freelancers/{profile['id']}", headers=keys.manager).json()
    assert read["cv_text"] == "Jana Novak, engineer\nSkills: Kafka, Terraform"


def test_plain_text_in_utf8_and_in_legacy_windows_encoding(
    intake: TestClient, keys: TestKeys, profile: dict[str, Any]
) -> None:
    text = "Jürgen Müller – Entwickler\n3 Jahre Erfahrung mit Terraform, dazu Kafka"
    utf8 = _upload(
        intake, keys.manager, profile["id"], text.encode(), filename="cv", content_type="x/y"
    )
    assert utf8.status_code == 201, utf8.text
    assert utf8.json()["media_type"] == "text/plain; charset=utf-8"
    assert utf8.json()["warnings"] == []

    legacy = _upload(intake, keys.manager, profile["id"], text.encode("cp1252"), filename="cv.txt")
    assert legacy.status_code == 201, legacy.text
    uploaded = legacy.json()
    assert uploaded["media_type"] == "text/plain; charset=windows-1252"
    assert [w["field"] for w in uploaded["warnings"]] == ["file"]
    read = intake.get(f"/v1/freelancers/{profile['id']}", headers=keys.manager).json()
    assert read["cv_text"] == text
    assert {"terraform", "kafka"} <= _slugs(uploaded["extracted_skills"])


REFUSED: dict[str, tuple[Callable[[], bytes], str]] = {
    "encrypted pdf": (
        lambda: cv_files.encrypted_pdf("Kafka", user_password="secret", owner_password="o"),
        "password",
    ),
    "scanned pdf without a text layer": (cv_files.scanned_pdf, "OCR"),
    "a .pdf that is not a PDF": (lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog", "PDF"),
    "an image named cv.pdf": (lambda: cv_files.PNG, "image"),
    "a zip that is not a docx": (cv_files.zip_without_document, "not a DOCX"),
    "a damaged docx": (lambda: cv_files.docx(["Kafka"])[:300], "DOCX"),
    "binary bytes": (lambda: bytes(range(256)) * 20, "binary"),
    "a legacy .doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc"),
    "an empty file": (lambda: b"", "empty"),
    "only whitespace": (lambda: b" \n\t \n", "empty"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_unreadable_files_are_a_clear_422_and_change_nothing(
    case: str, intake: TestClient, keys: TestKeys, profile: dict[str, Any], session: Session
) -> None:
    make, hint = REFUSED[case]
    _upload(intake, keys.manager, profile["id"], cv_files.pdf("Kafka and Terraform"))
    before = _state(session, profile["id"])

    response = _upload(intake, keys.manager, profile["id"], make())

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    [error] = problem["errors"]
    assert error["field"] == "file"
    assert hint.lower() in error["message"].lower(), error["message"]
    assert _state(session, profile["id"]) == before


def test_a_pdf_with_only_an_owner_password_is_read_with_a_warning(
    intake: TestClient, keys: TestKeys, profile: dict[str, Any]
) -> None:
    content = cv_files.encrypted_pdf("Kafka and Terraform", user_password="", owner_password="o")
    response = _upload(intake, keys.manager, profile["id"], content)
    assert response.status_code == 201, response.text
    assert "owner password" in response.json()["warnings"][0]["message"]
    assert {"kafka", "terraform"} <= _slugs(response.json()["extracted_skills"])


def test_oversized_files_are_a_413_and_change_nothing(
    intake: TestClient,
    keys: TestKeys,
    profile: dict[str, Any],
    session: Session,
    small_cv_limit: int,
) -> None:
    before = _state(session, profile["id"])
    just_over = b"Kafka " * (small_cv_limit // 6 + 1)
    far_over = b"Kafka " * 20_000  # refused on its Content-Length, before it is parsed
    for content in (just_over, far_over):
        response = _upload(intake, keys.manager, profile["id"], content, filename="cv.txt")
        assert response.status_code == 413, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert str(small_cv_limit) in response.json()["detail"].replace(",", "")
    assert _state(session, profile["id"]) == before
    fits = _upload(intake, keys.manager, profile["id"], b"Kafka " * 100, filename="cv.txt")
    assert fits.status_code == 201


def test_a_new_upload_replaces_the_cv_text_and_its_stale_skills(
    intake: TestClient, keys: TestKeys, profile: dict[str, Any]
) -> None:
    first = _upload(intake, keys.manager, profile["id"], cv_files.pdf("Kafka and Terraform"))
    second = _upload(intake, keys.manager, profile["id"], cv_files.docx(["Only Airflow now"]))
    assert first.status_code == second.status_code == 201
    read = intake.get(f"/v1/freelancers/{profile['id']}", headers=keys.manager).json()
    assert read["cv_text"] == "Only Airflow now"
    assert "airflow" in _slugs(read["extracted_skills"])
    assert not {"kafka", "terraform"} & _slugs(read["extracted_skills"])
    download = intake.get(f"/v1/freelancers/{profile['id']}/cv", headers=keys.manager)
    assert download.headers["content-type"] == DOCX


def test_an_upload_with_an_idempotency_key_is_stored_once(
    intake: TestClient, keys: TestKeys, profile: dict[str, Any], session: Session
) -> None:
    headers = {**keys.manager, "Idempotency-Key": "cv-upload-1"}
    content = cv_files.pdf("Kafka")
    first = _upload(intake, headers, profile["id"], content)
    again = _upload(intake, headers, profile["id"], content)
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    files = session.scalars(
        select(FreelancerCv.id).where(FreelancerCv.freelancer_id == profile["id"])
    ).all()
    assert len(files) == 1
    other = _upload(intake, headers, profile["id"], cv_files.pdf("Terraform"))
    assert other.status_code == 422


def test_access_and_missing_things(
    intake: TestClient, keys: TestKeys, profile: dict[str, Any]
) -> None:
    content = cv_files.pdf("Kafka")
    assert _upload(intake, keys.client_a, profile["id"], content).status_code == 403
    assert _upload(intake, {}, profile["id"], content).status_code == 401
    assert _upload(intake, keys.manager, 999_999, content).status_code == 404
    no_file = intake.post(
        f"/v1/freelancers/{profile['id']}/cv", data={"other": "x"}, headers=keys.manager
    )
    assert no_file.status_code == 422
    assert no_file.json()["errors"][0]["field"] == "file"
    not_multipart = intake.post(
        f"/v1/freelancers/{profile['id']}/cv", json={"file": "x"}, headers=keys.manager
    )
    assert not_multipart.status_code == 422
    none_yet = intake.get(f"/v1/freelancers/{profile['id']}/cv", headers=keys.manager)
    assert none_yet.status_code == 404
    assert none_yet.headers["content-type"] == "application/problem+json"
    assert _upload(intake, keys.admin, profile["id"], content).status_code == 201
    assert (
        intake.get(f"/v1/freelancers/{profile['id']}/cv", headers=keys.client_a).status_code == 403
    )


def test_a_cv_naming_a_confirmed_skill_says_so(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody
) -> None:
    body = freelancer_body(summary="", skills=[{"name": "Kafka", "level": 4}])
    created = intake.post("/v1/freelancers", json=body, headers=keys.manager).json()
    response = _upload(intake, keys.manager, created["id"], cv_files.pdf("Kafka and Terraform"))
    status = {s["slug"]: s["status"] for s in response.json()["extracted_skills"]}
    assert status["kafka"] == "confirmed" and status["terraform"] == "extracted"
    read = intake.get(f"/v1/freelancers/{created['id']}", headers=keys.manager).json()
    assert "kafka" not in _slugs(read["extracted_skills"])
