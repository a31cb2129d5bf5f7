"""Which job kinds exist and which service's worker runs them (from entry points).

A service registers handlers in pyproject.toml under `[project.entry-points."vouch.jobs.<service>"]`
(`kind = "services.<service>.jobs:handler"`); the handler takes `(session, payload)`. Entry
points keep `shared/` from importing any service. The older flat group `vouch.jobs` is still
read; its service is taken from the handler's module (`services.<service>.…`).

Kinds under `vouch.served_jobs.<service>` run inside that service's own served processes, which
hold what the job needs (matching's `rank_request` needs the ranking index: a worker taking it
would build a second whole index). `vouch worker` never claims them; a process that runs
everything itself (tests, the demo's drain) asks for them with `served=True`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from sqlalchemy.orm import Session

JobHandler = Callable[[Session, dict[str, Any]], None]
SERVICES = ("intake", "referrals", "matching")
_GROUP = "vouch.jobs"
_SERVED_GROUP = "vouch.served_jobs"


class UnknownJobKind(ValueError):
    """A worker was asked for a kind or service nothing registers (or that it must not run)."""


@dataclass(frozen=True)
class RegisteredKind:
    kind: str
    service: str
    entry_point: EntryPoint
    # Runs only inside the service's served processes, never in `vouch worker`.
    served: bool = False


def _service_of(point: EntryPoint) -> str:
    parts = point.module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "services" else "shared"


def registered_kinds() -> dict[str, RegisteredKind]:
    """Every job kind an installed service registers."""
    found: dict[str, RegisteredKind] = {}
    for point in entry_points(group=_GROUP):
        found[point.name] = RegisteredKind(point.name, _service_of(point), point)
    for service in SERVICES:
        for point in entry_points(group=f"{_GROUP}.{service}"):
            found[point.name] = RegisteredKind(point.name, service, point)
        for point in entry_points(group=f"{_SERVED_GROUP}.{service}"):
            found[point.name] = RegisteredKind(point.name, service, point, served=True)
    return found


def select_handlers(
    *, service: str | None = None, kinds: Iterable[str] | None = None, served: bool = False
) -> dict[str, JobHandler]:
    """The handlers a worker runs; refuses unknown services and kinds before claiming anything.

    Served kinds are left out (and refused when asked for) unless `served` is true.
    """
    available = registered_kinds()
    if not served:
        refused = sorted(set(kinds or []) & {k for k, v in available.items() if v.served})
        if refused:
            owners = sorted({available[kind].service for kind in refused})
            raise UnknownJobKind(
                f"job kind(s) {', '.join(refused)} run inside the {', '.join(owners)} "
                "service's own processes (they hold its index); no worker takes them"
            )
        available = {k: v for k, v in available.items() if not v.served}
    if service is not None:
        if service not in SERVICES:
            raise UnknownJobKind(
                f"unknown service {service!r}; choose one of {', '.join(SERVICES)}"
            )
        available = {k: v for k, v in available.items() if v.service == service}
    asked = list(kinds or [])
    unknown = sorted(set(asked) - set(available))
    if unknown:
        scope = f" of service {service}" if service else ""
        raise UnknownJobKind(
            f"unknown job kind(s){scope}: {', '.join(unknown)}; "
            f"known: {', '.join(sorted(available)) or 'none'}"
        )
    chosen = asked or sorted(available)
    return {kind: available[kind].entry_point.load() for kind in chosen}


def served_handlers(service: str) -> dict[str, JobHandler]:
    """The kinds only `service`'s own served processes run (see the module docstring)."""
    return {
        kind: registered.entry_point.load()
        for kind, registered in sorted(registered_kinds().items())
        if registered.served and registered.service == service
    }
