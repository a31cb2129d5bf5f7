"""A staffing request reduced to what the index needs, and its per-index preparation."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from services.matching.index.catalogue import IMPLIES_WEIGHT, Catalogue
from services.matching.index.text import TextEncoder


@dataclass(frozen=True)
class RequestQuery:
    request_id: int
    skill_ids: np.ndarray  # int64 (k,)
    skill_names: tuple[str, ...]
    must_have: np.ndarray  # bool (k,)
    min_level: np.ndarray  # int8 (k,)
    weight: np.ndarray  # float64 (k,)
    start_ordinal: int
    max_day_rate: float
    remote: int  # 0 onsite, 1 hybrid, 2 remote
    country: str  # "" = not given
    city: str  # lower-cased, "" = not given
    languages: tuple[int, ...]  # packed ISO 639-1 codes
    engagement: str  # freelance | permanent | either
    text: str  # title, description and skill terms
    reference_year: int  # recency is measured from the request's creation year
    # Placed elsewhere over these dates, or consent withdrawn: dropped by the hard filter.
    unavailable_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    # Per skill: "request" (the structured list) or "text" (named only in title/description).
    skill_sources: tuple[str, ...] = ()
    # Must-have terms the catalogue does not know: met when the profile's text holds them.
    must_terms: tuple[str, ...] = ()
    # For the response: skills read from the request text, and terms nobody recognised.
    skills_from_text: tuple[dict[str, object], ...] = ()
    unrecognised_terms: tuple[str, ...] = ()

    def source_of(self, j: int) -> str:
        return self.skill_sources[j] if j < len(self.skill_sources) else "request"


@dataclass(frozen=True)
class PreparedQuery:
    """The query resolved against one catalogue and text vocabulary (shared by all segments)."""

    query: RequestQuery
    columns: np.ndarray  # int64 (k,), -1 = skill unknown to the index
    gather_columns: np.ndarray  # required columns, then the related source columns
    related: tuple[
        tuple[np.ndarray, np.ndarray], ...
    ]  # per required skill: (gather slots, weights)
    text_terms: np.ndarray
    text_weights: np.ndarray
    encoder: TextEncoder
    catalogue: Catalogue
    # Per must-have term: the vocabulary ids of its tokens (empty: no profile uses the term).
    must_term_ids: tuple[np.ndarray, ...] = ()
    # Per required skill: the columns of skills that imply it (relation >= IMPLIES_WEIGHT).
    implied_by: tuple[np.ndarray, ...] = ()

    @property
    def must_columns(self) -> np.ndarray:
        return self.columns[self.query.must_have]

    @property
    def must_count(self) -> int:
        """Must-haves of every kind: catalogue skills plus unrecognised terms."""
        return int(self.query.must_have.sum()) + len(self.query.must_terms)

    @property
    def reach_columns(self) -> np.ndarray:
        """Every column whose holders a request reaches: required skills and related ones."""
        known = self.gather_columns[self.gather_columns >= 0]
        return np.unique(known)


def prepare(query: RequestQuery, catalogue: Catalogue, encoder: TextEncoder) -> PreparedQuery:
    columns = catalogue.columns_of(query.skill_ids)
    k = len(columns)
    extra: list[int] = []
    # A related skill that is itself required shares that skill's gather slot.
    slot_of: dict[int, int] = {int(c): j for j, c in enumerate(columns.tolist()) if c >= 0}
    related: list[tuple[np.ndarray, np.ndarray]] = []
    implied_by: list[np.ndarray] = []
    for column in columns:
        sources, weights = catalogue.related(int(column))
        implied_by.append(sources[weights >= IMPLIES_WEIGHT].astype(np.int64))
        slots = []
        for source in sources.tolist():
            if source not in slot_of:
                slot_of[source] = k + len(extra)
                extra.append(source)
            slots.append(slot_of[source])
        related.append((np.asarray(slots, dtype=np.int64), weights.astype(np.float64)))
    gather_columns = np.concatenate([columns, np.asarray(extra, dtype=np.int64)])
    terms, weights = encoder.query(query.text)
    must_term_ids = []
    for term in query.must_terms:
        ids = encoder.term_ids(term)
        # A term with a token no profile uses cannot be held by anyone.
        must_term_ids.append(ids if len(ids) == len(set(encoder.tokens(term))) else ids[:0])
    return PreparedQuery(
        query,
        columns,
        gather_columns,
        tuple(related),
        terms,
        weights,
        encoder,
        catalogue,
        tuple(must_term_ids),
        tuple(implied_by),
    )
