"""One trust story: the documented warning figures are what the code computes, the /trust answer
says when it is being recomputed, and a vouch's reach arrives with the recompute."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session

from services.referrals.jobs import recompute_trust
from services.referrals.trust.features import VouchEvidence, assess
from services.referrals.trust.params import TrustParams
from services.referrals.trust.service import recompute
from shared.models import Contact, Freelancer, Interaction, Job
from shared.trust_features import trust_contributions
from tests.support.keys import TestKeys

README = Path(__file__).parents[2] / "services" / "referrals" / "README.md"
TODAY = date.today()


def _documented(label: str) -> float:
    """The bold figure after `label` in the referrals README, e.g. "costs **−4.25**"."""
    text = README.read_text(encoding="utf-8").replace("\n", " ")
    found = re.search(re.escape(label) + r"\s+\*\*([+−-]?\d+\.\d+)\*\*", text)
    assert found, f"no documented figure after {label!r}"
    return float(found.group(1).replace("−", "-"))


@pytest.mark.parametrize(
    ("label", "recommendation"),
    [
        ("`strong` vouch earns", "strong"),
        ("a `yes`", "yes"),
        ("`against` costs", "against"),
        ("`reservations`", "reservations"),
    ],
)
def test_the_documented_warning_figures_are_what_the_code_computes(
    label: str, recommendation: str
) -> None:
    vouch = VouchEvidence(1, 1, 0.8, "in_person", recommendation, 0.0, 0.0)
    score = assess([vouch], own_trust=0.0, params=TrustParams()).score
    assert round(score, 2) == _documented(label)


def test_a_trusted_warning_costs_at_least_the_best_vouch_and_sinks_the_yes_twin() -> None:
    assert -_documented("`against` costs") >= _documented("`strong` vouch earns")
    yes = VouchEvidence(1, 1, 0.8, "in_person", "yes", 0.0, 0.0)
    against = VouchEvidence(2, 2, 0.8, "worked_together", "against", 0.0, 0.0)
    both = assess([yes, against], own_trust=0.0, params=TrustParams()).score
    assert round(both, 2) == _documented("former colleague of the same trust:")
    assert both < 0.0  # below the no-vouch twin


def test_right_after_a_vouch_the_answer_says_recomputing_then_the_reach_arrives(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
    make_freelancer: Callable[..., Freelancer],
    meet: Callable[..., Interaction],
) -> None:
    anna, jan = make_contact("Anna Berg", internal=True), make_contact("Jan Novak")
    for ago in (10, 40, 90):
        meet(anna, jan, "in_person", TODAY - timedelta(days=ago))
    ola = make_freelancer("Ola Nowak")
    make_contact("Ola Nowak", freelancer_id=ola.id)
    recompute(session)
    before = client.get(f"/v1/freelancers/{ola.id}/trust", headers=keys.manager).json()
    assert before["status"] == "current" and before["features"]["network_trust"] == 0

    created = client.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": jan.id,
            "freelancer_id": ola.id,
            "channel": "in_person",
            "last_met_on": (TODAY - timedelta(days=3)).isoformat(),
            "recommendation": "strong",
        },
        headers=keys.manager,
    )
    assert created.status_code == 201
    pending = client.get(f"/v1/freelancers/{ola.id}/trust", headers=keys.manager).json()
    assert pending["status"] == "recomputing"
    assert pending["score"] > 0 and pending["paths"]  # the vouch itself counts at once
    assert pending["contributions"] == pytest.approx(trust_contributions(pending["features"]))

    recompute_trust(session, {})  # what the worker runs, then marks the job done
    session.execute(
        update(Job)
        .where(Job.kind == "recompute_trust", Job.dedupe_key == "all")
        .values(status="done")
    )
    done = client.get(f"/v1/freelancers/{ola.id}/trust", headers=keys.manager).json()
    assert done["status"] == "current"
    # The vouch is an edge voucher -> vouchee: Ola's own contact now has reach.
    assert done["features"]["network_trust"] > 0
    assert done["score"] > pending["score"]
    assert done["score"] == pytest.approx(sum(done["contributions"].values()))
