"""Staffing requests (intake's tables, read only) turned into index queries.

The request's own text counts too: skills its title or description names but its structured
list lacks are added (source "text") as nice-to-haves at half weight, or as must-haves when the
text marks them so ("must", "required", "zwingend", ...). Unrecognised must-have terms stay
must-haves, met through the profile text.
"""

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
from shared.skills.extract import ExtractedSkill, extract_skills
from shared.skills.taxonomy import Taxonomy, get_catalogue_taxonomy

# A skill taken from the request's text: the request API's default minimum level; a text the
# client marked as required weighs as a listed skill, an unmarked mention half (the client
# named it, but did not ask for it: "Telecom provider", "coaching product owners").
TEXT_SKILL_MIN_LEVEL = 3
TEXT_MUST_WEIGHT = 1.0
TEXT_NICE_WEIGHT = 0.5

SkillRow = tuple[int, str, bool, int, float]  # skill id, name, must-have, min level, weight


def load_queries(
    session: Session,
    request_ids: Sequence[int],
    *,
    taxonomy: Taxonomy | None = None,
    loaded: Sequence[StaffingRequest] = (),
) -> dict[int, RequestQuery]:
    """Queries for the given requests (missing ids are simply absent), in a few statements;
    `loaded` requests (already read in this session) are not read again."""
    ids = sorted(set(request_ids))
    if not ids:
        return {}
    have = {request.id: request for request in loaded if request.id in set(ids)}
    requests = list(have.values())
    if len(have) < len(ids):
        requests += session.scalars(
            select(StaffingRequest).where(StaffingRequest.id.in_([i for i in ids if i not in have]))
        ).all()
    skill_rows = session.execute(
        select(
            RequestSkill.request_id,
            RequestSkill.skill_id,
            Skill.name,
            Skill.slug,
            RequestSkill.must_have,
            RequestSkill.min_level,
            RequestSkill.weight,
        )
        .join(Skill, Skill.id == RequestSkill.skill_id)
        .where(RequestSkill.request_id.in_(ids))
        .order_by(RequestSkill.request_id, RequestSkill.must_have.desc(), Skill.name)
    ).all()
    unrecognised_rows = session.execute(
        select(
            RequestUnrecognisedSkill.request_id,
            RequestUnrecognisedSkill.raw_name,
            RequestUnrecognisedSkill.must_have,
        )
        .where(RequestUnrecognisedSkill.request_id.in_(ids))
        .order_by(RequestUnrecognisedSkill.request_id, RequestUnrecognisedSkill.raw_name)
    ).all()
    skills: dict[int, list[SkillRow]] = defaultdict(list)
    slugs: dict[int, set[str]] = defaultdict(set)
    for request_id, skill_id, name, slug, must_have, min_level, weight in skill_rows:
        skills[request_id].append((skill_id, name, must_have, min_level, weight))
        slugs[request_id].add(slug)
    unrecognised: dict[int, list[tuple[str, bool]]] = defaultdict(list)
    for request_id, raw_name, must_have in unrecognised_rows:
        unrecognised[request_id].append((raw_name, bool(must_have)))
    found = {
        request.id: _text_skills(request, taxonomy or get_catalogue_taxonomy(), slugs[request.id])
        for request in requests
    }
    wanted = sorted({skill.slug for named in found.values() for skill in named})
    catalogue = {
        slug: (skill_id, name)
        for skill_id, name, slug in (
            session.execute(
                select(Skill.id, Skill.name, Skill.slug).where(Skill.slug.in_(wanted))
            ).all()
            if wanted
            else ()
        )
    }
    unavailable = unavailable_by_request(
        session, ids, tolerance_days=get_matching_settings().availability_tolerance_days
    )
    return {
        request.id: replace(
            build_query(
                request,
                skills[request.id],
                unrecognised[request.id],
                [s for s in found[request.id] if s.slug in catalogue],
                catalogue,
            ),
            unavailable_ids=unavailable.get(request.id, np.zeros(0, np.int64)),
        )
        for request in requests
    }


def _text_skills(
    request: StaffingRequest, taxonomy: Taxonomy, listed: set[str]
) -> list[ExtractedSkill]:
    """Skills named in the title or description that the structured list lacks."""
    text = f"{request.title}\n{request.description or ''}"
    return [skill for skill in extract_skills(text, taxonomy) if skill.slug not in listed]


def _from_text(
    request: StaffingRequest,
    extracted: list[ExtractedSkill],
    catalogue: dict[str, tuple[int, str]],
) -> tuple[list[SkillRow], list[dict[str, object]]]:
    rows: list[SkillRow] = []
    notes: list[dict[str, object]] = []
    title_end = len(request.title)
    for skill in extracted:
        # Only an explicit cue makes a must-have (and so the large missing penalty): a title
        # names a role, and reading skills from it is too loose to exclude people for
        # ("web applications" reads as Web Development in a penetration tester's request).
        must_have = skill.requirement == "must"
        skill_id, name = catalogue[skill.slug]
        weight = TEXT_MUST_WEIGHT if must_have else TEXT_NICE_WEIGHT
        rows.append((skill_id, name, must_have, TEXT_SKILL_MIN_LEVEL, weight))
        first = skill.evidence[0] if skill.evidence else None
        notes.append(
            {
                "name": name,
                "must_have": must_have,
                "requirement": skill.requirement,
                "evidence": (
                    {
                        "field": "title" if first.start < title_end else "description",
                        "text": first.text,
                    }
                    if first is not None
                    else None
                ),
            }
        )
    return rows, notes


def build_query(
    request: StaffingRequest,
    skills: list[SkillRow],
    unrecognised: list[tuple[str, bool]],
    extracted: Sequence[ExtractedSkill] = (),
    catalogue: dict[str, tuple[int, str]] | None = None,
) -> RequestQuery:
    text_rows, notes = _from_text(request, list(extracted), catalogue or {})
    every = [*skills, *text_rows]
    names = tuple(name for _, name, _, _, _ in every)
    terms = [term for term, _ in unrecognised]
    # Skill names join the text so a profile naming a skill only in prose still gets credit,
    # and terms the taxonomy did not recognise are matched by text alone.
    text = " ".join([request.title, request.description or "", *names, *terms])
    return RequestQuery(
        request_id=request.id,
        skill_ids=np.array([s[0] for s in every], dtype=np.int64),
        skill_names=names,
        must_have=np.array([bool(s[2]) for s in every], dtype=bool),
        min_level=np.array([s[3] for s in every], dtype=np.int8),
        weight=np.array([s[4] for s in every], dtype=np.float64),
        start_ordinal=request.start_date.toordinal(),
        max_day_rate=float(request.max_day_rate),
        remote=REMOTE_CODES.get(request.remote, 0),
        country=(request.location_country or "").upper(),
        city=(request.location_city or "").strip().lower(),
        languages=tuple(language_code_number(c.lower()) for c in (request.languages or [])),
        engagement=request.engagement,
        text=text,
        reference_year=request.created_at.year,
        skill_sources=("request",) * len(skills) + ("text",) * len(text_rows),
        must_terms=tuple(term for term, must_have in unrecognised if must_have),
        skills_from_text=tuple(notes),
        unrecognised_terms=tuple(terms),
    )
