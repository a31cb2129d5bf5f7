"""History the API rightly refuses, written in bulk with backdated timestamps.

Past requests (start dates in the past), the account managers' decisions on them, placements,
and the creation times of profiles, contacts, meetings and vouches as they happened. This is the
one place the demo writes tables directly; everything in the present goes through the APIs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from demo.model import World
from shared.models import RequestSkill, Skill, StaffingRequest


def copy_rows(
    session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """COPY rows into a table on the session's connection (same transaction)."""
    raw = session.connection().connection.driver_connection
    assert raw is not None
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def skill_ids(session: Session) -> dict[str, int]:
    return {name: skill_id for skill_id, name in session.execute(select(Skill.id, Skill.name))}


def write_past_requests(
    session: Session, world: World, *, organization_ids: Sequence[int], key_id: int
) -> dict[int, int]:
    """Past requests and their skill rows; request key → id."""
    past = world.past_requests
    if not past:
        return {}
    rows = [
        {
            "organization_id": organization_ids[r.client_key],
            "created_by_key_id": key_id,
            "title": r.title,
            "description": r.description,
            "start_date": r.start_date,
            "duration_months": r.duration_months,
            "max_day_rate": r.max_day_rate,
            "location_city": r.city,
            "location_country": r.country,
            "remote": r.remote,
            "languages": r.languages,
            "engagement": r.engagement,
            "status": r.status,
            "created_at": r.created_at,
            "updated_at": r.created_at,
        }
        for r in past
    ]
    ids = session.scalars(
        insert(StaffingRequest).returning(StaffingRequest.id, sort_by_parameter_order=True),
        rows,
    ).all()
    by_key = {r.key: request_id for r, request_id in zip(past, ids, strict=True)}
    known = skill_ids(session)
    skill_rows = [
        {
            "request_id": by_key[r.key],
            "skill_id": known[s.skill],
            "must_have": s.must_have,
            "min_level": s.min_level,
            "weight": s.weight,
            "raw_name": s.spelling,
        }
        for r in past
        if not r.paragraph_only
        for s in r.skills
    ]
    if skill_rows:
        session.execute(insert(RequestSkill), skill_rows)
    return by_key


def write_decisions(
    session: Session,
    world: World,
    *,
    request_ids: dict[int, int],
    freelancer_ids: Sequence[int],
    key_id: int,
) -> None:
    copy_rows(
        session,
        "reviews",
        ("request_id", "freelancer_id", "decision", "reason", "reviewer_key_id", "created_at"),
        (
            (
                request_ids[r.request_key],
                freelancer_ids[r.freelancer_key],
                r.decision,
                r.reason,
                key_id,
                r.created_at,
            )
            for r in world.reviews
        ),
    )
    copy_rows(
        session,
        "placements",
        (
            "request_id",
            "freelancer_id",
            "start_date",
            "end_date",
            "day_rate",
            "outcome",
            "client_rating",
            "created_by_key_id",
            "created_at",
        ),
        (
            (
                request_ids[p.request_key],
                freelancer_ids[p.freelancer_key],
                p.start_date,
                p.end_date,
                p.day_rate,
                p.outcome,
                p.client_rating,
                key_id,
                p.created_at,
            )
            for p in world.placements
        ),
    )


def _backdate(session: Session, table: str, pairs: Iterable[tuple[int, datetime]]) -> None:
    session.execute(text("CREATE TEMP TABLE demo_dates (id int8, at timestamptz) ON COMMIT DROP"))
    copy_rows(session, "demo_dates", ("id", "at"), pairs)
    session.execute(
        text(f"UPDATE {table} t SET created_at = d.at FROM demo_dates d WHERE t.id = d.id")
    )
    session.execute(text("DROP TABLE demo_dates"))


def backdate(
    session: Session,
    world: World,
    *,
    freelancer_ids: Sequence[int],
    contact_ids: Sequence[int],
    vouch_ids: Sequence[int],
) -> None:
    """Creation times as they happened (the APIs stamp now())."""
    _backdate(
        session,
        "freelancers",
        zip(freelancer_ids, (f.joined_at for f in world.freelancers), strict=False),
    )
    _backdate(
        session,
        "contacts",
        (
            (cid, c.created_at)
            for cid, c in zip(contact_ids, world.contacts, strict=True)
            if c.created_at is not None
        ),
    )
    _backdate(
        session, "vouches", zip(vouch_ids, (v.created_at for v in world.vouches), strict=False)
    )
    # A meeting is recorded the day it happened.
    session.execute(text("UPDATE interactions SET created_at = occurred_on + time '18:00'"))


def write_vouches(
    session: Session,
    world: World,
    *,
    freelancer_ids: Sequence[int],
    contact_ids: Sequence[int],
    key_id: int,
) -> list[int]:
    """Large worlds: every vouch validated by the API's schema, then one COPY; trust follows
    from the full recompute the queue runs next (the per-vouch refresh is what costs)."""
    from services.referrals.trust.service import schedule_recompute
    from services.referrals.vouches.schemas import VouchCreate

    rows = []
    for spec in world.vouches:
        body = VouchCreate.model_validate(
            {
                "referrer_contact_id": contact_ids[spec.referrer],
                "freelancer_id": freelancer_ids[spec.freelancer_key],
                "channel": spec.channel,
                "last_met_on": spec.last_met_on,
                "recommendation": spec.recommendation,
                "statement": spec.statement,
            }
        )
        if world.contacts[spec.referrer].freelancer_key == spec.freelancer_key:
            raise ValueError("a freelancer cannot vouch for themself")
        rows.append(
            (
                body.referrer_contact_id,
                body.freelancer_id,
                body.channel.value,
                body.last_met_on,
                spec.worked_where,
                spec.worked_from,
                spec.worked_to,
                body.recommendation.value,
                body.statement,
                "active",
                key_id,
                spec.created_at,
            )
        )
    before = session.scalar(text("SELECT coalesce(max(id), 0) FROM vouches"))
    copy_rows(
        session,
        "vouches",
        (
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
        rows,
    )
    ids = list(
        session.scalars(
            text("SELECT id FROM vouches WHERE id > :before ORDER BY id"), {"before": before}
        )
    )
    schedule_recompute(session)
    return ids
