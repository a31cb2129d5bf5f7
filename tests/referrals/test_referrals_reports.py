"""Reports on a hand-made network give exactly the expected counts (JSON and CSV)."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from services.referrals.jobs import attribute_placement
from services.referrals.reports.stats import wilson_interval
from services.referrals.trust.service import recompute
from shared.models import Contact, Freelancer, Interaction, Placement, Review, Vouch
from tests.support.keys import TestKeys


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)


def test_sources_report_counts_added_presented_placed_by_source_and_channel(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
    make_freelancer: Callable[..., Freelancer],
    add_vouch: Callable[..., Vouch],
    make_review: Callable[..., Review],
    make_placement: Callable[..., Placement],
) -> None:
    jan, kasia = make_contact("Jan Novak"), make_contact("Kasia W")
    f1 = make_freelancer("F1", source_type="referral", created_at=at("2025-02-01"))
    f2 = make_freelancer("F2", source_type="referral", created_at=at("2025-02-10"))
    f3 = make_freelancer("F3", source_type="job_board", created_at=at("2025-03-01"))
    f4 = make_freelancer("F4", source_type="event", created_at=at("2024-12-01"))
    make_freelancer("F5", source_type="event", created_at=at("2025-05-01"))
    make_freelancer("F6", source_type="referral", created_at=at("2025-07-15"))  # after
    f7 = make_freelancer("F7", source_type="referral", created_at=at("2025-01-05"))
    add_vouch(jan, f1, channel="in_person", recommendation="strong", created_at=at("2025-01-15"))
    add_vouch(kasia, f2, channel="video", created_at=at("2025-01-20"))
    make_review(f1, "presented", at("2025-03-01"))
    make_review(f2, "presented", at("2025-03-05"))
    make_review(f3, "presented", at("2025-04-01"))
    make_review(f4, "interviewed", at("2025-02-01"))
    make_review(f7, "presented", at("2024-12-20"))  # before the period
    for freelancer, day in [(f1, "2025-03-10"), (f3, "2025-04-15"), (f4, "2025-02-20")]:
        placement = make_placement(freelancer, created_at=at(day))
        attribute_placement(session, {"placement_id": placement.id})
    make_placement(f7, created_at=at("2025-08-01"))  # after the period
    # F4's source is edited after the placement: the report keeps what was credited then.
    f4.source_type = "inbound"
    session.flush()

    response = client.get(
        "/v1/reports/sources",
        params={"from": "2025-01-01", "to": "2025-06-30"},
        headers=keys.manager,
    )
    assert response.status_code == 200, response.text
    report = response.json()
    counts = {r["group"]: (r["added"], r["presented"], r["placed"]) for r in report["by_source"]}
    assert counts == {
        "referral": (3, 2, 1),
        "job_board": (1, 1, 1),
        "event": (1, 1, 1),
        "inbound": (0, 0, 0),
        "former_colleague": (0, 0, 0),
        "network_online": (0, 0, 0),
        "other": (0, 0, 0),
    }
    channels = {r["group"]: (r["added"], r["presented"], r["placed"]) for r in report["by_channel"]}
    assert channels == {
        "in_person_or_worked_together": (1, 1, 1),
        "online_only": (1, 1, 0),
        "no_vouch": (3, 2, 2),
    }
    total = report["total"]
    assert (total["added"], total["presented"], total["placed"]) == (5, 4, 3)
    referral = next(r for r in report["by_source"] if r["group"] == "referral")
    assert referral["placement_rate"] == 0.5
    assert math.isclose(referral["share_of_placements"], 1 / 3)
    low, high = wilson_interval(1, 2) or (0.0, 0.0)
    assert (referral["ci_low"], referral["ci_high"]) == (low, high)
    assert abs(low - 0.0945) < 1e-3 and abs(high - 0.9055) < 1e-3
    inbound = next(r for r in report["by_source"] if r["group"] == "inbound")
    assert inbound["placement_rate"] is None and inbound["ci_low"] is None

    as_csv = client.get(
        "/v1/reports/sources",
        params={"from": "2025-01-01", "to": "2025-06-30", "format": "csv"},
        headers=keys.manager,
    )
    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == 1 + 7 + 3
    referral_row = next(r for r in rows if r["group"] == "referral")
    assert (referral_row["dimension"], referral_row["added"], referral_row["placed"]) == (
        "source",
        "3",
        "1",
    )


def test_sources_report_refuses_bad_dates(client: TestClient, keys: TestKeys) -> None:
    for params, field in [
        ({"from": "2025-13-01"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2025-06-01", "to": "2025-01-01"}, "from"),
        ({"format": "xlsx"}, "format"),
    ]:
        response = client.get("/v1/reports/sources", params=params, headers=keys.manager)
        assert response.status_code == 422, params
        assert response.json()["errors"][0]["field"] == field


def test_referrers_report_ranks_by_smoothed_track_record(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
    make_freelancer: Callable[..., Freelancer],
    add_vouch: Callable[..., Vouch],
    make_placement: Callable[..., Placement],
) -> None:
    jan, kasia, piotr = (
        make_contact("Jan Novak"),
        make_contact("Kasia W"),
        make_contact("Piotr Lis"),
    )
    f1, f2, f3 = make_freelancer("F1"), make_freelancer("F2"), make_freelancer("F3")
    add_vouch(jan, f1, recommendation="strong", created_at=at("2025-01-01"))
    add_vouch(kasia, f2, channel="video", created_at=at("2025-01-01"))
    add_vouch(kasia, f3, created_at=at("2025-01-01"))
    add_vouch(piotr, f3, recommendation="against", created_at=at("2025-01-01"))
    placement = make_placement(f1, created_at=at("2025-03-01"))
    attribute_placement(session, {"placement_id": placement.id})

    report = client.get("/v1/reports/referrers", headers=keys.manager).json()
    global_rate = 1 / 3  # one placed among three positively vouched freelancers
    assert math.isclose(report["global_rate"], global_rate) and report["alpha"] == 5.0
    rows = {r["name"]: r for r in report["items"]}
    assert [r["name"] for r in report["items"]] == ["Jan Novak", "Piotr Lis", "Kasia W"]
    assert (rows["Jan Novak"]["vouched"], rows["Jan Novak"]["placed"]) == (1, 1)
    assert math.isclose(rows["Jan Novak"]["track_record"], (1 + 5 * global_rate) / 6)
    assert math.isclose(rows["Kasia W"]["track_record"], (0 + 5 * global_rate) / 7)
    assert rows["Piotr Lis"]["active_warnings"] == 1 and rows["Piotr Lis"]["vouched"] == 0
    assert math.isclose(rows["Piotr Lis"]["track_record"], global_rate)

    as_csv = client.get("/v1/reports/referrers", params={"format": "csv"}, headers=keys.manager)
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert [r["name"] for r in csv.DictReader(io.StringIO(as_csv.text))] == [
        "Jan Novak",
        "Piotr Lis",
        "Kasia W",
    ]


def test_cooling_report_lists_strong_ties_that_fall_below_the_threshold_soon(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    make_contact: Callable[..., Contact],
    meet: Callable[..., Interaction],
) -> None:
    today = date.today()
    anna, marta = make_contact("Anna Berg", internal=True), make_contact("Marta K", internal=True)
    cooling, fresh, weak = (
        make_contact("Jan Novak", company="DB"),
        make_contact("Piotr"),
        make_contact("Weak"),
    )
    cooling2 = make_contact("Ewa")
    meet(anna, cooling, "in_person", today - timedelta(days=78))  # E = 0.74: 0.52 now, 0.48 soon
    meet(anna, fresh, "in_person", today - timedelta(days=5))  # stays strong for 30 days
    meet(anna, weak, "online", today - timedelta(days=5))  # never strong
    meet(anna, marta, "in_person", today - timedelta(days=78))  # both internal: not a nudge
    meet(marta, cooling2, "worked_together", today - timedelta(days=85))
    recompute(session)

    report = client.get("/v1/reports/cooling", headers=keys.manager).json()
    assert report["threshold"] == 0.5 and report["days"] == 30
    pairs = [(r["internal_name"], r["contact_name"]) for r in report["items"]]
    assert sorted(pairs) == [("Anna Berg", "Jan Novak"), ("Marta K", "Ewa")]
    jan = next(r for r in report["items"] if r["contact_name"] == "Jan Novak")
    evidence = 2 ** (-78 / 180)
    assert math.isclose(jan["strength_now"], 1 - math.exp(-evidence))
    assert math.isclose(jan["days_until_below"], 180 * math.log2(evidence / math.log(2)))
    assert jan["strength_at_horizon"] < 0.5 <= jan["strength_now"]
    assert jan["status"] == "cooling" and jan["action"] == "log a meeting"
    assert jan["days_since_last_meeting"] == 78
    # Ordered by what the tie carries (here only the trust flowing through the contact).
    values = [r["value"] for r in report["items"]]
    assert values == sorted(values, reverse=True) and values[0] > 0

    narrower = client.get("/v1/reports/cooling", params={"days": 5}, headers=keys.manager).json()
    assert narrower["items"] == []
    as_csv = client.get("/v1/reports/cooling", params={"format": "csv"}, headers=keys.manager)
    assert len(list(csv.DictReader(io.StringIO(as_csv.text)))) == 2
    bad = client.get("/v1/reports/cooling", params={"threshold": 2}, headers=keys.manager)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "threshold"


def test_sources_report_accepts_dates_at_the_calendar_edges(
    client: TestClient, keys: TestKeys
) -> None:
    for params in ({"to": "0001-01-11", "format": "csv"}, {"to": "9999-12-31"}):
        response = client.get("/v1/reports/sources", params=params, headers=keys.manager)
        assert response.status_code == 200, response.text
