"""Matching's part of erasures and merges: reviews, match results, placements.

Placements are anonymised (the freelancer link goes, the request, dates, rate and outcome stay)
so clients' histories and the placement counts stay right. Trust-path sentences stored in other
candidates' explanations name people; those naming the erased person are removed. Models store
only coefficients and metrics, never training rows, so there is nothing to erase in them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, text, update
from sqlalchemy.orm import Session

from shared.data_subjects import like_pattern
from shared.models import Placement, Review

# A run's results live in one JSON array (`MatchRun.results`); these rewrite its elements and
# keep `freelancer_ids` in step. The GIN index on `freelancer_ids` finds the runs.
_WITHOUT = (
    "coalesce((SELECT json_agg(e ORDER BY n)"
    " FROM json_array_elements(m.results) WITH ORDINALITY AS x(e, n)"
    " WHERE (e->>'freelancer_id')::bigint <> :freelancer_id), '[]'::json)"
)
_DROP_RESULTS = text(
    f"UPDATE match_runs m SET results = {_WITHOUT},"
    " freelancer_ids = array_remove(m.freelancer_ids, CAST(:freelancer_id AS bigint))"
    " WHERE m.freelancer_ids @> ARRAY[CAST(:freelancer_id AS bigint)]"
    " AND m.freelancer_ids @> CAST(:also_ranked AS bigint[])"
)
_MOVE_RESULTS = text(
    "UPDATE match_runs m SET results = (SELECT json_agg(CASE"
    "   WHEN (e->>'freelancer_id')::bigint = :freelancer_id"
    "   THEN jsonb_set(e::jsonb, '{freelancer_id}', to_jsonb(CAST(:into_id AS bigint)))::json"
    "   ELSE e END ORDER BY n)"
    "  FROM json_array_elements(m.results) WITH ORDINALITY AS x(e, n)),"
    " freelancer_ids = array_replace(m.freelancer_ids, CAST(:freelancer_id AS bigint),"
    "  CAST(:into_id AS bigint))"
    " WHERE m.freelancer_ids @> ARRAY[CAST(:freelancer_id AS bigint)]"
)
_NAMES = "ILIKE ANY(CAST(:patterns AS text[]))"
# Counted per result whose explanation names someone, as when results were rows.
_SCRUB_PATHS = text(
    f"""
    WITH hit AS (
        SELECT m.id, count(*) AS results
        FROM match_runs m, json_array_elements(m.results) AS e
        WHERE m.results::text {_NAMES} AND (e->'explanation')::text {_NAMES}
        GROUP BY m.id
    ), scrubbed AS (
        UPDATE match_runs m SET results = (
            SELECT json_agg(CASE WHEN (e->'explanation')::text {_NAMES}
                THEN jsonb_set(e::jsonb, '{{explanation,trust_paths}}', (
                    SELECT coalesce(jsonb_agg(p), '[]'::jsonb)
                    FROM jsonb_array_elements(
                        coalesce(e::jsonb #> '{{explanation,trust_paths}}', '[]'::jsonb)) p
                    WHERE NOT (p::text {_NAMES})))::json
                ELSE e END ORDER BY n)
            FROM json_array_elements(m.results) WITH ORDINALITY AS x(e, n))
        FROM hit WHERE m.id = hit.id
        RETURNING hit.results
    )
    SELECT coalesce(sum(results), 0) FROM scrubbed
    """
)


def _count(result: Any) -> int:
    return int(result.rowcount or 0)


def scrub_explanations(session: Session, terms: list[str]) -> int:
    if not terms:
        return 0
    patterns = [like_pattern(term) for term in terms]
    return int(session.scalar(_SCRUB_PATHS, {"patterns": patterns}) or 0)


def _drop_results(session: Session, freelancer_id: int, *, also_ranked: list[int]) -> int:
    """Remove the freelancer's result from every run that ranked them (and `also_ranked`)."""
    parameters = {"freelancer_id": freelancer_id, "also_ranked": also_ranked}
    return _count(session.execute(_DROP_RESULTS, parameters))


def erase_freelancer(session: Session, *, freelancer_id: int, terms: list[str]) -> dict[str, int]:
    return {
        "reviews": _count(
            session.execute(delete(Review).where(Review.freelancer_id == freelancer_id))
        ),
        "match_results": _drop_results(session, freelancer_id, also_ranked=[])
        + scrub_explanations(session, terms),
        "placements_anonymised": _count(
            session.execute(
                update(Placement)
                .where(Placement.freelancer_id == freelancer_id)
                .values(freelancer_id=None)
            )
        ),
    }


def erase_contact(session: Session, *, terms: list[str]) -> dict[str, int]:
    return {"match_results": scrub_explanations(session, terms)}


def merge_freelancer(session: Session, *, duplicate_id: int, into_id: int) -> dict[str, int]:
    """Move decisions, rankings and placements onto the surviving profile."""
    # A run that ranked both keeps the survivor's result.
    both = _drop_results(session, duplicate_id, also_ranked=[into_id])
    moved = {
        "reviews": _count(
            session.execute(
                update(Review)
                .where(Review.freelancer_id == duplicate_id)
                .values(freelancer_id=into_id)
            )
        ),
        "match_results": _count(
            session.execute(_MOVE_RESULTS, {"freelancer_id": duplicate_id, "into_id": into_id})
        ),
        "placements": _count(
            session.execute(
                update(Placement)
                .where(Placement.freelancer_id == duplicate_id)
                .values(freelancer_id=into_id)
            )
        ),
    }
    moved["match_results_dropped"] = both
    return moved
