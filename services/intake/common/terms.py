"""Turning skill names from a body into canonical skills and kept unrecognised terms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import literal_column
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.intake.taxonomy import MAX_KEY_LENGTH, IntakeTaxonomy, Term
from shared.errors import ValidationProblem
from shared.models import UnrecognisedTerm


def resolve_names(taxonomy: IntakeTaxonomy, names: Sequence[str], *, field: str) -> list[Term]:
    """Resolve each name; a 422 naming `<field>.<i>.name` when two mean the same skill."""
    terms = [taxonomy.resolve(name) for name in names]
    first_index: dict[tuple[str, Any], int] = {}
    errors = []
    for index, term in enumerate(terms):
        if not term.key or len(term.key) > MAX_KEY_LENGTH:
            errors.append(
                {
                    "field": f"{field}.{index}.name",
                    "message": "needs letters or digits" if not term.key else "is too long",
                }
            )
            continue
        identity = ("skill", term.skill_id) if term.skill_id is not None else ("term", term.key)
        earlier = first_index.setdefault(identity, index)
        if earlier != index:
            errors.append(
                {
                    "field": f"{field}.{index}.name",
                    "message": (
                        f"{term.input!r} is the same skill as {field}.{earlier}.name "
                        f"({term.canonical or terms[earlier].input!r}); list it once"
                    ),
                }
            )
    if errors:
        fields = ", ".join(e["field"] for e in errors)
        raise ValidationProblem(f"Duplicate skills after normalisation: {fields}", errors=errors)
    return terms


def keep_unrecognised(session: Session, terms: Sequence[Term]) -> dict[str, int]:
    """Upsert the unrecognised terms (counting occurrences); their ids by key."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for term in terms:
        if term.skill_id is None:
            counts[term.key] = counts.get(term.key, 0) + 1
            spelling.setdefault(term.key, term.input)
    if not counts:
        return {}
    # Sorted keys: concurrent upserts lock the rows in one order and cannot deadlock.
    rows = [
        {"key": key, "term": spelling[key][:200], "occurrences": counts[key]}
        for key in sorted(counts)
    ]
    upsert = insert(UnrecognisedTerm).values(rows)
    statement = upsert.on_conflict_do_update(
        index_elements=[UnrecognisedTerm.key],
        set_={"occurrences": UnrecognisedTerm.occurrences + literal_column("excluded.occurrences")},
    ).returning(UnrecognisedTerm.key, UnrecognisedTerm.id)
    return {key: term_id for key, term_id in session.execute(statement)}
