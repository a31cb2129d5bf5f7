"""/v1/reports/*: JSON, or CSV with format=csv (account managers and admins)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from services.referrals.reports.cooling import cooling_report
from services.referrals.reports.csv_output import csv_response
from services.referrals.reports.referrers import referrers_report
from services.referrals.reports.schemas import (
    CoolingReport,
    CoolingRow,
    FunnelRow,
    ReferrerRow,
    ReferrersReport,
    SourcesReport,
)
from services.referrals.reports.sources import sources_report
from services.referrals.settings import get_referrals_settings
from services.referrals.trust.engine import trust_day
from shared.audit import audited
from shared.auth.deps import StaffPrincipal
from shared.db.session import SessionDep
from shared.errors import field_error

router = APIRouter(prefix="/v1/reports", tags=["reports"], dependencies=[audited("report")])

Format = Literal["json", "csv"]
CSV_TEXT: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv"}
}


@router.get("/sources", response_model=SourcesReport, responses=CSV_TEXT)
def sources(
    session: SessionDep,
    _: StaffPrincipal,
    from_: Annotated[
        date | None, Query(alias="from", description="First day (default: a year before to).")
    ] = None,
    to: Annotated[date | None, Query(description="Last day, inclusive (default: today).")] = None,
    format: Format = "json",
) -> SourcesReport | Response:
    # The report counts up to the day after `end`, which must exist.
    end = min(to or trust_day(), date.max - timedelta(days=1))
    # A year back, but not before the first representable day (to=0001-01-11 is valid input).
    start = from_ or end - timedelta(days=min(365, (end - date.min).days))
    if start > end:
        raise field_error("from", "must not be after 'to'")
    report = sources_report(session, start_day=start, end_day=end)
    if format == "json":
        return report
    rows = [{"dimension": "total", **report.total.model_dump()}]
    rows += [{"dimension": "source", **r.model_dump()} for r in report.by_source]
    rows += [{"dimension": "channel", **r.model_dump()} for r in report.by_channel]
    return csv_response("sources.csv", ["dimension", *FunnelRow.model_fields], rows)


@router.get("/referrers", response_model=ReferrersReport, responses=CSV_TEXT)
def referrers(
    session: SessionDep,
    _: StaffPrincipal,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    format: Format = "json",
) -> ReferrersReport | Response:
    alpha = get_referrals_settings().track_record_alpha
    report = referrers_report(session, alpha=alpha, limit=limit)
    if format == "json":
        return report
    return csv_response(
        "referrers.csv", list(ReferrerRow.model_fields), (r.model_dump() for r in report.items)
    )


@router.get("/cooling", response_model=CoolingReport, responses=CSV_TEXT)
def cooling(
    session: SessionDep,
    _: StaffPrincipal,
    threshold: Annotated[
        float | None, Query(gt=0, lt=1, description="Strength of a strong tie (default 0.5).")
    ] = None,
    days: Annotated[int | None, Query(ge=1, le=365, description="Horizon (default 30).")] = None,
    min_value: Annotated[
        float, Query(ge=0, le=1000, description="Leave out ties that carry less (default 0.05).")
    ] = 0.05,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    format: Format = "json",
) -> CoolingReport | Response:
    settings = get_referrals_settings()
    report = cooling_report(
        session,
        as_of=trust_day(),
        threshold=threshold or settings.strong_tie_threshold,
        days=days or settings.cooling_days,
        limit=limit,
        params=settings.trust_params(),
        min_value=min_value,
    )
    if format == "json":
        return report
    return csv_response(
        "cooling.csv", list(CoolingRow.model_fields), (r.model_dump() for r in report.items)
    )
