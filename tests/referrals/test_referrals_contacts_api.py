"""/v1/contacts: create, read, update, list with search, sort and cursor pagination; auth."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.models import Contact, ContactTrust, Freelancer, Job
from tests.support.keys import TestKeys


def _count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Contact)) or 0)


def test_create_and_read_a_contact(client: TestClient, keys: TestKeys, session: Session) -> None:
    response = client.post(
        "/v1/contacts",
        json={"name": "Anna Berg", "internal": True, "company": "Vouch", "external_ref": "crm-1"},
        headers=keys.admin,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == "Anna Berg" and body["internal"] is True
    assert body["network_trust"] == 0.0
    read = client.get(f"/v1/contacts/{body['id']}", headers=keys.admin)
    assert read.status_code == 200
    assert read.json()["external_ref"] == "crm-1"
    # The network changed: a debounced recompute is queued in the same transaction.
    job = session.scalar(select(Job).where(Job.kind == "recompute_trust"))
    assert job is not None and job.dedupe_key == "all"


def test_clients_and_anonymous_callers_are_refused(client: TestClient, keys: TestKeys) -> None:
    assert client.post("/v1/contacts", json={"name": "X"}).status_code == 401
    for method, path in [
        ("post", "/v1/contacts"),
        ("post", "/v1/contacts/import"),
        ("post", "/v1/interactions/import"),
        ("get", "/v1/contacts"),
        ("get", "/v1/contacts/1"),
        ("patch", "/v1/contacts/1"),
        ("get", "/v1/contacts/1/interactions"),
        ("post", "/v1/interactions"),
        ("post", "/v1/vouches"),
        ("get", "/v1/vouches/1"),
        ("delete", "/v1/vouches/1"),
        ("get", "/v1/freelancers/1/trust"),
        ("get", "/v1/freelancers/1/vouches"),
        ("get", "/v1/reports/sources"),
        ("get", "/v1/reports/referrers"),
        ("get", "/v1/reports/cooling"),
    ]:
        response = client.request(method, path, json={"name": "X"}, headers=keys.client_a)
        assert response.status_code == 403, (method, path, response.text)
        assert response.headers["content-type"] == "application/problem+json"


def test_invalid_fields_are_named_and_nothing_is_stored(
    client: TestClient, keys: TestKeys, session: Session
) -> None:
    before = _count(session)
    cases = [
        ({"name": ""}, "name"),
        ({"name": "A", "email": "not-an-email"}, "email"),
        ({"name": "A", "surname": "B"}, "surname"),
        ({"name": "A", "freelancer_id": 999999}, "freelancer_id"),
        ({"name": "A", "organization_id": 999999}, "organization_id"),
        ({"name": "A", "internal": "maybe"}, "internal"),
    ]
    for body, field in cases:
        response = client.post("/v1/contacts", json=body, headers=keys.manager)
        assert response.status_code == 422, (body, response.text)
        assert field in [e["field"] for e in response.json()["errors"]], response.json()
    assert _count(session) == before


def test_external_ref_and_freelancer_link_are_unique(
    client: TestClient,
    keys: TestKeys,
    make_freelancer: Callable[..., Freelancer],
) -> None:
    freelancer = make_freelancer()
    first = client.post(
        "/v1/contacts",
        json={"name": "Ola", "external_ref": "r1", "freelancer_id": freelancer.id},
        headers=keys.manager,
    )
    assert first.status_code == 201
    same_ref = client.post(
        "/v1/contacts", json={"name": "B", "external_ref": "r1"}, headers=keys.manager
    )
    assert same_ref.status_code == 409
    assert same_ref.json()["errors"][0]["field"] == "external_ref"
    same_freelancer = client.post(
        "/v1/contacts", json={"name": "C", "freelancer_id": freelancer.id}, headers=keys.manager
    )
    assert same_freelancer.status_code == 409


def test_patch_changes_only_what_is_sent(client: TestClient, keys: TestKeys) -> None:
    created = client.post(
        "/v1/contacts", json={"name": "Jan Novak", "company": "DB"}, headers=keys.manager
    ).json()
    response = client.patch(
        f"/v1/contacts/{created['id']}", json={"internal": True}, headers=keys.admin
    )
    assert response.status_code == 200
    assert response.json()["internal"] is True and response.json()["company"] == "DB"
    cleared = client.patch(
        f"/v1/contacts/{created['id']}", json={"company": None}, headers=keys.manager
    )
    assert cleared.json()["company"] is None
    refused = client.patch(
        f"/v1/contacts/{created['id']}", json={"name": None}, headers=keys.manager
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "name"
    assert client.patch("/v1/contacts/999999", json={}, headers=keys.manager).status_code == 404


def test_list_searches_sorts_and_pages(
    client: TestClient, keys: TestKeys, session: Session, make_contact: Callable[..., Contact]
) -> None:
    trusts = [0.1, 0.9, 0.5, 0.5, 0.0, 0.3, 0.7]
    people = [
        make_contact(f"Person {i:02d}", company="Acme" if i % 2 else "Globex") for i in range(7)
    ]
    session.add_all(
        ContactTrust(contact_id=c.id, network_trust=t) for c, t in zip(people, trusts, strict=True)
    )
    session.flush()

    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"sort": "-network_trust", "limit": 3, "q": "person"}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/v1/contacts", params=params, headers=keys.manager).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    ranked = sorted(zip(people, trusts, strict=True), key=lambda pair: (-pair[1], pair[0].id))
    assert seen == [contact.id for contact, _ in ranked]

    acme = client.get("/v1/contacts", params={"q": "ACME", "sort": "name"}, headers=keys.manager)
    assert [i["name"] for i in acme.json()["items"]] == ["Person 01", "Person 03", "Person 05"]
    by_name = client.get(
        "/v1/contacts", params={"sort": "name", "limit": 2, "q": "Person"}, headers=keys.manager
    ).json()
    second = client.get(
        "/v1/contacts",
        params={"sort": "name", "limit": 2, "q": "Person", "cursor": by_name["next_cursor"]},
        headers=keys.manager,
    ).json()
    assert [i["name"] for i in by_name["items"] + second["items"]] == [
        f"Person {i:02d}" for i in range(4)
    ]
    newest = client.get(
        "/v1/contacts", params={"sort": "-created_at", "limit": 100}, headers=keys.manager
    )
    assert newest.status_code == 200
    assert (
        client.get("/v1/contacts", params={"sort": "age"}, headers=keys.manager).json()["errors"][
            0
        ]["field"]
        == "sort"
    )
    bad_cursor = client.get("/v1/contacts", params={"cursor": "!!"}, headers=keys.manager)
    assert bad_cursor.status_code == 422 and bad_cursor.json()["errors"][0]["field"] == "cursor"
