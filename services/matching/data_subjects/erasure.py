"""Matching's part of erasures and merges: reviews, match results, placements.

Placements are anonymised (the freelancer link goes, the request, dates, rate and outcome stay)
so clients' histories and the placement counts stay right. Trust-path sentences stored in other
candidates' explanations name people; those naming the erased person are removed. Models store
only coefficients and metrics, never training rows, so there is nothing to erase in them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, delete, exists, text, update
from sqlalchemy.orm import Session, aliased

from shared.data_subjects import like_pattern
from shared.models import MatchResult, Placement, Review

_SCRUB_PATHS = text(
    "UPDATE match_results SET explanation = jsonb_set(explanation, '{trust_paths}',"
    " (SELECT coalesce(jsonb_agg(p), '[]'::jsonb)"
    "  FROM jsonb_array_elements(coalesce(explanation->'trust_paths', '[]'::jsonb)) p"
    "  WHERE NOT (p::text ILIKE ANY(CAST(:patterns AS text[])))))"
    " WHERE explanation::text ILIKE ANY(CAST(:patterns AS text[]))"
)


def _count(result: Any) -> int:
    return int(result.rowcount or 0)


def scrub_explanations(session: Session, terms: list[str]) -> int:
    if not terms:
        return 0
    patterns = [like_pattern(term) for term in terms]
    return _count(session.execute(_SCRUB_PATHS, {"patterns": patterns}))


def erase_freelancer(session: Session, *, freelancer_id: int, terms: list[str]) -> dict[str, int]:
    return {
        "reviews": _count(
            session.execute(delete(Review).where(Review.freelancer_id == freelancer_id))
        ),
        "match_results": _count(
            session.execute(delete(MatchResult).where(MatchResult.freelancer_id == freelancer_id))
        )
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
    kept = aliased(MatchResult)
    # A run that ranked both keeps the survivor's result.
    both = _count(
        session.execute(
            delete(MatchResult).where(
                MatchResult.freelancer_id == duplicate_id,
                exists().where(
                    and_(kept.run_id == MatchResult.run_id, kept.freelancer_id == into_id)
                ),
            )
        )
    )
    moved = {
        "reviews": _count(
            session.execute(
                update(Review)
                .where(Review.freelancer_id == duplicate_id)
                .values(freelancer_id=into_id)
            )
        ),
        "match_results": _count(
            session.execute(
                update(MatchResult)
                .where(MatchResult.freelancer_id == duplicate_id)
                .values(freelancer_id=into_id)
            )
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
