"""The 201 of POST /v1/freelancers with its duplicate warnings."""

from __future__ import annotations

from pydantic import BaseModel

from services.intake.freelancers.schemas import FreelancerDetail


class DuplicateOut(BaseModel):
    id: int
    name: str
    email: str
    reasons: list[str]


class FreelancerCreated(FreelancerDetail):
    """A new profile; a likely duplicate adds a `possible_duplicates` warning, never a refusal."""

    possible_duplicates: list[DuplicateOut] = []
