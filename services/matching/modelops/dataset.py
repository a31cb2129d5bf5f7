"""Training data: reviewed (request, freelancer) pairs, graded by their latest decision.

Features are point-in-time: the snapshot stored with the pair's first decision (what the ranker
showed, see `reviews.snapshot`). Pairs decided before snapshots existed fall back to the live
index (hard filters ignored: the account manager saw these people), with the freelancer's own
placement on that very request taken out of the placement-history features, so an outcome
cannot leak into its own label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
from sqlalchemy import text
from sqlalchemy.orm import Session

from services.matching.features.compute import placement_history
from services.matching.features.registry import FEATURE_INDEX, FEATURE_NAMES, MUST_HAVE_MISSING
from services.matching.index.live import LiveIndex
from services.matching.ranking.requests import load_queries
from services.matching.scoring.evaluation import GRADES, WEAK_PLACEMENT_GRADE


@dataclass
class TrainingData:
    values: np.ndarray  # (n, F)
    must_missing: np.ndarray  # (n,)
    grades: np.ndarray  # (n,)
    request_ids: np.ndarray  # (n,) the groups
    freelancer_ids: np.ndarray  # (n,)
    request_times: dict[int, datetime]  # first review per request: the time-split key

    def __len__(self) -> int:
        return len(self.grades)

    def subset(self, mask: np.ndarray) -> TrainingData:
        return TrainingData(
            self.values[mask],
            self.must_missing[mask],
            self.grades[mask],
            self.request_ids[mask],
            self.freelancer_ids[mask],
            self.request_times,
        )


_LABELS_SQL = text(
    """
    WITH latest AS (
        SELECT DISTINCT ON (request_id, freelancer_id) request_id, freelancer_id, decision
        FROM reviews ORDER BY request_id, freelancer_id, created_at DESC, id DESC
    ), first_review AS (
        SELECT request_id, min(created_at) AS first_at FROM reviews GROUP BY request_id
    ), snapshot AS (
        SELECT DISTINCT ON (request_id, freelancer_id) request_id, freelancer_id, feature_values
        FROM reviews WHERE feature_values IS NOT NULL
        ORDER BY request_id, freelancer_id, created_at, id
    )
    SELECT l.request_id, l.freelancer_id, l.decision, f.first_at,
           p.outcome, p.client_rating, s.feature_values
    FROM latest l
    JOIN first_review f USING (request_id)
    LEFT JOIN snapshot s ON s.request_id = l.request_id AND s.freelancer_id = l.freelancer_id
    LEFT JOIN placements p ON p.request_id = l.request_id AND p.freelancer_id = l.freelancer_id
    ORDER BY l.request_id, l.freelancer_id
    """
)


def _grade(decision: str, outcome: str | None) -> float:
    if decision == "placed" and outcome in ("terminated_early", "cancelled"):
        return WEAK_PLACEMENT_GRADE
    return GRADES[decision]


def load_training_data(session: Session, index: LiveIndex) -> TrainingData:
    rows = session.execute(_LABELS_SQL).all()
    state = index.ensure_fresh(session, force_poll=True)
    queries = load_queries(session, sorted({r.request_id for r in rows}), taxonomy=state.taxonomy)
    by_request: dict[int, list[tuple[int, float, bool]]] = {}
    times: dict[int, datetime] = {}
    for r in rows:
        if r.request_id not in queries:
            continue
        own_success = r.outcome in ("ongoing", "completed") and (
            r.client_rating is None or r.client_rating >= 3
        )
        by_request.setdefault(r.request_id, []).append(
            (r.freelancer_id, _grade(r.decision, r.outcome), r.outcome is not None and own_success)
        )
        times[r.request_id] = r.first_at
    own_placed = {(r.request_id, r.freelancer_id): r.outcome is not None for r in rows}
    snapshots: dict[tuple[int, int], tuple[list[float], float]] = {}
    for r in rows:
        row = _snapshot_row(r.feature_values) if r.feature_values is not None else None
        if row is not None:
            snapshots[(r.request_id, r.freelancer_id)] = row
    parts_values, parts_missing, parts_grades, parts_requests, parts_people = [], [], [], [], []
    for request_id, entries in sorted(by_request.items()):
        stored = [e for e in entries if (request_id, e[0]) in snapshots]
        live = [e for e in entries if (request_id, e[0]) not in snapshots]
        if stored:
            rows_of = [snapshots[(request_id, e[0])] for e in stored]
            parts_values.append(np.array([row[0] for row in rows_of]))
            parts_missing.append(np.array([row[1] for row in rows_of]))
            parts_grades.append(np.array([e[1] for e in stored]))
            parts_requests.append(np.full(len(stored), request_id, dtype=np.int64))
            parts_people.append(np.array([e[0] for e in stored], dtype=np.int64))
        if not live:
            continue
        ids = np.array([e[0] for e in live], dtype=np.int64)
        found, values, must_missing = index.features_for(queries[request_id], ids)
        kept = [e for e, ok in zip(live, found, strict=True) if ok]
        if not kept:
            continue
        kept_ids = ids[found]
        placed_here = np.array([own_placed[(request_id, int(i))] for i in kept_ids])
        if placed_here.any():
            _remove_own_placement(index, values, kept_ids, placed_here, kept)
        parts_values.append(values)
        parts_missing.append(must_missing)
        parts_grades.append(np.array([e[1] for e in kept]))
        parts_requests.append(np.full(len(kept), request_id, dtype=np.int64))
        parts_people.append(kept_ids)
    if not parts_values:
        empty = np.zeros(0)
        return TrainingData(
            np.zeros((0, len(FEATURE_NAMES))),
            empty,
            empty,
            empty.astype(np.int64),
            empty.astype(np.int64),
            times,
        )
    return TrainingData(
        np.vstack(parts_values),
        np.concatenate(parts_missing),
        np.concatenate(parts_grades),
        np.concatenate(parts_requests),
        np.concatenate(parts_people),
        times,
    )


def _snapshot_row(stored: dict[str, float]) -> tuple[list[float], float] | None:
    """(values in registry order, must-haves missing), or None if the snapshot lacks a feature
    (a feature added since: the pair is then computed live like an old decision)."""
    if any(name not in stored for name in FEATURE_NAMES):
        return None
    return [float(stored[name]) for name in FEATURE_NAMES], float(
        stored.get(MUST_HAVE_MISSING.name, 0.0)
    )


def _remove_own_placement(
    index: LiveIndex,
    values: np.ndarray,
    freelancer_ids: np.ndarray,
    placed_here: np.ndarray,
    entries: list[tuple[int, float, bool]],
) -> None:
    """Recompute the placement-history features without this request's own placement."""
    state = index.state
    assert state is not None
    count = np.zeros(len(freelancer_ids))
    successes = np.zeros(len(freelancer_ids))
    for segment in state.snapshot().segments:
        rows = segment.rows_of(freelancer_ids)
        hit = rows >= 0
        hit[hit] = segment.alive[rows[hit]]
        count[hit] = segment.placement_count[rows[hit]]
        successes[hit] = segment.placement_successes[rows[hit]]
    own_success = np.array([e[2] for e in entries], dtype=np.float64)
    count = np.maximum(count - placed_here, 0)
    successes = np.maximum(successes - own_success * placed_here, 0)
    history = placement_history(count, successes)
    for name, column in history.items():
        values[placed_here, FEATURE_INDEX[name]] = column[placed_here]
