"""Reports: referral sources and channels as a server-drawn SVG chart, referrers, CSV."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.console.api import call, raw
from services.console.pages.common import signed_in
from services.console.rendering import render

router = APIRouter(include_in_schema=False)
CSV_REPORTS = {"sources", "referrers", "cooling"}


def rate_chart(rows: list[dict[str, Any]], *, width: int = 560, bar: int = 22) -> dict[str, Any]:
    """Bars of placement rate with their 95 % interval as whiskers (SVG coordinates)."""
    label_width, gap = 170, 8
    plot = width - label_width - 60
    bars = []
    for i, row in enumerate(rows):
        rate = row.get("placement_rate")
        y = i * (bar + gap)
        low, high = row.get("ci_low"), row.get("ci_high")
        bars.append(
            {
                "label": row["group"],
                "y": y,
                "text_y": y + bar * 0.7,
                "width": round(plot * (rate or 0.0), 1),
                "rate": rate,
                "low_x": None if low is None else round(label_width + plot * low, 1),
                "high_x": None if high is None else round(label_width + plot * high, 1),
                "mid_y": y + bar / 2,
                "placed": row.get("placed", 0),
                "presented": row.get("presented", 0),
            }
        )
    return {
        "bars": bars,
        "height": max(1, len(rows)) * (bar + gap),
        "width": width,
        "label_width": label_width,
        "plot": plot,
        "bar": bar,
    }


@router.get("/reports")
async def reports_page(request: Request) -> Response:
    user = await signed_in(request)
    sources, referrers = await asyncio.gather(
        call("referrals", "GET", "/v1/reports/sources", token=user.token),
        call("referrals", "GET", "/v1/reports/referrers", token=user.token, params={"limit": 50}),
    )
    return render(
        request,
        "reports.html",
        sources=sources,
        source_chart=rate_chart(sources["by_source"]),
        channel_chart=rate_chart(sources["by_channel"]),
        referrers=referrers,
    )


@router.get("/reports/{name}.csv")
async def report_csv(request: Request, name: str) -> Response:
    user = await signed_in(request)
    if name not in CSV_REPORTS:
        return Response("unknown report", status_code=404, media_type="text/plain")
    upstream = await raw(
        "referrals", f"/v1/reports/{name}", token=user.token, params={"format": "csv"}
    )
    return Response(
        upstream.content,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="vouch-{name}.csv"'},
    )
