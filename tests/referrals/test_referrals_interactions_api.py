"""/v1/interactions: ordered pairs, validation, idempotent re-recording, a contact's list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.referrals.trust.service import recompute
from shared.models import Contact, Interaction
from tests.support.keys import TestKeys


def _count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Interaction)) or 0)


def test_an_interaction_is_stored_smaller_id_first_and_only_once(
    client: TestClient, keys: TestKeys, session: Session, make_contact: Callable[..., Contact]
) -> None:
    anna, jan = make_contact("Anna Berg", internal=True), make_contact("Jan Novak")
    body = {
        "contact_a_id": jan.id,
        "contact_b_id": anna.id,
        "channel": "in_person",
        "occurred_on": "2026-03-02",
        "context": "JavaLand",
    }
    first = client.post("/v1/interactions", json=body, headers=keys.manager)
    assert first.status_code == 201, first.text
    assert (first.json()["contact_a_id"], first.json()["contact_b_id"]) == (anna.id, jan.id)
    again = client.post("/v1/interactions", json=body, headers=keys.manager)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert _count(session) == 1
    no_context = client.post(
        "/v1/interactions", json={**body, "context": None}, headers=keys.manager
    )
    assert no_context.status_code == 201 and no_context.json()["context"] is None
    # The recompute can run in the same transaction as the writes (the lock is re-entrant).
    recompute(session)
    jan_trust = client.get(f"/v1/contacts/{jan.id}", headers=keys.manager).json()
    assert jan_trust["network_trust"] > 0


def test_invalid_interactions_name_the_field_and_store_nothing(
    client: TestClient, keys: TestKeys, session: Session, make_contact: Callable[..., Contact]
) -> None:
    anna, jan = make_contact("Anna Berg", internal=True), make_contact("Jan Novak")
    good = {
        "contact_a_id": anna.id,
        "contact_b_id": jan.id,
        "channel": "video",
        "occurred_on": "2026-01-10",
    }
    future = (date.today() + timedelta(days=3)).isoformat()
    cases = [
        ({**good, "contact_b_id": anna.id}, "contact_b_id"),
        ({**good, "occurred_on": future}, "occurred_on"),
        ({**good, "occurred_on": "10.01.2026"}, "occurred_on"),
        ({**good, "channel": "telepathy"}, "channel"),
        ({**good, "contact_a_id": 99999999}, "contact_a_id"),
        ({**good, "context": "x" * 301}, "context"),
        ({**good, "mood": "great"}, "mood"),
    ]
    for body, field in cases:
        response = client.post("/v1/interactions", json=body, headers=keys.manager)
        assert response.status_code == 422, (body, response.text)
        assert field in [e["field"] for e in response.json()["errors"]]
    assert _count(session) == 0


def test_a_contacts_interactions_newest_first_with_pages(
    client: TestClient,
    keys: TestKeys,
    make_contact: Callable[..., Contact],
    meet: Callable[..., Interaction],
) -> None:
    anna, jan, ola = (
        make_contact("Anna Berg", internal=True),
        make_contact("Jan Novak"),
        make_contact("Ola Nowak"),
    )
    meet(anna, jan, "in_person", date(2026, 1, 5))
    meet(jan, ola, "worked_together", date(2025, 6, 1), "DB Systel")
    meet(jan, anna, "phone", date(2026, 2, 1))
    first = client.get(
        f"/v1/contacts/{jan.id}/interactions", params={"limit": 2}, headers=keys.manager
    ).json()
    rest = client.get(
        f"/v1/contacts/{jan.id}/interactions",
        params={"limit": 2, "cursor": first["next_cursor"]},
        headers=keys.manager,
    ).json()
    items = first["items"] + rest["items"]
    assert [i["occurred_on"] for i in items] == ["2026-02-01", "2026-01-05", "2025-06-01"]
    assert [i["other_contact_name"] for i in items] == ["Anna Berg", "Anna Berg", "Ola Nowak"]
    assert rest["next_cursor"] is None
    assert client.get("/v1/contacts/999999/interactions", headers=keys.manager).status_code == 404
