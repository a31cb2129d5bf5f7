"""Candidate generation: hard filters, then a must-have AND prefilter that widens when too few.

Tiers: everyone holding every must-have; if fewer than `need` pass the filters, add those missing
one, then two, ... must-haves; if still too few, everyone holding any required (or related)
skill. Because each
missing must-have costs more than any score spread, a lower tier can never outrank a full tier,
so stopping early hides nobody who could have reached the top k.
"""

from __future__ import annotations

import numpy as np

from services.matching.index.columns import (
    FREELANCE_BIT,
    LANGUAGE_LEVELS,
    ONSITE,
    PERMANENT_BIT,
    REMOTE,
)
from services.matching.index.segment import IndexSegment, union_sorted
from services.matching.ranking.query import PreparedQuery
from services.matching.settings import MatchingSettings

# Documented rule: rate <= budget x (1 + tolerance), compared to the cent.
_RATE_EPSILON = 0.005


def hard_filter(
    segment: IndexSegment, rows: np.ndarray, prepared: PreparedQuery, settings: MatchingSettings
) -> np.ndarray:
    """True where a row passes every hard filter (see the module docs of `ranking`)."""
    query = prepared.query
    ok = segment.alive[rows].copy()
    if len(query.unavailable_ids):
        ok &= ~np.isin(segment.ids[rows], query.unavailable_ids)
    available = segment.available_from[rows]
    latest = query.start_ordinal + settings.availability_tolerance_days
    ok &= (available == 0) | (available <= latest)

    bits = segment.engagement[rows]
    bits = np.where(bits == 0, FREELANCE_BIT, bits)  # not stated: the agency's default
    wanted = {
        "freelance": FREELANCE_BIT,
        "permanent": PERMANENT_BIT,
    }.get(query.engagement, FREELANCE_BIT | PERMANENT_BIT)
    ok &= (bits & wanted) != 0

    rate = segment.day_rate[rows].astype(np.float64)
    ceiling = query.max_day_rate * (1.0 + settings.rate_tolerance) + _RATE_EPSILON
    ok &= np.isnan(rate) | (rate <= ceiling)

    minimum = LANGUAGE_LEVELS[settings.min_language_level]
    for code in query.languages:
        ok &= segment.language_level(code, rows) >= minimum

    if query.remote != REMOTE:
        if query.country:
            country = segment.country_vocabulary.get(query.country, -2)
            ok &= segment.country[rows] == country
        if query.remote == ONSITE:
            ok &= segment.remote[rows] != REMOTE
            if query.city:
                city = segment.city[rows]
                ok &= (city < 0) | (city == segment.city_vocabulary.get(query.city, -2))
    return ok


def _intersect_all(segment: IndexSegment, lists: list[np.ndarray]) -> np.ndarray:
    ordered = sorted(lists, key=len)
    result = ordered[0].astype(np.int64)
    for postings in ordered[1:]:
        result = segment.intersect(result, postings)
        if len(result) == 0:
            break
    return result


def _filtered(
    segment: IndexSegment, rows: np.ndarray, prepared: PreparedQuery, settings: MatchingSettings
) -> np.ndarray:
    return rows[hard_filter(segment, rows, prepared, settings)] if len(rows) else rows


def candidate_rows(
    segment: IndexSegment, prepared: PreparedQuery, settings: MatchingSettings, *, need: int
) -> np.ndarray:
    """Sorted rows to score: the smallest tier set with at least `need` filtered candidates."""
    must_columns = prepared.must_columns
    if len(must_columns):
        lists = [segment.postings(int(c)) for c in must_columns]
        complete = _filtered(segment, _intersect_all(segment, lists), prepared, settings)
        if len(complete) >= need:
            return complete
        shortest_first = sorted(lists, key=len)
        for missing in range(1, len(lists)):
            # Whoever misses at most `missing` must-haves holds one of the `missing + 1`
            # shortest lists, so only those rows are counted and filtered.
            base = union_sorted(shortest_first[: missing + 1])
            held = segment.held_counts(must_columns, base)
            tier = _filtered(segment, base[held >= len(lists) - missing], prepared, settings)
            if len(tier) >= need:
                return tier
    reach = prepared.reach_columns
    if len(reach):
        return _filtered(segment, segment.touched(reach), prepared, settings)
    # No skill the index knows: fall back to text, scoring profiles that share a term.
    if len(prepared.text_terms) == 0 or len(segment) == 0:
        return np.zeros(0, np.int64)
    everyone = np.arange(len(segment), dtype=np.int64)
    similarity = segment.text_similarity(
        everyone, prepared.encoder, prepared.text_terms, prepared.text_weights
    )
    return _filtered(segment, everyone[similarity > 0], prepared, settings)
