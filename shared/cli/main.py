"""The `vouch` command. Services add sub-commands through the `vouch.cli` entry points."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from importlib.metadata import entry_points
from typing import Annotated

import typer
from rich.console import Console

from shared.cli import keys
from shared.cli.database import command_database, migrate_to_head
from shared.cli.evaluate import evaluate
from shared.cli.run import up
from shared.config import get_settings
from shared.db.engine import make_engine

app = typer.Typer(help="Vouch: freelancer matching on skills and trust.", no_args_is_help=True)
app.add_typer(keys.app, name="keys")
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
    kinds: Annotated[
        list[str] | None, typer.Option("--kind", help="Only these job kinds (repeatable)")
    ] = None,
) -> None:
    """Run queued jobs until interrupted."""
    from shared.logging import configure_logging
    from shared.queue.worker import load_handlers, run_worker

    configure_logging("worker")
    handlers = load_handlers()
    if kinds:
        handlers = {k: v for k, v in handlers.items() if k in kinds}
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    with command_database() as url:
        engine = make_engine(url, pool_size=2)
        try:
            run_worker(
                engine,
                handlers=handlers,
                poll_seconds=get_settings().worker_poll_seconds,
                stop=stop,
            )
        except KeyboardInterrupt:
            stop.set()
        finally:
            engine.dispose()
    logging.getLogger("vouch.worker").info("worker stopped")


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
