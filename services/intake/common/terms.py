"""Turning skill names from a body into canonical skills and kept unrecognised terms."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import literal_column
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.intake.taxonomy import MAX_KEY_LENGTH, IntakeTaxonomy, Term
from shared.errors import ValidationProblem
from shared.models import UnrecognisedTerm

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Resolved(Generic[T]):
    """Items with repeats of one skill merged, their terms, and a warning per merged repeat."""

    items: list[T]
    terms: list[Term]
    warnings: list[dict[str, str]]


def _check_key(term: Term, *, field: str) -> dict[str, str] | None:
    if not term.key or len(term.key) > MAX_KEY_LENGTH:
        return {
            "field": field,
            "message": "needs letters or digits" if not term.key else "is too long",
        }
    return None


def resolve_unique(
    taxonomy: IntakeTaxonomy,
    items: Sequence[T],
    *,
    field: str,
    name_of: Callable[[T], str],
    merge: Callable[[T, T], T],
    merged_how: str,
) -> Resolved[T]:
    """Resolve each item's name; items naming one skill (or one unknown term) are merged.

    Real CVs and requests repeat themselves ("SQL Server" and "MS SQL Server"), so a repeat is
    folded into the first item that names the skill and reported as a warning, never refused.
    Only a name that cannot be a skill at all (no letters or digits, too long) is a 422.
    """
    errors = []
    kept: list[T] = []
    terms: list[Term] = []
    warnings: list[dict[str, str]] = []
    position: dict[tuple[str, Any], int] = {}  # identity -> index in kept
    first_index: dict[tuple[str, Any], int] = {}  # identity -> index in items
    for index, item in enumerate(items):
        term = taxonomy.resolve(name_of(item))
        error = _check_key(term, field=f"{field}.{index}.name")
        if error is not None:
            errors.append(error)
            continue
        identity = ("skill", term.skill_id) if term.skill_id is not None else ("term", term.key)
        at = position.get(identity)
        if at is None:
            position[identity] = len(kept)
            first_index[identity] = index
            kept.append(item)
            terms.append(term)
            continue
        kept[at] = merge(kept[at], item)
        earlier = first_index[identity]
        warnings.append(
            {
                "field": f"{field}.{index}.name",
                "message": (
                    f"{term.input!r} is the same skill as {field}.{earlier}.name "
                    f"({term.canonical or terms[at].input!r}); merged into one ({merged_how})"
                ),
            }
        )
    if errors:
        fields = ", ".join(e["field"] for e in errors)
        raise ValidationProblem(f"Fix these skill names: {fields}", errors=errors)
    return Resolved(kept, terms, warnings)


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
