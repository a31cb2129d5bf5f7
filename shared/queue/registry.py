"""Which job kinds exist and which service's worker runs them (from entry points).

A service registers handlers in pyproject.toml under `[project.entry-points."vouch.jobs.<service>"]`
(`kind = "services.<service>.jobs:handler"`); the handler takes `(session, payload)`. Entry
points keep `shared/` from importing any service. The older flat group `vouch.jobs` is still
read; its service is taken from the handler's module (`services.<service>.…`).
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


class UnknownJobKind(ValueError):
    """A worker was asked for a kind or service nothing registers."""


@dataclass(frozen=True)
class RegisteredKind:
    kind: str
    service: str
    entry_point: EntryPoint


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
    return found


def select_handlers(
    *, service: str | None = None, kinds: Iterable[str] | None = None
) -> dict[str, JobHandler]:
    """The handlers a worker runs; refuses unknown services and kinds before claiming anything."""
    available = registered_kinds()
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
