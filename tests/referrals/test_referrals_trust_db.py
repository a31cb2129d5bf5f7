"""Trust on a hand-made network in Postgres: the recompute job, GET trust with paths in words,
vouch changes that count at the next read, and rows written only when something changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from services.referrals.jobs import recompute_trust
from services.referrals.settings import get_referrals_settings
from services.referrals.trust.freelancers import assess_freelancers, store_freelancer_trust
from services.referrals.trust.service import recompute
from services.referrals.trust.wording import month
from shared.models import Contact, ContactTrust, Freelancer, FreelancerTrust, Interaction
from shared.trust_features import TRUST_FEATURES
from tests.support.keys import TestKeys

TODAY = date.today()


@dataclass
class Network:
    anna: Contact
    jan: Contact
    piotr: Contact
    stranger: Contact
    ola: Freelancer
    first_meeting: date
    last_meeting: str


@pytest.fixture
def network(
    session: Session,
    make_contact: Callable[..., Contact],
    make_freelancer: Callable[..., Freelancer],
    meet: Callable[..., Interaction],
) -> Network:
    """Anna (agency) met Jan four times in person and Piotr by video; a stranger knows nobody."""
    anna = make_contact("Anna Berg", internal=True)
    jan = make_contact("Jan Novak", company="DB Systel")
    piotr = make_contact("Piotr Lis")
    stranger = make_contact("Stranger Danger")
    days = [15, 60, 120, 250]
    for ago in days:
        meet(anna, jan, "in_person", TODAY - timedelta(days=ago))
    meet(anna, piotr, "video", TODAY - timedelta(days=20))
    ola = make_freelancer("Ola Nowak", source_type="referral")
    recompute(session)
    last = TODAY - timedelta(days=min(days))
    return Network(anna, jan, piotr, stranger, ola, TODAY - timedelta(days=max(days)), month(last))


def _trust(client: TestClient, keys: TestKeys, freelancer: Freelancer) -> dict:
    response = client.get(f"/v1/freelancers/{freelancer.id}/trust", headers=keys.manager)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_recompute_stores_network_trust_and_the_list_sorts_by_it(
    client: TestClient, keys: TestKeys, session: Session, network: Network
) -> None:
    rows = dict(session.execute(select(ContactTrust.contact_id, ContactTrust.network_trust)).all())
    # Bounded and never flat at the top: the agency person above her best contact.
    assert 0.3 < rows[network.jan.id] < rows[network.anna.id] < 1.0
    assert 0.0 < rows[network.piotr.id] < rows[network.jan.id]
    assert rows[network.stranger.id] == 0.0
    path = session.scalar(
        select(ContactTrust.trust_path).where(ContactTrust.contact_id == network.jan.id)
    )
    assert path == [network.anna.id]

    page = client.get(
        "/v1/contacts", params={"sort": "-network_trust"}, headers=keys.manager
    ).json()
    names = [item["name"] for item in page["items"]]
    assert names == ["Anna Berg", "Jan Novak", "Piotr Lis", "Stranger Danger"]
    jan = client.get(f"/v1/contacts/{network.jan.id}", headers=keys.manager).json()
    assert jan["network_trust"] == rows[network.jan.id] and jan["trust_computed_at"]


def test_a_vouch_counts_at_once_with_its_path_in_words(
    client: TestClient, keys: TestKeys, session: Session, network: Network
) -> None:
    before = _trust(client, keys, network.ola)
    assert before["score"] == 0.0 and before["paths"] == []
    assert set(before["features"]) == set(TRUST_FEATURES)

    response = client.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": network.jan.id,
            "freelancer_id": network.ola.id,
            "channel": "worked_together",
            "last_met_on": (TODAY - timedelta(days=30)).isoformat(),
            "worked_together": {"where": "DB Systel", "from": "2024-02-01", "to": "2024-11-30"},
            "recommendation": "strong",
        },
        headers=keys.manager,
    )
    assert response.status_code == 201
    after = _trust(client, keys, network.ola)
    assert after["score"] > 0.0
    assert after["features"]["in_person_vouchers"] == 1.0
    assert after["features"]["best_in_person_vouch"] > 0.3
    assert 0.0 < after["features"]["attested_quality"] < 1.0
    assert after["score"] == pytest.approx(sum(after["contributions"].values()))
    assert after["paths"] == [
        f"Anna Berg (agency) met Jan Novak in person 4 times, last in {network.last_meeting};"
        " Jan Novak worked with Ola Nowak at DB Systel in 2024 and vouches for them (strong)."
    ]


def test_a_warning_lowers_the_score_and_withdrawing_restores_it_exactly(
    client: TestClient, keys: TestKeys, network: Network
) -> None:
    client.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": network.jan.id,
            "freelancer_id": network.ola.id,
            "channel": "in_person",
            "last_met_on": (TODAY - timedelta(days=10)).isoformat(),
            "recommendation": "yes",
        },
        headers=keys.manager,
    )
    baseline = _trust(client, keys, network.ola)
    against = client.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": network.piotr.id,
            "freelancer_id": network.ola.id,
            "channel": "worked_together",
            "last_met_on": (TODAY - timedelta(days=100)).isoformat(),
            "recommendation": "against",
        },
        headers=keys.manager,
    ).json()
    warned = _trust(client, keys, network.ola)
    assert warned["score"] < baseline["score"]
    assert warned["features"]["trusted_warnings"] > 0
    assert any("advises against them" in path for path in warned["paths"])

    assert client.delete(f"/v1/vouches/{against['id']}", headers=keys.manager).status_code == 200
    restored = _trust(client, keys, network.ola)
    assert restored["score"] == baseline["score"]
    assert restored["features"] == baseline["features"]


def test_no_path_from_the_agency_means_zero_network_trust(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    network: Network,
    make_freelancer: Callable[..., Freelancer],
    make_contact: Callable[..., Contact],
) -> None:
    loner = make_freelancer("Lone Wolf")
    make_contact("Lone Wolf", freelancer_id=loner.id)
    client.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": network.stranger.id,
            "freelancer_id": loner.id,
            "channel": "in_person",
            "last_met_on": TODAY.isoformat(),
            "recommendation": "strong",
        },
        headers=keys.manager,
    )
    recompute(session)
    trust = _trust(client, keys, loner)
    assert trust["score"] == 0.0
    assert trust["features"]["best_voucher_network_trust"] == 0.0
    assert trust["features"]["in_person_vouchers"] == 0.0
    assert trust["paths"] == [
        "Stranger Danger (no known tie to the agency's people) met Lone Wolf in person"
        f" (last in {TODAY.strftime('%B %Y')}) and vouches for them (strong)."
    ]


def test_rows_are_rewritten_only_when_something_changed(
    session: Session,
    network: Network,
    meet: Callable[..., Interaction],
    make_contact: Callable[..., Contact],
) -> None:
    ola_contact = make_contact("Ola Nowak", freelancer_id=network.ola.id)
    meet(network.jan, ola_contact, "worked_together", TODAY - timedelta(days=40), "DB Systel")
    first = recompute(session)
    row = session.scalar(
        select(FreelancerTrust).where(FreelancerTrust.freelancer_id == network.ola.id)
    )
    assert row is not None and row.score > 0
    assert row.paths == [
        f"Anna Berg (agency) met Jan Novak in person 4 times, last in {network.last_meeting};"
        f" Jan Novak worked with Ola Nowak at DB Systel in {(TODAY - timedelta(days=40)).year}."
    ]
    assert first.freelancers_written >= 1
    second = recompute(session)
    assert second.network.written == 0 and second.freelancers_written == 0


def test_the_job_handler_runs_the_recompute(session: Session, network: Network) -> None:
    session.execute(delete(ContactTrust))
    recompute_trust(session, {})
    assert (
        session.scalar(
            select(ContactTrust.network_trust).where(ContactTrust.contact_id == network.anna.id)
        )
        > 0.3
    )


def test_freelancer_rows_stored_in_small_batches_are_the_rows_of_one_batch(
    session: Session,
    network: Network,
    make_freelancer: Callable[..., Freelancer],
    add_vouch: Callable[..., object],
) -> None:
    """A million freelancers' rows do not fit one jsonb parameter (256 MB): the store batches
    them, and batching must not change what is stored."""
    freelancers = [network.ola] + [make_freelancer(f"Batch {n}") for n in range(6)]
    for number, freelancer in enumerate(freelancers):
        referrer = network.jan if number % 2 else network.piotr
        add_vouch(referrer, freelancer, recommendation="strong" if number % 3 else "against")
    session.flush()
    ids = [f.id for f in freelancers]
    settings = get_referrals_settings()
    values = assess_freelancers(
        session, ids, params=settings.trust_params(), as_of=TODAY, max_paths=settings.max_paths
    )

    def stored() -> list[tuple[int, float, dict, list]]:
        rows = session.scalars(
            select(FreelancerTrust)
            .where(FreelancerTrust.freelancer_id.in_(ids))
            .order_by(FreelancerTrust.freelancer_id)
        )
        return [(r.freelancer_id, r.score, dict(r.features), list(r.paths)) for r in rows]

    session.execute(delete(FreelancerTrust).where(FreelancerTrust.freelancer_id.in_(ids)))
    assert store_freelancer_trust(session, values) == len(ids)
    one_batch = stored()
    session.execute(delete(FreelancerTrust).where(FreelancerTrust.freelancer_id.in_(ids)))
    assert store_freelancer_trust(session, values, batch=2) == len(ids)
    assert stored() == one_batch
    assert len(one_batch) == len(ids) and any(row[3] for row in one_batch)
    # Unchanged rows are not rewritten, batch by batch either.
    assert store_freelancer_trust(session, values, batch=3) == 0
