"""Candidate generation: hard filters, then the union of a skill path and a text path.

Skill path (tiers): everyone showing every must-have (a confirmed or extracted skill, a skill
that implies it, or for a term the catalogue does not know, its words in the profile text); if fewer than `need` pass the
filters, add those missing one, then two, ... must-haves; if still too few, everyone holding any
required (or related) skill. Because each missing must-have costs more than any score spread, a
lower tier can never outrank a full tier, so stopping early hides nobody who could have reached
the top k.

Text path: the `text_candidates` profiles most similar to the request's text (title,
description, skill names) among those passing the filters, whatever their skills: a profile
whose skills live only in prose is always reachable.
"""

from __future__ import annotations

import operator
from functools import reduce

import numpy as np
from pyroaring import BitMap, FrozenBitMap

from services.matching.index.columns import (
    FREELANCE_BIT,
    LANGUAGE_LEVELS,
    ONSITE,
    PERMANENT_BIT,
    REMOTE,
)
from services.matching.index.segment import IndexSegment, union_sorted
from services.matching.index.skill_postings import at_least, bitmap_of, rows_of
from services.matching.index.text_postings import TextHits
from services.matching.ranking.query import PreparedQuery
from services.matching.settings import MatchingSettings

# Documented rule: rate <= budget x (1 + tolerance), compared to the cent.
RATE_EPSILON = 0.005


def _engagement_passes(wanted: int) -> np.ndarray:
    """Per engagement byte, whether it passes `wanted` (none stated: the agency's default)."""
    bits = np.arange(256)
    return ((np.where(bits == 0, FREELANCE_BIT, bits) & wanted) != 0).astype(bool)


_ENGAGEMENT_PASSES = {
    wanted: _engagement_passes(wanted)
    for wanted in (FREELANCE_BIT, PERMANENT_BIT, FREELANCE_BIT | PERMANENT_BIT)
}


def _float32_at_most(value: float) -> np.float32:
    """The greatest float32 whose value is at most `value`."""
    largest = float(np.finfo(np.float32).max)
    if value >= largest:
        return np.float32(np.inf) if value == np.inf else np.float32(largest)
    if value < -largest:
        return np.float32(-np.inf)
    nearest = np.float32(value)
    if float(nearest) > value:
        nearest = np.nextafter(nearest, np.float32(-np.inf))
    return nearest


def hard_filter(
    segment: IndexSegment, rows: np.ndarray, prepared: PreparedQuery, settings: MatchingSettings
) -> np.ndarray:
    """True where a row passes every hard filter (see the module docs of `ranking`)."""
    query = prepared.query
    ok = segment.alive[rows]  # a copy (fancy indexing)
    if len(query.unavailable_ids):
        ok &= ~np.isin(segment.ids[rows], query.unavailable_ids)
    ok &= segment.available_by(rows, query.start_ordinal + settings.availability_tolerance_days)

    wanted = {
        "freelance": FREELANCE_BIT,
        "permanent": PERMANENT_BIT,
    }.get(query.engagement, FREELANCE_BIT | PERMANENT_BIT)
    ok &= _ENGAGEMENT_PASSES[wanted][segment.engagement[rows]]

    ceiling = query.max_day_rate * (1.0 + settings.rate_tolerance) + RATE_EPSILON
    # Rates are float32: compared with the greatest float32 at most the ceiling, which passes
    # exactly the rates whose float64 value does (no rate is converted); no rate (NaN) passes.
    ok &= ~(segment.day_rate[rows] > _float32_at_most(ceiling))

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


def _filtered(
    segment: IndexSegment, rows: np.ndarray, prepared: PreparedQuery, settings: MatchingSettings
) -> np.ndarray:
    return rows[hard_filter(segment, rows, prepared, settings)] if len(rows) else rows


def _holders(segment: IndexSegment, column: int, implied_by: np.ndarray) -> BitMap | FrozenBitMap:
    if len(implied_by):
        return segment.skills.any_of(np.concatenate([[column], implied_by]))
    return segment.skills.holders(column)


def shown_sets(segment: IndexSegment, prepared: PreparedQuery) -> list[BitMap | FrozenBitMap]:
    """Rows showing each required skill (the skill or one implying it), then each must term
    (its words in the profile text)."""
    sets = [
        _holders(segment, int(column), implied_by)
        for column, implied_by in zip(prepared.columns.tolist(), prepared.implied_by, strict=True)
    ]
    sets += [bitmap_of(segment.text.holding_all(ids)) for ids in prepared.must_term_ids]
    return sets


def must_sets(
    prepared: PreparedQuery, shown: list[BitMap | FrozenBitMap]
) -> list[BitMap | FrozenBitMap]:
    """The `shown_sets` of the must-haves: each must-have skill's, then each must term's."""
    k = len(prepared.columns)
    return [shown[j] for j in np.flatnonzero(prepared.query.must_have).tolist()] + shown[k:]


def shown_matrix(rows: np.ndarray, sets: list[BitMap | FrozenBitMap]) -> np.ndarray:
    """(len(rows), len(sets)) float64, 1.0 where a sorted row is in a set, else 0.0.

    With `shown_sets`, an upper bound on what a row's features show: a row the postings show
    holding a skill or term shows it in its features too, save for data the features read as
    absent (a level 0); never the other way round.
    """
    out = np.zeros((len(rows), len(sets)))
    if not len(rows):
        return out
    candidates = bitmap_of(rows)
    for j, held in enumerate(sets):
        if candidates.issubset(held):
            out[:, j] = 1.0
        else:
            out[np.searchsorted(rows, rows_of(candidates & held)), j] = 1.0
    return out


def _skill_path(
    segment: IndexSegment,
    prepared: PreparedQuery,
    settings: MatchingSettings,
    need: int,
    sets: list[BitMap | FrozenBitMap],
) -> tuple[np.ndarray, bool]:
    """(rows, whether a must-have tier filled `need`)."""
    if sets:
        smallest_first = sorted(sets, key=len)
        complete = reduce(operator.and_, smallest_first[1:], BitMap(smallest_first[0]))
        rows = _filtered(segment, rows_of(complete), prepared, settings)
        if len(rows) >= need:
            return rows, True
        # levels[i]: rows showing at least i + 1 must-haves; the tier missing `missing` of
        # them is levels[len(sets) - 1 - missing].
        levels = at_least(smallest_first)
        for missing in range(1, len(sets)):
            tier = _filtered(segment, rows_of(levels[len(sets) - 1 - missing]), prepared, settings)
            if len(tier) >= need:
                return tier, True
    reach = segment.skills.any_of(prepared.reach_columns)
    for term_set in sets[len(prepared.must_columns) :]:  # rows holding an unrecognised must term
        reach = reach | term_set
    return _filtered(segment, rows_of(reach), prepared, settings), False


def _text_path(
    segment: IndexSegment,
    prepared: PreparedQuery,
    settings: MatchingSettings,
    hits: TextHits,
) -> np.ndarray:
    """The `text_candidates` best retrieved rows that pass the filters, sorted by row."""
    limit = settings.text_candidates
    if limit == 0 or len(hits.rows) == 0:
        return np.zeros(0, np.int64)
    take = limit * 4
    while True:
        # The best `limit` filtered rows lie within the best `take` once that many pass.
        head = hits.best(take)
        passed = head[hard_filter(segment, head, prepared, settings)]
        if len(passed) >= limit or len(head) >= len(hits.rows):
            return np.sort(passed[:limit])
        take *= 4


def candidate_rows(
    segment: IndexSegment,
    prepared: PreparedQuery,
    settings: MatchingSettings,
    *,
    need: int,
    sets: list[BitMap | FrozenBitMap] | None = None,
) -> np.ndarray:
    """Sorted rows to score: the skill tiers that fill `need`, plus the text path's best.

    When a must-have tier fills `need`, the text path cannot add anyone who could reach the top:
    its rows showing that many must-haves are in the tier already, and the others rank below
    the whole tier (the missing penalty). Retrieval is then skipped. `sets` are the segment's
    `shown_sets` when the caller has them.
    """
    if sets is None:
        sets = shown_sets(segment, prepared)
    sets = must_sets(prepared, sets)
    skill_rows, filled = _skill_path(segment, prepared, settings, need, sets)
    if filled:
        return skill_rows
    hits = segment.text.retrieve(prepared.text_terms, prepared.text_weights)
    return union_sorted([skill_rows, _text_path(segment, prepared, settings, hits)])
