"""The `vouch` command. Services add sub-commands through the `vouch.cli` entry points."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from datetime import timedelta
from importlib.metadata import entry_points
from typing import Annotated

import typer
from rich.console import Console

from shared.cli import backup, jobs, keys
from shared.cli.database import command_database, migrate_to_head
from shared.cli.evaluate import evaluate
from shared.cli.run import up
from shared.config import get_settings
from shared.db.engine import make_engine
from shared.queue.worker import WorkerOptions

app = typer.Typer(help="Vouch: freelancer matching on skills and trust.", no_args_is_help=True)
app.add_typer(keys.app, name="keys")
app.add_typer(jobs.app, name="jobs", no_args_is_help=True)
app.add_typer(backup.app, name="db", no_args_is_help=True)
app.command("up")(up)
app.command("evaluate")(evaluate)
console = Console(stderr=True)


@app.command("migrate")
def migrate() -> None:
    """Apply all migrations and load the skill catalogue."""
    with command_database() as url:
        migrate_to_head(url)
    console.print("Schema at the latest migration; skill catalogue loaded.")


@app.command("worker")
def worker(
    service: Annotated[
        str | None,
        typer.Option("--service", help="Run this service's job kinds: intake, referrals, matching"),
    ] = None,
    kinds: Annotated[
        list[str] | None, typer.Option("--kind", help="Only these job kinds (repeatable)")
    ] = None,
) -> None:
    """Run queued jobs until interrupted (all kinds, or one service's)."""
    from shared.logging import configure_logging
    from shared.queue.registry import UnknownJobKind, select_handlers
    from shared.queue.worker import run_worker

    try:
        handlers = select_handlers(service=service, kinds=kinds)
    except UnknownJobKind as exc:
        console.print(f"[red]vouch worker: {exc}[/red]")
        raise typer.Exit(2) from exc
    configure_logging(f"worker-{service}" if service else "worker")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    with command_database() as url:
        engine = make_engine(url, pool_size=2)
        try:
            run_worker(engine, handlers=handlers, options=worker_options(), stop=stop)
        except KeyboardInterrupt:
            stop.set()
        finally:
            engine.dispose()
    logging.getLogger("vouch.worker").info("worker stopped")


def worker_options() -> WorkerOptions:
    settings = get_settings()
    return WorkerOptions(
        poll_seconds=settings.worker_poll_seconds,
        lease_seconds=settings.worker_lease_seconds,
        sweep_seconds=settings.worker_sweep_seconds,
        job_retention=timedelta(days=settings.job_retention_days),
        dead_job_retention=timedelta(days=settings.dead_job_retention_days),
    )


def _add_service_commands(argv: list[str]) -> None:
    """Attach the commands services contribute; only the one asked for, to start fast."""
    asked = argv[1] if len(argv) > 1 and not argv[1].startswith("-") else None
    for group in entry_points(group="vouch.cli_groups"):
        if asked in (None, group.name):
            app.add_typer(group.load(), name=group.name)
    for command in entry_points(group="vouch.cli_commands"):
        if asked in (None, command.name):
            app.command(command.name)(command.load())


def main() -> None:
    _add_service_commands(sys.argv)
    app()
