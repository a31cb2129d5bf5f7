"""Match runs: rank a request with the active model, store the run, read runs back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic_core import to_json
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.matching.index.live import live_index_for
from services.matching.matches import repository
from services.matching.matches.model_cache import cached_active_model
from services.matching.matches.query_cache import prepared_query
from services.matching.matches.schemas import (
    Explanation,
    MatchQuery,
    MatchResultRead,
    MatchRunRead,
    with_defaults,
)
from services.matching.ranking.explain import explanation
from services.matching.ranking.query import RequestQuery
from services.matching.ranking.requests import load_queries
from services.matching.settings import get_matching_settings
from shared.audit import PendingAudit
from shared.errors import Conflict, NotFound
from shared.models import MatchRun, StaffingRequest
from shared.models.enums import RequestStatus


def get_request(session: Session, request_id: int) -> StaffingRequest:
    request = session.get(StaffingRequest, request_id)
    if request is None:
        # Same wording as Principal.ensure_can_see, so a client cannot tell the two apart.
        raise NotFound("No request with this id.")
    return request


@dataclass(frozen=True)
class StoredRun:
    """A ranking just stored: the run, its result rows, and those rows as JSON (written once,
    sent to the database and to the caller alike)."""

    run: MatchRun
    rows: list[dict[str, Any]]
    rows_json: bytes
    notes: MatchQuery


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
    stored = rank_and_store(
        session,
        request_id=request_id,
        top_k=top_k,
        trigger=trigger,
        created_by_key_id=created_by_key_id,
        fresh=fresh,
    )
    return _read(stored.run, stored.rows, stored.notes)


def rank_and_store(
    session: Session,
    *,
    request_id: int,
    top_k: int | None,
    trigger: str,
    created_by_key_id: int | None,
    fresh: bool = False,
    audit: PendingAudit | None = None,
) -> StoredRun:
    """`create_run`'s work in four statements: the request with the active model's key, who is
    unavailable (the rest of the query is cached per request), trust paths, the store (with the
    call's `audit` row when given)."""
    snapshot = repository.request_snapshot(session, request_id)
    if snapshot is None:
        raise NotFound("No request with this id.")  # the wording of get_request
    request = snapshot.request
    if request.status != RequestStatus.open.value:
        raise Conflict(f"Request {request_id} is {request.status}; only open requests are ranked.")
    k = top_k or get_matching_settings().default_top_k
    model = cached_active_model(session, snapshot.model_key)
    index = live_index_for(session)
    state = index.ensure_fresh(session, force_poll=fresh)
    query = prepared_query(
        session, request, signature=snapshot.query_signature, taxonomy=state.taxonomy
    )
    output = index.rank(query, model, top_k=k)
    paths = repository.trust_paths(session, [c.freelancer_id for c in output.results])
    rows = [
        {
            "rank": rank,
            "freelancer_id": candidate.freelancer_id,
            "score": candidate.score,
            "contributions": candidate.contributions,
            "explanation": with_defaults(
                explanation(candidate, paths.get(candidate.freelancer_id))
            ),
        }
        for rank, candidate in enumerate(output.results, start=1)
    ]
    # Scores are finite floats; their shortest repr (JSON) converts back to the same bits.
    rows_json = to_json(rows)
    run = {
        "request_id": request_id,
        "model_version_id": model.version_id,
        "model_version": model.label,
        "top_k": k,
        "candidates_considered": output.candidates_considered,
        "trigger": trigger,
        "created_by_key_id": created_by_key_id,
    }
    run_id, created_at = repository.store_run(
        session,
        results_json=rows_json.decode(),
        freelancer_ids=[candidate.freelancer_id for candidate in output.results],
        audit=audit,
        **run,
    )
    return StoredRun(
        MatchRun(id=run_id, created_at=created_at, **run), rows, rows_json, query_notes(query)
    )


def run_json(stored: StoredRun) -> bytes:
    """The run as `MatchRunRead` JSON, its results spliced in as already serialised."""
    run = stored.run
    head = to_json(
        {
            "run_id": run.id,
            "request_id": run.request_id,
            "model_version": run.model_version,
            "model_version_id": run.model_version_id,
            "created_at": run.created_at,
            "top_k": run.top_k,
            "candidates_considered": run.candidates_considered,
            "trigger": run.trigger,
            "query": stored.notes.model_dump(mode="json"),
        }
    )
    return head[:-1] + b',"results":' + stored.rows_json + b"}"


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
    rows = session.scalar(select(MatchRun.results).where(MatchRun.id == run.id)) or []
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
