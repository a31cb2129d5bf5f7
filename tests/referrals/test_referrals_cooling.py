"""Cooling ties that matter: cold valuable ties are listed (a client's CIO not met for two
years), ranked by what they carry; the weekly digest is an outbox row per account manager."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import numpy as np
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.referrals.evaluation import networks
from services.referrals.jobs import cooling_digest, deliver_outbox
from services.referrals.trust.params import CHANNELS
from services.referrals.trust.pgcopy import raw_connection
from services.referrals.trust.service import recompute
from shared.models import Contact, Interaction, OutboxMessage, StaffingRequest, User, Vouch
from shared.models.enums import Role
from tests.support.keys import TestKeys

TODAY = date.today()


def test_cold_valuable_ties_are_listed_and_ranked_by_what_they_carry(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
    meet: Callable[..., Interaction],
    make_request: Callable[[], StaffingRequest],
    add_vouch: Callable[..., Vouch],
    make_freelancer: Callable[..., object],
) -> None:
    anna = make_contact("Anna Berg", internal=True)
    request = make_request()
    cio = make_contact("Clara CIO", company="Client AG", organization_id=request.organization_id)
    make_request()
    meet(anna, cio, "in_person", TODAY - timedelta(days=730))  # strong then, cold now
    voucher = make_contact("Victor Voucher")
    meet(anna, voucher, "in_person", TODAY - timedelta(days=400))
    add_vouch(voucher, make_freelancer("Fay Free"), recommendation="strong")
    chat = make_contact("Online Only")
    meet(anna, chat, "online", TODAY - timedelta(days=400))  # never a strong tie
    recompute(session)

    report = client.get("/v1/reports/cooling", headers=keys.manager).json()
    by_name = {row["contact_name"]: row for row in report["items"]}
    assert set(by_name) == {"Clara CIO", "Victor Voucher"}
    clara = by_name["Clara CIO"]
    assert clara["status"] == "cold" and clara["days_until_below"] == 0
    assert clara["days_since_last_meeting"] == 730
    assert clara["last_met_on"] == (TODAY - timedelta(days=730)).isoformat()
    assert clara["client_requests"] == 2 and clara["action"] == "log a meeting"
    assert by_name["Victor Voucher"]["active_vouches"] == 1
    # Ranked by what each tie carries.
    values = [row["value"] for row in report["items"]]
    assert values == sorted(values, reverse=True)


def test_the_weekly_digest_is_an_outbox_row_per_account_manager_delivered_by_the_log_sink(
    session: Session,
    make_contact: Callable[..., Contact],
    meet: Callable[..., Interaction],
    make_request: Callable[[], StaffingRequest],
) -> None:
    anna = make_contact("Anna Berg", internal=True, email="Anna.Berg@agency.example")
    other = make_contact("Otto Other", internal=True, email="otto@agency.example")
    request = make_request()
    cio = make_contact("Clara CIO", organization_id=request.organization_id)
    meet(anna, cio, "in_person", TODAY - timedelta(days=700))
    meet(other, make_contact("Fresh Friend"), "in_person", TODAY - timedelta(days=1))
    manager = User(name="Anna", email="anna.berg@agency.example", role=Role.account_manager.value)
    quiet = User(name="Otto", email="otto@agency.example", role=Role.account_manager.value)
    session.add_all([manager, quiet])
    session.flush()
    recompute(session)

    cooling_digest(session, {})
    cooling_digest(session, {})  # the same week again: nothing new
    rows = session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "cooling_digest")
    ).all()
    assert [(row.recipient_type, row.recipient_id) for row in rows] == [("user", manager.id)]
    items = rows[0].payload["items"]
    assert [item["contact_name"] for item in items] == ["Clara CIO"]
    assert items[0]["action"] == "log a meeting"

    deliver_outbox(session, {})
    session.refresh(rows[0])
    assert rows[0].sent_at is not None and rows[0].attempts == 1


def test_the_defaults_give_a_non_empty_list_on_a_realistic_network(
    client: TestClient, keys: TestKeys, session: Session
) -> None:
    """The generated agency network (3,000 contacts, 15 agency people, ~20,000 meetings)."""
    network = networks.agency(np.random.default_rng(11)).network
    cursor = raw_connection(session).cursor()
    ids = cursor.execute(
        "SELECT nextval('contacts_id_seq') FROM generate_series(1, %s)", [network.size]
    ).fetchall()
    contact_id = [int(row[0]) for row in ids]
    with cursor.copy("COPY contacts (id, name, internal, notes) FROM STDIN") as copy:
        for position, internal in enumerate(network.internal.tolist()):
            copy.write_row((contact_id[position], f"Person {position}", internal, ""))
    with cursor.copy(
        "COPY interactions (contact_a_id, contact_b_id, channel, occurred_on, context) FROM STDIN"
    ) as copy:
        seen = set()
        for a, b, channel, age in zip(
            network.meet_a, network.meet_b, network.meet_channel, network.meet_age, strict=True
        ):
            row = (
                contact_id[a],
                contact_id[b],
                CHANNELS[channel],
                TODAY - timedelta(days=int(age)),
            )
            if row not in seen:  # the table refuses exact repeats
                seen.add(row)
                copy.write_row((*row, ""))
    recompute(session)

    report = client.get("/v1/reports/cooling", headers=keys.manager).json()
    assert len(report["items"]) >= 20
    assert {row["status"] for row in report["items"]} == {"cold", "cooling"}
    values = [row["value"] for row in report["items"]]
    assert values == sorted(values, reverse=True)
