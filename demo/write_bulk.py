"""`--bulk`: the whole world by COPY, without the APIs — for benchmark sizes (up to millions).

Rows are what the APIs would have stored: profiles with their confirmed skills (when the profile
lists them) and the skills its CV text names as extracted skills with their evidence, contacts,
meetings, vouches, requests with their skills, decisions and placements. Trust and the rankings
of the open requests are then computed by the services' own queued jobs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from demo.history_sql import copy_rows, skill_ids
from demo.model import FreelancerSpec, RequestSpec, World
from services.intake.freelancers.bulk import PROFILE_COLUMNS
from services.intake.freelancers.profile import engagement_column
from shared.models.enums import Engagement
from shared.queue.jobs import enqueue

Advance = Callable[[int], None]


def reserve_ids(session: Session, table: str, count: int) -> list[int]:
    """`count` fresh ids from the table's sequence, in one call."""
    sequence = session.scalar(text(f"SELECT pg_get_serial_sequence('{table}', 'id')"))
    first = int(session.scalar(text(f"SELECT nextval('{sequence}')")) or 0)
    if count > 1:
        session.execute(text(f"SELECT setval('{sequence}', {first + count - 1})"))
    return list(range(first, first + count))


def _evidence(spec: FreelancerSpec, spelling: str) -> tuple[int, str]:
    """How often the CV names a skill and where, as the extractor records it."""
    spans: list[dict[str, object]] = []
    start = spec.cv_text.find(spelling)
    while start >= 0 and len(spans) < 20:
        spans.append(
            {"field": "summary", "start": start, "end": start + len(spelling), "text": spelling}
        )
        start = spec.cv_text.find(spelling, start + len(spelling))
    return max(1, len(spans)), json.dumps(spans)


def _freelancer_rows(world: World, ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    for spec, freelancer_id in zip(world.freelancers, ids, strict=True):
        yield (
            freelancer_id,
            spec.name,
            spec.email,
            spec.headline,
            spec.cv_text,
            spec.available_from,
            spec.day_rate,
            spec.city,
            spec.country,
            spec.remote,
            engagement_column(Engagement(spec.engagement)),
            spec.source_type,
            spec.source_detail,
            spec.joined_at,
            spec.consent_method,
            spec.joined_at,
        )


def write_freelancers(session: Session, world: World, advance: Advance) -> list[int]:
    ids = reserve_ids(session, "freelancers", len(world.freelancers))
    copy_rows(
        session,
        "freelancers",
        ("id", *PROFILE_COLUMNS, "created_at"),  # the order _freelancer_rows writes
        _freelancer_rows(world, ids),
    )
    known = skill_ids(session)
    pairs = list(zip(world.freelancers, ids, strict=True))
    copy_rows(
        session,
        "freelancer_skills",
        ("freelancer_id", "skill_id", "level", "years", "last_used", "raw_name"),
        (
            (fid, known[s.skill], s.level, s.years, s.last_used, s.spelling)
            for spec, fid in pairs
            if spec.lists_skills
            for s in spec.skills
        ),
    )
    copy_rows(
        session,
        "freelancer_extracted_skills",
        ("freelancer_id", "skill_id", "mentions", "evidence", "status"),
        (
            (fid, known[s.skill], *_evidence(spec, s.spelling), "extracted")
            for spec, fid in pairs
            if not spec.lists_skills
            for s in spec.skills
        ),
    )
    copy_rows(
        session,
        "freelancer_languages",
        ("freelancer_id", "code", "level"),
        ((fid, code, level) for spec, fid in pairs for code, level in spec.languages),
    )
    advance(len(ids))
    return ids


def write_network(
    session: Session,
    world: World,
    *,
    freelancer_ids: Sequence[int],
    organization_ids: Sequence[int],
    key_id: int,
) -> tuple[list[int], list[int]]:
    """Contacts, meetings and vouches; (contact ids, vouch ids) by key."""
    seed = world.config.seed
    contact_ids = reserve_ids(session, "contacts", len(world.contacts))
    copy_rows(
        session,
        "contacts",
        (
            "id",
            "name",
            "email",
            "company",
            "internal",
            "freelancer_id",
            "organization_id",
            "external_ref",
            "notes",
            "created_at",
        ),
        (
            (
                cid,
                c.name,
                c.email,
                c.company,
                c.internal,
                None if c.freelancer_key is None else freelancer_ids[c.freelancer_key],
                None if c.client_key is None else organization_ids[c.client_key],
                f"demo-{seed}-{c.key}",
                "",
                c.created_at,
            )
            for c, cid in zip(world.contacts, contact_ids, strict=True)
        ),
    )
    copy_rows(
        session,
        "interactions",
        ("contact_a_id", "contact_b_id", "channel", "occurred_on", "context", "created_at"),
        (
            (
                min(contact_ids[i.a], contact_ids[i.b]),
                max(contact_ids[i.a], contact_ids[i.b]),
                i.channel,
                i.occurred_on,
                i.context,
                i.occurred_on,
            )
            for i in world.interactions
        ),
    )
    vouch_ids = reserve_ids(session, "vouches", len(world.vouches))
    copy_rows(
        session,
        "vouches",
        (
            "id",
            "referrer_contact_id",
            "freelancer_id",
            "channel",
            "last_met_on",
            "worked_where",
            "worked_from",
            "worked_to",
            "recommendation",
            "statement",
            "status",
            "created_by_key_id",
            "created_at",
        ),
        (
            (
                vid,
                contact_ids[v.referrer],
                freelancer_ids[v.freelancer_key],
                v.channel,
                v.last_met_on,
                v.worked_where,
                v.worked_from,
                v.worked_to,
                v.recommendation,
                v.statement,
                "active",
                key_id,
                v.created_at,
            )
            for v, vid in zip(world.vouches, vouch_ids, strict=True)
        ),
    )
    return contact_ids, vouch_ids


def write_requests(
    session: Session, world: World, *, organization_ids: Sequence[int], key_id: int
) -> dict[int, int]:
    """Every request (open and past) with its skills; open ones are queued for ranking."""
    ids = reserve_ids(session, "staffing_requests", len(world.requests))

    def row(r: RequestSpec, request_id: int) -> tuple[Any, ...]:
        return (
            request_id,
            organization_ids[r.client_key],
            key_id,
            r.title,
            r.description,
            r.start_date,
            r.duration_months,
            r.max_day_rate,
            r.city,
            r.country,
            r.remote,
            r.languages,
            r.engagement,
            r.status,
            r.created_at,
            r.created_at,
        )

    copy_rows(
        session,
        "staffing_requests",
        (
            "id",
            "organization_id",
            "created_by_key_id",
            "title",
            "description",
            "start_date",
            "duration_months",
            "max_day_rate",
            "location_city",
            "location_country",
            "remote",
            "languages",
            "engagement",
            "status",
            "created_at",
            "updated_at",
        ),
        (row(r, rid) for r, rid in zip(world.requests, ids, strict=True)),
    )
    known = skill_ids(session)
    copy_rows(
        session,
        "request_skills",
        ("request_id", "skill_id", "must_have", "min_level", "weight", "raw_name"),
        (
            (rid, known[s.skill], s.must_have, s.min_level, s.weight, s.spelling)
            for r, rid in zip(world.requests, ids, strict=True)
            if not r.paragraph_only
            for s in r.skills
        ),
    )
    by_key = {r.key: rid for r, rid in zip(world.requests, ids, strict=True)}
    for request in world.open_requests:
        enqueue(
            session,
            kind="rank_request",
            payload={"request_id": by_key[request.key]},
            dedupe_key=str(by_key[request.key]),
        )
    return by_key
