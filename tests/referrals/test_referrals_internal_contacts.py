"""Internal contacts are the roots of trust: only admins create them or set the flag."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.models import Contact
from tests.support.keys import TestKeys


def _internal(session: Session) -> int:
    return int(
        session.scalar(select(func.count()).select_from(Contact).where(Contact.internal)) or 0
    )


def test_account_manager_cannot_create_or_flag_internal_contacts(
    client: TestClient, keys: TestKeys, session: Session
) -> None:
    refused = client.post(
        "/v1/contacts", json={"name": "Mallory", "internal": True}, headers=keys.manager
    )
    assert refused.status_code == 403
    assert refused.json()["errors"] == [{"field": "internal", "message": "admin only"}]
    plain = client.post("/v1/contacts", json={"name": "Mallory"}, headers=keys.manager).json()
    flagged = client.patch(
        f"/v1/contacts/{plain['id']}", json={"internal": True}, headers=keys.manager
    )
    assert flagged.status_code == 403
    csv_text = "name,external_ref,internal\nMallory Two,crm-m2,true\nPlain,crm-p,false\n"
    report = client.post(
        "/v1/contacts/import",
        files={"file": ("c.csv", csv_text.encode(), "text/csv")},
        headers=keys.manager,
    ).json()
    assert report["created"] == 1
    assert [(e["line"], e["field"]) for e in report["errors"]] == [(2, "internal")]
    assert _internal(session) == 0
    allowed = client.post(
        "/v1/contacts", json={"name": "Anna", "internal": True}, headers=keys.admin
    )
    assert allowed.status_code == 201
    assert _internal(session) == 1
