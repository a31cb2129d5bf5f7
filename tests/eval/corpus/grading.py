"""The grading rule, applied to what each CV's text shows (never to any ranking).

- 3: the CV's main specialisation is one the request asks for, and it shows every core need.
- 2: main specialisation asked for and at least half the core needs shown; or a related
     specialisation (a secondary one, or a neighbour) showing every core need.
- 1: main specialisation asked for but under half the core; a related specialisation showing
     some core need; or an unrelated CV showing at least half the core needs.
- 0: otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable

from tests.eval.corpus.compose import SPECS, Composed
from tests.eval.corpus.requests import RequestSpec


def coverage(core: Iterable[str], tags: set[str]) -> float:
    items = list(core)
    met = sum(1 for item in items if set(item.split("|")) & tags)
    return met / len(items)


def related(cv: Composed, roles: tuple[str, ...]) -> bool:
    if set(cv.secondary) & set(roles):
        return True
    own = SPECS.get(cv.primary)
    return any(
        (own is not None and role in own.neighbours)
        or (role in SPECS and cv.primary in SPECS[role].neighbours)
        for role in roles
    )


def grade(cv: Composed, request: RequestSpec) -> int:
    share = coverage(request.core, cv.tags)
    if cv.primary in request.roles:
        return 3 if share == 1 else 2 if share >= 0.5 else 1
    if related(cv, request.roles):
        return 2 if share == 1 else 1 if share > 0 else 0
    return 1 if share >= 0.5 else 0
