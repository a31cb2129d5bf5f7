"""The queued recompute with real commits: full, then incremental after a new meeting (equal to a
full recomputation), unchanged when nothing moved, full again when contacts change."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from services.referrals.jobs import recompute_trust
from services.referrals.trust.engine import forget_cached_networks
from services.referrals.trust.service import (
    RecomputeSummary,
    lock_for_network_change,
    recompute,
    schedule_recompute,
)
from shared.models import (
    Contact,
    ContactTrust,
    Freelancer,
    FreelancerTrust,
    Interaction,
    Job,
    Vouch,
)
from shared.queue.worker import run_one

TODAY = date.today()


@pytest.fixture
def sessions(committed_engine: Engine) -> Iterator[sessionmaker[Session]]:
    forget_cached_networks()
    yield sessionmaker(bind=committed_engine, expire_on_commit=False)
    forget_cached_networks()


def _run(sessions: sessionmaker[Session], *, allow_incremental: bool = True) -> RecomputeSummary:
    with sessions() as session, session.begin():
        return recompute(session, allow_incremental=allow_incremental)


def _stored(sessions: sessionmaker[Session]) -> dict[int, tuple[float, list[int]]]:
    with sessions() as session:
        rows = session.execute(
            select(ContactTrust.contact_id, ContactTrust.network_trust, ContactTrust.trust_path)
        ).all()
        return {cid: (trust, list(path or [])) for cid, trust, path in rows}


def _meet(sessions: sessionmaker[Session], a: int, b: int, channel: str, ago: int) -> None:
    with sessions() as session, session.begin():
        low, high = sorted((a, b))
        session.add(
            Interaction(
                contact_a_id=low,
                contact_b_id=high,
                channel=channel,
                occurred_on=TODAY - timedelta(days=ago),
            )
        )


def test_incremental_recompute_matches_a_full_one(sessions: sessionmaker[Session]) -> None:
    with sessions() as session, session.begin():
        people = [Contact(name=f"P{i}", internal=i < 2) for i in range(12)]
        session.add_all(people)
        session.flush()
        ids = [p.id for p in people]
        freelancer = Freelancer(
            name="Ola Nowak",
            email="ola.incremental@example.com",
            consent_given_at=datetime.now(UTC),
            consent_method="test",
            engagement=["freelance"],
        )
        session.add(freelancer)
        session.flush()
        session.add(
            Vouch(
                referrer_contact_id=ids[7],
                freelancer_id=freelancer.id,
                channel="in_person",
                last_met_on=TODAY - timedelta(days=3),
                recommendation="strong",
            )
        )
    ring = [(ids[i], ids[i + 1]) for i in range(6)] + [(ids[1], ids[8]), (ids[8], ids[9])]
    for a, b in ring:
        _meet(sessions, a, b, "in_person", 20)

    first = _run(sessions)
    assert first.network.mode == "full"
    assert _run(sessions).network.mode == "unchanged"

    _meet(sessions, ids[8], ids[7], "worked_together", 2)  # a new pair brings P7 into reach
    incremental = _run(sessions)
    assert incremental.network.mode == "incremental"
    assert set(incremental.network.changed_contact_ids.tolist()) >= {ids[7]}
    after_incremental = _stored(sessions)
    with sessions() as session:
        row = session.get_one(FreelancerTrust, freelancer.id)
        assert row.score > 0 and row.features["best_in_person_vouch"] > 0

    _meet(sessions, ids[2], ids[3], "video", 1)  # an existing pair
    assert _run(sessions).network.mode == "incremental"
    after_incremental = _stored(sessions)
    full = _run(sessions, allow_incremental=False)
    assert full.network.mode == "full"
    after_full = _stored(sessions)
    assert after_full.keys() == after_incremental.keys()
    for contact_id, (trust, path) in after_full.items():
        assert abs(after_incremental[contact_id][0] - trust) < 1e-12
        assert after_incremental[contact_id][1] == path

    with sessions() as session, session.begin():
        session.add(Contact(name="Newcomer"))
    assert _run(sessions).network.mode == "full"


def test_the_worker_runs_the_queued_recompute(sessions: sessionmaker[Session]) -> None:
    with sessions() as session, session.begin():
        anna = Contact(name="Anna", internal=True)
        jan = Contact(name="Jan")
        session.add_all([anna, jan])
        session.flush()
        low, high = sorted((anna.id, jan.id))
        session.add(
            Interaction(contact_a_id=low, contact_b_id=high, channel="phone", occurred_on=TODAY)
        )
        schedule_recompute(session)
        schedule_recompute(session)  # debounced into the same job
    with sessions() as session, session.begin():
        job = session.scalars(select(Job).where(Job.kind == "recompute_trust")).one()
        job.run_after = datetime.now(UTC) - timedelta(seconds=1)
    assert run_one(sessions, {"recompute_trust": recompute_trust}, worker_id="test") == job.id
    with sessions() as session:
        assert session.get_one(Job, job.id).status == "done"
        # Decay moves every value daily: the run queued the next day's run.
        daily = session.scalars(select(Job).where(Job.dedupe_key == "daily")).one()
        assert daily.status == "queued" and daily.run_after.date() > TODAY
        trust = session.get_one(ContactTrust, jan.id)
        assert 0 < trust.network_trust < 1 and trust.trust_path == [anna.id]


def test_a_meeting_committed_while_the_recompute_starts_is_not_missed(
    sessions: sessionmaker[Session],
) -> None:
    with sessions() as session, session.begin():
        anna, jan = Contact(name="Anna", internal=True), Contact(name="Jan")
        session.add_all([anna, jan])
    assert _run(sessions).network.mode == "full"

    # A writer is mid-transaction with a new meeting when the recompute starts.
    writer = sessions()
    writer.begin()
    lock_for_network_change(writer)
    low, high = sorted((anna.id, jan.id))
    writer.add(
        Interaction(contact_a_id=low, contact_b_id=high, channel="in_person", occurred_on=TODAY)
    )
    writer.flush()
    results: list[RecomputeSummary] = []
    job = threading.Thread(target=lambda: results.append(_run(sessions)))
    job.start()
    job.join(timeout=0.5)
    assert job.is_alive()  # waits for the writer instead of reading past its row
    writer.commit()
    writer.close()
    job.join(timeout=30)
    assert results and results[0].network.mode == "incremental"
    assert _stored(sessions)[jan.id][0] > 0
