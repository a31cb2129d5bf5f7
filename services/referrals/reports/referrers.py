"""GET /v1/reports/referrers: referrers ranked by their smoothed track record.

vouched = freelancers the referrer vouches for positively now or whose placement credited the
referrer's positive vouch; placed = the latter; track record = (placed + α·μ) / (vouched + α)
with μ the global rate, so one lucky vouch does not make a hero.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.referrals.reports.schemas import ReferrerRow, ReferrersReport
from services.referrals.trust.freelancers import read_track_records


def referrers_report(session: Session, *, alpha: float, limit: int) -> ReferrersReport:
    records = read_track_records(session)
    rows = session.execute(
        text(
            "WITH activity AS (SELECT referrer_contact_id AS referrer,"
            " count(*) FILTER (WHERE status = 'active') AS active,"
            " count(*) FILTER (WHERE status = 'active'"
            " AND recommendation IN ('reservations', 'against')) AS warnings"
            " FROM vouches GROUP BY referrer_contact_id)"
            " SELECT c.id, c.name, c.internal, coalesce(ct.network_trust, 0),"
            " a.active, a.warnings FROM activity a JOIN contacts c ON c.id = a.referrer"
            " LEFT JOIN contact_trust ct ON ct.contact_id = c.id"
        )
    ).all()
    items = []
    for contact_id, name, internal, trust, active, warnings in rows:
        vouched, placed = records.counts.get(contact_id, (0, 0))
        items.append(
            ReferrerRow(
                referrer_contact_id=contact_id,
                name=name,
                internal=internal,
                network_trust=float(trust),
                active_vouches=int(active),
                active_warnings=int(warnings),
                vouched=vouched,
                placed=placed,
                placement_rate=placed / vouched if vouched else None,
                track_record=records.rate(contact_id, alpha),
            )
        )
    items.sort(key=lambda r: (-r.track_record, -r.placed, -r.vouched, r.referrer_contact_id))
    return ReferrersReport(global_rate=records.global_rate, alpha=alpha, items=items[:limit])
