"""A small demo agency stored end to end on real PostgreSQL, through the APIs and the history."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from demo.database import DatabaseNotEmpty
from demo.model import WorldConfig
from demo.seed import seed
from shared.models import (
    Contact,
    Freelancer,
    FreelancerExtractedSkill,
    Interaction,
    MatchRun,
    Placement,
    Review,
    StaffingRequest,
    Vouch,
)


def _count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_small_seed_end_to_end(committed_engine: Engine, database_url: str, tmp_path: Path) -> None:
    config = WorldConfig(seed=11, freelancers=120, today=date.today())
    truth_path = tmp_path / "truth.json"
    report = seed(database_url, config, reset=False, truth_path=truth_path, quiet=True)
    world = report.world
    assert report.failed_jobs == []
    with Session(committed_engine) as session:
        assert _count(session, Freelancer) == 120
        assert _count(session, Contact) == len(world.contacts)
        assert _count(session, Interaction) == len(world.interactions)
        assert _count(session, Vouch) == len(world.vouches)
        assert _count(session, Review) == len(world.reviews)
        assert _count(session, Placement) == len(world.placements)
        assert _count(session, StaffingRequest) == len(world.requests)
        # Profiles without a skill list got their skills from the CV text.
        no_list = [
            report.ids["freelancers"][f.key]
            for f in world.freelancers  # type: ignore[index]
            if not f.lists_skills
        ]
        extracted = session.scalar(
            select(func.count(func.distinct(FreelancerExtractedSkill.freelancer_id))).where(
                FreelancerExtractedSkill.freelancer_id.in_(no_list)
            )
        )
        assert extracted and extracted >= 0.8 * len(no_list)
        # Every open request has a ranking waiting for the console.
        open_ids = session.scalars(
            select(StaffingRequest.id).where(StaffingRequest.status == "open")
        ).all()
        ranked = session.scalars(select(MatchRun.request_id).distinct()).all()
        assert set(open_ids) == set(ranked)
        # History is backdated: requests span years, not the seconds the seed took.
        oldest = session.scalar(select(func.min(StaffingRequest.created_at)))
        assert oldest is not None and (date.today() - oldest.date()).days > 365
    truth = json.loads(truth_path.read_text())
    assert len(truth["quality"]) == 120 and truth["trust_signal"] == "default"
    assert truth["ids"]["freelancers"] == report.ids["freelancers"]

    with pytest.raises(DatabaseNotEmpty):
        seed(database_url, config, reset=False, truth_path=truth_path, quiet=True)


def test_small_seed_in_bulk_stores_the_same_profiles(
    committed_engine: Engine, database_url: str, tmp_path: Path
) -> None:
    config = WorldConfig(seed=5, freelancers=80, today=date.today())
    report = seed(
        database_url, config, reset=False, truth_path=tmp_path / "truth.json", bulk=True, quiet=True
    )
    world = report.world
    with Session(committed_engine) as session:
        assert _count(session, Freelancer) == 80
        assert _count(session, Vouch) == len(world.vouches)
        stored = {f.id: f for f in session.scalars(select(Freelancer))}
        freelancer_ids: dict[int, int] = report.ids["freelancers"]  # type: ignore[assignment]
        for spec in world.freelancers:
            row = stored[freelancer_ids[spec.key]]
            assert (row.name, row.email, row.headline) == (spec.name, spec.email, spec.headline)
            assert (row.location_city, row.location_country) == (spec.city, spec.country)
            assert row.day_rate == spec.day_rate and row.remote == spec.remote
            assert row.source_type == spec.source_type
            assert row.consent_given_at == spec.joined_at
