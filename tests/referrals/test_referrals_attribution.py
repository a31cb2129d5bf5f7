"""Attribution: a placement credits the source and the vouches in force when it was recorded,
once, in a snapshot that later edits do not rewrite."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.referrals.jobs import attribute_placement
from services.referrals.trust.service import recompute
from shared.models import (
    AttributedVouch,
    Contact,
    Freelancer,
    Interaction,
    Job,
    Placement,
    ReferralAttribution,
    Vouch,
)
from tests.support.keys import TestKeys

PLACED_AT = datetime.now(UTC) - timedelta(days=1)


def _snapshot(session: Session, placement: Placement) -> tuple[dict, list[tuple]]:
    attribution = session.scalars(
        select(ReferralAttribution).where(ReferralAttribution.placement_id == placement.id)
    ).one()
    session.refresh(attribution)
    row = {
        "source_type": attribution.source_type,
        "source_detail": attribution.source_detail,
        "vouches": attribution.vouches,
    }
    credited = session.execute(
        select(
            AttributedVouch.vouch_id,
            AttributedVouch.referrer_contact_id,
            AttributedVouch.channel,
            AttributedVouch.recommendation,
            AttributedVouch.strength,
        )
        .where(AttributedVouch.attribution_id == attribution.id)
        .order_by(AttributedVouch.vouch_id)
    ).all()
    return row, [tuple(c) for c in credited]


def test_the_snapshot_credits_what_was_in_force_and_survives_later_edits(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
    make_freelancer: Callable[..., Freelancer],
    meet: Callable[..., Interaction],
    add_vouch: Callable[..., Vouch],
    make_placement: Callable[..., Placement],
) -> None:
    anna = make_contact("Anna Berg", internal=True)
    jan, kasia, piotr = (
        make_contact("Jan Novak"),
        make_contact("Kasia W"),
        make_contact("Piotr Lis"),
    )
    meet(anna, jan, "in_person", PLACED_AT.date() - timedelta(days=30))
    recompute(session)
    ola = make_freelancer("Ola Nowak", source_type="referral", source_detail="Jan's tip")
    jan_vouch = add_vouch(
        jan, ola, recommendation="strong", created_at=PLACED_AT - timedelta(days=10)
    )
    # Superseded after the placement: it was in force when the placement was recorded.
    kasia_vouch = add_vouch(
        kasia,
        ola,
        channel="video",
        status="superseded",
        created_at=PLACED_AT - timedelta(days=30),
        ended_at=PLACED_AT + timedelta(hours=1),
    )
    # Withdrawn before the placement: not credited.
    add_vouch(
        piotr,
        ola,
        status="withdrawn",
        created_at=PLACED_AT - timedelta(days=20),
        ended_at=PLACED_AT - timedelta(days=5),
    )
    placement = make_placement(ola, created_at=PLACED_AT)

    attribute_placement(session, {"placement_id": placement.id})
    row, credited = _snapshot(session, placement)
    assert row["source_type"] == "referral" and row["source_detail"] == "Jan's tip"
    assert [v["vouch_id"] for v in row["vouches"]] == [jan_vouch.id, kasia_vouch.id]
    assert [(c[0], c[1], c[2], c[3]) for c in credited] == [
        (jan_vouch.id, jan.id, "in_person", "strong"),
        (kasia_vouch.id, kasia.id, "video", "yes"),
    ]
    assert credited[0][4] > 0.0 and credited[1][4] == 0.0  # Kasia has no network trust
    assert session.scalar(select(Job).where(Job.kind == "recompute_trust")) is not None

    # Later: a new vouch, a withdrawal and a changed source.
    client.post(
        "/v1/vouches",
        json={
            "referrer_contact_id": piotr.id,
            "freelancer_id": ola.id,
            "channel": "in_person",
            "last_met_on": PLACED_AT.date().isoformat(),
            "recommendation": "against",
        },
        headers=keys.manager,
    )
    assert client.delete(f"/v1/vouches/{jan_vouch.id}", headers=keys.manager).status_code == 200
    ola.source_type, ola.source_detail = "inbound", None
    session.flush()
    # The job runs again (a retry): nothing is rewritten.
    attribute_placement(session, {"placement_id": placement.id})
    assert _snapshot(session, placement) == (row, credited)
    assert (
        len(
            session.scalars(
                select(ReferralAttribution).where(ReferralAttribution.placement_id == placement.id)
            ).all()
        )
        == 1
    )


def test_a_missing_placement_is_ignored(session: Session) -> None:
    attribute_placement(session, {"placement_id": 987654321})
    assert session.scalar(select(ReferralAttribution)) is None
