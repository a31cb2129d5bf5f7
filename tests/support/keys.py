"""API keys for tests, issued in the test's session."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from shared.auth.keys import get_or_create_organization, issue_key
from shared.models.enums import Role


def bearer(raw_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {raw_key}"}


@dataclass(frozen=True)
class TestKeys:
    __test__ = False  # a data holder, not a test class

    admin: dict[str, str]
    manager: dict[str, str]
    client_a: dict[str, str]
    client_b: dict[str, str]
    org_a_id: int
    org_b_id: int
    manager_key_id: int
    client_a_key_id: int


def make_keys(session: Session) -> TestKeys:
    org_a = get_or_create_organization(session, name="Acme GmbH")
    org_b = get_or_create_organization(session, name="Globex AG")
    admin = issue_key(session, role=Role.admin, name="test admin")
    manager = issue_key(session, role=Role.account_manager, name="test manager")
    client_a = issue_key(session, role=Role.client, organization_id=org_a.id, name="acme")
    client_b = issue_key(session, role=Role.client, organization_id=org_b.id, name="globex")
    return TestKeys(
        admin=bearer(admin.raw_key),
        manager=bearer(manager.raw_key),
        client_a=bearer(client_a.raw_key),
        client_b=bearer(client_b.raw_key),
        org_a_id=org_a.id,
        org_b_id=org_b.id,
        manager_key_id=manager.id,
        client_a_key_id=client_a.id,
    )
