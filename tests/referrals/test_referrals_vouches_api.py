"""/v1/vouches: one active per referrer and freelancer with history, withdrawal, validation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.referrals.trust.service import recompute
from shared.models import Contact, Freelancer, Vouch
from tests.support.keys import TestKeys


def _vouch(referrer: Contact, freelancer: Freelancer, **extra: object) -> dict[str, object]:
    return {
        "referrer_contact_id": referrer.id,
        "freelancer_id": freelancer.id,
        "channel": "worked_together",
        "last_met_on": "2025-11-03",
        **extra,
    }


def test_a_new_vouch_supersedes_the_active_one_and_keeps_history(
    client: TestClient,
    keys: TestKeys,
    make_contact: Callable[..., Contact],
    make_freelancer: Callable[..., Freelancer],
) -> None:
    jan, ola = make_contact("Jan Novak"), make_freelancer("Ola Nowak")
    first = client.post(
        "/v1/vouches",
        json=_vouch(
            jan,
            ola,
            worked_together={"where": "DB Systel", "from": "2024-01-01", "to": "2024-12-31"},
            statement="Best Kotlin developer I worked with.",
        ),
        headers=keys.manager,
    )
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["recommendation"] == "yes" and body["status"] == "active"
    assert body["worked_together"] == {
        "where": "DB Systel",
        "from": "2024-01-01",
        "to": "2024-12-31",
    }
    assert body["referrer_name"] == "Jan Novak"

    second = client.post(
        "/v1/vouches", json=_vouch(jan, ola, recommendation="strong"), headers=keys.manager
    ).json()
    assert second["supersedes_id"] == body["id"]
    old = client.get(f"/v1/vouches/{body['id']}", headers=keys.manager).json()
    assert old["status"] == "superseded" and old["ended_at"] is not None
    assert old["superseded_by_id"] == second["id"]

    history = client.get(f"/v1/freelancers/{ola.id}/vouches", headers=keys.manager).json()
    assert {v["id"] for v in history["items"]} == {body["id"], second["id"]}
    active = client.get(
        f"/v1/freelancers/{ola.id}/vouches", params={"status": "active"}, headers=keys.manager
    ).json()
    assert [v["id"] for v in active["items"]] == [second["id"]]


def test_withdrawing_keeps_the_row_and_cannot_happen_twice(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
    make_freelancer: Callable[..., Freelancer],
) -> None:
    jan, ola = make_contact("Jan Novak"), make_freelancer("Ola Nowak")
    first = client.post("/v1/vouches", json=_vouch(jan, ola), headers=keys.manager).json()
    second = client.post("/v1/vouches", json=_vouch(jan, ola), headers=keys.manager).json()
    assert client.delete(f"/v1/vouches/{first['id']}", headers=keys.manager).status_code == 409
    withdrawn = client.delete(f"/v1/vouches/{second['id']}", headers=keys.manager)
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "withdrawn" and withdrawn.json()["ended_at"]
    again = client.delete(f"/v1/vouches/{second['id']}", headers=keys.manager)
    assert again.status_code == 409
    assert client.delete("/v1/vouches/99999999", headers=keys.manager).status_code == 404
    assert session.scalar(select(func.count()).select_from(Vouch)) == 2
    # After a withdrawal a new vouch starts a fresh active row.
    renewed = client.post("/v1/vouches", json=_vouch(jan, ola), headers=keys.manager).json()
    assert renewed["status"] == "active" and renewed["supersedes_id"] is None


def test_invalid_vouches_name_the_field_and_store_nothing(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
    make_freelancer: Callable[..., Freelancer],
) -> None:
    ola = make_freelancer("Ola Nowak")
    ola_contact = make_contact("Ola Nowak", freelancer_id=ola.id)
    jan = make_contact("Jan Novak")
    future = (date.today() + timedelta(days=3)).isoformat()
    cases = [
        (_vouch(ola_contact, ola), "referrer_contact_id"),  # a freelancer vouching for themself
        (_vouch(jan, ola, last_met_on=future), "last_met_on"),
        (_vouch(jan, ola, recommendation="maybe"), "recommendation"),
        (_vouch(jan, ola, channel="smoke signals"), "channel"),
        ({**_vouch(jan, ola), "referrer_contact_id": 99999999}, "referrer_contact_id"),
        ({**_vouch(jan, ola), "freelancer_id": 99999999}, "freelancer_id"),
        (
            _vouch(jan, ola, worked_together={"from": "2024-05-01", "to": "2024-01-01"}),
            "worked_together",
        ),
        (_vouch(jan, ola, worked_together={"from": future}), "worked_together.from"),
        (_vouch(jan, ola, stars=5), "stars"),
    ]
    for body, field in cases:
        response = client.post("/v1/vouches", json=body, headers=keys.manager)
        assert response.status_code == 422, (body, response.text)
        assert field in [e["field"] for e in response.json()["errors"]], response.json()
    assert session.scalar(select(func.count()).select_from(Vouch)) == 0
    assert client.get("/v1/freelancers/99999999/vouches", headers=keys.manager).status_code == 404
    assert client.get("/v1/vouches/99999999", headers=keys.manager).status_code == 404


def test_ancient_meetings_weigh_nothing_instead_of_failing(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
    make_freelancer: Callable[..., Freelancer],
    meet: Callable[..., object],
) -> None:
    # Found by schemathesis: 2^(-age/h) for a meeting in year 1 underflowed in SQL (a 500).
    agency = make_contact("Anna Berg", internal=True)
    friend = make_contact("Jan Novak")
    meet(agency, friend, "in_person", date(1, 1, 1))
    meet(agency, friend, "in_person", date.today() - timedelta(days=3))
    recompute(session)
    response = client.post(
        "/v1/vouches", json=_vouch(friend, make_freelancer()), headers=keys.manager
    )
    assert response.status_code == 201, response.text
    cooling = client.get("/v1/reports/cooling", headers=keys.manager)
    assert cooling.status_code == 200, cooling.text
