"""`vouch models list|show|activate|rollback` and `vouch train` (in-process, with a progress bar)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.orm import Session

from services.matching.modelops import service
from services.matching.modelops.training import create_version, database_progress, run_training
from shared.cli.database import command_database, command_session
from shared.db.engine import make_engine
from shared.errors import AppError
from shared.models import ModelVersion

models_app = typer.Typer(
    help="Ranking model versions: list, inspect, activate, roll back.", no_args_is_help=True
)
console = Console()


def _row(version: ModelVersion) -> list[str]:
    comparison = version.holdout_comparison or {}
    active, new = comparison.get("active_ndcg"), comparison.get("new_ndcg")
    ndcg = f"{active:.3f} -> {new:.3f}" if active is not None and new is not None else ""
    return [
        str(version.id),
        version.kind,
        version.status,
        f"{version.progress:.0%}",
        ndcg,
        version.created_at.strftime("%Y-%m-%d %H:%M") if version.created_at else "",
        (version.artefact_sha256 or "")[:12],
    ]


def _table(versions: list[ModelVersion]) -> Table:
    table = Table(
        "id", "kind", "status", "progress", "holdout NDCG@10 (active -> new)", "created", "sha256"
    )
    for version in versions:
        table.add_row(*_row(version))
    return table


@models_app.command("list")
def list_models() -> None:
    """List model versions, newest first."""
    with command_session() as session:
        console.print(_table(service.list_versions(session)))


@models_app.command("show")
def show(version_id: int) -> None:
    """Show one version with its weights and holdout comparison."""
    with command_session() as session:
        version = service.get_version(session, version_id)
        console.print(_table([version]))
        console.print({"metrics": version.metrics, "holdout": version.holdout_comparison})
        if version.artefact is not None:
            console.print(service.verified_model(version).weights())


@models_app.command("activate")
def activate(version_id: int) -> None:
    """Activate a version (its artefact must pass the SHA-256 check)."""
    try:
        with command_session() as session:
            version = service.activate(session, version_id=version_id)
            console.print(f"Model version {version.id} ({version.kind}) is active.")
    except AppError as exc:
        console.print(f"[red]{exc.detail}[/red]")
        raise typer.Exit(1) from exc


@models_app.command("rollback")
def rollback() -> None:
    """Re-activate the model that was active before the current one."""
    try:
        with command_session() as session:
            version = service.rollback(session)
            console.print(f"Rolled back: model version {version.id} ({version.kind}) is active.")
    except AppError as exc:
        console.print(f"[red]{exc.detail}[/red]")
        raise typer.Exit(1) from exc


def train(
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar")] = False,
) -> None:
    """Train a ranking model from reviews now; it becomes active only if it beats the active one."""
    with command_database() as url:
        engine = make_engine(url, pool_size=2)
        try:
            with Session(engine) as session, session.begin():
                version_id = create_version(session).id
            with (
                Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    TimeElapsedColumn(),
                    console=console,
                    disable=quiet,
                ) as bar,
                Session(engine, expire_on_commit=False) as session,
                session.begin(),
            ):
                task = bar.add_task("training", total=1.0)
                to_database = database_progress(session, version_id)

                def report(fraction: float, message: str) -> None:
                    to_database(fraction, message)
                    bar.update(task, completed=fraction, description=message)

                version = run_training(session, version_id=version_id, progress=report)
            console.print(_table([version]))
            reason = (version.holdout_comparison or {}).get("reason") or version.error or ""
            console.print(f"Model version {version.id}: {version.status}. {reason}")
        finally:
            engine.dispose()
