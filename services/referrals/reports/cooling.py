"""GET /v1/reports/cooling: internal people's strong ties that go cold without a new meeting.

A tie between an internal person and an outside contact is listed when its strength is at least
the threshold today but will be below it after `days` days without another interaction:
E(t + Δ) = E(t) · 2^(−Δ/h), so it crosses the threshold θ after h · log2(E / E_θ) days,
E_θ = −ln(1 − θ). Ordered by the trust flowing through the contact (its network trust: what it
receives is, damped, what it passes on), then by how soon it crosses.
"""

from __future__ import annotations

import math
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.referrals.reports.schemas import CoolingReport, CoolingRow
from services.referrals.trust.params import CHANNELS, TrustParams


def cooling_report(
    session: Session,
    *,
    as_of: date,
    threshold: float,
    days: int,
    limit: int,
    params: TrustParams,
) -> CoolingReport:
    weights = {f"w{code}": params.weight(name) for code, name in enumerate(CHANNELS)}
    weight_case = (
        "CASE i.channel "
        + " ".join(f"WHEN '{name}' THEN :w{code}" for code, name in enumerate(CHANNELS))
        + " END"
    )
    rows = session.execute(
        text(
            "SELECT CASE WHEN ca.internal THEN ca.id ELSE cb.id END,"
            " CASE WHEN ca.internal THEN ca.name ELSE cb.name END,"
            " CASE WHEN ca.internal THEN cb.id ELSE ca.id END,"
            " CASE WHEN ca.internal THEN cb.name ELSE ca.name END,"
            " CASE WHEN ca.internal THEN cb.company ELSE ca.company END,"
            # Exponent floored at -1000 so very old meetings weigh ~0 instead of underflowing.
            f" sum({weight_case} * power(CAST(2.0 AS float8), greatest("
            " -greatest(CAST(:as_of AS date) - i.occurred_on, 0) / CAST(:half_life AS float8),"
            " -1000.0))),"
            " max(i.occurred_on), count(*), coalesce(max(ct.network_trust), 0)"
            " FROM interactions i JOIN contacts ca ON ca.id = i.contact_a_id"
            " JOIN contacts cb ON cb.id = i.contact_b_id"
            " LEFT JOIN contact_trust ct"
            " ON ct.contact_id = CASE WHEN ca.internal THEN cb.id ELSE ca.id END"
            " WHERE ca.internal <> cb.internal"
            " GROUP BY 1, 2, 3, 4, 5"
        ),
        {"as_of": as_of, "half_life": params.interaction_half_life_days, **weights},
    ).all()
    threshold_evidence = -math.log1p(-threshold)
    decay = 2.0 ** (-days / params.interaction_half_life_days)
    items = []
    for internal_id, internal_name, cid, name, company, evidence, last, count, trust in rows:
        evidence = float(evidence)
        now, later = -math.expm1(-evidence), -math.expm1(-evidence * decay)
        if now < threshold or later >= threshold:
            continue
        items.append(
            CoolingRow(
                internal_contact_id=internal_id,
                internal_name=internal_name,
                contact_id=cid,
                contact_name=name,
                company=company,
                strength_now=now,
                strength_at_horizon=later,
                days_until_below=params.interaction_half_life_days
                * math.log2(evidence / threshold_evidence),
                last_met_on=last,
                interactions=int(count),
                network_trust=float(trust),
            )
        )
    items.sort(key=lambda r: (-r.network_trust, r.days_until_below, r.contact_id))
    return CoolingReport(threshold=threshold, days=days, items=items[:limit])
