"""The demo world as plain data: what `demo.world.generate` returns and the writers store.

Keys are positions in the World's lists (freelancer key 12 is `world.freelancers[12]`), never
database ids; the writers map keys to ids. Everything the matcher may see is here; the hidden
truth (quality, fit, voucher accuracy) is in `World.truth` and is written apart, never to the
database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

TrustSignal = Literal["default", "none"]


@dataclass(frozen=True)
class WorldConfig:
    seed: int = 7
    freelancers: int = 2000
    trust_signal: TrustSignal = "default"
    # Every date is an offset from `today`: one seed gives the same world shifted in time.
    today: date = field(default_factory=date.today)
    history_years: int = 3


@dataclass
class SkillEntry:
    skill: str  # canonical catalogue name
    spelling: str  # as the profile or request writes it
    level: int  # 1-5
    years: float | None = None
    last_used: int | None = None


@dataclass
class FreelancerSpec:
    key: int
    name: str
    email: str
    headline: str
    cv_text: str  # the profile's CV prose (English or German), sent as `summary`
    cv_language: str  # "en" | "de"
    stack: str
    seniority: str  # junior | mid | senior | lead
    years_experience: int
    skills: list[SkillEntry]  # the true skills (those the CV text names)
    lists_skills: bool  # False for the quarter with no structured skill list
    available_from: date | None
    day_rate: int
    city: str
    country: str
    remote: str
    languages: list[tuple[str, str]]  # (ISO 639-1, CEFR level or "native")
    engagement: str
    source_type: str
    source_detail: str | None
    joined_at: datetime  # consent given / profile created (backdated by the history helper)
    consent_method: str


@dataclass
class ClientSpec:
    key: int
    name: str
    industry: int  # index into demo.places.INDUSTRIES
    city: str
    country: str


@dataclass
class RequestSkillEntry:
    skill: str
    spelling: str
    must_have: bool
    min_level: int
    weight: float = 1.0


@dataclass
class RequestSpec:
    key: int
    client_key: int
    stack: str
    title: str
    description: str
    skills: list[RequestSkillEntry]  # what the client asks for (named in the description too)
    paragraph_only: bool  # sent without a skill list: the skills live in the description alone
    start_date: date
    duration_months: int
    max_day_rate: int
    city: str
    country: str
    remote: str
    languages: list[str]
    engagement: str
    created_at: datetime
    status: str  # open (written through the API) | filled | cancelled (history)


@dataclass
class ContactSpec:
    key: int
    name: str
    kind: str  # agency | client | community | freelancer | clique
    email: str | None = None
    company: str | None = None
    internal: bool = False
    freelancer_key: int | None = None
    client_key: int | None = None
    created_at: datetime | None = None


@dataclass
class InteractionSpec:
    a: int  # contact keys
    b: int
    channel: str
    occurred_on: date
    context: str = ""


@dataclass
class VouchSpec:
    referrer: int  # contact key
    freelancer_key: int
    channel: str
    last_met_on: date
    recommendation: str
    statement: str
    created_at: datetime
    worked_where: str | None = None
    worked_from: date | None = None
    worked_to: date | None = None


@dataclass
class ReviewSpec:
    request_key: int
    freelancer_key: int
    decision: str
    reason: str | None
    created_at: datetime


@dataclass
class PlacementSpec:
    request_key: int
    freelancer_key: int
    start_date: date
    end_date: date | None
    day_rate: int
    outcome: str  # ongoing | completed | terminated_early
    client_rating: int | None
    created_at: datetime


@dataclass
class Truth:
    """What the generator knows and the matcher must not: kept in a JSON file apart."""

    seed: int
    trust_signal: TrustSignal
    quality: list[float]  # per freelancer key, standard normal
    voucher_reach: dict[int, float]  # contact key → how well connected (0..1)
    clique: list[int]  # contact keys of the online-only clique
    # (request key, freelancer key) → hidden fit of every reviewed pair
    fit: dict[tuple[int, int], float] = field(default_factory=dict)
    # request key → the freelancer the hidden fit says suits best among those reviewed
    best_candidate: dict[int, int] = field(default_factory=dict)


@dataclass
class World:
    config: WorldConfig
    freelancers: list[FreelancerSpec]
    clients: list[ClientSpec]
    requests: list[RequestSpec]
    contacts: list[ContactSpec]
    interactions: list[InteractionSpec]
    vouches: list[VouchSpec]
    reviews: list[ReviewSpec]
    placements: list[PlacementSpec]
    truth: Truth

    @property
    def open_requests(self) -> list[RequestSpec]:
        return [request for request in self.requests if request.status == "open"]

    @property
    def past_requests(self) -> list[RequestSpec]:
        return [request for request in self.requests if request.status != "open"]
