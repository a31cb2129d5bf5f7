"""Anonymous funnel facts: an erased freelancer still counts in the referral-source report.

Before the person's rows go, their contribution to GET /v1/reports/sources is kept as one
`erased_funnel_facts` row (the days they were added, presented and placed; their source and
vouch-channel group) with no id, name or link. The report counts these rows under negative
pseudo-ids, so its figures are the same before and after an erasure.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from shared.models import ErasedFunnelFact

_PRESENTED = text(
    "SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date FROM reviews"
    " WHERE freelancer_id = :fid AND decision IN ('presented', 'interviewed')"
)
_PLACED = text(
    "SELECT (created_at AT TIME ZONE 'UTC')::date FROM placements WHERE freelancer_id = :fid"
    " UNION SELECT (created_at AT TIME ZONE 'UTC')::date FROM reviews"
    " WHERE freelancer_id = :fid AND decision = 'placed'"
)


def keep_funnel_fact(
    session: Session, *, freelancer_id: int, channel_group: Callable[[list[tuple[str, str]]], str]
) -> None:
    """Store what the freelancer contributes to the sources report, without the person."""
    row = session.execute(
        text("SELECT created_at, source_type FROM freelancers WHERE id = :fid"),
        {"fid": freelancer_id},
    ).one_or_none()
    if row is None:
        return
    snapshot = session.execute(
        text(
            "SELECT ra.source_type, ra.vouches FROM referral_attributions ra"
            " JOIN placements p ON p.id = ra.placement_id WHERE ra.freelancer_id = :fid"
            " ORDER BY p.created_at, p.id LIMIT 1"
        ),
        {"fid": freelancer_id},
    ).one_or_none()
    if snapshot is not None:
        source = snapshot[0]
        vouches = [(v.get("channel", ""), v.get("recommendation", "")) for v in snapshot[1]]
    else:
        source = row[1]
        vouches = [
            (r[0], r[1])
            for r in session.execute(
                text(
                    "SELECT channel, recommendation FROM vouches"
                    " WHERE freelancer_id = :fid AND ended_at IS NULL"
                ),
                {"fid": freelancer_id},
            )
        ]
    params = {"fid": freelancer_id}
    session.add(
        ErasedFunnelFact(
            added_on=row[0].astimezone(UTC).date(),
            source_type=source,
            channel_group=channel_group(vouches),
            presented_on=sorted(session.execute(_PRESENTED, params).scalars()),
            placed_on=sorted(session.execute(_PLACED, params).scalars()),
        )
    )
    session.flush()


def erased_contributions(
    session: Session, *, start_day: date, end_day: date
) -> tuple[set[int], set[int], set[int], dict[int, tuple[str, str]]]:
    """(added, presented, placed, classes) of erased freelancers, keyed by negative ids."""
    added: set[int] = set()
    presented: set[int] = set()
    placed: set[int] = set()
    classes: dict[int, tuple[str, str]] = {}

    def within(days: list[date]) -> bool:
        return any(start_day <= day <= end_day for day in days)

    facts = session.scalars(select(ErasedFunnelFact).where(ErasedFunnelFact.added_on <= end_day))
    for fact in facts:
        key = -fact.id
        if start_day <= fact.added_on:
            added.add(key)
        if within(fact.placed_on):
            placed.add(key)
        if within(fact.placed_on) or within(fact.presented_on):
            presented.add(key)
        if key in added or key in presented:
            classes[key] = (fact.source_type, fact.channel_group)
    return added, presented, placed, classes
