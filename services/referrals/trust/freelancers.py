"""Freelancer trust rows: read the evidence, assess it (features.py), word the paths, store.

Readers of freelancer_trust (the matching service) detect changes by computed_at, so a row is
written — with computed_at = now() — only when its score, features or paths changed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.referrals.trust.features import (
    VouchEvidence,
    assess,
    global_rate,
    smoothed_rate,
)
from services.referrals.trust.params import TrustParams
from services.referrals.trust.paths import PathSeed, describe_paths
from services.referrals.trust.pgcopy import int8_array, raw_connection
from services.referrals.trust.wording import VouchFacts

_POSITIVE = "('strong', 'yes')"


@dataclass
class FreelancerTrustValue:
    freelancer_id: int
    score: float
    features: dict[str, float]
    paths: list[str]
    computed_at: datetime | None = None


@dataclass(frozen=True)
class TrackRecords:
    counts: dict[int, tuple[int, int]]  # referrer contact id -> (vouched, placed)
    global_rate: float

    def rate(self, referrer_id: int, alpha: float) -> float:
        vouched, placed = self.counts.get(referrer_id, (0, 0))
        return smoothed_rate(
            placed=placed, vouched=vouched, alpha=alpha, global_rate=self.global_rate
        )


def _rows(session: Session, query: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with raw_connection(session).cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


_TRACK_RECORD_SOURCES = (
    "WITH credited AS (SELECT DISTINCT av.referrer_contact_id AS referrer, ra.freelancer_id"
    " FROM attributed_vouches av JOIN referral_attributions ra ON ra.id = av.attribution_id"
    f" WHERE av.recommendation IN {_POSITIVE}),"
    " vouched AS (SELECT referrer_contact_id AS referrer, freelancer_id FROM vouches"
    f" WHERE status = 'active' AND recommendation IN {_POSITIVE}"
    " UNION SELECT referrer, freelancer_id FROM credited)"
)


def read_track_records(session: Session, referrers: Iterable[int] | None = None) -> TrackRecords:
    """Per referrer (all, or these): freelancers vouched for positively (active now, or
    credited by a placement) and placed; the global rate over all referrers."""
    totals = session.execute(
        text(
            f"{_TRACK_RECORD_SOURCES} SELECT count(*), count(c.freelancer_id) FROM vouched v"
            " LEFT JOIN credited c USING (referrer, freelancer_id)"
        )
    ).one()
    where = ""
    params: dict[str, Any] = {}
    if referrers is not None:
        where = " WHERE v.referrer = ANY(CAST(:ids AS int8[]))"
        params["ids"] = int8_array(sorted(set(referrers)))
    rows = session.execute(
        text(
            f"{_TRACK_RECORD_SOURCES} SELECT v.referrer, count(*), count(c.freelancer_id)"
            f" FROM vouched v LEFT JOIN credited c USING (referrer, freelancer_id){where}"
            " GROUP BY v.referrer"
        ),
        params,
    ).all()
    return TrackRecords(
        counts={int(r[0]): (int(r[1]), int(r[2])) for r in rows},
        global_rate=global_rate(float(totals[1]), float(totals[0])),
    )


def freelancers_with_evidence(session: Session) -> set[int]:
    rows = session.execute(
        text(
            "SELECT freelancer_id FROM vouches WHERE status = 'active'"
            " UNION SELECT freelancer_id FROM contacts WHERE freelancer_id IS NOT NULL"
            " UNION SELECT freelancer_id FROM freelancer_trust"
        )
    ).scalars()
    return set(rows)


def freelancers_near(session: Session, contact_ids: Iterable[int]) -> set[int]:
    """Freelancers vouched for by these contacts (active vouches) or who are these contacts."""
    ids = sorted({int(c) for c in contact_ids})
    if not ids:
        return set()
    rows = session.execute(
        text(
            "SELECT freelancer_id FROM vouches WHERE status = 'active'"
            " AND referrer_contact_id = ANY(CAST(:ids AS int8[]))"
            " UNION SELECT freelancer_id FROM contacts WHERE id = ANY(CAST(:ids AS int8[]))"
            " AND freelancer_id IS NOT NULL"
        ),
        {"ids": int8_array(ids)},
    ).scalars()
    return set(rows)


def assess_freelancers(
    session: Session,
    freelancer_ids: Iterable[int],
    *,
    params: TrustParams,
    as_of: date,
    max_paths: int,
) -> dict[int, FreelancerTrustValue]:
    """Score, features and paths from the vouches in force and the stored contact trust."""
    ids = sorted(set(freelancer_ids))
    if not ids:
        return {}
    names: dict[int, str] = dict(
        session.execute(
            text("SELECT id, name FROM freelancers WHERE id = ANY(CAST(:ids AS int8[]))"),
            {"ids": int8_array(ids)},
        ).all()
    )
    ids = [fid for fid in ids if fid in names]  # a freelancer deleted meanwhile has no row
    vouch_rows = _rows(
        session,
        "SELECT v.id, v.freelancer_id, v.referrer_contact_id, v.channel, v.recommendation,"
        " v.last_met_on, v.worked_where, v.worked_from, v.worked_to,"
        " coalesce(ct.network_trust, 0) FROM vouches v"
        " LEFT JOIN contact_trust ct ON ct.contact_id = v.referrer_contact_id"
        " WHERE v.status = 'active' AND v.freelancer_id = ANY(%s::int8[]) ORDER BY v.id",
        [int8_array(ids)],
    )
    own = {
        row[0]: (row[1], float(row[2]))
        for row in session.execute(
            text(
                "SELECT c.freelancer_id, c.id, coalesce(ct.network_trust, 0) FROM contacts c"
                " LEFT JOIN contact_trust ct ON ct.contact_id = c.id"
                " WHERE c.freelancer_id = ANY(CAST(:ids AS int8[]))"
            ),
            {"ids": int8_array(ids)},
        ).all()
    }
    records = read_track_records(session, {row[2] for row in vouch_rows})
    rates = {
        referrer: records.rate(referrer, params.track_record_alpha)
        for referrer in {row[2] for row in vouch_rows}
    }
    evidence: dict[int, list[VouchEvidence]] = defaultdict(list)
    facts: dict[int, VouchFacts] = {}
    for vid, fid, referrer, channel, rec, met, where, w_from, w_to, trust in vouch_rows:
        evidence[fid].append(
            VouchEvidence(
                vouch_id=vid,
                referrer_contact_id=referrer,
                referrer_trust=float(trust),
                channel=channel,
                recommendation=rec,
                age_days=float((as_of - met).days),
                referrer_track_record=rates[referrer],
            )
        )
        facts[vid] = VouchFacts(channel, rec, met, where, w_from, w_to)
    values: dict[int, FreelancerTrustValue] = {}
    seeds: dict[int, list[PathSeed]] = {}
    for fid in ids:
        own_contact, own_trust = own.get(fid, (None, 0.0))
        assessment = assess(
            evidence[fid],
            own_trust=own_trust,
            params=params,
        )
        values[fid] = FreelancerTrustValue(fid, assessment.score, assessment.features, paths=[])
        seeds[fid] = [
            PathSeed(v.referrer_contact_id, assessment.strengths[v.vouch_id], facts[v.vouch_id])
            for v in evidence[fid]
        ]
        if own_contact is not None and own_trust > 0:
            seeds[fid].append(PathSeed(own_contact, own_trust, None))
    paths = describe_paths(session, seeds, names, as_of=as_of, params=params, max_paths=max_paths)
    for fid, value in values.items():
        value.paths = paths.get(fid, [])
    return values


# Rows per statement: one JSON parameter per batch. PostgreSQL refuses a jsonb value over 256 MB,
# which all of a million freelancers' rows (features and worded paths) exceed; 20,000 rows stay
# around 10 MB while keeping the statement count low (50 for a million).
STORE_BATCH = 20_000


def store_freelancer_trust(
    session: Session, values: dict[int, FreelancerTrustValue], *, batch: int = STORE_BATCH
) -> int:
    """Upsert, touching only rows whose score, features or paths differ; returns how many."""
    rows = list(values.values())
    written = 0
    for start in range(0, len(rows), max(batch, 1)):
        written += _store_batch(session, rows[start : start + max(batch, 1)])
    return written


def _store_batch(session: Session, values: list[FreelancerTrustValue]) -> int:
    # One JSON parameter for the batch: far cheaper than a VALUES list with 4 parameters a row.
    rows = json.dumps(
        [
            {
                "freelancer_id": v.freelancer_id,
                "score": v.score,
                "features": v.features,
                "paths": v.paths,
            }
            for v in values
        ]
    )
    written = session.execute(
        text(
            "INSERT INTO freelancer_trust (freelancer_id, score, features, paths, computed_at)"
            " SELECT freelancer_id, score, features, paths, now()"
            " FROM jsonb_to_recordset(CAST(:rows AS jsonb))"
            " AS r(freelancer_id int8, score float8, features jsonb, paths jsonb)"
            " ON CONFLICT (freelancer_id) DO UPDATE SET score = excluded.score,"
            " features = excluded.features, paths = excluded.paths, computed_at = now()"
            " WHERE (freelancer_trust.score, freelancer_trust.features, freelancer_trust.paths)"
            " IS DISTINCT FROM (excluded.score, excluded.features, excluded.paths)"
            " RETURNING freelancer_id"
        ),
        {"rows": rows},
    ).all()
    return len(written)
