"""The ranking call's statements: read what it needs in one, store the run in one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from shared.audit import AUDIT_ENTRY_CTE, PendingAudit
from shared.models import StaffingRequest

ModelKey = tuple[int, str, bytes]  # active version id, stored digest, digest of its bytes

# The request row, a signature of everything its ranking query is built from (the row, its
# skills with their catalogue names, its unrecognised terms), and the active model's key.
# `r::text` renders the whole row, so any column a query reads changes the signature.
_SNAPSHOT_SQL = text(
    """
    SELECT r.*,
           md5(concat_ws('|', r::text,
               (SELECT string_agg(concat_ws(',', s.skill_id, k.name, s.must_have, s.min_level,
                                            s.weight), ';' ORDER BY s.skill_id)
                FROM request_skills s JOIN skills k ON k.id = s.skill_id
                WHERE s.request_id = r.id),
               (SELECT string_agg(concat_ws(',', u.raw_name, u.must_have), ';'
                                  ORDER BY u.raw_name, u.must_have)
                FROM request_unrecognised_skills u WHERE u.request_id = r.id)
           )) AS query_signature,
           (SELECT array_agg(ARRAY[m.id::text, coalesce(m.artefact_sha256, ''),
                                   encode(sha256(m.artefact), 'hex')])
            FROM model_versions m WHERE m.status = 'active') AS active_models
    FROM staffing_requests r
    WHERE r.id = :request_id
    """
)
_REQUEST_COLUMNS = frozenset(StaffingRequest.__table__.columns.keys())


@dataclass(frozen=True)
class RequestSnapshot:
    request: StaffingRequest  # transient: not in the session
    query_signature: str
    model_key: ModelKey | None  # None unless exactly one version is active


def request_snapshot(session: Session, request_id: int) -> RequestSnapshot | None:
    row = session.execute(_SNAPSHOT_SQL, {"request_id": request_id}).mappings().first()
    if row is None:
        return None
    request = StaffingRequest(**{k: v for k, v in row.items() if k in _REQUEST_COLUMNS})
    models = row["active_models"] or []
    key = None
    if len(models) == 1:
        version_id, stored, actual = models[0]
        key = (int(version_id), str(stored), bytes.fromhex(actual or ""))
    return RequestSnapshot(request, str(row["query_signature"]), key)


_TRUST_PATHS_SQL = text(
    "SELECT freelancer_id, paths FROM freelancer_trust "
    "WHERE freelancer_id = ANY(CAST(:ids AS bigint[]))"
)


def trust_paths(session: Session, freelancer_ids: list[int]) -> dict[int, Any]:
    """The referrals service's trust paths of these freelancers (absent: none recorded)."""
    if not freelancer_ids:
        return {}
    return dict(session.execute(_TRUST_PATHS_SQL, {"ids": freelancer_ids}).tuples().all())


# The run and its results in one row (see `MatchRun.results`). The commit still waits for the
# WAL flush: reviews and presentations refer to the run a client was shown, so it must not be
# lost in a crash.
_STORE = """
    INSERT INTO match_runs (request_id, model_version_id, model_version, top_k,
                            candidates_considered, trigger, created_by_key_id, results,
                            freelancer_ids)
    VALUES (:request_id, :model_version_id, :model_version, :top_k, :candidates_considered,
            :trigger, :created_by_key_id, CAST(:results AS json),
            CAST(:freelancer_ids AS bigint[]))
    RETURNING id, created_at
"""
_STORE_SQL = text(_STORE)
_STORE_AUDITED_SQL = text(f"WITH {AUDIT_ENTRY_CTE} {_STORE}")


def store_run(
    session: Session,
    *,
    results_json: str,
    freelancer_ids: list[int],
    audit: PendingAudit | None = None,
    **run: Any,
) -> tuple[int, datetime]:
    """Insert the run with its results (a JSON array of result rows), and the call's audit row
    when given; the run's id and time."""
    parameters = {**run, "results": results_json, "freelancer_ids": freelancer_ids}
    if audit is None:
        stored = session.execute(_STORE_SQL, parameters).one()
    else:
        stored = session.execute(_STORE_AUDITED_SQL, {**parameters, **audit.parameters}).one()
    return int(stored[0]), stored[1]
