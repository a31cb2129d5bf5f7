"""Every read of personal data by a person writes an audit row; GET /v1/audit reads them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.models import AuditEntry
from tests.support.keys import TestKeys


def test_reads_of_personal_data_are_audited_with_who_what_and_endpoint(
    session: Session,
    keys: TestKeys,
    world: Any,
    intake: TestClient,
    referrals: TestClient,
    matching: TestClient,
) -> None:
    person = world.freelancer(skills={"python": 5})
    contact = referrals.post("/v1/contacts", json={"name": "Audited"}, headers=keys.manager).json()
    vouch = referrals.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": contact["id"],
            "freelancer_id": person.id,
            "channel": "phone",
            "last_met_on": "2026-10-01",
        },
        headers=keys.manager,
    ).json()
    request = world.request(skills={"python": (True, 3, 1.0)})
    before = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0
    run = matching.post(f"/v1/requests/{request.id}/matches?top_k=5", headers=keys.manager).json()
    # The ranking call writes its audit row in the statement that stores the run.
    ranked = session.scalars(select(AuditEntry).where(AuditEntry.id > before)).all()
    assert [
        (r.action, r.endpoint, r.entity, r.entity_id, r.detail, r.api_key_id) for r in ranked
    ] == [
        (
            "create",
            "POST /v1/requests/{request_id}/matches",
            "match_run",
            str(request.id),
            {"query": {"top_k": "5"}},
            keys.manager_key_id,
        )
    ]
    refused = matching.post("/v1/requests/99999999/matches", headers=keys.manager)
    assert refused.status_code == 404
    assert session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) == (
        ranked[0].id
    )
    matching.post(
        "/v1/reviews",
        json={"request_id": request.id, "freelancer_id": person.id, "decision": "presented"},
        headers=keys.manager,
    )
    placement = matching.post(
        "/v1/placements",
        json={
            "request_id": request.id,
            "freelancer_id": person.id,
            "start_date": "2027-03-01",
            "day_rate": "600",
        },
        headers=keys.manager,
    ).json()
    start = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0
    reads = [
        (
            intake,
            f"/v1/freelancers/{person.id}",
            "GET /v1/freelancers/{freelancer_id}",
            "freelancer",
            str(person.id),
        ),
        (intake, "/v1/freelancers", "GET /v1/freelancers", "freelancer", None),
        (
            referrals,
            f"/v1/contacts/{contact['id']}",
            "GET /v1/contacts/{contact_id}",
            "contact",
            str(contact["id"]),
        ),
        (referrals, "/v1/contacts", "GET /v1/contacts", "contact", None),
        (
            referrals,
            f"/v1/contacts/{contact['id']}/interactions",
            "GET /v1/contacts/{contact_id}/interactions",
            "contact",
            str(contact["id"]),
        ),
        (
            referrals,
            f"/v1/vouches/{vouch['id']}",
            "GET /v1/vouches/{vouch_id}",
            "vouch",
            str(vouch["id"]),
        ),
        (
            referrals,
            f"/v1/freelancers/{person.id}/vouches",
            "GET /v1/freelancers/{freelancer_id}/vouches",
            "freelancer",
            str(person.id),
        ),
        (
            referrals,
            f"/v1/freelancers/{person.id}/trust",
            "GET /v1/freelancers/{freelancer_id}/trust",
            "freelancer",
            str(person.id),
        ),
        (
            matching,
            f"/v1/match-runs/{run['run_id']}",
            "GET /v1/match-runs/{run_id}",
            "match_run",
            str(run["run_id"]),
        ),
        (
            matching,
            f"/v1/requests/{request.id}/matches",
            "GET /v1/requests/{request_id}/matches",
            "match_run",
            str(request.id),
        ),
        (
            matching,
            f"/v1/requests/{request.id}/reviews",
            "GET /v1/requests/{request_id}/reviews",
            "review",
            str(request.id),
        ),
        (
            matching,
            f"/v1/placements/{placement['id']}",
            "GET /v1/placements/{placement_id}",
            "placement",
            str(placement["id"]),
        ),
    ]
    for client, path, _, _, _ in reads:
        assert client.get(path, headers=keys.manager).status_code == 200, path
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.id > start).order_by(AuditEntry.id)
    ).all()
    got = [(r.endpoint, r.entity, r.entity_id) for r in rows if r.action in ("read", "list")]
    for _, _, endpoint, entity, entity_id in reads:
        assert (endpoint, entity, entity_id) in got, endpoint
    assert all(
        r.api_key_id == keys.manager_key_id and r.actor_role == "account_manager" for r in rows
    )
    assert all(r.created_at is not None for r in rows)

    # A refused read leaves no row.
    before = len(rows)
    assert referrals.get("/v1/contacts/99999999", headers=keys.manager).status_code == 404
    after = session.scalars(select(AuditEntry).where(AuditEntry.id > start)).all()
    assert len(after) == before


def test_audit_log_api_filters_and_pages(
    session: Session, keys: TestKeys, intake: TestClient, referrals: TestClient
) -> None:
    contact = referrals.post("/v1/contacts", json={"name": "Paged"}, headers=keys.manager).json()
    for _ in range(5):
        referrals.get(f"/v1/contacts/{contact['id']}", headers=keys.manager)
    referrals.get(f"/v1/contacts/{contact['id']}", headers=keys.admin)

    assert intake.get("/v1/audit", headers=keys.manager).status_code == 403
    query = {"subject_type": "contact", "subject_id": str(contact["id"]), "action": "read"}
    everything = intake.get("/v1/audit", params=query, headers=keys.admin).json()
    assert len(everything["items"]) == 6
    by_manager = intake.get(
        "/v1/audit", params={**query, "actor": keys.manager_key_id}, headers=keys.admin
    ).json()
    assert len(by_manager["items"]) == 5
    assert by_manager["items"][0]["endpoint"] == "GET /v1/contacts/{contact_id}"

    seen: list[int] = []
    cursor = None
    while True:
        params = {**query, "limit": 4, **({"cursor": cursor} if cursor else {})}
        page = intake.get("/v1/audit", params=params, headers=keys.admin).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [item["id"] for item in everything["items"]]
    assert seen == sorted(seen, reverse=True)

    now = datetime.now(UTC)
    future = intake.get(
        "/v1/audit",
        params={**query, "from": (now + timedelta(days=1)).isoformat()},
        headers=keys.admin,
    ).json()
    assert future["items"] == []
    window = intake.get(
        "/v1/audit",
        params={
            **query,
            "from": (now - timedelta(days=1)).isoformat(),
            "to": (now + timedelta(days=1)).isoformat(),
        },
        headers=keys.admin,
    ).json()
    assert len(window["items"]) == 6
    for bad in ({"cursor": "nonsense"}, {"from": "2026-01-01T00:00:00"}, {"actor": "x"}):
        response = intake.get("/v1/audit", params=bad, headers=keys.admin)
        assert response.status_code == 422, bad
