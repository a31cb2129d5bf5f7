"""Art. 17: an erased freelancer or contact is gone from every table of every service.

The world is built through the APIs (so stored Idempotency-Key responses, audit rows, notices and
match explanations exist too); afterwards EVERY table of the schema (information_schema) is
searched for the person's id, name, e-mail and CV text.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from services.referrals.trust.service import recompute
from shared.models import (
    AuditEntry,
    FreelancerCv,
    Placement,
    SubjectOperation,
)
from tests.support.keys import TestKeys

ERASURE_KINDS = (
    "subject_operation_referrals",
    "subject_operation_matching",
    "subject_operation_intake",
)
# Columns that hold a freelancer's or a contact's id under another name.
ID_COLUMNS = {
    "freelancer_id",
    "subject_id",
    "into_id",
    "referrer_contact_id",
    "contact_a_id",
    "contact_b_id",
    "contact_id",
}


def tables(session: Session) -> list[str]:
    return list(
        session.scalars(
            text(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                " AND table_name <> 'alembic_version' ORDER BY table_name"
            )
        )
    )


def rows_mentioning(session: Session, needle: str) -> dict[str, int]:
    """Rows of every table whose text form (all columns, JSON and arrays included) has `needle`."""
    found = {}
    for table in tables(session):
        count = session.scalar(
            text(f'SELECT count(*) FROM "{table}" t WHERE t::text ILIKE :needle'),
            {"needle": f"%{needle}%"},
        )
        if count:
            found[table] = int(count)
    return found


def rows_naming_id(session: Session, subject: str, subject_id: int) -> dict[str, int]:
    """Rows in any table that refer to the subject's id: its own row, id columns, JSON keys."""
    columns = session.execute(
        text(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = 'public' AND table_name <> 'alembic_version'"
        )
    ).all()
    own_table = {"freelancer": "freelancers", "contact": "contacts"}[subject]
    id_names = {"freelancer_id"} if subject == "freelancer" else ID_COLUMNS - {"freelancer_id"}
    found: dict[str, int] = {}

    def add(table: str, where: str) -> None:
        count = session.scalar(
            text(f'SELECT count(*) FROM "{table}" WHERE {where}'), {"id": subject_id}
        )
        if count:
            found[f"{table}: {where}"] = int(count)

    add(own_table, "id = :id")
    for table, column, data_type in columns:
        if column in id_names and data_type == "bigint":
            add(table, f'"{column}" = :id')
        if data_type in ("jsonb", "json"):
            for key in id_names:
                add(
                    table,
                    f"jsonb_path_exists(CAST(\"{column}\" AS jsonb), '$.** ? (@.{key} == $id)',"
                    " jsonb_build_object('id', CAST(:id AS bigint)))",
                )
        if data_type == "ARRAY" and (
            column == "trust_path" or (column in {f"{key}s" for key in id_names})
        ):
            add(table, f'CAST(:id AS bigint) = ANY("{column}")')
    add("audit_log", f"entity = '{subject}' AND entity_id = CAST(:id AS text)")
    add("audit_log", "detail->'ids' @> jsonb_build_array(CAST(:id AS bigint))")
    add("outbox_messages", f"recipient_type = '{subject}' AND recipient_id = :id")
    add("subject_operations", "subject_id = :id OR into_id = :id")
    add("idempotency_records", f"path LIKE '%/{subject}s/' || CAST(:id AS text) || '%'")
    return found


def unique(word: str) -> str:
    return f"{word}{uuid.uuid4().hex[:8]}"


def build_person(
    world: Any,
    session: Session,
    keys: TestKeys,
    intake: TestClient,
    referrals: TestClient,
    matching: TestClient,
) -> dict[str, Any]:
    """A freelancer with every kind of data the system keeps about a person."""
    name, cv_marker = unique("Zyxwina Quorble"), unique("QuorbleCV")
    email = f"{unique('zq')}@example.com"
    body = {
        "name": name,
        "email": email,
        "phone": "+49 170 5550123",
        "headline": "Python engineer",
        "summary": f"{cv_marker} built payment systems in Python for ten years.",
        "skills": [{"name": "Python", "level": 5}, {"name": unique("Quorblescript"), "level": 3}],
        "location": {"city": "Leipzig", "country": "DE"},
        "remote": "remote",
        "languages": [{"code": "en", "level": "C1"}],
        "consent": {"given_at": "2026-01-15T10:00:00Z", "method": "signed form"},
    }
    created = intake.post(
        "/v1/freelancers", json=body, headers={**keys.manager, "Idempotency-Key": unique("k")}
    )
    assert created.status_code == 201, created.text
    fid = created.json()["id"]
    session.execute(
        text("UPDATE freelancers SET cv_text = :cv WHERE id = :id"),
        {"cv": f"{cv_marker} curriculum vitae of {name}", "id": fid},
    )
    session.add(
        FreelancerCv(
            freelancer_id=fid,
            filename=f"{name}.txt",
            media_type="text/plain",
            size_bytes=10,
            sha256="0" * 64,
            content=cv_marker.encode(),
        )
    )
    session.execute(
        text(
            "INSERT INTO freelancer_extracted_skills (freelancer_id, skill_id, mentions, status,"
            " evidence)"
            " SELECT :id, id, 1, 'extracted', jsonb_build_array(jsonb_build_object('field', 'cv_text',"
            " 'start', 0, 'end', char_length(CAST(:cv AS text)), 'text', CAST(:cv AS text)))"
            " FROM skills"
            " WHERE name = 'Django'"
        ),
        {"id": fid, "cv": cv_marker},
    )
    # The network: the person's own contact record, an internal referrer, a second freelancer.
    anna = referrals.post(
        "/v1/contacts", json={"name": unique("Anna Referrer"), "internal": True}, headers=keys.admin
    ).json()
    own = referrals.post(
        "/v1/contacts",
        json={"name": name, "email": email, "freelancer_id": fid},
        headers=keys.manager,
    )
    assert own.status_code == 201, own.text
    other = world.freelancer(skills={"python": 4})
    for referrer, freelancer_id in ((anna["id"], fid), (own.json()["id"], other.id)):
        vouch = referrals.post(
            "/v1/vouches",
            json={
                "referrer_contact_id": referrer,
                "freelancer_id": freelancer_id,
                "channel": "worked_together",
                "last_met_on": "2026-10-01",
                "recommendation": "strong",
                "statement": f"{name} is excellent",
            },
            headers={**keys.manager, "Idempotency-Key": unique("v")},
        )
        assert vouch.status_code == 201, vouch.text
    met = referrals.post(
        "/v1/interactions",
        json={
            "contact_a_id": anna["id"],
            "contact_b_id": own.json()["id"],
            "channel": "in_person",
            "occurred_on": "2026-10-02",
        },
        headers=keys.manager,
    )
    assert met.status_code in (200, 201), met.text
    recompute(session, allow_incremental=False)
    # Ranked, presented and placed on a request.
    request = world.request(skills={"python": (True, 3, 1.0)}, remote="remote")
    run = matching.post(
        f"/v1/requests/{request.id}/matches", json={"top_k": 10}, headers=keys.manager
    )
    assert run.status_code == 201, run.text
    assert fid in {r["freelancer_id"] for r in run.json()["results"]}
    for decision in ("presented",):
        assert (
            matching.post(
                "/v1/reviews",
                json={"request_id": request.id, "freelancer_id": fid, "decision": decision},
                headers=keys.manager,
            ).status_code
            == 201
        )
    placement = matching.post(
        "/v1/placements",
        json={
            "request_id": request.id,
            "freelancer_id": fid,
            "start_date": "2027-01-04",
            "day_rate": "800.00",
        },
        headers={**keys.manager, "Idempotency-Key": unique("p")},
    )
    assert placement.status_code == 201, placement.text
    # Reads that leave audit rows.
    assert intake.get(f"/v1/freelancers/{fid}", headers=keys.manager).status_code == 200
    assert referrals.get(f"/v1/freelancers/{fid}/trust", headers=keys.manager).status_code == 200
    assert (
        referrals.get(f"/v1/contacts/{own.json()['id']}", headers=keys.manager).status_code == 200
    )
    return {
        "id": fid,
        "name": name,
        "email": email,
        "cv": cv_marker,
        "contact_id": own.json()["id"],
        "other_id": other.id,
        "request_id": request.id,
        "placement_id": placement.json()["id"],
    }


def test_erasing_a_freelancer_leaves_no_trace_in_any_table(
    session: Session,
    keys: TestKeys,
    world: Any,
    intake: TestClient,
    referrals: TestClient,
    matching: TestClient,
    drain: Callable[..., int],
) -> None:
    drain("attribute_placement")  # the placement's credit snapshot names the people
    person = build_person(world, session, keys, intake, referrals, matching)
    drain("attribute_placement")
    fid = person["id"]
    today = date.today()
    window = {
        "from": (today - timedelta(days=3)).isoformat(),
        "to": (today + timedelta(days=1)).isoformat(),
    }
    report_before = referrals.get("/v1/reports/sources", params=window, headers=keys.manager).json()
    assert rows_mentioning(session, person["name"]), "the test world should hold the name"
    assert rows_mentioning(session, person["cv"])

    response = intake.delete(f"/v1/data-subjects/freelancers/{fid}", headers=keys.admin)
    assert response.status_code == 202, response.text
    operation_id = response.json()["operation_id"]
    assert response.json()["status"] == "pending"
    # Until the erasure completes the profile is no longer ranked.
    rerun = matching.post(
        f"/v1/requests/{world.request(skills={'python': (True, 3, 1.0)}).id}/matches",
        json={"top_k": 10},
        headers=keys.manager,
    )
    assert fid not in {r["freelancer_id"] for r in rerun.json()["results"]}
    # A second request while it runs is refused.
    assert (
        intake.delete(f"/v1/data-subjects/freelancers/{fid}", headers=keys.admin).status_code == 409
    )

    assert drain(*ERASURE_KINDS) == 3

    status = intake.get(f"/v1/data-subjects/operations/{operation_id}", headers=keys.admin).json()
    assert status["status"] == "completed"
    assert status["done_steps"] == ["referrals", "matching", "intake"]
    assert status["subject_id"] is None
    for needle in (person["name"], person["email"], person["cv"], "5550123"):
        assert rows_mentioning(session, needle) == {}, needle
    assert rows_naming_id(session, "freelancer", fid) == {}
    assert rows_naming_id(session, "contact", person["contact_id"]) == {}

    # The placement stays, anonymised; the client's request still counts it.
    placement = session.get_one(Placement, person["placement_id"])
    assert placement.freelancer_id is None and placement.request_id == person["request_id"]
    # Aggregate referral-source statistics are unchanged: the erased person still counts,
    # anonymously. (Another freelancer whose vouch came from the erased person now has no vouch
    # from them, so that freelancer's channel group may change, as after a withdrawal.)
    report_after = referrals.get("/v1/reports/sources", params=window, headers=keys.manager).json()
    assert report_after["total"] == report_before["total"]
    assert report_after["by_source"] == report_before["by_source"]

    def funnel(report: dict[str, Any]) -> dict[str, tuple[int, int]]:
        return {g["group"]: (g["presented"], g["placed"]) for g in report["by_channel"]}

    assert funnel(report_after) == funnel(report_before)
    # The erasure itself is on record, without the erased data.
    erased = session.scalars(select(AuditEntry).where(AuditEntry.action == "erased")).all()
    assert len(erased) == 1 and erased[0].entity == "freelancer" and erased[0].entity_id is None
    assert session.get_one(SubjectOperation, operation_id).scrub_terms is None
    # The other freelancer the person vouched for is still there, without the person's name.
    assert (
        intake.get(f"/v1/freelancers/{person['other_id']}", headers=keys.manager).status_code == 200
    )
    assert intake.get(f"/v1/freelancers/{fid}", headers=keys.manager).status_code == 404


def test_every_replica_index_drops_an_erased_freelancer(
    session: Session,
    keys: TestKeys,
    world: Any,
    intake: TestClient,
    matching: TestClient,
    drain: Callable[..., int],
) -> None:
    person = world.freelancer(skills={"python": 5})
    request = world.request(skills={"python": (True, 3, 1.0)})
    ranked = matching.post(f"/v1/requests/{request.id}/matches", headers=keys.manager).json()
    assert person.id in {r["freelancer_id"] for r in ranked["results"]}
    assert (
        intake.delete(f"/v1/data-subjects/freelancers/{person.id}", headers=keys.admin).status_code
        == 202
    )
    drain(*ERASURE_KINDS)
    # The live index sees the row gone on its next freshness check (count differs -> drop).
    session.execute(text("UPDATE freelancers SET consent_withdrawn_at = NULL"))
    ranked = matching.post(f"/v1/requests/{request.id}/matches", headers=keys.manager).json()
    assert person.id not in {r["freelancer_id"] for r in ranked["results"]}


def test_erasing_a_contact_removes_both_sides_of_their_ties(
    session: Session,
    keys: TestKeys,
    world: Any,
    referrals: TestClient,
    matching: TestClient,
    drain: Callable[..., int],
) -> None:
    name = unique("Bertold Voucher")
    boss = referrals.post(
        "/v1/contacts", json={"name": unique("Agency Boss"), "internal": True}, headers=keys.admin
    ).json()
    bertold = referrals.post(
        "/v1/contacts",
        json={"name": name, "email": f"{unique('b')}@example.com"},
        headers=keys.manager,
    ).json()
    person = world.freelancer(skills={"python": 5})
    referrals.post(
        "/v1/interactions",
        json={
            "contact_a_id": boss["id"],
            "contact_b_id": bertold["id"],
            "channel": "in_person",
            "occurred_on": "2026-09-01",
        },
        headers=keys.manager,
    )
    vouched = referrals.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": bertold["id"],
            "freelancer_id": person.id,
            "channel": "in_person",
            "last_met_on": "2026-09-01",
        },
        headers=keys.manager,
    )
    assert vouched.status_code == 201
    recompute(session, allow_incremental=False)
    request = world.request(skills={"python": (True, 3, 1.0)})
    matching.post(f"/v1/requests/{request.id}/matches", headers=keys.manager)
    assert rows_mentioning(session, name)

    linked = referrals.post(
        "/v1/contacts", json={"name": "Linked", "freelancer_id": person.id}, headers=keys.manager
    ).json()
    assert (
        referrals.delete(
            f"/v1/data-subjects/contacts/{linked['id']}", headers=keys.admin
        ).status_code
        == 409
    )
    assert (
        referrals.delete(
            f"/v1/data-subjects/contacts/{bertold['id']}", headers=keys.manager
        ).status_code
        == 403
    )
    response = referrals.delete(f"/v1/data-subjects/contacts/{bertold['id']}", headers=keys.admin)
    assert response.status_code == 202, response.text
    assert drain("subject_operation_matching", "subject_operation_referrals") == 2

    assert rows_mentioning(session, name) == {}
    assert rows_naming_id(session, "contact", bertold["id"]) == {}
    # The freelancer they vouched for stays.
    assert (
        session.scalar(text("SELECT count(*) FROM freelancers WHERE id = :id"), {"id": person.id})
        == 1
    )


def test_erasure_needs_an_admin_and_an_existing_subject(
    keys: TestKeys, intake: TestClient, referrals: TestClient, world: Any
) -> None:
    person = world.freelancer()
    assert (
        intake.delete(
            f"/v1/data-subjects/freelancers/{person.id}", headers=keys.manager
        ).status_code
        == 403
    )
    assert (
        intake.delete("/v1/data-subjects/freelancers/99999999", headers=keys.admin).status_code
        == 404
    )
    assert (
        referrals.delete("/v1/data-subjects/contacts/99999999", headers=keys.admin).status_code
        == 404
    )
    assert (
        intake.get("/v1/data-subjects/operations/99999999", headers=keys.admin).status_code == 404
    )
