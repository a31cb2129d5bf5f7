"""The review state machine: the one place that says which decision may follow which.

    (none)      -> shortlisted | presented | rejected
    shortlisted -> presented | rejected
    presented   -> interviewed | placed | rejected | declined
    interviewed -> placed | rejected | declined
    rejected    -> shortlisted          (reconsidered later)
    declined    -> shortlisted          (e.g. the freelancer becomes free again)
    placed      -> (final)

So nobody is placed without having been presented (directly or via an interview), `declined`
(the freelancer or the client said no) only happens once presented, and a reason is required
for `rejected` and `declined`. Repeating the current decision is not a transition.
"""

from __future__ import annotations

from typing import Final

from shared.errors import Conflict
from shared.models.enums import Decision

TRANSITIONS: Final[dict[Decision | None, frozenset[Decision]]] = {
    None: frozenset({Decision.shortlisted, Decision.presented, Decision.rejected}),
    Decision.shortlisted: frozenset({Decision.presented, Decision.rejected}),
    Decision.presented: frozenset(
        {Decision.interviewed, Decision.placed, Decision.rejected, Decision.declined}
    ),
    Decision.interviewed: frozenset({Decision.placed, Decision.rejected, Decision.declined}),
    Decision.rejected: frozenset({Decision.shortlisted}),
    Decision.declined: frozenset({Decision.shortlisted}),
    Decision.placed: frozenset(),
}
REASON_REQUIRED: Final[frozenset[Decision]] = frozenset({Decision.rejected, Decision.declined})
# What a client sees: candidates presented to it (and what followed).
PRESENTED_STATES: Final[frozenset[Decision]] = frozenset(
    {Decision.presented, Decision.interviewed, Decision.placed}
)


def check_transition(current: Decision | None, decision: Decision) -> None:
    """Raise a 409 problem unless `decision` may follow `current`."""
    allowed = TRANSITIONS[current]
    if decision in allowed:
        return
    state = current.value if current else "not reviewed yet"
    options = ", ".join(sorted(d.value for d in allowed)) or "nothing (final)"
    raise Conflict(
        f"Cannot record '{decision.value}' for a candidate who is {state}; allowed next: {options}.",
        current_decision=current.value if current else None,
        allowed=sorted(d.value for d in allowed),
    )
