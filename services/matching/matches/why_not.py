"""The "why not?" answer for one freelancer and one request (staff diagnostics)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.matching.index.live import live_index_for
from services.matching.matches.schemas import WhyNotRead
from services.matching.matches.service import get_request
from services.matching.modelops.service import active_model
from services.matching.ranking.explain import explanation
from services.matching.ranking.requests import load_queries
from services.matching.settings import get_matching_settings
from shared.errors import NotFound
from shared.models import Freelancer, FreelancerTrust


def explain_freelancer(
    session: Session, *, request_id: int, freelancer_id: int, top_k: int | None = None
) -> WhyNotRead:
    """Excluded by which filter, or the rank, score and contributions as if ranked now."""
    get_request(session, request_id)
    if session.get(Freelancer, freelancer_id) is None:
        raise NotFound(f"No freelancer {freelancer_id}.")
    k = top_k or get_matching_settings().default_top_k
    index = live_index_for(session)
    state = index.ensure_fresh(session, force_poll=True)
    query = load_queries(session, [request_id], taxonomy=state.taxonomy)[request_id]
    answer = index.why_not(query, active_model(session), freelancer_id, top_k=k)
    if answer is None:
        raise NotFound(f"Freelancer {freelancer_id} is not in the ranking index yet; retry.")
    body: dict[str, Any] = {
        "request_id": request_id,
        "freelancer_id": freelancer_id,
        "status": answer.status,
        "filters": answer.filters,
        "rank": answer.rank,
        "top_k": k,
    }
    candidate = answer.candidate
    if candidate is not None:
        paths = session.scalar(
            select(FreelancerTrust.paths).where(FreelancerTrust.freelancer_id == freelancer_id)
        )
        body |= {
            "score": candidate.score,
            "contributions": candidate.contributions,
            "explanation": explanation(candidate, paths),
        }
    return WhyNotRead.model_validate(body)
