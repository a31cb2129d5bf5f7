"""`vouch demo seed`: a realistic synthetic agency in the database (registered as a CLI group)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from demo.effects import outcome_rates
from demo.model import WorldConfig

app = typer.Typer(
    help="The demo agency: a realistic synthetic world to try Vouch on.", no_args_is_help=True
)
console = Console(stderr=True)


@app.command("seed")
def seed_command(
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same world")] = 7,
    freelancers: Annotated[int, typer.Option("--freelancers", min=50, max=2_000_000)] = 2000,
    trust_signal: Annotated[
        str,
        typer.Option(
            "--trust-signal",
            help="default: vouches carry the hidden quality; none: they do not (a control world)",
        ),
    ] = "default",
    reset: Annotated[
        bool, typer.Option("--reset", help="Empty the database first (it must be empty otherwise)")
    ] = False,
    truth: Annotated[
        Path | None,
        typer.Option(
            "--truth",
            help="Where to write the hidden truth (default $VOUCH_DATA_DIR/demo-truth-<seed>.json)",
        ),
    ] = None,
    keep_existing: Annotated[
        bool,
        typer.Option(
            "--keep-existing",
            help="A database that already holds freelancers is left "
            "as it is (exit 0): what `make demo` uses, so it never wipes data",
        ),
    ] = False,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk", help="COPY straight into the tables, without the APIs (benchmark sizes)"
        ),
    ] = False,
    today: Annotated[
        str | None, typer.Option("--today", help="Pin the world's 'today' (YYYY-MM-DD)")
    ] = None,
) -> None:
    """Generate the demo agency and store it; prints where the hidden truth went."""
    from demo.database import DatabaseNotEmpty
    from demo.seed import seed as run_seed
    from demo.truth import default_path
    from shared.cli.database import command_database, migrate_to_head
    from shared.config import get_settings

    if trust_signal not in ("default", "none"):
        raise typer.BadParameter("use default or none", param_hint="--trust-signal")
    config = WorldConfig(
        seed=seed,
        freelancers=freelancers,
        trust_signal="none" if trust_signal == "none" else "default",
        today=date.fromisoformat(today) if today else date.today(),
    )
    truth_path = truth or default_path(get_settings().data_dir, seed)
    with command_database() as url:
        migrate_to_head(url)
        try:
            report = run_seed(url, config, reset=reset, truth_path=truth_path, bulk=bulk)
        except DatabaseNotEmpty as exc:
            if keep_existing:
                console.print(f"Kept the existing data: {exc}.")
                raise typer.Exit(0) from None
            console.print(f"[red]Refused:[/red] {exc}")
            raise typer.Exit(2) from None
    world = report.world
    console.print(
        f"Demo agency (seed {seed}, trust signal {trust_signal}): {len(world.freelancers)} "
        f"freelancers, {len(world.contacts)} contacts, {len(world.interactions)} meetings, "
        f"{len(world.vouches)} vouches, {len(world.past_requests)} past and "
        f"{len(world.open_requests)} open requests, {len(world.reviews)} decisions, "
        f"{len(world.placements)} placements; {report.jobs_run} jobs run."
    )
    rates = outcome_rates(world)
    shares = ", ".join(
        f"{group.replace('_', ' ')} {rate:.0%} of {count}"
        for group, (rate, count) in sorted(rates.items())
    )
    console.print(f"Presented candidates who got an interview or the job: {shares}")
    timing = ", ".join(f"{name} {value:.1f} s" for name, value in report.seconds.items())
    console.print(f"Timing: {timing}")
    console.print(f"Hidden truth (never read by the matcher): {report.truth_path}")
    for failure in report.failed_jobs:
        console.print(f"[red]A queued job failed (the worker retries it):[/red] {failure}")
