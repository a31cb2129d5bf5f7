"""Rank one request against an index snapshot: candidates, features, scores, top k.

No step loops over freelancers: the text pass is one scatter-add per request term, candidate
generation and features are numpy gathers over the rows a request reaches, and the top k is
chosen with argpartition plus a stable (score desc, freelancer id asc) order.

Clean lists: when any candidate shows a must-have (in skills or text), candidates showing none
are not listed; otherwise only candidates with some evidence (a required or related skill, or
profile text in common with the request) are. Fewer rows rather than noise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from services.matching.features.compute import (
    SKILL_COLUMNS,
    FeatureBlock,
    compute_features,
    fit_stage,
    row_stage,
    skill_gain_bound,
    skill_stage,
    text_stage,
)
from services.matching.features.registry import FEATURE_INDEX, FEATURE_NAMES
from services.matching.index.catalogue import Catalogue
from services.matching.index.segment import (
    LAST_USED_BASE,
    LAST_USED_UNKNOWN,
    YEARS_UNKNOWN,
    IndexSegment,
)
from services.matching.index.text import TextEncoder
from services.matching.ranking.candidates import (
    candidate_rows,
    hard_filter,
    shown_matrix,
    shown_sets,
)
from services.matching.ranking.query import PreparedQuery, RequestQuery, prepare
from services.matching.scoring.model import CONTRIBUTION_NAMES, RankingModel
from services.matching.settings import MatchingSettings

TEXT_COLUMN = FEATURE_INDEX["text_similarity"]
# The skills of this many times k rows (the best best cases) set the bound: the k-th best of
# k rows is often far below the final k-th best, of 3 k close to it (at 1M, 3 k rows and the
# rest that can still win add up to the fewest rows gathered).
HEAD_FACTOR = 3
TERM_NOTE_FOUND = "not in the catalogue; matched in CV text"
TERM_NOTE_MISSING = "not in the catalogue; not found"


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
    """Matched, missing and related-credit skills of some rows (plain lists, no numpy scalars).

    A matched skill says its source: "profile" (confirmed, with its level), "extracted" (read
    from the profile's text), "related" (a skill implying it, e.g. Scrum Master for Scrum) or
    "text" (an unrecognised must-have term found in the text).
    """
    query = prepared.query
    k = len(query.skill_names)
    required = query.min_level.tolist()
    must = query.must_have.tolist()
    gather_columns = prepared.gather_columns.tolist()
    levels = block.gather.level[locals_].tolist()
    extracted = block.gather.extracted[locals_].tolist()
    years = block.gather.years[locals_].tolist()
    used = block.gather.last_used[locals_].tolist()
    slots = block.related_slot[locals_].tolist()
    credits = block.related_credit[locals_].tolist()
    terms = block.term_shown[locals_].tolist()
    implied = block.implied[locals_].tolist()
    # What every row's entry of skill j starts with, built once (not per row).
    bases = [
        {
            "name": query.skill_names[j],
            "required_level": required[j],
            "must_have": must[j],
            "from_request_text": query.source_of(j) == "text",
        }
        for j in range(k)
    ]
    via_of = {
        slot: catalogue.names[column] for slot, column in enumerate(gather_columns) if column >= 0
    }
    details = []
    for row in range(len(locals_)):
        matched, missing, related = [], [], []
        row_levels, row_extracted, row_slots = levels[row], extracted[row], slots[row]
        for j in range(k):
            level = row_levels[j]
            if level > 0 or row_extracted[j]:
                used_code = used[row][j]
                years_code = years[row][j]
                matched.append(
                    {
                        **bases[j],
                        "level": level if level > 0 else None,
                        "source": "profile" if level > 0 else "extracted",
                        "years": None if years_code == YEARS_UNKNOWN else years_code / 2,
                        "last_used": (
                            None if used_code == LAST_USED_UNKNOWN else used_code + LAST_USED_BASE
                        ),
                    }
                )
                continue
            slot = row_slots[j]
            via = via_of[slot] if slot >= 0 else None
            if implied[row][j]:
                matched.append(
                    {
                        **bases[j],
                        "level": None,
                        "source": "related",
                        "years": None,
                        "last_used": None,
                        "note": f"implied by {via}",
                    }
                )
            else:
                missing.append(bases[j].copy())
            if slot >= 0:
                related.append(
                    {
                        "skill": query.skill_names[j],
                        "via": via,
                        "level": row_levels[slot] or None,
                        "credit": round(credits[row][j], 4),
                    }
                )
        for t, term in enumerate(query.must_terms):
            entry = {"name": term, "required_level": 3, "must_have": True, "in_catalogue": False}
            if terms[row][t]:
                matched.append({**entry, "source": "text", "note": TERM_NOTE_FOUND})
            else:
                missing.append({**entry, "note": TERM_NOTE_MISSING})
        details.append((matched, missing, related))
    return details


def _candidate_blocks(
    snapshot: IndexSnapshot,
    prepared: PreparedQuery,
    settings: MatchingSettings,
    rows_of: Any,
) -> list[FeatureBlock]:
    """Features of each segment's rows chosen by `rows_of(segment)`."""
    return [
        compute_features(segment, rows_of(segment), prepared, settings)
        for segment in snapshot.segments
    ]


def listed(blocks: list[FeatureBlock], prepared: PreparedQuery) -> list[np.ndarray]:
    """Per block, the rows a list may show (the clean-list rule in the module docs)."""
    must = prepared.must_count
    shows_must = [block.must_missing < must for block in blocks] if must else []
    if must and any(bool(mask.any()) for mask in shows_must):
        return shows_must
    return [block.shows_any(prepared) for block in blocks]


def _score_blocks(
    snapshot: IndexSnapshot,
    blocks: list[FeatureBlock],
    prepared: PreparedQuery,
    model: RankingModel,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(scores with -inf for unlisted rows, freelancer ids, owning block, row in block)."""
    scores, ids, owners, locals_ = [], [], [], []
    for number, (segment, block, keep) in enumerate(
        zip(snapshot.segments, blocks, listed(blocks, prepared), strict=True)
    ):
        score = model.score(block.values, block.must_missing)
        scores.append(np.where(keep, score, -np.inf))
        ids.append(segment.ids[block.rows])
        owners.append(np.full(len(block.rows), number, dtype=np.int64))
        locals_.append(np.arange(len(block.rows), dtype=np.int64))
    return (
        np.concatenate(scores),
        np.concatenate(ids),
        np.concatenate(owners),
        np.concatenate(locals_),
    )


def rank(
    snapshot: IndexSnapshot,
    query: RequestQuery,
    model: RankingModel,
    *,
    top_k: int,
    settings: MatchingSettings,
) -> RankOutput:
    prepared = prepare(query, snapshot.catalogue, snapshot.encoder)
    sets = [shown_sets(segment, prepared) for segment in snapshot.segments]
    rows = [
        candidate_rows(segment, prepared, settings, need=top_k, sets=segment_sets)
        for segment, segment_sets in zip(snapshot.segments, sets, strict=True)
    ]
    considered = sum(len(r) for r in rows)
    if not considered:
        return RankOutput([], 0)
    shows = [
        shown_matrix(segment_rows, segment_sets)
        for segment_rows, segment_sets in zip(rows, sets, strict=True)
    ]
    blocks = _who_can_win(snapshot, rows, shows, prepared, model, settings, top_k)
    all_scores, all_ids, all_owners, all_locals = _score_blocks(snapshot, blocks, prepared, model)
    chosen = _select_top(all_scores, all_ids, top_k)
    return RankOutput(
        _ranked(
            blocks, prepared, snapshot, model, chosen, all_scores, all_ids, all_owners, all_locals
        ),
        considered,
    )


def _everyone_exact(
    snapshot: IndexSnapshot,
    rows: list[np.ndarray],
    prepared: PreparedQuery,
    settings: MatchingSettings,
) -> list[FeatureBlock]:
    """Every feature of every listed candidate (the clean-list rule needs all of them)."""
    # Text similarity is needed up front only when the clean-list rule may read it.
    with_text = not prepared.must_count
    blocks = [
        skill_stage(segment, segment_rows, prepared, with_text=with_text)
        for segment, segment_rows in zip(snapshot.segments, rows, strict=True)
    ]
    must = prepared.must_count
    if must and not any(bool((block.must_missing < must).any()) for block in blocks):
        # Nobody shows a must-have: the list falls back to any evidence, text included.
        for segment, block in zip(snapshot.segments, blocks, strict=True):
            block.values[:, TEXT_COLUMN] = segment.text.similarity(
                block.rows, prepared.text_terms, prepared.text_weights
            )
        with_text = True
    blocks = [
        fit_stage(segment, block.take(np.flatnonzero(keep)), prepared, settings)
        for segment, block, keep in zip(
            snapshot.segments, blocks, listed(blocks, prepared), strict=True
        )
    ]
    if not with_text:
        blocks = [
            text_stage(segment, block, prepared)
            for segment, block in zip(snapshot.segments, blocks, strict=True)
        ]
    return blocks


def _upper_scores(
    known: np.ndarray,
    shows: np.ndarray,
    floor: np.ndarray,
    prepared: PreparedQuery,
    model: RankingModel,
) -> np.ndarray:
    """Each row's best case: its known columns exact, the skill features adding the most
    they can (`skill_gain_bound`), the must-haves it does not show missed."""
    gain = skill_gain_bound(prepared, shows, model.coefficients[SKILL_COLUMNS])
    # A bound, not a score: BLAS rounding is far inside the margin the caller allows.
    return known @ model.coefficients + gain + model.intercept - model.penalty * floor


def _who_can_win(
    snapshot: IndexSnapshot,
    rows: list[np.ndarray],
    shows: list[np.ndarray],
    prepared: PreparedQuery,
    model: RankingModel,
    settings: MatchingSettings,
    top_k: int,
) -> list[FeatureBlock]:
    """Features of the listed candidates that can still reach the top k, and of no others.

    `shows` marks (1.0), per candidate, the required skills and must terms the postings show
    it holding (`shown_matrix`): at least what its features show. With must-haves, a candidate
    showing none of them is never listed (some candidate shows one, or the rule falls back to
    any evidence). For the others every feature but the skill features is computed first
    (fit, trust, history: one value per row; the text similarity: a gather of the row's kept
    terms), and the skill features and must-have misses are bounded from `shows`, which
    gives each row's best case. The exact scores of the `HEAD_FACTOR` k rows with the best
    best cases give a lower bound on the k-th best score; a row whose best case is below it
    cannot be chosen, so its skills are never gathered. The bounds carry a margin far above
    float rounding, so ties at the cut are kept and the top k is exactly the same.
    """
    must = prepared.must_count
    must_slots = np.concatenate(
        [prepared.query.must_have, np.ones(len(prepared.query.must_terms), bool)]
    ).astype(np.float64)
    floors = [must - show @ must_slots for show in shows]
    showing = [np.flatnonzero(floor < must) for floor in floors]
    if not must or not any(len(keep) for keep in showing):
        # No must-haves, or nobody shows one: the list keeps rows with any evidence.
        return _everyone_exact(snapshot, rows, prepared, settings)
    candidates = rows
    rows = [segment_rows[keep] for segment_rows, keep in zip(rows, showing, strict=True)]
    known = [
        row_stage(segment, segment_rows, prepared, settings)
        for segment, segment_rows in zip(snapshot.segments, rows, strict=True)
    ]
    upper = [
        _upper_scores(values, show[keep], floor[keep], prepared, model)
        for values, show, floor, keep in zip(known, shows, floors, showing, strict=True)
    ]
    every = np.concatenate(upper)
    threshold = -np.inf
    # Per segment: the positions (sorted) whose skills are computed first, and their block.
    heads = [np.zeros(0, np.int64) for _ in rows]
    head_blocks: list[FeatureBlock | None] = [None for _ in rows]
    head_size = HEAD_FACTOR * top_k
    if len(every) > head_size:
        # Exact scores of the rows with the best best cases: the k-th best score is at least
        # the k-th best of those that are listed.
        owner = np.concatenate([np.full(len(u), n, dtype=np.int64) for n, u in enumerate(upper)])
        local = np.concatenate([np.arange(len(u), dtype=np.int64) for u in upper])
        first = np.argpartition(-every, head_size - 1)[:head_size]
        exact = []
        for number, segment in enumerate(snapshot.segments):
            mine = np.sort(local[first[owner[first] == number]])
            if len(mine):
                head = skill_stage(segment, rows[number][mine], prepared, known=known[number][mine])
                score = model.score(head.values, head.must_missing)
                exact.append(score[head.must_missing < must])
                heads[number], head_blocks[number] = mine, head
        scores = np.concatenate(exact)
        if len(scores) >= top_k:
            threshold = float(np.partition(scores, len(scores) - top_k)[len(scores) - top_k])
    margin = 1e-6 * (1.0 + float(np.abs(every).max(initial=0.0)))
    blocks = []
    for segment, segment_rows, values, hope, mine, head_block in zip(
        snapshot.segments, rows, known, upper, heads, head_blocks, strict=True
    ):
        chosen = np.flatnonzero(hope >= threshold - margin)
        # The head is computed already (all of it is kept: its scores are exact).
        rest = chosen[~np.isin(chosen, mine, assume_unique=True)] if len(mine) else chosen
        if head_block is not None and not len(rest):
            blocks.append(head_block)
            continue
        block = skill_stage(segment, segment_rows[rest], prepared, known=values[rest])
        blocks.append(block if head_block is None else FeatureBlock.join([head_block, block]))
    if not any(bool((block.must_missing < must).any()) for block in blocks):
        # Only when the postings and the features disagree (a must-have the features read as
        # absent): the list rule is decided on every candidate.
        return _everyone_exact(snapshot, candidates, prepared, settings)
    return blocks


def _ranked(
    blocks: list[FeatureBlock],
    prepared: PreparedQuery,
    snapshot: IndexSnapshot,
    model: RankingModel,
    chosen: np.ndarray,
    all_scores: np.ndarray,
    all_ids: np.ndarray,
    all_owners: np.ndarray,
    all_locals: np.ndarray,
) -> list[RankedCandidate]:
    """Contributions and skill details of the chosen rows, in the chosen order."""
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
    return [
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


@dataclass
class FullRanking:
    """Every listed profile passing the hard filters, best first (the exhaustive reference)."""

    ids: np.ndarray
    scores: np.ndarray
    candidates: list[RankedCandidate]


def rank_everyone(
    snapshot: IndexSnapshot,
    query: RequestQuery,
    model: RankingModel,
    *,
    settings: MatchingSettings,
    detail_ids: np.ndarray | None = None,
) -> FullRanking:
    """Score every profile that passes the hard filters, no candidate generation (slow: for
    "why not?" answers and tests). Details are built for `detail_ids` only."""
    prepared = prepare(query, snapshot.catalogue, snapshot.encoder)

    def rows_of(segment: IndexSegment) -> np.ndarray:
        everyone = np.arange(len(segment), dtype=np.int64)
        return everyone[hard_filter(segment, everyone, prepared, settings)]

    blocks = _candidate_blocks(snapshot, prepared, settings, rows_of)
    if not sum(len(block.rows) for block in blocks):
        return FullRanking(np.zeros(0, np.int64), np.zeros(0), [])
    all_scores, all_ids, all_owners, all_locals = _score_blocks(snapshot, blocks, prepared, model)
    order = _select_top(all_scores, all_ids, len(all_scores))
    wanted = order
    if detail_ids is not None:
        wanted = order[np.isin(all_ids[order], detail_ids)]
    candidates = _ranked(
        blocks, prepared, snapshot, model, wanted, all_scores, all_ids, all_owners, all_locals
    )
    return FullRanking(all_ids[order], all_scores[order], candidates)


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
