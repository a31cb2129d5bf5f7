"""GET /v1/reports/cooling: the agency's valuable relationships that are cold or going cold.

For a tie between an internal person and an outside contact with decayed evidence E today
(strength.py: s = 1 − exp(−E), E(t + Δ) = E(t) · 2^(−Δ/h)), the report lists it when

- it was a real relationship: its strength on the day of the last meeting was at least the
  threshold θ (one in-person meeting is enough, one online chat is not), and
- it is cold (s < θ today) or cooling (s ≥ θ today but < θ after `days` more days without a
  meeting; it crosses θ after h · log2(E / E_θ) days, E_θ = −ln(1 − θ)), and
- it carries something (value ≥ min_value).

What a tie carries (value, the ranking key): what the contact passes on and what stands behind
them,

    value = max(network_trust(c), 0) + 0.5 · active positive vouches by c
            + 1.0 · placements credited to c's vouches
            + 0.25 · min(staffing requests of c's client organisation in the last 2 years, 8)

so a client's CIO not met for two years (a cold tie with little network trust left) is listed
through their organisation's requests. Each row gives the last meeting, the days since, and
one action: "log a meeting".
"""

from __future__ import annotations

import math
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.referrals.reports.schemas import CoolingReport, CoolingRow
from services.referrals.trust.params import CHANNELS, TrustParams

VOUCH_VALUE, PLACEMENT_VALUE, REQUEST_VALUE, REQUEST_CAP = 0.5, 1.0, 0.25, 8
ACTION = "log a meeting"

_TIES = """
WITH ties AS (
    SELECT CASE WHEN ca.internal THEN ca.id ELSE cb.id END AS internal_id,
           CASE WHEN ca.internal THEN cb.id ELSE ca.id END AS contact_id,
           sum({weight} * power(CAST(2.0 AS float8), greatest(
               -greatest(CAST(:as_of AS date) - i.occurred_on, 0)
               / CAST(:half_life AS float8), -1000.0))) AS evidence,
           max(i.occurred_on) AS last_met_on,
           count(*) AS interactions,
           array_agg(i.occurred_on) AS days,
           array_agg({weight}) AS weights
    FROM interactions i
    JOIN contacts ca ON ca.id = i.contact_a_id
    JOIN contacts cb ON cb.id = i.contact_b_id
    WHERE ca.internal <> cb.internal
    GROUP BY 1, 2
), at_last AS (
    -- Evidence on the day of the last meeting: how strong the tie was at its best moment lately.
    SELECT t.internal_id, t.contact_id,
           (SELECT sum(w * power(CAST(2.0 AS float8), greatest(
                -(t.last_met_on - d) / CAST(:half_life AS float8), -1000.0)))
            FROM unnest(t.days, t.weights) AS u(d, w)) AS evidence_at_last
    FROM ties t
)
SELECT t.internal_id, ci.name, t.contact_id, c.name, c.company, t.evidence, l.evidence_at_last,
       t.last_met_on, t.interactions, greatest(coalesce(ct.network_trust, 0), 0),
       (SELECT count(*) FROM vouches v WHERE v.referrer_contact_id = t.contact_id
          AND v.status = 'active' AND v.recommendation IN ('strong', 'yes')),
       (SELECT count(DISTINCT av.attribution_id) FROM attributed_vouches av
          WHERE av.referrer_contact_id = t.contact_id),
       CASE WHEN c.organization_id IS NULL THEN 0 ELSE
         (SELECT count(*) FROM staffing_requests r WHERE r.organization_id = c.organization_id
            AND r.created_at >= CAST(:as_of AS date) - 730) END
FROM ties t
JOIN at_last l USING (internal_id, contact_id)
JOIN contacts ci ON ci.id = t.internal_id
JOIN contacts c ON c.id = t.contact_id
LEFT JOIN contact_trust ct ON ct.contact_id = t.contact_id
"""


def carried_value(*, network_trust: float, vouches: int, placements: int, requests: int) -> float:
    return (
        network_trust
        + VOUCH_VALUE * vouches
        + PLACEMENT_VALUE * placements
        + REQUEST_VALUE * min(requests, REQUEST_CAP)
    )


def cooling_report(
    session: Session,
    *,
    as_of: date,
    threshold: float,
    days: int,
    limit: int,
    params: TrustParams,
    min_value: float = 0.05,
    internal_contact_ids: list[int] | None = None,
) -> CoolingReport:
    weights = {f"w{code}": params.weight(name) for code, name in enumerate(CHANNELS)}
    weight_case = (
        "CASE i.channel "
        + " ".join(
            f"WHEN '{name}' THEN CAST(:w{code} AS float8)" for code, name in enumerate(CHANNELS)
        )
        + " END"
    )
    rows = session.execute(
        text(_TIES.format(weight=weight_case)),
        {"as_of": as_of, "half_life": params.interaction_half_life_days, **weights},
    ).all()
    threshold_evidence = -math.log1p(-threshold)
    decay = 2.0 ** (-days / params.interaction_half_life_days)
    wanted = set(internal_contact_ids) if internal_contact_ids is not None else None
    items = []
    for row in rows:
        (internal_id, internal_name, cid, name, company, evidence, at_last, last, count) = row[:9]
        trust, vouches, placements, requests = row[9:]
        if wanted is not None and internal_id not in wanted:
            continue
        evidence, at_last = float(evidence), float(at_last or 0.0)
        now, later = -math.expm1(-evidence), -math.expm1(-evidence * decay)
        if at_last < threshold_evidence or later >= threshold:
            continue  # never a strong tie lately, or still strong at the horizon
        value = carried_value(
            network_trust=float(trust),
            vouches=int(vouches),
            placements=int(placements),
            requests=int(requests),
        )
        if value < min_value:
            continue
        cold = now < threshold
        until = (
            0.0
            if cold
            else params.interaction_half_life_days * math.log2(evidence / threshold_evidence)
        )
        items.append(
            CoolingRow(
                internal_contact_id=internal_id,
                internal_name=internal_name,
                contact_id=cid,
                contact_name=name,
                company=company,
                status="cold" if cold else "cooling",
                strength_now=now,
                strength_at_horizon=later,
                strength_at_last_meeting=-math.expm1(-at_last),
                days_until_below=until,
                last_met_on=last,
                days_since_last_meeting=(as_of - last).days,
                interactions=int(count),
                network_trust=float(trust),
                active_vouches=int(vouches),
                credited_placements=int(placements),
                client_requests=int(requests),
                value=value,
                action=ACTION,
            )
        )
    items.sort(key=lambda r: (-r.value, r.days_until_below, -r.strength_now, r.contact_id))
    return CoolingReport(threshold=threshold, days=days, items=items[:limit])
