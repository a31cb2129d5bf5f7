"""GET /v1/freelancers/{id}/reviews: every decision about one freelancer, across requests."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import select

from services.matching.reviews.schemas import ReviewRead
from shared.auth.deps import StaffPrincipal
from shared.db.session import SessionDep
from shared.errors import NotFound
from shared.models import Freelancer, Review

router = APIRouter(tags=["reviews"])


class FreelancerReviewList(BaseModel):
    freelancer_id: int
    items: list[ReviewRead]


@router.get("/v1/freelancers/{freelancer_id}/reviews", response_model=FreelancerReviewList)
def freelancer_reviews(
    freelancer_id: int, session: SessionDep, _: StaffPrincipal
) -> FreelancerReviewList:
    """The requests a freelancer was considered for and what was decided, newest first."""
    if session.get(Freelancer, freelancer_id) is None:
        raise NotFound("No freelancer with this id.")
    reviews = session.scalars(
        select(Review)
        .where(Review.freelancer_id == freelancer_id)
        .order_by(Review.created_at.desc(), Review.id.desc())
        .limit(500)
    )
    return FreelancerReviewList(
        freelancer_id=freelancer_id, items=[ReviewRead.model_validate(r) for r in reviews]
    )
