""" "Why not?": for one freelancer, the hard filter that excludes them with the values compared,
or their rank, score and contributions as if the request were ranked now (exhaustively)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from services.matching.features.compute import compute_features
from services.matching.index.columns import (
    FREELANCE_BIT,
    LANGUAGE_LEVELS,
    ONSITE,
    PERMANENT_BIT,
    REMOTE,
)
from services.matching.index.segment import IndexSegment
from services.matching.ranking.candidates import RATE_EPSILON, hard_filter
from services.matching.ranking.engine import IndexSnapshot, RankedCandidate, rank_everyone
from services.matching.ranking.query import PreparedQuery, RequestQuery, prepare
from services.matching.scoring.model import RankingModel
from services.matching.settings import MatchingSettings

_LEVEL_NAMES = {number: name for name, number in LANGUAGE_LEVELS.items()}
_ENGAGEMENTS = {FREELANCE_BIT: "freelance", PERMANENT_BIT: "permanent"}


@dataclass
class WhyNot:
    status: str  # excluded | ranked | not_in_top
    filters: list[dict[str, Any]] = field(default_factory=list)
    rank: int | None = None
    candidate: RankedCandidate | None = None


def _verdict(name: str, freelancer: Any, request: Any) -> dict[str, Any]:
    return {"filter": name, "freelancer": freelancer, "request": request}


def _language(code: int) -> str:
    return chr(code >> 8) + chr(code & 255)


def filter_verdicts(
    segment: IndexSegment, row: int, prepared: PreparedQuery, settings: MatchingSettings
) -> list[dict[str, Any]]:
    """Every hard filter the row fails, with both sides of the comparison (see `ranking`)."""
    query = prepared.query
    out = []
    available = int(segment.available_from(np.array([row]))[0])
    latest = query.start_ordinal + settings.availability_tolerance_days
    if available and available > latest:
        out.append(
            _verdict(
                "availability",
                f"available from {date.fromordinal(available).isoformat()}",
                f"on or before {date.fromordinal(latest).isoformat()} (start "
                f"{date.fromordinal(query.start_ordinal).isoformat()} + "
                f"{settings.availability_tolerance_days} days)",
            )
        )
    bits = int(segment.engagement[row]) or FREELANCE_BIT
    wanted = {"freelance": FREELANCE_BIT, "permanent": PERMANENT_BIT}.get(
        query.engagement, FREELANCE_BIT | PERMANENT_BIT
    )
    if not bits & wanted:
        offered = ", ".join(name for bit, name in _ENGAGEMENTS.items() if bits & bit)
        out.append(_verdict("engagement", offered, query.engagement))
    rate = float(segment.day_rate[row])
    ceiling = query.max_day_rate * (1.0 + settings.rate_tolerance)
    if not np.isnan(rate) and rate > ceiling + RATE_EPSILON:
        out.append(
            _verdict(
                "day_rate",
                round(rate, 2),
                f"≤ {ceiling:.2f} ({query.max_day_rate:g} + {settings.rate_tolerance * 100:g} %)",
            )
        )
    minimum = LANGUAGE_LEVELS[settings.min_language_level]
    for code in query.languages:
        level = int(segment.language_level(code, np.array([row]))[0])
        if level < minimum:
            out.append(
                _verdict(
                    "language",
                    f"{_language(code)} {_LEVEL_NAMES.get(level, 'not spoken')}",
                    f"{_language(code)} {settings.min_language_level} or better",
                )
            )
    out += _location_verdicts(segment, row, prepared)
    if not out and not hard_filter(segment, np.array([row]), prepared, settings)[0]:
        out.append(_verdict("profile", "removed or changed", "a current profile"))
    return out


def _location_verdicts(
    segment: IndexSegment, row: int, prepared: PreparedQuery
) -> list[dict[str, Any]]:
    query = prepared.query
    if query.remote == REMOTE:
        return []
    out = []
    countries = {code: name for name, code in segment.country_vocabulary.items()}
    cities = {code: name for name, code in segment.city_vocabulary.items()}
    if query.country:
        country = countries.get(int(segment.country[row]))
        if country != query.country:
            out.append(_verdict("location_country", country, query.country))
    if query.remote == ONSITE:
        if segment.remote[row] == REMOTE:
            out.append(_verdict("remote", "remote only", "onsite"))
        if query.city:
            code = int(segment.city[row])
            if code >= 0 and cities.get(code) != query.city:
                out.append(_verdict("location_city", cities.get(code), query.city))
    return out


def _locate(snapshot: IndexSnapshot, freelancer_id: int) -> tuple[IndexSegment, int] | None:
    # Later segments (the delta) hold the newer copy of a profile.
    for segment in reversed(snapshot.segments):
        row = int(segment.rows_of(np.array([freelancer_id]))[0])
        if row >= 0 and segment.alive[row]:
            return segment, row
    return None


def why_not(
    snapshot: IndexSnapshot,
    query: RequestQuery,
    model: RankingModel,
    freelancer_id: int,
    *,
    top_k: int,
    settings: MatchingSettings,
) -> WhyNot | None:
    """None when the index does not hold the freelancer."""
    found = _locate(snapshot, freelancer_id)
    if found is None:
        return None
    segment, row = found
    prepared = prepare(query, snapshot.catalogue, snapshot.encoder)
    verdicts = filter_verdicts(segment, row, prepared, settings)
    if verdicts:
        return WhyNot("excluded", verdicts)
    full = rank_everyone(
        snapshot, query, model, settings=settings, detail_ids=np.array([freelancer_id])
    )
    position = np.flatnonzero(full.ids == freelancer_id)
    if len(position) == 0:
        block = compute_features(segment, np.array([row]), prepared, settings)
        if prepared.must_count and block.must_missing[0] >= prepared.must_count:
            verdict = _verdict(
                "must_haves",
                f"shows none of the {prepared.must_count} must-haves in skills or text",
                "at least one, as other candidates do",
            )
        else:
            verdict = _verdict(
                "evidence",
                "no required or related skill and no profile text in common with the request",
                "some evidence of fit",
            )
        return WhyNot("excluded", [verdict])
    rank = int(position[0]) + 1
    status = "ranked" if rank <= top_k else "not_in_top"
    return WhyNot(status, rank=rank, candidate=full.candidates[0])
