"""Trust as the referrals service computed it on a past day: point-in-time trust features.

The demo agency is stored once, with its whole history. For a day `t` the network is cut back
to what existed then (meetings, vouches, contacts and placements after `t` are deleted inside a
transaction that is rolled back afterwards), the service's own `recompute(as_of=t)` runs over
it, and the freelancer trust rows it wrote are read the way the matching index loads them. No
trust formula is re-implemented here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from services.matching.index.loader import load_trust
from services.referrals.trust.engine import forget_cached_networks
from services.referrals.trust.service import recompute
from shared.trust_features import TRUST_FEATURES, bounded_trust

# What did not exist yet on day t (an attribution goes with its placement: ON DELETE CASCADE).
_CUT_BACK = (
    "DELETE FROM attributed_vouches WHERE vouch_id IN"
    " (SELECT id FROM vouches WHERE created_at >= :t)",
    "DELETE FROM placements WHERE created_at >= :t",
    "DELETE FROM vouches WHERE created_at >= :t",
    "DELETE FROM interactions WHERE occurred_on >= CAST(:t AS date)",
    "DELETE FROM freelancer_trust",
    "DELETE FROM contact_trust",
)


@dataclass
class TrustSnapshot:
    day: datetime
    freelancer_ids: np.ndarray  # int64, sorted
    raw: np.ndarray  # (n, 7) float32, as `freelancer_trust.features` holds them

    def features(self, freelancer_ids: np.ndarray) -> np.ndarray:
        """(len(ids), 7) bounded trust features, as `features.compute` derives them."""
        out = np.zeros((len(freelancer_ids), len(TRUST_FEATURES)), dtype=np.float32)
        position = np.searchsorted(self.freelancer_ids, freelancer_ids)
        position = np.minimum(position, max(len(self.freelancer_ids) - 1, 0))
        known = (
            self.freelancer_ids[position] == freelancer_ids
            if len(self.freelancer_ids)
            else np.zeros(len(freelancer_ids), dtype=bool)
        )
        out[known] = self.raw[position[known]]
        trust = np.round(out.astype(np.float64), 5)
        return np.column_stack(
            [bounded_trust(name, trust[:, i]) for i, name in enumerate(TRUST_FEATURES)]
        )


def snapshot_at(engine: Engine, day: datetime) -> TrustSnapshot:
    """Trust as the service would have computed it at `day` (nothing is kept)."""
    forget_cached_networks()
    with Session(engine) as session:
        try:
            for statement in _CUT_BACK:
                session.execute(text(statement), {"t": day})
            recompute(session, as_of=day.date(), allow_incremental=False)
            rows = load_trust(session)
        finally:
            session.rollback()
            forget_cached_networks()
    order = np.argsort(rows.freelancer_ids, kind="stable")
    return TrustSnapshot(day, rows.freelancer_ids[order].astype(np.int64), rows.values[order])


def monthly_days(first: datetime, last: datetime) -> list[datetime]:
    """The first of every month from `first`'s month to `last`'s."""
    days, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        days.append(datetime(year, month, 1, tzinfo=first.tzinfo))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def latest_before(snapshots: list[TrustSnapshot], moment: datetime) -> TrustSnapshot:
    chosen = snapshots[0]
    for snapshot in snapshots:
        if snapshot.day <= moment:
            chosen = snapshot
    return chosen


def as_day(moment: datetime) -> date:
    return moment.date()
