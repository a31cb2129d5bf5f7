"""`vouch evaluate`: runs the evaluations services contribute (entry points `vouch.evaluations`)."""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Annotated

import typer


def evaluate(
    text: Annotated[bool, typer.Option("--text", help="Ranking on CV and request text")] = False,
    trust: Annotated[
        bool, typer.Option("--trust", help="Trust signals on planted networks")
    ] = False,
    offline: Annotated[
        bool, typer.Option("--offline", help="Replay the demo agency's history (time split)")
    ] = False,
    output: Annotated[
        str, typer.Option("--output", help="Folder for the Markdown report and charts")
    ] = "eval-report",
    seed: Annotated[int, typer.Option("--seed")] = 7,
) -> None:
    """Print evaluation tables (with baselines computed in the same run) and write a report."""
    available = {point.name: point for point in entry_points(group="vouch.evaluations")}
    asked = [name for name, on in (("text", text), ("trust", trust), ("offline", offline)) if on]
    if not asked:
        asked = sorted(available)
    for name in asked:
        if name not in available:
            raise typer.BadParameter(f"no evaluation named {name!r} is installed")
        available[name].load()(output=output, seed=seed)
