"""Access (Art. 15), consent withdrawal, legal basis, notices (Art. 14) and retention."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from services.matching.data_subjects.retention import (
    apply_retention,
    apply_retention_job,
    schedule_retention,
)
from shared.models import Contact, Freelancer, Job, OutboxMessage, Review, SubjectOperation
from tests.support.keys import TestKeys

ERASURE_KINDS = (
    "subject_operation_referrals",
    "subject_operation_matching",
    "subject_operation_intake",
)


def test_export_holds_every_row_about_the_freelancer(
    session: Session,
    keys: TestKeys,
    world: Any,
    intake: TestClient,
    referrals: TestClient,
    matching: TestClient,
) -> None:
    person = world.freelancer(skills={"python": 5}, summary="Payments in Python")
    anna = referrals.post(
        "/v1/contacts", json={"name": "Anna Export", "internal": True}, headers=keys.admin
    ).json()
    own = referrals.post(
        "/v1/contacts", json={"name": person.name, "freelancer_id": person.id}, headers=keys.manager
    ).json()
    referrals.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": anna["id"],
            "freelancer_id": person.id,
            "channel": "in_person",
            "last_met_on": "2026-10-01",
        },
        headers=keys.manager,
    )
    referrals.post(
        "/v1/interactions",
        json={
            "contact_a_id": anna["id"],
            "contact_b_id": own["id"],
            "channel": "in_person",
            "occurred_on": "2026-10-01",
        },
        headers=keys.manager,
    )
    request = world.request(skills={"python": (True, 3, 1.0)})
    matching.post(f"/v1/requests/{request.id}/matches", headers=keys.manager)
    matching.post(
        "/v1/reviews",
        json={"request_id": request.id, "freelancer_id": person.id, "decision": "presented"},
        headers=keys.manager,
    )
    matching.post(
        "/v1/placements",
        json={
            "request_id": request.id,
            "freelancer_id": person.id,
            "start_date": "2027-02-01",
            "day_rate": "700",
        },
        headers=keys.manager,
    )
    intake.get(f"/v1/freelancers/{person.id}", headers=keys.manager)

    assert (
        intake.get(
            f"/v1/data-subjects/freelancers/{person.id}/export", headers=keys.manager
        ).status_code
        == 403
    )
    response = intake.get(f"/v1/data-subjects/freelancers/{person.id}/export", headers=keys.admin)
    assert response.status_code == 200, response.text
    document = response.json()
    assert document["profile"]["name"] == person.name
    assert document["profile"]["email"] == person.email
    assert {s["skill"] for s in document["skills"]} == {"Python"}
    assert [v["referrer_name"] for v in document["vouches_about"]] == ["Anna Export"]
    assert len(document["meetings"]) == 1 and len(document["contact_records"]) == 1
    result = document["match_results"][0]
    assert result["model_version"] and result["contributions"] and result["explanation"]
    assert {r["decision"] for r in document["reviews"]} == {"presented", "placed"}
    assert len(document["placements"]) == 1
    assert [n["payload"]["about"] for n in document["notices"]] == ["vouch", "meeting"]
    assert ("read", "GET /v1/freelancers/{freelancer_id}") in {
        (a["action"], a["endpoint"]) for a in document["audit_events"]
    }
    assert (
        intake.get("/v1/data-subjects/freelancers/99999999/export", headers=keys.admin).status_code
        == 404
    )

    contact = referrals.get(f"/v1/data-subjects/contacts/{anna['id']}/export", headers=keys.admin)
    assert contact.status_code == 200
    assert contact.json()["contact"]["name"] == "Anna Export"
    assert contact.json()["contact"]["legal_basis"] == "legitimate_interest"
    assert [v["freelancer_name"] for v in contact.json()["vouches_by"]] == [person.name]
    assert len(contact.json()["meetings"]) == 1


def test_withdrawn_consent_stops_ranking(
    session: Session, keys: TestKeys, world: Any, intake: TestClient, matching: TestClient
) -> None:
    person = world.freelancer(skills={"python": 5})
    request = world.request(skills={"python": (True, 3, 1.0)})

    def ranked() -> set[int]:
        run = matching.post(f"/v1/requests/{request.id}/matches", headers=keys.manager).json()
        return {r["freelancer_id"] for r in run["results"]}

    assert person.id in ranked()
    response = intake.post(f"/v1/freelancers/{person.id}/consent/withdraw", headers=keys.manager)
    assert response.status_code == 200, response.text
    assert response.json()["ranked"] is False
    first = response.json()["consent_withdrawn_at"]
    again = intake.post(f"/v1/freelancers/{person.id}/consent/withdraw", headers=keys.manager)
    assert again.json()["consent_withdrawn_at"] == first
    assert person.id not in ranked()
    assert (
        intake.post("/v1/freelancers/99999999/consent/withdraw", headers=keys.manager).status_code
        == 404
    )
    assert (
        intake.post(
            f"/v1/freelancers/{person.id}/consent/withdraw", headers=keys.client_a
        ).status_code
        == 403
    )


def test_contacts_carry_a_legal_basis(
    keys: TestKeys, referrals: TestClient, session: Session
) -> None:
    default = referrals.post("/v1/contacts", json={"name": "Default Basis"}, headers=keys.manager)
    assert default.status_code == 201
    assert default.json()["legal_basis"] == "legitimate_interest"
    consent = referrals.post(
        "/v1/contacts", json={"name": "Consenting", "legal_basis": "consent"}, headers=keys.manager
    )
    assert consent.json()["legal_basis"] == "consent"
    patched = referrals.patch(
        f"/v1/contacts/{consent.json()['id']}",
        json={"legal_basis": "contract"},
        headers=keys.manager,
    )
    assert patched.status_code == 200 and patched.json()["legal_basis"] == "contract"
    for bad in ("because", None, 1):
        response = referrals.post(
            "/v1/contacts", json={"name": "X", "legal_basis": bad}, headers=keys.manager
        )
        assert response.status_code == 422, bad
    assert session.get_one(Contact, consent.json()["id"]).legal_basis == "contract"


def test_recording_a_vouch_or_meeting_queues_a_notice_to_the_freelancer(
    session: Session, keys: TestKeys, world: Any, referrals: TestClient
) -> None:
    person = world.freelancer()
    anna = referrals.post("/v1/contacts", json={"name": "Anna"}, headers=keys.manager).json()
    bob = referrals.post("/v1/contacts", json={"name": "Bob"}, headers=keys.manager).json()
    own = referrals.post(
        "/v1/contacts", json={"name": "Self", "freelancer_id": person.id}, headers=keys.manager
    ).json()
    before = datetime.now(UTC)
    referrals.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": anna["id"],
            "freelancer_id": person.id,
            "channel": "video",
            "last_met_on": "2026-10-01",
        },
        headers=keys.manager,
    )
    referrals.post(
        "/v1/interactions",
        json={
            "contact_a_id": anna["id"],
            "contact_b_id": own["id"],
            "channel": "in_person",
            "occurred_on": "2026-10-01",
        },
        headers=keys.manager,
    )
    # A meeting between two people who are not freelancers notifies nobody.
    referrals.post(
        "/v1/interactions",
        json={
            "contact_a_id": anna["id"],
            "contact_b_id": bob["id"],
            "channel": "phone",
            "occurred_on": "2026-10-01",
        },
        headers=keys.manager,
    )
    notices = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    assert [(n.kind, n.recipient_type, n.recipient_id, n.payload["about"]) for n in notices] == [
        ("art14_notice", "freelancer", person.id, "vouch"),
        ("art14_notice", "freelancer", person.id, "meeting"),
    ]
    for notice in notices:
        deadline = datetime.fromisoformat(notice.payload["deadline"])
        assert notice.due_at <= deadline <= before + timedelta(days=31)
        assert "Anna" not in str(notice.payload)


def test_rejected_candidates_are_erased_six_months_after_the_decision(
    session: Session, world: Any, drain: Callable[..., int]
) -> None:
    decided = datetime(2026, 1, 10, tzinfo=UTC)
    rejected, kept_longer, placed_elsewhere, still_in_play = (world.freelancer() for _ in range(4))
    request = world.request()
    later = world.request()
    for person in (rejected, kept_longer, still_in_play):
        world.review(request, person, "rejected", created_at=decided)
    world.review(later, still_in_play, "shortlisted", created_at=decided)
    world.review(request, placed_elsewhere, "presented", created_at=decided - timedelta(days=1))
    world.review(request, placed_elsewhere, "declined", created_at=decided)
    kept_longer.retention_until = date(2027, 6, 30)
    session.execute(
        text(
            "INSERT INTO placements (request_id, freelancer_id, start_date, day_rate, outcome)"
            " VALUES (:r, :f, '2026-02-01', 500, 'completed')"
        ),
        {"r": later.id, "f": placed_elsewhere.id},
    )
    session.flush()

    assert apply_retention(session, now=decided + timedelta(days=150)) == []
    started = apply_retention(session, now=decided + timedelta(days=190))
    assert len(started) == 1
    assert session.get_one(SubjectOperation, started[0]).trigger == "retention"
    assert apply_retention(session, now=decided + timedelta(days=191)) == []  # already running
    drain(*ERASURE_KINDS)
    remaining = set(session.scalars(select(Freelancer.id)))
    assert rejected.id not in remaining
    assert {kept_longer.id, placed_elsewhere.id, still_in_play.id} <= remaining
    assert (
        session.scalar(
            select(func.count()).select_from(Review).where(Review.freelancer_id == rejected.id)
        )
        == 0
    )
    # Once the consented period is over, the data goes too.
    assert len(apply_retention(session, now=datetime(2027, 7, 1, tzinfo=UTC))) == 1


def test_imported_meetings_queue_notices_too(
    session: Session, keys: TestKeys, world: Any, referrals: TestClient
) -> None:
    person = world.freelancer()
    anna = referrals.post("/v1/contacts", json={"name": "Anna"}, headers=keys.manager).json()
    own = referrals.post(
        "/v1/contacts", json={"name": "Self", "freelancer_id": person.id}, headers=keys.manager
    ).json()
    csv = (
        "contact_a,contact_b,channel,occurred_on\n"
        f"{anna['id']},{own['id']},in_person,2026-09-01\n"
        f"{anna['id']},{own['id']},phone,2026-09-02\n"
    )
    response = referrals.post(
        "/v1/interactions/import", files={"file": ("m.csv", csv, "text/csv")}, headers=keys.manager
    )
    assert response.status_code == 201, response.text
    created = set(response.json()["created_ids"])
    notices = session.scalars(select(OutboxMessage)).all()
    assert {(n.recipient_id, n.payload["record_id"]) for n in notices} == {
        (person.id, record) for record in created
    }


def test_the_retention_job_runs_daily(session: Session) -> None:
    schedule_retention(session)
    schedule_retention(session)  # a second start-up queues nothing more
    apply_retention_job(session, {})
    jobs = session.scalars(select(Job).where(Job.kind == "apply_retention")).all()
    assert len(jobs) == 1
    tomorrow = datetime.combine(date.today() + timedelta(days=1), datetime.min.time(), UTC)
    assert jobs[0].run_after >= tomorrow
