"""`vouch up`: database, migrations, three services and the worker; all stopped on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from types import FrameType

import httpx
from rich.console import Console

from shared.auth.keys import issue_key
from shared.cli.database import command_database, migrate_to_head
from shared.config import get_settings
from shared.db.engine import make_engine
from shared.models.enums import Role

console = Console()

SERVICES = {
    "console": "services.console.main:app",
    "intake": "services.intake.main:app",
    "matching": "services.matching.main:app",
    "referrals": "services.referrals.main:app",
}


def _ports() -> dict[str, int]:
    settings = get_settings()
    return {
        "console": settings.console_port,
        "intake": settings.intake_port,
        "matching": settings.matching_port,
        "referrals": settings.referrals_port,
    }


def _fresh_admin_key(url: str) -> str:
    from sqlalchemy.orm import Session

    engine = make_engine(url, pool_size=1)
    try:
        with Session(engine) as session, session.begin():
            return issue_key(session, role=Role.admin, name="vouch up").raw_key
    finally:
        engine.dispose()


def _first_console_admin(url: str) -> tuple[str, str] | None:
    """On a system nobody can sign in to yet, an admin with a one-time password (printed once)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from shared.accounts.service import create_user
    from shared.models import User

    engine = make_engine(url, pool_size=1)
    try:
        with Session(engine) as session, session.begin():
            someone = session.scalar(
                select(User.id).where(
                    User.password_hash.is_not(None), User.role == Role.admin.value
                )
            )
            if someone is not None:
                return None
            user, password = create_user(
                session, email="admin@vouch.example", name="Admin", role=Role.admin
            )
            return (user.email or "", password or "")
    finally:
        engine.dispose()


def _wait_ready(urls: dict[str, str], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    pending = dict(urls)
    while pending and time.monotonic() < deadline:
        for name, base in list(pending.items()):
            try:
                if httpx.get(base + "/readyz", timeout=1.0).status_code == 200:
                    pending.pop(name)
            except httpx.HTTPError:
                pass
        time.sleep(0.3)
    if pending:
        raise RuntimeError(f"not ready after {timeout:.0f}s: {', '.join(pending)}")


def up() -> None:
    """Start everything on this machine; Ctrl-C or SIGTERM stops it all, database included."""
    settings = get_settings()
    stopping = False

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    children: list[subprocess.Popen[bytes]] = []
    with command_database() as url:
        console.print(
            "[bold]Vouch[/bold] — database:",
            "DATABASE_URL"
            if settings.database_url
            else f"embedded PostgreSQL in {settings.data_dir}/",
        )
        migrate_to_head(url)
        env = {**os.environ, "DATABASE_URL": url}
        urls: dict[str, str] = {}
        try:
            for name, target in SERVICES.items():
                port = _ports()[name]
                urls[name] = f"http://{settings.host}:{port}"
                children.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "uvicorn",
                            target,
                            "--host",
                            settings.host,
                            "--port",
                            str(port),
                        ],
                        env=env,
                    )
                )
            children.append(
                subprocess.Popen([sys.executable, "-m", "shared.cli", "worker"], env=env)
            )
            _wait_ready(urls)
            admin_key = _fresh_admin_key(url)
            first_admin = _first_console_admin(url)
            console.print(
                f"  [bold]console[/bold]    {urls['console']}   <- open this in a browser"
            )
            if first_admin:
                console.print(f"             sign in as {first_admin[0]} / {first_admin[1]}")
            for name, base in urls.items():
                if name != "console":
                    console.print(f"  {name:<10} {base}   docs: {base}/docs")
            console.print("  worker     running")
            console.print("Admin key (shown once):")
            print(admin_key, flush=True)
            console.print("Press Ctrl-C to stop.")
            while not stopping:
                if any(child.poll() is not None for child in children):
                    console.print("[red]A process exited; stopping everything.[/red]")
                    break
                time.sleep(0.5)
        finally:
            for child in children:
                if child.poll() is None:
                    child.terminate()
            for child in children:
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    child.kill()
            console.print("Stopped services and worker; stopping the database.")
