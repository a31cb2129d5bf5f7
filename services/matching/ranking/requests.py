"""Staffing requests (intake's tables, read only) turned into index queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.matching.index.columns import REMOTE_CODES, language_code_number
from services.matching.ranking.query import RequestQuery
from services.matching.ranking.unavailable import unavailable_by_request
from services.matching.settings import get_matching_settings
from shared.models import RequestSkill, RequestUnrecognisedSkill, Skill, StaffingRequest


def load_queries(session: Session, request_ids: Sequence[int]) -> dict[int, RequestQuery]:
    """Queries for the given requests (missing ids are simply absent), in three statements."""
    ids = sorted(set(request_ids))
    if not ids:
        return {}
    requests = session.scalars(select(StaffingRequest).where(StaffingRequest.id.in_(ids))).all()
    skill_rows = session.execute(
        select(
            RequestSkill.request_id,
            RequestSkill.skill_id,
            Skill.name,
            RequestSkill.must_have,
            RequestSkill.min_level,
            RequestSkill.weight,
        )
        .join(Skill, Skill.id == RequestSkill.skill_id)
        .where(RequestSkill.request_id.in_(ids))
        .order_by(RequestSkill.request_id, RequestSkill.must_have.desc(), Skill.name)
    ).all()
    unrecognised_rows = session.execute(
        select(RequestUnrecognisedSkill.request_id, RequestUnrecognisedSkill.raw_name)
        .where(RequestUnrecognisedSkill.request_id.in_(ids))
        .order_by(RequestUnrecognisedSkill.request_id, RequestUnrecognisedSkill.raw_name)
    ).all()
    skills: dict[int, list[tuple[int, str, bool, int, float]]] = defaultdict(list)
    for request_id, skill_id, name, must_have, min_level, weight in skill_rows:
        skills[request_id].append((skill_id, name, must_have, min_level, weight))
    unrecognised: dict[int, list[str]] = defaultdict(list)
    for request_id, raw_name in unrecognised_rows:
        unrecognised[request_id].append(raw_name)
    unavailable = unavailable_by_request(
        session, ids, tolerance_days=get_matching_settings().availability_tolerance_days
    )
    return {
        request.id: replace(
            build_query(request, skills[request.id], unrecognised[request.id]),
            unavailable_ids=unavailable.get(request.id, np.zeros(0, np.int64)),
        )
        for request in requests
    }


def build_query(
    request: StaffingRequest,
    skills: list[tuple[int, str, bool, int, float]],
    unrecognised: list[str],
) -> RequestQuery:
    names = tuple(name for _, name, _, _, _ in skills)
    # Skill names join the text so a profile naming a skill only in prose still gets credit,
    # and terms the taxonomy did not recognise are matched by text alone.
    text = " ".join([request.title, request.description or "", *names, *unrecognised])
    return RequestQuery(
        request_id=request.id,
        skill_ids=np.array([s[0] for s in skills], dtype=np.int64),
        skill_names=names,
        must_have=np.array([bool(s[2]) for s in skills], dtype=bool),
        min_level=np.array([s[3] for s in skills], dtype=np.int8),
        weight=np.array([s[4] for s in skills], dtype=np.float64),
        start_ordinal=request.start_date.toordinal(),
        max_day_rate=float(request.max_day_rate),
        remote=REMOTE_CODES.get(request.remote, 0),
        country=(request.location_country or "").upper(),
        city=(request.location_city or "").strip().lower(),
        languages=tuple(language_code_number(c.lower()) for c in (request.languages or [])),
        engagement=request.engagement,
        text=text,
        reference_year=request.created_at.year,
    )
