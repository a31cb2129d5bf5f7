"""GET /v1/reports/sources: does what the agency believes about referrals hold for it?

For a period [from, to] (days, inclusive, UTC):

- added: freelancers created in the period;
- presented: distinct freelancers with a review decision presented, interviewed or placed, or a
  placement, recorded in the period (a placement implies a presentation);
- placed: distinct freelancers with a placement or a 'placed' review recorded in the period;
- placement rate = placed / presented with a Wilson 95 % interval; share of placements =
  placed / all placed.

Each freelancer counts in one source row and one channel row. A freelancer placed in the period is
classified by the attribution snapshot of their first placement in it (what was credited then);
everyone else by their current source and the positive vouches in force at the end of the period.
Channel rows: in_person_or_worked_together (at least one positive in-person or worked-together
vouch), online_only (positive vouches, all through video, phone or online), no_vouch.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import BigInteger

from services.referrals.data_subjects.facts import erased_contributions
from services.referrals.reports.schemas import FunnelRow, SourcesReport
from services.referrals.reports.stats import wilson_interval
from services.referrals.trust.params import IN_PERSON_CHANNELS, POSITIVE_RECOMMENDATIONS
from shared.models.enums import SourceType

CHANNEL_GROUPS = ("in_person_or_worked_together", "online_only", "no_vouch")
_IDS = bindparam("ids", type_=ARRAY(BigInteger))


def channel_group(vouches: list[tuple[str, str]]) -> str:
    """From (channel, recommendation) pairs."""
    positive = [channel for channel, rec in vouches if rec in POSITIVE_RECOMMENDATIONS]
    if any(channel in IN_PERSON_CHANNELS for channel in positive):
        return CHANNEL_GROUPS[0]
    return CHANNEL_GROUPS[1] if positive else CHANNEL_GROUPS[2]


def _ids(session: Session, sql: str, window: dict[str, Any]) -> set[int]:
    return set(session.execute(text(sql), window).scalars())


def _classify(
    session: Session, universe: list[int], window: dict[str, Any]
) -> dict[int, tuple[str, str]]:
    """freelancer id -> (source type, channel group)."""
    params = {"ids": universe, **window}
    snapshots = {
        row[0]: (row[1], [(v.get("channel", ""), v.get("recommendation", "")) for v in row[2]])
        for row in session.execute(
            text(
                "SELECT DISTINCT ON (ra.freelancer_id) ra.freelancer_id, ra.source_type, ra.vouches"
                " FROM referral_attributions ra JOIN placements p ON p.id = ra.placement_id"
                " WHERE p.created_at >= :start AND p.created_at < :end"
                " AND ra.freelancer_id = ANY(:ids) ORDER BY ra.freelancer_id, p.created_at, p.id"
            ).bindparams(_IDS),
            params,
        )
    }
    sources: dict[int, str] = dict(
        session.execute(
            text("SELECT id, source_type FROM freelancers WHERE id = ANY(:ids)").bindparams(_IDS),
            params,
        ).all()
    )
    in_force: dict[int, list[tuple[str, str]]] = {}
    for fid, channel, rec in session.execute(
        text(
            "SELECT freelancer_id, channel, recommendation FROM vouches"
            " WHERE freelancer_id = ANY(:ids) AND created_at < :end"
            " AND (ended_at IS NULL OR ended_at >= :end)"
        ).bindparams(_IDS),
        params,
    ):
        in_force.setdefault(fid, []).append((channel, rec))
    result = {}
    for fid in universe:
        if fid in snapshots:
            source, vouches = snapshots[fid]
        else:
            source, vouches = sources.get(fid, SourceType.other.value), in_force.get(fid, [])
        result[fid] = (source, channel_group(vouches))
    return result


def _row(
    group: str,
    members: set[int],
    added: set[int],
    presented: set[int],
    placed: set[int],
    all_placed: int,
) -> FunnelRow:
    n_presented = len(members & presented)
    n_placed = len(members & placed)
    interval = wilson_interval(n_placed, n_presented)
    return FunnelRow(
        group=group,
        added=len(members & added),
        presented=n_presented,
        placed=n_placed,
        placement_rate=n_placed / n_presented if n_presented else None,
        ci_low=interval[0] if interval else None,
        ci_high=interval[1] if interval else None,
        share_of_placements=n_placed / all_placed if all_placed else None,
    )


def sources_report(session: Session, *, start_day: date, end_day: date) -> SourcesReport:
    window = {
        "start": datetime.combine(start_day, time.min, tzinfo=UTC),
        "end": datetime.combine(end_day + timedelta(days=1), time.min, tzinfo=UTC),
    }
    in_window = "created_at >= :start AND created_at < :end"
    added = _ids(session, f"SELECT id FROM freelancers WHERE {in_window}", window)
    placed = _ids(
        session,
        # An anonymised placement (its freelancer erased) counts through erased_funnel_facts.
        f"SELECT freelancer_id FROM placements WHERE freelancer_id IS NOT NULL AND {in_window}"
        " UNION SELECT freelancer_id"
        f" FROM reviews WHERE decision = 'placed' AND {in_window}",
        window,
    )
    presented = placed | _ids(
        session,
        "SELECT freelancer_id FROM reviews WHERE decision IN ('presented', 'interviewed')"
        f" AND {in_window}",
        window,
    )
    universe = sorted(added | presented)
    classes = _classify(session, universe, window)
    # Erased freelancers still count, as anonymous facts under negative ids.
    gone_added, gone_presented, gone_placed, gone_classes = erased_contributions(
        session, start_day=start_day, end_day=end_day
    )
    added, presented, placed = added | gone_added, presented | gone_presented, placed | gone_placed
    classes.update(gone_classes)
    universe = sorted(added | presented)
    by_source: dict[str, set[int]] = {s.value: set() for s in SourceType}
    by_channel: dict[str, set[int]] = {g: set() for g in CHANNEL_GROUPS}
    for fid, (source, group) in classes.items():
        by_source.setdefault(source, set()).add(fid)
        by_channel[group].add(fid)
    total = len(placed)
    return SourcesReport(
        from_=start_day,
        to=end_day,
        total=_row("all", set(universe), added, presented, placed, total),
        by_source=[
            _row(name, members, added, presented, placed, total)
            for name, members in by_source.items()
        ],
        by_channel=[
            _row(name, members, added, presented, placed, total)
            for name, members in by_channel.items()
        ],
    )
