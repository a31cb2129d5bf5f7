"""Rank one request against an index snapshot: candidates, features, scores, top k.

No step loops over freelancers: candidate generation and features are numpy gathers over the
rows a request reaches, text similarity is computed only for rows whose score bounds still
reach the top k (an exact pruning, not an approximation), and the top k is chosen with
argpartition plus a stable (score desc, freelancer id asc) order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from services.matching.features.compute import (
    TEXT_COLUMN,
    FeatureBlock,
    compute_features,
    fill_text,
)
from services.matching.features.registry import FEATURE_NAMES
from services.matching.index.catalogue import Catalogue
from services.matching.index.segment import (
    LAST_USED_BASE,
    LAST_USED_UNKNOWN,
    YEARS_UNKNOWN,
    IndexSegment,
)
from services.matching.index.text import TextEncoder
from services.matching.ranking.candidates import candidate_rows
from services.matching.ranking.query import PreparedQuery, RequestQuery, prepare
from services.matching.scoring.model import CONTRIBUTION_NAMES, RankingModel
from services.matching.settings import MatchingSettings

_PRUNE_SLACK = 1e-9


@dataclass(frozen=True)
class IndexSnapshot:
    """What a ranking reads: the catalogue, the text vocabulary and the live segments."""

    catalogue: Catalogue
    encoder: TextEncoder
    segments: tuple[IndexSegment, ...]


@dataclass
class RankedCandidate:
    freelancer_id: int
    score: float
    contributions: dict[str, float]
    must_missing: int
    matched_skills: list[dict[str, Any]] = field(default_factory=list)
    missing_skills: list[dict[str, Any]] = field(default_factory=list)
    related_credit: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RankOutput:
    results: list[RankedCandidate]
    candidates_considered: int


def _select_top(scores: np.ndarray, ids: np.ndarray, top_k: int) -> np.ndarray:
    """Indices of the top k by (score desc, id asc); ties at the cut are resolved by id too."""
    eligible = np.flatnonzero(np.isfinite(scores))
    if len(eligible) > top_k:
        part = np.argpartition(-scores[eligible], top_k - 1)[:top_k]
        threshold = scores[eligible[part]].min()
        eligible = eligible[scores[eligible] >= threshold]
    order = np.lexsort((ids[eligible], -scores[eligible]))
    return eligible[order[:top_k]]


def _skill_details(
    block: FeatureBlock, locals_: np.ndarray, prepared: PreparedQuery, catalogue: Catalogue
) -> list[tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]]:
    """Matched, missing and related-credit skills of some rows (plain lists, no numpy scalars)."""
    query = prepared.query
    k = len(query.skill_names)
    required = query.min_level.tolist()
    must = query.must_have.tolist()
    gather_columns = prepared.gather_columns.tolist()
    levels = block.gather.level[locals_].tolist()
    years = block.gather.years[locals_].tolist()
    used = block.gather.last_used[locals_].tolist()
    slots = block.related_slot[locals_].tolist()
    credits = block.related_credit[locals_].tolist()
    details = []
    for row in range(len(locals_)):
        matched, missing, related = [], [], []
        for j in range(k):
            entry: dict[str, Any] = {
                "name": query.skill_names[j],
                "required_level": required[j],
                "must_have": must[j],
            }
            level = levels[row][j]
            if level > 0:
                entry["level"] = level
                entry["years"] = None if years[row][j] == YEARS_UNKNOWN else years[row][j] / 2
                entry["last_used"] = (
                    None if used[row][j] == LAST_USED_UNKNOWN else used[row][j] + LAST_USED_BASE
                )
                matched.append(entry)
                continue
            missing.append(entry)
            slot = slots[row][j]
            if slot >= 0:
                related.append(
                    {
                        "skill": query.skill_names[j],
                        "via": catalogue.names[gather_columns[slot]],
                        "level": levels[row][slot],
                        "credit": round(credits[row][j], 4),
                    }
                )
        details.append((matched, missing, related))
    return details


def rank(
    snapshot: IndexSnapshot,
    query: RequestQuery,
    model: RankingModel,
    *,
    top_k: int,
    settings: MatchingSettings,
) -> RankOutput:
    prepared = prepare(query, snapshot.catalogue, snapshot.encoder)
    blocks: list[FeatureBlock] = []
    for segment in snapshot.segments:
        rows = candidate_rows(segment, prepared, settings, need=top_k)
        blocks.append(compute_features(segment, rows, prepared, settings, with_text=False))
    considered = sum(len(block.rows) for block in blocks)

    bounds = [model.partial_bounds(b.values, b.must_missing, TEXT_COLUMN) for b in blocks]
    if considered > top_k and len(prepared.text_terms):
        lowest = np.concatenate([low for low, _ in bounds])
        threshold = np.partition(lowest, considered - top_k)[considered - top_k]
        masks = [high >= threshold - _PRUNE_SLACK for _, high in bounds]
    else:
        masks = [np.ones(len(b.rows), dtype=bool) for b in blocks]

    scores, ids, owners, locals_ = [], [], [], []
    for number, (segment, block, mask) in enumerate(
        zip(snapshot.segments, blocks, masks, strict=True)
    ):
        if len(prepared.text_terms):
            fill_text(segment, block, prepared, mask)
        score = model.score(block.values, block.must_missing)
        scores.append(np.where(mask, score, -np.inf))
        ids.append(segment.ids[block.rows])
        owners.append(np.full(len(block.rows), number, dtype=np.int64))
        locals_.append(np.arange(len(block.rows), dtype=np.int64))
    if not considered:
        return RankOutput([], 0)
    all_scores, all_ids = np.concatenate(scores), np.concatenate(ids)
    all_owners, all_locals = np.concatenate(owners), np.concatenate(locals_)

    chosen = _select_top(all_scores, all_ids, top_k)
    owner, local = all_owners[chosen], all_locals[chosen]
    values = np.empty((len(chosen), len(FEATURE_NAMES)))
    missing = np.empty(len(chosen))
    details: list[Any] = [None] * len(chosen)
    for number, block in enumerate(blocks):
        mine = np.flatnonzero(owner == number)
        if len(mine) == 0:
            continue
        values[mine] = block.values[local[mine]]
        missing[mine] = block.must_missing[local[mine]]
        for position, detail in zip(
            mine.tolist(),
            _skill_details(block, local[mine], prepared, snapshot.catalogue),
            strict=True,
        ):
            details[position] = detail
    parts = model.contributions(values, missing).tolist()
    results = [
        RankedCandidate(
            freelancer_id=freelancer_id,
            score=score,
            contributions=dict(zip(CONTRIBUTION_NAMES, contribution, strict=True)),
            must_missing=int(row_missing),
            matched_skills=details[i][0],
            missing_skills=details[i][1],
            related_credit=details[i][2],
        )
        for i, (freelancer_id, score, contribution, row_missing) in enumerate(
            zip(
                all_ids[chosen].tolist(),
                all_scores[chosen].tolist(),
                parts,
                missing.tolist(),
                strict=True,
            )
        )
    ]
    return RankOutput(results, considered)


def features_for(
    snapshot: IndexSnapshot,
    query: RequestQuery,
    freelancer_ids: np.ndarray,
    *,
    settings: MatchingSettings,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features of given freelancers for a request, filters ignored (training and tests).

    Returns (found mask, values (found, F), must_missing (found,)) in the order of the ids.
    """
    prepared = prepare(query, snapshot.catalogue, snapshot.encoder)
    ids = np.asarray(freelancer_ids, dtype=np.int64)
    values = np.zeros((len(ids), len(FEATURE_NAMES)))
    must_missing = np.zeros(len(ids))
    found = np.zeros(len(ids), dtype=bool)
    # Later segments (the delta) hold the newer copy of a profile.
    for segment in reversed(snapshot.segments):
        rows = segment.rows_of(ids)
        usable = (rows >= 0) & ~found
        usable[usable] = segment.alive[rows[usable]]
        if not usable.any():
            continue
        wanted = np.flatnonzero(usable)
        order = np.argsort(rows[wanted], kind="stable")
        block = compute_features(segment, rows[wanted][order], prepared, settings)
        values[wanted[order]] = block.values
        must_missing[wanted[order]] = block.must_missing
        found[wanted] = True
    return found, values[found], must_missing[found]
