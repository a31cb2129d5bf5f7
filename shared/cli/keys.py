"""`vouch keys create|list|revoke`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from shared.auth.keys import get_or_create_organization, issue_key, rotate_key
from shared.cli.database import command_session
from shared.models import ApiKey, Organization
from shared.models.enums import Role

app = typer.Typer(help="Create, list, rotate and revoke API keys.", no_args_is_help=True)
console = Console(stderr=True)


@app.command("create")
def create(
    role: Annotated[Role, typer.Option(help="client, account_manager or admin")],
    org: Annotated[str | None, typer.Option(help="Organisation of a client key")] = None,
    name: Annotated[str, typer.Option(help="A label for the key")] = "",
    expires_in_days: Annotated[
        float | None, typer.Option(min=0.001, help="The key stops working after this many days")
    ] = None,
) -> None:
    """Create a key and print it as the last line (it is not shown again)."""
    if role is Role.client and not org:
        raise typer.BadParameter("a client key needs --org", param_hint="--org")
    with command_session() as session:
        organization_id = None
        if role is Role.client and org:
            organization_id = get_or_create_organization(session, name=org).id
        expires_at = (
            datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
        )
        issued = issue_key(
            session, role=role, organization_id=organization_id, name=name, expires_at=expires_at
        )
    console.print(
        f"Created {role.value} key #{issued.id}"
        + (f" for {org}" if org else "")
        + (f", expires {expires_at.isoformat(timespec='minutes')}" if expires_at else "")
    )
    console.print("Store it now; Vouch keeps only its hash.")
    print(issued.raw_key, flush=True)


@app.command("list")
def list_keys() -> None:
    """List keys (prefix, role, organisation, revoked)."""
    with command_session() as session:
        rows = session.execute(
            select(ApiKey, Organization.name)
            .outerjoin(Organization, Organization.id == ApiKey.organization_id)
            .order_by(ApiKey.id)
        ).all()
        table = Table("id", "prefix", "role", "organisation", "name", "expires", "revoked")
        for key, org_name in rows:
            table.add_row(
                str(key.id),
                key.prefix,
                key.role,
                org_name or "",
                key.name,
                key.expires_at.isoformat(timespec="minutes") if key.expires_at else "",
                key.revoked_at.isoformat() if key.revoked_at else "",
            )
    Console().print(table)


@app.command("rotate")
def rotate(
    key_id: int,
    grace_hours: Annotated[
        float, typer.Option(min=0, help="Keep the old key working this long (default: stop now)")
    ] = 0,
    expires_in_days: Annotated[
        float | None, typer.Option(min=0.001, help="The new key stops working after this")
    ] = None,
) -> None:
    """Replace a key with a new one of the same role and organisation; prints the new key."""
    with command_session() as session:
        try:
            issued = rotate_key(
                session,
                key_id=key_id,
                grace=timedelta(hours=grace_hours),
                new_expires_at=(
                    datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
                ),
            )
        except LookupError as exc:
            raise typer.BadParameter(str(exc)) from exc
    console.print(
        f"Key #{key_id} replaced by #{issued.id}; the old key "
        + (f"works for {grace_hours:g} more hours." if grace_hours else "no longer works.")
    )
    console.print("Store the new key now; Vouch keeps only its hash.")
    print(issued.raw_key, flush=True)


@app.command("revoke")
def revoke(key_id: int) -> None:
    """Revoke a key by id; requests with it get 401 from now on."""
    with command_session() as session:
        key = session.get(ApiKey, key_id)
        if key is None:
            raise typer.BadParameter(f"no key #{key_id}")
        key.revoked_at = datetime.now(UTC)
    console.print(f"Revoked key #{key_id}")
