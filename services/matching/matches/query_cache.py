"""Each request's prepared ranking query, kept until the request changes.

Building a query reads the request's skills and terms and runs skill extraction over its
text; none of that changes between two rankings of an unchanged request. The key is the
signature `repository.request_snapshot` computes in the statement that reads the request
anyway (its row, skills with their names, unrecognised terms) plus the taxonomy the index
holds (a catalogue change replaces it). Who is unavailable (placed elsewhere, consent
withdrawn, being erased) changes without the request changing, so it is read on every call.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace

import numpy as np
from sqlalchemy.orm import Session

from services.matching.ranking.query import RequestQuery
from services.matching.ranking.requests import load_queries
from services.matching.ranking.unavailable import unavailable_by_request
from services.matching.settings import get_matching_settings
from shared.models import StaffingRequest
from shared.skills.taxonomy import Taxonomy

_MAX_ENTRIES = 4096  # a few KB each; far more open requests than an agency ranks at once
_cache: OrderedDict[int, tuple[str, Taxonomy | None, RequestQuery]] = OrderedDict()
_lock = threading.Lock()


def prepared_query(
    session: Session, request: StaffingRequest, *, signature: str, taxonomy: Taxonomy | None
) -> RequestQuery:
    """The request's query as `load_queries` builds it, from the cache when unchanged."""
    with _lock:
        cached = _cache.get(request.id)
        if cached is not None:
            _cache.move_to_end(request.id)
    if cached is not None and cached[0] == signature and cached[1] is taxonomy:
        unavailable = unavailable_by_request(
            session,
            [request.id],
            tolerance_days=get_matching_settings().availability_tolerance_days,
        )
        return replace(
            cached[2], unavailable_ids=unavailable.get(request.id, np.zeros(0, np.int64))
        )
    query = load_queries(session, [request.id], taxonomy=taxonomy, loaded=[request])[request.id]
    with _lock:
        _cache[request.id] = (signature, taxonomy, query)
        _cache.move_to_end(request.id)
        while len(_cache) > _MAX_ENTRIES:
            _cache.popitem(last=False)
    return query


def clear_prepared_queries() -> None:
    with _lock:
        _cache.clear()
