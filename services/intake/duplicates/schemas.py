"""The 201 of POST /v1/freelancers with its duplicate warnings."""

from __future__ import annotations

from pydantic import BaseModel

from services.intake.freelancers.schemas import FreelancerRead


class DuplicateOut(BaseModel):
    id: int
    name: str
    email: str
    reasons: list[str]


class FreelancerCreated(FreelancerRead):
    warnings: list[str] = []
    possible_duplicates: list[DuplicateOut] = []
