"""`vouch evaluate`: runs the evaluations services contribute (entry points `vouch.evaluations`)."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated

import typer


class EvaluationInputError(ValueError):
    """An evaluation's input file cannot be used; the message says which line and why."""


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
    network: Annotated[
        list[str] | None,
        typer.Option(
            "--network",
            help="With --trust: run on a real network file instead of the generated one, "
            "as KIND=PATH (trade=soc-sign-bitcoinotc.csv.gz, certification=out.advogato)",
        ),
    ] = None,
) -> None:
    """Print evaluation tables (with baselines computed in the same run) and write a report."""
    available = {point.name: point for point in entry_points(group="vouch.evaluations")}
    asked = [name for name, on in (("text", text), ("trust", trust), ("offline", offline)) if on]
    if not asked:
        asked = sorted(available)
    network_files = _network_files(network or [])
    if network_files and "trust" not in asked:
        raise typer.BadParameter("--network is read by the trust evaluation: add --trust")
    for name in asked:
        if name not in available:
            raise typer.BadParameter(f"no evaluation named {name!r} is installed")
        run = available[name].load()
        if name == "trust" and network_files:
            try:
                run(output=output, seed=seed, network_files=network_files)
            except EvaluationInputError as error:  # say which line, no traceback
                raise typer.BadParameter(str(error), param_hint="--network") from None
        else:
            run(output=output, seed=seed)


def _network_files(values: list[str]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for value in values:
        kind, separator, path = value.partition("=")
        if not separator or not kind or not path:
            raise typer.BadParameter(f"{value!r}: write KIND=PATH", param_hint="--network")
        if not Path(path).is_file():
            raise typer.BadParameter(f"{path}: no such file", param_hint="--network")
        found[kind.strip()] = Path(path)
    return found
