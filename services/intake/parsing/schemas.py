"""Bodies and responses of `POST /v1/requests/parse`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from services.intake.common.schemas import STRICT_BODY, FieldWarning

MAX_TITLE = 300
MAX_DESCRIPTION = 20_000

TextField = Literal["title", "description"]


class RequestText(BaseModel):
    """What a client wrote; at least one of the two must say something."""

    model_config = STRICT_BODY

    title: Annotated[str, StringConstraints(max_length=MAX_TITLE)] = ""
    description: Annotated[str, StringConstraints(max_length=MAX_DESCRIPTION)] = ""


class EvidenceOut(BaseModel):
    start: int = Field(description="Character offset into `field`'s text, as sent")
    end: int
    text: str = Field(description="The text at start..end: the skill as written")
    field: TextField


class ParsedSkill(BaseModel):
    """A suggested request skill: `name` and `must_have` can be pasted into POST /v1/requests."""

    name: str = Field(description="The canonical name, e.g. Kubernetes")
    canonical: str
    slug: str
    must_have: bool = Field(description="Named in the title, or cued as a must, or uncued")
    requirement: Literal["must", "nice"] | None = Field(
        description="The cue next to a mention: must ('required', 'zwingend') or nice "
        "('a plus', 'von Vorteil'); null when none"
    )
    years: float | None = Field(description="Years the text asks for, e.g. '5+ years of Kafka'")
    evidence: list[EvidenceOut]


class UnrecognisedTerm(BaseModel):
    term: str = Field(description="An item of a skill list that no catalogue skill matches")
    field: TextField
    start: int
    end: int
    suggestions: list[str]


class RequestParse(BaseModel):
    skills: list[ParsedSkill]
    unrecognised_terms: list[UnrecognisedTerm]
    warnings: list[FieldWarning]
