"""`vouch users create|list|reset-password|deactivate`: people who sign in to the console."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from shared.accounts import service
from shared.cli.database import command_session
from shared.errors import AppError
from shared.models.enums import Role

app = typer.Typer(help="People who sign in to the console.", no_args_is_help=True)
console = Console(stderr=True)


@app.command("create")
def create(
    email: Annotated[str, typer.Option(help="Sign-in e-mail")],
    role: Annotated[Role, typer.Option(help="account_manager or admin")] = Role.account_manager,
    name: Annotated[str | None, typer.Option(help="Display name (default: the e-mail)")] = None,
    password: Annotated[
        str | None, typer.Option(help="Leave out to get a one-time password printed")
    ] = None,
) -> None:
    """Create a console user; a generated password is printed as the last line."""
    if role is Role.client:
        raise typer.BadParameter("clients use API keys (vouch keys create --role client)")
    try:
        with command_session() as session:
            user, generated = service.create_user(
                session, email=email, name=name or email, role=role, password=password
            )
            user_id = user.id
    except AppError as exc:
        console.print(f"[red]{exc.detail}[/red]")
        raise typer.Exit(1) from None
    console.print(f"Created {role.value} #{user_id} {email}")
    if generated:
        console.print("One-time password (shown once):")
        print(generated, flush=True)


@app.command("list")
def list_users() -> None:
    with command_session() as session:
        table = Table("id", "e-mail", "name", "role", "active")
        for user in service.list_users(session):
            table.add_row(
                str(user.id),
                user.email or "",
                user.name,
                user.role,
                str(user.deactivated_at is None),
            )
    Console().print(table)


@app.command("reset-password")
def reset_password(user_id: int) -> None:
    """A new one-time password (printed); open sessions end."""
    with command_session() as session:
        _, password = service.reset_password(session, user_id=user_id)
    print(password, flush=True)


@app.command("deactivate")
def deactivate(user_id: int) -> None:
    with command_session() as session:
        service.deactivate_user(session, user_id=user_id, acting_user_id=None)
    console.print(f"User #{user_id} deactivated; their sessions ended.")
