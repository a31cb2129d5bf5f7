"""Match runs: rank a request with the active model, store the run, read runs back."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from services.matching.index.live import live_index_for
from services.matching.matches.model_cache import cached_active_model
from services.matching.matches.schemas import (
    Explanation,
    MatchQuery,
    MatchResultRead,
    MatchRunRead,
)
from services.matching.ranking.explain import explanation
from services.matching.ranking.query import RequestQuery
from services.matching.ranking.requests import load_queries
from services.matching.settings import get_matching_settings
from shared.errors import Conflict, NotFound
from shared.models import FreelancerTrust, MatchResult, MatchRun, StaffingRequest
from shared.models.enums import RequestStatus


def get_request(session: Session, request_id: int) -> StaffingRequest:
    request = session.get(StaffingRequest, request_id)
    if request is None:
        # Same wording as Principal.ensure_can_see, so a client cannot tell the two apart.
        raise NotFound("No request with this id.")
    return request


def create_run(
    session: Session,
    *,
    request_id: int,
    top_k: int | None = None,
    trigger: str = "api",
    created_by_key_id: int | None = None,
    fresh: bool = False,
) -> MatchRunRead:
    """Rank the request now and store the run; only open requests are ranked. `fresh` polls
    for changes first (queued rankings: they must see what was committed before the job)."""
    request = get_request(session, request_id)
    if request.status != RequestStatus.open.value:
        raise Conflict(f"Request {request_id} is {request.status}; only open requests are ranked.")
    k = top_k or get_matching_settings().default_top_k
    model = cached_active_model(session)
    index = live_index_for(session)
    state = index.ensure_fresh(session, force_poll=fresh)
    query = load_queries(session, [request_id], taxonomy=state.taxonomy, loaded=[request])[
        request_id
    ]
    output = index.rank(query, model, top_k=k)
    ids = [c.freelancer_id for c in output.results]
    paths: dict[int, Any] = dict(
        session.execute(
            select(FreelancerTrust.freelancer_id, FreelancerTrust.paths).where(
                FreelancerTrust.freelancer_id.in_(ids)
            )
        ).all()
    )
    rows = [
        {
            "rank": rank,
            "freelancer_id": candidate.freelancer_id,
            "score": candidate.score,
            "contributions": candidate.contributions,
            "explanation": explanation(candidate, paths.get(candidate.freelancer_id)),
        }
        for rank, candidate in enumerate(output.results, start=1)
    ]
    run = _store_run(
        session,
        request_id=request_id,
        model_version_id=model.version_id,
        model_version=model.label,
        top_k=k,
        candidates_considered=output.candidates_considered,
        trigger=trigger,
        created_by_key_id=created_by_key_id,
        rows=rows,
    )
    return _read(run, rows, query_notes(query))


# The run and all its results in one statement (one round trip, whatever the top k); the
# results travel as one JSON array. The commit still waits for the WAL flush: reviews and
# presentations refer to the run a client was shown, so it must not be lost in a crash.
_STORE_SQL = text(
    """
    WITH run AS (
        INSERT INTO match_runs (request_id, model_version_id, model_version, top_k,
                                candidates_considered, trigger, created_by_key_id)
        VALUES (:request_id, :model_version_id, :model_version, :top_k,
                :candidates_considered, :trigger, :created_by_key_id)
        RETURNING id, created_at
    ), results AS (
        INSERT INTO match_results (run_id, rank, freelancer_id, score, contributions, explanation)
        SELECT run.id, r.rank, r.freelancer_id, r.score, r.contributions, r.explanation
        FROM run, jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(
            rank int, freelancer_id bigint, score float8, contributions jsonb, explanation jsonb)
    )
    SELECT id, created_at FROM run
    """
)


def _store_run(session: Session, *, rows: list[dict[str, Any]], **run: Any) -> MatchRun:
    """Insert the run and its results at once; the returned run is not in the session."""
    # Scores are finite floats; their shortest repr (JSON) converts back to the same bits.
    stored = session.execute(_STORE_SQL, {**run, "rows": json.dumps(rows)}).one()
    return MatchRun(id=stored[0], created_at=stored[1], **run)


def query_notes(query: RequestQuery) -> MatchQuery:
    """What the ranking read from the request beyond its skill list."""
    must_terms = set(query.must_terms)
    return MatchQuery.model_validate(
        {
            "skills_from_text": list(query.skills_from_text),
            "unrecognised_terms": [
                {"term": term, "must_have": term in must_terms} for term in query.unrecognised_terms
            ],
        }
    )


def _current_notes(session: Session, request_id: int) -> MatchQuery | None:
    state = live_index_for(session).state
    queries = load_queries(
        session, [request_id], taxonomy=state.taxonomy if state is not None else None
    )
    return query_notes(queries[request_id]) if request_id in queries else None


def _read(run: MatchRun, rows: list[dict[str, Any]], notes: MatchQuery | None) -> MatchRunRead:
    return MatchRunRead(
        run_id=run.id,
        request_id=run.request_id,
        model_version=run.model_version,
        model_version_id=run.model_version_id,
        created_at=run.created_at,
        top_k=run.top_k,
        candidates_considered=run.candidates_considered,
        trigger=run.trigger,
        query=notes,
        results=[
            MatchResultRead(
                rank=row["rank"],
                freelancer_id=row["freelancer_id"],
                score=row["score"],
                contributions=row["contributions"],
                explanation=Explanation.model_validate(row["explanation"]),
            )
            for row in rows
        ],
    )


def read_run(session: Session, run: MatchRun) -> MatchRunRead:
    results = session.scalars(
        select(MatchResult).where(MatchResult.run_id == run.id).order_by(MatchResult.rank)
    ).all()
    rows = [
        {
            "rank": r.rank,
            "freelancer_id": r.freelancer_id,
            "score": r.score,
            "contributions": r.contributions,
            "explanation": r.explanation,
        }
        for r in results
    ]
    return _read(run, rows, _current_notes(session, run.request_id))


def get_run(session: Session, run_id: int) -> MatchRunRead:
    run = session.get(MatchRun, run_id)
    if run is None:
        raise NotFound(f"No match run {run_id}.")
    return read_run(session, run)


def latest_run(session: Session, request_id: int) -> MatchRunRead:
    get_request(session, request_id)
    run = session.scalar(
        select(MatchRun)
        .where(MatchRun.request_id == request_id)
        .order_by(MatchRun.created_at.desc(), MatchRun.id.desc())
        .limit(1)
    )
    if run is None:
        raise NotFound(f"Request {request_id} has not been ranked yet; POST to rank it.")
    return read_run(session, run)
