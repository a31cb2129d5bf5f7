"""`vouch up`: database, migrations, three services and one worker per service.

A child that dies is started again (with back-off) instead of stopping everything; Ctrl-C or
SIGTERM stops them all, database included.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
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
MAX_RESTART_DELAY = 30.0


@dataclass
class Child:
    """A supervised process: restarted with doubling delays when it exits on its own."""

    name: str
    command: list[str]
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    restart_at: float | None = None
    started_at: float = field(default_factory=time.monotonic)

    def start(self) -> None:
        self.process = subprocess.Popen(self.command, env=self.env)
        self.started_at = time.monotonic()
        self.restart_at = None

    def supervise(self) -> None:
        """Start again if it died; a child that ran for a minute gets its back-off reset."""
        if self.process is None or self.process.poll() is None:
            return
        now = time.monotonic()
        if self.restart_at is None:
            if now - self.started_at > 60:
                self.restarts = 0
            delay = min(MAX_RESTART_DELAY, 2.0**self.restarts)
            self.restarts += 1
            self.restart_at = now + delay
            console.print(
                f"[yellow]{self.name} exited with {self.process.returncode}; "
                f"restarting in {delay:.0f}s[/yellow]"
            )
        elif now >= self.restart_at:
            self.start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()

    def wait(self) -> None:
        if self.process is None:
            return
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


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


def _hand_over_secret(label: str, secret: str, path: Path) -> None:
    """On a terminal, print it; otherwise (output captured into a log) write it to a 0600 file."""
    if sys.stdout.isatty():
        console.print(f"{label} (shown once, not logged):")
        print(secret, flush=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secret + "\n")
    os.chmod(path, 0o600)
    console.print(f"{label}: written to {path} (mode 0600; output is not a terminal).")


def _hand_over_admin_key(admin_key: str, data_dir: Path) -> None:
    _hand_over_secret("Admin API key", admin_key, data_dir / "admin-key")


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


def _children(host: str, env: dict[str, str]) -> list[Child]:
    children = [
        Child(
            name,
            [sys.executable, "-m", "uvicorn", target, "--host", host, "--port", str(port)],
            env,
        )
        for (name, target), port in zip(SERVICES.items(), _ports().values(), strict=True)
    ]
    children += [
        Child(
            f"worker-{name}", [sys.executable, "-m", "shared.cli", "worker", "--service", name], env
        )
        for name in SERVICES
        if name != "console"  # the console owns no job kinds
    ]
    return children


def up() -> None:
    """Start everything on this machine; Ctrl-C or SIGTERM stops it all, database included."""
    settings = get_settings()
    stopping = False

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with command_database() as url:
        console.print(
            "[bold]Vouch[/bold] — database:",
            "DATABASE_URL"
            if settings.database_url
            else f"embedded PostgreSQL in {settings.data_dir}/",
        )
        migrate_to_head(url)
        children = _children(settings.host, {**os.environ, "DATABASE_URL": url})
        urls = {name: f"http://{settings.host}:{port}" for name, port in _ports().items()}
        try:
            for child in children:
                child.start()
            _wait_ready(urls)
            first_admin = _first_console_admin(url)
            console.print(
                f"  [bold]console[/bold]    {urls['console']}   <- open this in a browser"
            )
            if first_admin:
                _hand_over_secret(
                    f"First console sign-in: {first_admin[0]} with this one-time password",
                    first_admin[1],
                    settings.data_dir / "console-admin-password",
                )
            for name, base in urls.items():
                if name != "console":
                    console.print(f"  {name:<10} {base}   docs: {base}/docs")
            console.print("  workers    intake, matching, referrals (restarted if they die)")
            _hand_over_admin_key(_fresh_admin_key(url), settings.data_dir)
            console.print("Press Ctrl-C to stop.")
            while not stopping:
                for child in children:
                    child.supervise()
                time.sleep(0.5)
        finally:
            for child in children:
                child.stop()
            for child in children:
                child.wait()
            console.print("Stopped services and workers; stopping the database.")
