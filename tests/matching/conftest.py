"""Factories for matching tests: intake and referrals rows inserted directly as ORM rows."""

from __future__ import annotations

import itertools
import random
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.matching.index.live import reset_live_indexes
from services.matching.main import app
from services.matching.modelops.service import clear_cache
from services.matching.settings import get_matching_settings
from shared.models import (
    Freelancer,
    FreelancerExtractedSkill,
    FreelancerLanguage,
    FreelancerSkill,
    FreelancerTrust,
    MatchRun,
    RequestSkill,
    RequestUnrecognisedSkill,
    Review,
    Skill,
    SkillRelation,
    StaffingRequest,
    UnrecognisedTerm,
)
from shared.trust_features import TRUST_FEATURES
from tests.support.keys import TestKeys

_counter = itertools.count(1)
SkillSpec = int | tuple[int, float | None, int | None]


@pytest.fixture(autouse=True)
def fresh_matching_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test builds its own index and model cache (the test data differs per test), and
    the index polls on every ranking so a change made by the test is seen at once."""
    monkeypatch.setenv("VOUCH_MATCHING_POLL_INTERVAL_SECONDS", "0")
    get_matching_settings.cache_clear()
    reset_live_indexes()
    clear_cache()
    yield
    reset_live_indexes()
    clear_cache()
    get_matching_settings.cache_clear()


class World:
    """Small builders for the rows matching reads; every call flushes."""

    def __init__(self, session: Session, *, org_id: int, reviewer_key_id: int) -> None:
        self.session = session
        self.org_id = org_id
        self.reviewer_key_id = reviewer_key_id

    def skill(self, slug: str) -> Skill:
        found = self.session.scalar(select(Skill).where(Skill.slug == slug))
        if found is None:
            found = Skill(slug=slug, name=f"{slug} (test)", category="test")
            self.session.add(found)
            self.session.flush()
        return found

    def relate(self, source: str, target: str, weight: float) -> None:
        self.session.add(
            SkillRelation(
                skill_id=self.skill(source).id,
                related_skill_id=self.skill(target).id,
                weight=weight,
            )
        )
        self.session.flush()

    def freelancer(
        self,
        *,
        skills: dict[str, SkillSpec] | None = None,
        languages: dict[str, str] | None = None,
        day_rate: float | None = 500.0,
        available_from: date | None = None,
        remote: str = "remote",
        country: str | None = "DE",
        city: str | None = "Berlin",
        engagement: tuple[str, ...] = ("freelance",),
        headline: str = "Software engineer",
        summary: str = "",
        cv_text: str = "",
        extracted: dict[str, float | None] | None = None,
        trust: dict[str, float] | None = None,
        paths: list[Any] | None = None,
    ) -> Freelancer:
        number = next(_counter)
        person = Freelancer(
            name=f"Freelancer {number}",
            email=f"f{number}-{uuid.uuid4().hex[:8]}@example.com",
            headline=headline,
            summary=summary,
            cv_text=cv_text,
            available_from=available_from,
            day_rate=Decimal(str(day_rate)) if day_rate is not None else None,
            location_city=city,
            location_country=country,
            remote=remote,
            engagement=list(engagement),
            source_type="referral",
            consent_given_at=datetime.now(UTC),
            consent_method="test",
        )
        self.session.add(person)
        self.session.flush()
        for slug, spec in (skills or {}).items():
            level, years, last_used = spec if isinstance(spec, tuple) else (spec, None, None)
            self.session.add(
                FreelancerSkill(
                    freelancer_id=person.id,
                    skill_id=self.skill(slug).id,
                    level=level,
                    years=years,
                    last_used=last_used,
                    raw_name=slug,
                )
            )
        for slug, years in (extracted or {}).items():
            # As intake stores what `extract_skills` found in the summary or CV text.
            self.session.add(
                FreelancerExtractedSkill(
                    freelancer_id=person.id,
                    skill_id=self.skill(slug).id,
                    years=years,
                    mentions=1,
                    evidence=[{"field": "cv_text", "start": 0, "end": 1, "text": slug}],
                    status="extracted",
                )
            )
        for code, level_name in (languages or {"en": "C1"}).items():
            self.session.add(
                FreelancerLanguage(freelancer_id=person.id, code=code, level=level_name)
            )
        self.session.flush()
        if trust is not None or paths is not None:
            self.set_trust(person, trust or {}, paths=paths)
        return person

    def set_trust(
        self, person: Freelancer, features: dict[str, float], *, paths: list[Any] | None = None
    ) -> FreelancerTrust:
        values = {name: float(features.get(name, 0.0)) for name in TRUST_FEATURES}
        row = self.session.get(FreelancerTrust, person.id)
        if row is None:
            row = FreelancerTrust(freelancer_id=person.id)
            self.session.add(row)
        row.features = values
        row.paths = paths or []
        row.score = sum(values.values())
        row.computed_at = datetime.now(UTC)
        self.session.flush()
        return row

    def request(
        self,
        *,
        skills: dict[str, tuple[bool, int, float]] | None = None,
        # Named no skill: the request's text is read for skills too (see ranking.requests).
        title: str = "Staffing request",
        description: str = "",
        start_date: date | None = None,
        max_day_rate: float = 600.0,
        remote: str = "remote",
        country: str | None = "DE",
        city: str | None = None,
        languages: tuple[str, ...] = (),
        engagement: str = "freelance",
        status: str = "open",
        created_at: datetime | None = None,
        unrecognised: tuple[str, ...] = (),
    ) -> StaffingRequest:
        request = StaffingRequest(
            organization_id=self.org_id,
            title=title,
            description=description,
            start_date=start_date or date.today() + timedelta(days=30),
            duration_months=6,
            max_day_rate=Decimal(str(max_day_rate)),
            location_city=city,
            location_country=country,
            remote=remote,
            languages=list(languages),
            engagement=engagement,
            status=status,
        )
        if created_at is not None:
            request.created_at = created_at
        self.session.add(request)
        self.session.flush()
        for term in unrecognised:
            self.unrecognised(request, term)
        for slug, (must_have, min_level, weight) in (skills or {}).items():
            self.session.add(
                RequestSkill(
                    request_id=request.id,
                    skill_id=self.skill(slug).id,
                    must_have=must_have,
                    min_level=min_level,
                    weight=weight,
                    raw_name=slug,
                )
            )
        self.session.flush()
        return request

    def ranked(self, request: StaffingRequest, *people: Freelancer) -> MatchRun:
        """A stored match run of `request` listing `people` (presenting needs a ranking)."""
        run = MatchRun(
            request_id=request.id,
            model_version="test",
            top_k=len(people) or 1,
            results=[
                {
                    "rank": rank,
                    "freelancer_id": person.id,
                    "score": 1.0 / rank,
                    "contributions": {},
                    "explanation": {},
                }
                for rank, person in enumerate(people, start=1)
            ],
            freelancer_ids=[person.id for person in people],
        )
        self.session.add(run)
        self.session.flush()
        return run

    def unrecognised(self, request: StaffingRequest, term: str, *, must_have: bool = True) -> None:
        """A must-have term the catalogue does not know, stored as intake stores it."""
        row = UnrecognisedTerm(term=term, key=f"{term.lower()}-{uuid.uuid4().hex[:6]}")
        self.session.add(row)
        self.session.flush()
        self.session.add(
            RequestUnrecognisedSkill(
                request_id=request.id, term_id=row.id, raw_name=term, must_have=must_have
            )
        )
        self.session.flush()

    def review(
        self,
        request: StaffingRequest,
        person: Freelancer,
        decision: str,
        *,
        created_at: datetime | None = None,
        reason: str | None = None,
    ) -> Review:
        review = Review(
            request_id=request.id,
            freelancer_id=person.id,
            decision=decision,
            reason=reason or ("test reason" if decision in ("rejected", "declined") else None),
            reviewer_key_id=self.reviewer_key_id,
        )
        if created_at is not None:
            review.created_at = created_at
        self.session.add(review)
        self.session.flush()
        return review


DECISIONS = [
    "placed",
    "interviewed",
    "presented",
    "shortlisted",
    "shortlisted",
    "rejected",
    "declined",
    "rejected",
]


def build_history(world: World, *, signal: bool, seed: int, requests: int = 40) -> None:
    """Requests with eight reviewed candidates each. With `signal`, outcomes follow the
    referrer's track record and the voucher's network trust; the best in-person vouch (which
    the prior weighs most) is noise. Without it, outcomes are a coin toss."""
    rng = random.Random(seed)
    base = datetime(2026, 1, 5, tzinfo=UTC)
    for r in range(requests):
        request = world.request(
            skills={"mt-python": (True, 3, 1.0), "mt-sql": (False, 3, 1.0)},
            created_at=base + timedelta(days=r),
        )
        people = []
        for _ in range(len(DECISIONS)):
            quality = rng.random()
            person = world.freelancer(
                skills={"mt-python": rng.randint(3, 5), "mt-sql": rng.randint(1, 5)},
                trust={
                    "best_in_person_vouch": rng.random(),
                    "referrer_track_record": quality,
                    "best_voucher_network_trust": quality,
                },
            )
            people.append((quality if signal else rng.random(), person.id, person))
        people.sort(key=lambda entry: (-entry[0], entry[1]))
        for (_, _, person), decision in zip(people, DECISIONS, strict=True):
            world.review(request, person, decision, created_at=base + timedelta(days=r, hours=2))


@pytest.fixture
def history() -> Any:
    """`history(world, signal=..., seed=..., requests=...)`: reviewed requests for training."""
    return build_history


@pytest.fixture
def world_on() -> Any:
    """`world_on(session, keys)`: a World writing through another (e.g. committed) session."""

    def make(session: Session, keys: TestKeys) -> World:
        return World(session, org_id=keys.org_a_id, reviewer_key_id=keys.manager_key_id)

    return make


@pytest.fixture
def world(session: Session, keys: TestKeys) -> World:
    return World(session, org_id=keys.org_a_id, reviewer_key_id=keys.manager_key_id)


@pytest.fixture
def api(client_for: Any) -> TestClient:
    client: TestClient = client_for(app)
    return client
