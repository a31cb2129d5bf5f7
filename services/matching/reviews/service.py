"""Recording account-manager decisions and showing clients what was presented to them."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from services.matching.matches.service import get_request
from services.matching.reviews.rules import ensure_may_present, ensure_open_for
from services.matching.reviews.schemas import CandidateSkill, PresentedCandidate, ReviewCreate
from services.matching.reviews.snapshot import feature_snapshot
from services.matching.reviews.workflow import PRESENTED_STATES, REASON_REQUIRED, check_transition
from shared.errors import NotFound, field_error
from shared.models import (
    Freelancer,
    FreelancerSkill,
    MatchRun,
    RequestSkill,
    Review,
    Skill,
)
from shared.models.enums import Decision


def lock_pair(session: Session, *, request_id: int, freelancer_id: int) -> None:
    """Serialise decisions and placements on one (request, freelancer) pair."""
    session.execute(
        text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
        {"key": f"vouch:review:{request_id}:{freelancer_id}"},
    )


def latest_decision(session: Session, *, request_id: int, freelancer_id: int) -> Decision | None:
    value = session.scalar(
        select(Review.decision)
        .where(Review.request_id == request_id, Review.freelancer_id == freelancer_id)
        .order_by(Review.created_at.desc(), Review.id.desc())
        .limit(1)
    )
    return Decision(value) if value is not None else None


def ensure_freelancer(session: Session, freelancer_id: int) -> None:
    if session.get(Freelancer, freelancer_id) is None:
        raise NotFound(f"No freelancer {freelancer_id}.")


def record_review(session: Session, *, body: ReviewCreate, reviewer_key_id: int) -> Review:
    """Store one decision after checking the request, the reason and the transition."""
    if body.decision in REASON_REQUIRED and not (body.reason and body.reason.strip()):
        raise field_error(
            "reason", f"a reason is required when the decision is {body.decision.value}"
        )
    request = get_request(session, body.request_id)
    ensure_open_for(session, request, body.decision)
    ensure_freelancer(session, body.freelancer_id)
    if body.match_run_id is not None:
        run_request = session.scalar(
            select(MatchRun.request_id).where(MatchRun.id == body.match_run_id)
        )
        if run_request != body.request_id:
            raise field_error("match_run_id", "no match run with this id for this request")
    lock_pair(session, request_id=body.request_id, freelancer_id=body.freelancer_id)
    current = latest_decision(session, request_id=body.request_id, freelancer_id=body.freelancer_id)
    check_transition(current, body.decision)
    if body.decision is Decision.presented:
        ensure_may_present(
            session,
            request_id=body.request_id,
            freelancer_id=body.freelancer_id,
            added_manually=body.added_manually,
            reason=body.reason,
        )
    snapshot = feature_snapshot(
        session,
        request_id=body.request_id,
        freelancer_id=body.freelancer_id,
        match_run_id=body.match_run_id,
    )
    review = Review(
        request_id=body.request_id,
        freelancer_id=body.freelancer_id,
        decision=body.decision.value,
        reason=body.reason.strip() if body.reason else None,
        reviewer_key_id=reviewer_key_id,
        match_run_id=body.match_run_id,
        added_manually=body.added_manually,
        feature_values=snapshot.values if snapshot else None,
        feature_source=snapshot.source if snapshot else None,
    )
    session.add(review)
    session.flush()
    session.refresh(review)
    return review


def list_reviews(session: Session, *, request_id: int) -> list[Review]:
    get_request(session, request_id)
    return list(
        session.scalars(
            select(Review)
            .where(Review.request_id == request_id)
            .order_by(Review.created_at, Review.id)
        ).all()
    )


def decision_counts(session: Session, *, request_ids: list[int]) -> dict[int, dict[str, int]]:
    """Latest decision per (request, freelancer), counted per request, in one query."""
    latest = (
        select(Review.request_id, Review.freelancer_id, Review.decision)
        .where(Review.request_id.in_(request_ids))
        .distinct(Review.request_id, Review.freelancer_id)
        .order_by(
            Review.request_id,
            Review.freelancer_id,
            Review.created_at.desc(),
            Review.id.desc(),
        )
        .subquery()
    )
    rows = session.execute(
        select(latest.c.request_id, latest.c.decision, func.count()).group_by(
            latest.c.request_id, latest.c.decision
        )
    )
    counts: dict[int, dict[str, int]] = {request_id: {} for request_id in request_ids}
    for request_id, decision, count in rows:
        counts[request_id][decision] = count
    return counts


def presented_candidates(session: Session, *, request_id: int) -> list[PresentedCandidate]:
    """Candidates whose latest decision is presented, interviewed or placed."""
    ordered = (
        select(
            Review.freelancer_id,
            Review.decision,
            func.row_number()
            .over(
                partition_by=Review.freelancer_id,
                order_by=(Review.created_at.desc(), Review.id.desc()),
            )
            .label("position"),
        )
        .where(Review.request_id == request_id)
        .subquery()
    )
    latest = (
        select(ordered.c.freelancer_id, ordered.c.decision)
        .where(ordered.c.position == 1)
        .subquery()
    )
    presented_at = (
        select(Review.freelancer_id, func.min(Review.created_at).label("first_at"))
        .where(Review.request_id == request_id, Review.decision == Decision.presented.value)
        .group_by(Review.freelancer_id)
        .subquery()
    )
    rows = session.execute(
        select(
            latest.c.freelancer_id, latest.c.decision, Freelancer.headline, presented_at.c.first_at
        )
        .join(Freelancer, Freelancer.id == latest.c.freelancer_id)
        .join(presented_at, presented_at.c.freelancer_id == latest.c.freelancer_id)
        .where(latest.c.decision.in_([d.value for d in PRESENTED_STATES]))
        .order_by(presented_at.c.first_at, latest.c.freelancer_id)
    ).all()
    ids = [r.freelancer_id for r in rows]
    skills: dict[int, list[CandidateSkill]] = defaultdict(list)
    for freelancer_id, name, level, required, must_have in session.execute(
        select(
            FreelancerSkill.freelancer_id,
            Skill.name,
            FreelancerSkill.level,
            RequestSkill.min_level,
            RequestSkill.must_have,
        )
        .join(RequestSkill, RequestSkill.skill_id == FreelancerSkill.skill_id)
        .join(Skill, Skill.id == FreelancerSkill.skill_id)
        .where(RequestSkill.request_id == request_id, FreelancerSkill.freelancer_id.in_(ids))
        .order_by(FreelancerSkill.freelancer_id, RequestSkill.must_have.desc(), Skill.name)
    ).all():
        skills[freelancer_id].append(
            CandidateSkill(name=name, level=level, required_level=required, must_have=must_have)
        )
    return [
        PresentedCandidate(
            freelancer_id=r.freelancer_id,
            headline=r.headline or "",
            status=Decision(r.decision),
            presented_at=r.first_at,
            matched_skills=skills[r.freelancer_id],
        )
        for r in rows
    ]
