"""Skill look-up and taxonomy administration shapes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from services.intake.common.schemas import STRICT_BODY
from shared.strict_types import StrictInt

Text200 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class SkillOut(BaseModel):
    id: int
    slug: str
    name: str
    category: str
    aliases: list[str]
    custom: bool
    ambiguous: bool = Field(
        default=False,
        description="The name is also an everyday word (Go, Spring): free text needs context",
    )


class SkillList(BaseModel):
    items: list[SkillOut]


class ResolveOut(BaseModel):
    canonical: str | None = Field(description="The canonical name, or null when unrecognised")
    version: str | None
    suggestions: list[str] = Field(description="Up to three look-alikes when unrecognised")


class UnrecognisedTermOut(BaseModel):
    id: int
    term: str = Field(description="The first spelling seen")
    key: str
    occurrences: int
    requests: int = Field(description="Requests that carry the term now")
    freelancers: int = Field(description="Profiles that carry the term now")
    suggestions: list[str]
    resolved_skill_id: int | None
    created_at: datetime


class UnrecognisedTermPage(BaseModel):
    items: list[UnrecognisedTermOut]
    total: int


class AliasCreate(BaseModel):
    """Name the alias text, or the id of an unrecognised term whose spelling becomes the alias."""

    model_config = STRICT_BODY

    alias: Text200 | None = None
    term_id: StrictInt | None = None


class ResolvedTerm(BaseModel):
    id: int
    term: str
    requests_updated: int
    freelancers_updated: int


class AliasOut(BaseModel):
    skill: SkillOut
    alias: str
    key: str
    created: bool = Field(description="False when the alias already meant this skill")
    resolved_term: ResolvedTerm | None


class SkillCreate(BaseModel):
    model_config = STRICT_BODY

    name: Text200
    category: str = Field(description="One of the catalogue categories, e.g. framework")
    slug: Annotated[str, StringConstraints(max_length=120)] | None = Field(
        default=None, description="Defaults to one made from the name"
    )
    aliases: Annotated[list[Text200], Field(max_length=50)] = []
    term_id: StrictInt | None = Field(
        default=None, description="An unrecognised term to resolve to the new skill"
    )


class SkillCreated(BaseModel):
    skill: SkillOut
    resolved_term: ResolvedTerm | None
