"""The generated world: deterministic, sized as asked, valid for the APIs, with the planted effect."""

from __future__ import annotations

import csv
import io
import math
import random
from dataclasses import asdict
from datetime import date

import pytest

from demo.csv_files import freelancers_csv
from demo.effects import outcome_rates
from demo.model import WorldConfig
from demo.requests import make_clients
from demo.world import generate, sizes
from demo.write_api import request_body, vouch_body
from services.intake.freelancers.csv_rows import read_rows
from services.intake.freelancers.schemas import FreelancerCreate
from services.intake.requests.schemas import RequestCreate
from services.referrals.vouches.schemas import VouchCreate
from shared.skills import normalise

# Open requests start after "today" and the request API refuses past start dates.
TODAY = date.today()


def _world(seed: int = 3, freelancers: int = 400, trust_signal: str = "default"):  # type: ignore[no-untyped-def]
    signal = "none" if trust_signal == "none" else "default"
    return generate(
        WorldConfig(seed=seed, freelancers=freelancers, trust_signal=signal, today=TODAY)
    )


def test_same_seed_same_world_other_seed_other_world() -> None:
    first, again, other = _world(), _world(), _world(seed=4)
    assert asdict(first) == asdict(again)
    assert [f.email for f in first.freelancers] != [f.email for f in other.freelancers]


@pytest.mark.parametrize("count", [50, 400, 1200])
def test_sizes_follow_the_freelancer_count(count: int) -> None:
    world = _world(freelancers=count)
    expected = sizes(count)
    assert len(world.freelancers) == count
    assert len(world.clients) == expected["clients"]
    assert len(world.open_requests) == expected["open_requests"]
    assert len(world.past_requests) == expected["past_requests"]
    assert len({f.email for f in world.freelancers}) == count
    assert world.vouches and world.interactions and world.reviews and world.placements


def test_a_million_freelancers_still_have_enough_distinct_clients() -> None:
    count = sizes(1_000_000)["clients"]
    clients = make_clients(random.Random(7), count)
    assert len({client.name for client in clients}) == count


def test_profiles_look_like_an_agency() -> None:
    world = _world(freelancers=1200)
    people = world.freelancers
    without_list = sum(not f.lists_skills for f in people) / len(people)
    assert 0.18 < without_list < 0.32
    assert {f.cv_language for f in people} == {"en", "de"}
    assert len({f.cv_text for f in people}) == len(people)

    # Seniors cost more than juniors within a stack, and SAP more than testing.
    def mean_rate(stack: str, seniority: str) -> float:
        rates = [f.day_rate for f in people if f.stack == stack and f.seniority == seniority]
        return sum(rates) / len(rates)

    assert mean_rate("java", "senior") > mean_rate("java", "junior")
    assert mean_rate("sap", "senior") > mean_rate("testing", "senior")
    assert sum(f.country == "DE" for f in people) > len(people) / 2
    assert len({f.country for f in people}) >= 8
    spellings = {s.spelling for f in people for s in f.skills if s.spelling != s.skill}
    assert len(spellings) > 50
    assert {f.source_type for f in people} >= {"referral", "event", "job_board", "network_online"}
    assert any(r.paragraph_only for r in world.requests)
    assert any(c.internal for c in world.contacts)
    assert {i.channel for i in world.interactions} == {
        "in_person",
        "worked_together",
        "video",
        "phone",
        "online",
    }
    assert {v.recommendation for v in world.vouches} == {"strong", "yes", "reservations", "against"}


def test_every_skill_spelling_resolves_and_every_cv_names_its_skills() -> None:
    world = _world(freelancers=600)
    for spec in world.freelancers:
        for entry in spec.skills:
            assert normalise(entry.spelling).canonical == entry.skill, entry.spelling
            assert entry.spelling in spec.cv_text
    for request in world.requests:
        for entry in request.skills:
            assert normalise(entry.spelling).canonical == entry.skill
            assert entry.spelling in request.description


def test_everything_written_passes_the_apis_validation() -> None:
    world = _world(freelancers=300)
    rows = list(read_rows(freelancers_csv(world.freelancers).decode()))
    assert len(rows) == 300
    for row in rows:
        assert row.problems == []
        FreelancerCreate.model_validate(row.data)
    assert len(list(csv.reader(io.StringIO(freelancers_csv(world.freelancers[:1]).decode())))) == 2
    for request in world.open_requests:
        RequestCreate.model_validate(request_body(request, organization_id=1))
    for vouch in world.vouches:
        VouchCreate.model_validate(vouch_body(vouch, referrer_id=1, freelancer_id=2))
        assert world.contacts[vouch.referrer].freelancer_key != vouch.freelancer_key
    pairs = [(v.referrer, v.freelancer_key) for v in world.vouches]
    assert len(pairs) == len(set(pairs))


def _pooled(trust_signal: str) -> dict[str, tuple[float, int]]:
    """Outcome rates pooled over four worlds: one world's small groups are noisy."""
    good: dict[str, float] = {}
    total: dict[str, int] = {}
    for seed in (1, 2, 3, 4):
        for group, (rate, count) in outcome_rates(
            _world(seed=seed, freelancers=2500, trust_signal=trust_signal)
        ).items():
            good[group] = good.get(group, 0.0) + rate * count
            total[group] = total.get(group, 0) + count
    return {group: (good[group] / total[group], total[group]) for group in total}


def _z(rates: dict[str, tuple[float, int]], better: str, worse: str) -> float:
    """Two-proportion z statistic of better − worse."""
    (p1, n1), (p2, n2) = rates[better], rates[worse]
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    return (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))


def test_planted_effect_in_the_default_world_and_none_in_the_control() -> None:
    planted, control = _pooled("default"), _pooled("none")
    # In-person vouches from well-connected contacts beat online-only ones; warnings from
    # people who worked with someone predict bad outcomes ...
    assert planted["in_person_well_connected"][0] - planted["online_only"][0] >= 0.12
    assert _z(planted, "in_person_well_connected", "online_only") > 4
    assert planted["all"][0] - planted["warning_worked_together"][0] >= 0.12
    assert _z(planted, "all", "warning_worked_together") > 4
    # ... and in the control world neither difference is more than noise.
    assert abs(_z(control, "in_person_well_connected", "online_only")) < 2.5
    assert abs(_z(control, "all", "warning_worked_together")) < 2.5
