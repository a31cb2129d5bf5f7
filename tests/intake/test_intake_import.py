"""Bulk CSV import of freelancer profiles: the per-row report and exactly the good rows stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.models import (
    Freelancer,
    FreelancerLanguage,
    FreelancerSkill,
    FreelancerUnrecognisedSkill,
    Skill,
    UnrecognisedTerm,
)
from tests.support.keys import TestKeys

HEADER = "name,email,skills,languages,day_rate,country,remote,consent_given_at,consent_method"
CONSENT = "2026-01-10T09:00:00Z,signed form"
ROWS = [
    f"Good One,good1@example.com,Python:5:8:2025; Django:4,de:native; en:c1,900,DE,remote,{CONSENT}",
    f"Bad Rate,badrate@example.com,Python:3,,-5,DE,,{CONSENT}",
    f"Same Email,GOOD1@example.com,Go:3,,800,,,{CONSENT}",
    f"Unknown Skill,unknown@example.com,Frobnicate Pro:3; k8s:4,,,,,{CONSENT}",
    "No Consent,noconsent@example.com,Python:3,,,,,,",
    f"No Level,nolevel@example.com,Python,,,,,{CONSENT}",
    "Short Row,short@example.com",
    f"Bad Email,not-an-email,Python:3,,,,,{CONSENT}",
    f'"Quoted, Name",quoted@example.com,"C#:4; .NET:4",en:B2,750.50,AT,hybrid,{CONSENT}',
    f"Bad Language,lang@example.com,,xx:B2,,,,{CONSENT}",
    f"Twice Skill,twice@example.com,JS:3; JavaScript:4,,,,,{CONSENT}",
]
FILE = "\n".join([HEADER, *ROWS]) + "\n"

# line → the fields its reasons name (line 1 is the header).
EXPECTED_REJECTED = {
    3: ["day_rate"],
    4: ["email"],
    6: ["consent.given_at", "consent.method"],
    7: ["skills.0.level"],
    8: ["line"],
    9: ["email"],
    11: ["languages.0.code"],
}


def _upload(client: TestClient, headers: dict[str, str], content: str | bytes) -> Any:
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        "/v1/freelancers/import", files={"file": ("people.csv", data, "text/csv")}, headers=headers
    )


def _fields(report: dict[str, Any]) -> dict[int, list[str]]:
    return {
        row["line"]: [reason.split(":", 1)[0] for reason in row["reasons"]]
        for row in report["rejected"]
    }


def test_import_reports_every_row_and_stores_exactly_the_good_ones(
    intake: TestClient, keys: TestKeys, session: Session
) -> None:
    response = _upload(intake, keys.manager, FILE)

    assert response.status_code == 200, response.text
    report = response.json()
    assert [row["line"] for row in report["imported"]] == [2, 5, 10, 12]
    assert report["skipped_existing"] == []
    # Two names for one skill are merged (the higher level) and reported, not refused.
    [warning] = report["warnings"]
    assert (warning["line"], warning["field"]) == (12, "skills.1.name")
    assert "JavaScript" in warning["message"] and "merged" in warning["message"]
    assert _fields(report) == EXPECTED_REJECTED
    assert "line 2" in report["rejected"][1]["reasons"][0]  # the duplicate names the first line

    stored = {f.email: f for f in session.scalars(select(Freelancer))}
    assert set(stored) == {
        "good1@example.com",
        "unknown@example.com",
        "quoted@example.com",
        "twice@example.com",
    }
    ids = {row["line"]: row["id"] for row in report["imported"]}
    assert stored["good1@example.com"].id == ids[2]

    skills = session.execute(
        select(Skill.slug, FreelancerSkill.level, FreelancerSkill.years, FreelancerSkill.last_used)
        .join(Skill, Skill.id == FreelancerSkill.skill_id)
        .where(FreelancerSkill.freelancer_id == ids[2])
    ).all()
    assert sorted(skills) == [("django", 4, None, None), ("python", 5, 8.0, 2025)]
    languages = session.execute(
        select(FreelancerLanguage.code, FreelancerLanguage.level).where(
            FreelancerLanguage.freelancer_id == ids[2]
        )
    ).all()
    assert sorted(languages) == [("de", "native"), ("en", "C1")]

    kept = session.execute(
        select(UnrecognisedTerm.key, FreelancerUnrecognisedSkill.raw_name)
        .join(UnrecognisedTerm, UnrecognisedTerm.id == FreelancerUnrecognisedSkill.term_id)
        .where(FreelancerUnrecognisedSkill.freelancer_id == ids[5])
    ).all()
    assert kept == [("frobnicatepro", "Frobnicate Pro")]
    quoted = stored["quoted@example.com"]
    assert (quoted.name, str(quoted.day_rate), quoted.location_country) == (
        "Quoted, Name",
        "750.50",
        "AT",
    )
    profile = intake.get(f"/v1/freelancers/{ids[5]}", headers=keys.manager).json()
    assert [s["name"] for s in profile["skills"]] == ["Kubernetes"]
    assert profile["unrecognised_skills"][0]["name"] == "Frobnicate Pro"
    twice = intake.get(f"/v1/freelancers/{ids[12]}", headers=keys.manager).json()
    assert [(s["name"], s["input"], s["level"]) for s in twice["skills"]] == [
        ("JavaScript", "JS", 4)
    ]


def test_reimporting_the_same_file_creates_no_duplicates(
    intake: TestClient, keys: TestKeys, count_rows: Callable[[type], int]
) -> None:
    first = _upload(intake, keys.manager, FILE).json()
    counts = [count_rows(t) for t in (Freelancer, FreelancerSkill, FreelancerLanguage)]

    again = _upload(intake, keys.manager, FILE).json()

    assert again["imported"] == []
    assert again["skipped_existing"] == first["imported"]
    assert _fields(again) == EXPECTED_REJECTED
    assert [count_rows(t) for t in (Freelancer, FreelancerSkill, FreelancerLanguage)] == counts


def test_a_changed_row_for_an_existing_email_is_rejected_not_overwritten(
    intake: TestClient, keys: TestKeys, session: Session
) -> None:
    _upload(intake, keys.manager, FILE)
    changed = FILE.replace("Python:5:8:2025", "Python:4:8:2025")
    report = _upload(intake, keys.manager, changed).json()
    assert report["imported"] == []
    assert [row["line"] for row in report["skipped_existing"]] == [5, 10, 12]
    assert _fields(report)[2] == ["email"]
    level = session.scalar(
        select(FreelancerSkill.level)
        .join(Skill, Skill.id == FreelancerSkill.skill_id)
        .join(Freelancer, Freelancer.id == FreelancerSkill.freelancer_id)
        .where(Freelancer.email == "good1@example.com", Skill.slug == "python")
    )
    assert level == 5


def test_import_replays_with_the_same_idempotency_key(
    intake: TestClient, keys: TestKeys, count_rows: Callable[[type], int]
) -> None:
    headers = {**keys.manager, "Idempotency-Key": "import-1"}
    first = _upload(intake, headers, FILE)
    again = _upload(intake, headers, FILE)
    assert first.json() == again.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert count_rows(Freelancer) == 4
    other_file = _upload(intake, headers, FILE.replace("good1@", "other@"))
    assert other_file.status_code == 422
    assert other_file.json()["errors"][0]["field"] == "Idempotency-Key"
    assert count_rows(Freelancer) == 4


def test_unreadable_files_are_a_422_naming_file(
    intake: TestClient, keys: TestKeys, count_rows: Callable[[type], int]
) -> None:
    for content in (
        b"",
        b"name,email,nickname,consent_given_at,consent_method\n",
        b"name,consent_given_at,consent_method\n",
        "name,email,consent_given_at,consent_method\nJ\xfcrgen,j@example.com,2026-01-01,x\n".encode(
            "latin-1"
        ),
    ):
        response = _upload(intake, keys.manager, content)
        assert response.status_code == 422, (content, response.text)
        assert response.json()["errors"][0]["field"] == "file"
    assert count_rows(Freelancer) == 0


def test_header_only_file_imports_nothing(intake: TestClient, keys: TestKeys) -> None:
    report = _upload(intake, keys.manager, HEADER + "\n").json()
    assert report == {"imported": [], "rejected": [], "skipped_existing": [], "warnings": []}
