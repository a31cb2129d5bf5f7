"""CSV imports: good rows land, bad rows are reported by line with reasons, re-import adds
nothing, and a broken file is refused as a whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.models import Contact, Freelancer, Interaction
from tests.support.keys import TestKeys


def _upload(
    client: TestClient, path: str, text: str, keys: TestKeys, *, admin: bool = False
) -> dict:
    response = client.post(
        path,
        files={"file": ("data.csv", text.encode(), "text/csv")},
        headers=keys.admin if admin else keys.manager,
    )
    assert response.status_code in (200, 201), response.text
    return dict(response.json())


def _count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_contacts_import_reports_bad_rows_and_is_idempotent(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_freelancer: Callable[..., Freelancer],
) -> None:
    ola = make_freelancer("Ola Nowak")
    csv_text = (
        "name,external_ref,email,company,internal,freelancer_id,shoe_size\n"
        "Anna Berg,crm-1,anna@vouch.example,Vouch,true,,42\n"
        ",crm-2,,,false,,\n"  # line 3: no name
        "Jan Novak,crm-3,not-an-email,DB,no,,\n"  # line 4: bad email
        f"Ola Nowak,crm-4,,,,{ola.id},\n"
        "Someone,,,,,,\n"  # line 6: no external_ref
        "Anna Again,crm-1,,,,,\n"  # line 7: repeats line 2
        "Piotr,crm-5,,,perhaps,,\n"  # line 8: internal not a boolean
        "Ghost,crm-6,,,,999999,\n"  # line 9: unknown freelancer
    )
    # Line 2 marks Anna internal, which only an admin may do.
    report = _upload(client, "/v1/contacts/import", csv_text, keys, admin=True)
    assert (report["rows"], report["created"], report["skipped"], report["rejected"]) == (
        8,
        2,
        1,
        5,
    )
    assert report["ignored_columns"] == ["shoe_size"]
    problems = {(e["line"], e["field"]) for e in report["errors"]}
    assert problems == {
        (3, "name"),
        (4, "email"),
        (6, "external_ref"),
        (8, "internal"),
        (9, "freelancer_id"),
    }
    assert report["skipped_rows"] == [{"line": 7, "reason": "repeats the external_ref of line 2"}]
    anna = session.scalar(select(Contact).where(Contact.external_ref == "crm-1"))
    assert anna is not None and anna.internal and anna.email == "anna@vouch.example"
    assert (
        session.scalar(select(Contact.freelancer_id).where(Contact.external_ref == "crm-4"))
        == ola.id
    )

    again = _upload(client, "/v1/contacts/import", csv_text, keys, admin=True)
    assert again["created"] == 0 and again["skipped"] == 3
    assert _count(session, Contact) == 2


def test_interactions_import_resolves_references_and_adds_no_duplicates(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
) -> None:
    anna = make_contact("Anna Berg", internal=True, external_ref="crm-anna")
    jan = make_contact("Jan Novak", external_ref="crm-jan")
    ola = make_contact("Ola Nowak")
    future = (date.today() + timedelta(days=5)).isoformat()
    csv_text = (
        "contact_a,contact_b,channel,occurred_on,context\n"
        f"crm-anna,crm-jan,in_person,2026-03-02,JavaLand\n"
        f"crm-jan,{ola.id},worked_together,2024-05-01,DB Systel\n"
        f"crm-jan,crm-anna,in_person,2026-03-02,JavaLand\n"  # line 4: same meeting, swapped
        f"crm-anna,nobody,phone,2026-01-01,\n"  # line 5: unknown contact
        f"crm-anna,crm-anna,phone,2026-01-01,\n"  # line 6: same contact twice
        f"crm-anna,crm-jan,carrier pigeon,2026-01-01,\n"  # line 7: bad channel
        f"crm-anna,crm-jan,video,01/02/2026,\n"  # line 8: bad date
        f"crm-anna,crm-jan,video,{future},\n"  # line 9: future
        f"{anna.id},{ola.id},online,2025-12-24,\n"
    )
    report = _upload(client, "/v1/interactions/import", csv_text, keys)
    assert (report["rows"], report["created"], report["skipped"], report["rejected"]) == (
        9,
        3,
        1,
        5,
    )
    assert {(e["line"], e["field"]) for e in report["errors"]} == {
        (5, "contact_b"),
        (6, "contact_b"),
        (7, "channel"),
        (8, "occurred_on"),
        (9, "occurred_on"),
    }
    assert report["skipped_rows"] == [{"line": 4, "reason": "repeats line 2"}]
    stored = session.execute(
        select(Interaction.contact_a_id, Interaction.contact_b_id, Interaction.context).order_by(
            Interaction.id
        )
    ).all()
    assert stored == [
        (anna.id, jan.id, "JavaLand"),
        (min(jan.id, ola.id), max(jan.id, ola.id), "DB Systel"),
        (anna.id, ola.id, ""),
    ]

    again = _upload(client, "/v1/interactions/import", csv_text, keys)
    assert again["created"] == 0 and again["skipped"] == 4
    assert _count(session, Interaction) == 3


def test_a_broken_file_is_refused_as_a_whole(
    client: TestClient, keys: TestKeys, session: Session
) -> None:
    for content, reason in [
        (b"contact_a,contact_b,occurred_on\nx,y,2026-01-01\n", "channel"),
        (b"", "empty"),
        ("contact_a,contact_b,channel,occurred_on\n\xe9".encode("latin-1"), "UTF-8"),
    ]:
        response = client.post(
            "/v1/interactions/import",
            files={"file": ("data.csv", content, "text/csv")},
            headers=keys.manager,
        )
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["field"] == "file"
        assert reason in response.json()["detail"]
    missing = client.post("/v1/interactions/import", headers=keys.manager)
    assert missing.status_code == 422
    assert _count(session, Interaction) == 0
