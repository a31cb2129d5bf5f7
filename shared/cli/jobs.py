"""`vouch jobs list|retry`: see the queue, and queue dead-lettered jobs again."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from shared.cli.database import command_session
from shared.models import Job
from shared.models.enums import JobStatus
from shared.queue.jobs import retry_dead

app = typer.Typer(help="List queued, running and dead-lettered jobs; retry dead ones.")
console = Console(stderr=True)


@app.command("list")
def list_jobs(
    status: Annotated[
        JobStatus | None, typer.Option(help="queued, running, done or dead (default: not done)")
    ] = None,
    kind: Annotated[str | None, typer.Option(help="Only this job kind")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
) -> None:
    """Newest first; dead jobs show their last error."""
    with command_session() as session:
        query = select(Job).order_by(Job.id.desc()).limit(limit)
        if status is not None:
            query = query.where(Job.status == status.value)
        else:
            query = query.where(Job.status != JobStatus.done.value)
        if kind:
            query = query.where(Job.kind == kind)
        jobs = session.scalars(query).all()
        counts: dict[str, int] = {
            status: count
            for status, count in session.execute(
                select(Job.status, func.count()).group_by(Job.status)
            )
        }
        table = Table("id", "kind", "status", "attempts", "run_after", "worker", "last error")
        for job in jobs:
            error = (job.last_error or "").strip().splitlines()
            table.add_row(
                str(job.id),
                job.kind,
                job.status,
                f"{job.attempts}/{job.max_attempts}",
                job.run_after.isoformat(timespec="seconds"),
                job.locked_by or "",
                (error[-1] if error else "")[:80],
            )
    Console().print(table)
    summary = ", ".join(f"{name} {counts.get(name, 0)}" for name in JobStatus)
    console.print(f"jobs: {summary}")


@app.command("retry")
def retry(job_id: int) -> None:
    """Queue a dead job again with fresh attempts."""
    with command_session() as session:
        try:
            job = retry_dead(session, job_id=job_id)
        except LookupError as exc:
            raise typer.BadParameter(str(exc)) from exc
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
        outcome = job.status
    console.print(
        f"Job #{job_id} queued again."
        if outcome == JobStatus.queued.value
        else f"Job #{job_id}: an identical job is already waiting; it will do the work."
    )
