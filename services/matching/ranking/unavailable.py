"""Freelancers a request must not see: placed elsewhere over its dates, consent withdrawn, or
being erased.

A placement blocks [start_date, end_date]; without an end date, the placed request's duration
from the placement's start. It overlaps a request running [start, start + duration months) unless
it ends within the availability tolerance after the request's start (the same slack as
`available_from`). Cancelled placements block nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import text
from sqlalchemy.orm import Session

_UNAVAILABLE = text(
    """
WITH wanted AS (
    SELECT id, start_date,
           (start_date + make_interval(months => duration_months))::date AS end_date
    FROM staffing_requests WHERE id = ANY(CAST(:ids AS bigint[]))
)
SELECT request_id, array_agg(freelancer_id) FROM (
SELECT wanted.id AS request_id, p.freelancer_id
FROM wanted
JOIN placements p ON p.request_id <> wanted.id
JOIN staffing_requests placed ON placed.id = p.request_id
WHERE p.freelancer_id IS NOT NULL AND p.outcome <> 'cancelled'
  AND p.start_date < wanted.end_date
  AND coalesce(p.end_date, (p.start_date + make_interval(months => placed.duration_months))::date)
      >= wanted.start_date + CAST(:tolerance AS integer)
UNION
SELECT wanted.id, f.id FROM wanted, freelancers f WHERE f.consent_withdrawn_at IS NOT NULL
UNION
SELECT wanted.id, o.subject_id FROM wanted, subject_operations o
WHERE o.kind = 'erase' AND o.subject_type = 'freelancer' AND o.completed_at IS NULL
  AND o.subject_id IS NOT NULL
) AS unavailable GROUP BY request_id
"""
)


def unavailable_by_request(
    session: Session, request_ids: Sequence[int], *, tolerance_days: int
) -> dict[int, np.ndarray]:
    """request id -> sorted freelancer ids the hard filter drops for it."""
    rows = session.execute(
        _UNAVAILABLE, {"ids": list(request_ids), "tolerance": tolerance_days}
    ).all()
    # One array per request: thousands of ongoing placements cost one row each, not thousands.
    return {int(rid): np.unique(np.asarray(ids, dtype=np.int64)) for rid, ids in rows}
