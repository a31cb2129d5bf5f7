"""The skill taxonomy as intake uses it: built from the database, cached, refreshed on change.

Admins add aliases and skills at run time, so look-ups must read the skill tables, not only the
packaged catalogue. Building a Taxonomy takes tens of milliseconds; whether the tables changed
shows in their highest ids (the "fingerprint"), so a request reads those and only a change
triggers a rebuild. Most endpoints call `current_taxonomy(session)` (one small query); creating
a request, the hot path, resolves with `cached_taxonomy()` and reads the fingerprint in its
INSERT, redoing the resolution in the rare case it changed. Endpoints call these inside their
(thread-pool) body rather than through a dependency: every sync dependency is a thread hop.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.models import Skill, SkillAlias
from shared.skills.keys import term_key
from shared.skills.taxonomy import SkillEntry, Taxonomy

# Stored look-up keys are at most this long (unrecognised_terms.key, skill_aliases.key).
MAX_KEY_LENGTH = 200
# Resolutions are memoised per taxonomy; unknown terms pay for a fuzzy search once.
_MEMO_LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class Term:
    """A skill name from a body, resolved: `skill_id` is None when the term is unrecognised."""

    input: str
    key: str
    skill_id: int | None = None
    slug: str | None = None
    canonical: str | None = None
    version: str | None = None
    suggestions: list[str] = field(default_factory=list)


Fingerprint = tuple[int, int]


class IntakeTaxonomy:
    """A Taxonomy plus the database ids of its skills and the table state it was built from."""

    def __init__(
        self, taxonomy: Taxonomy, ids_by_slug: dict[str, int], fingerprint: Fingerprint
    ) -> None:
        self.taxonomy = taxonomy
        self.ids_by_slug = ids_by_slug
        self.fingerprint = fingerprint
        self._memo: dict[str, Term] = {}

    def resolve(self, text: str) -> Term:
        term = self._memo.get(text)
        if term is None:
            resolution = self.taxonomy.normalise(text)
            slug = resolution.slug
            term = Term(
                input=text,
                key=resolution.key,
                skill_id=self.ids_by_slug.get(slug) if slug is not None else None,
                slug=slug,
                canonical=resolution.canonical,
                # A version longer than the column is not a version anyone wrote on purpose.
                version=resolution.version[:40] if resolution.version else None,
                suggestions=resolution.suggestions,
            )
            if len(self._memo) < _MEMO_LIMIT:
                self._memo[text] = term
        return term

    def suggest(self, text: str) -> list[str]:
        return self.resolve(text).suggestions if text else []

    def autocomplete(self, query: str, limit: int) -> list[tuple[int, SkillEntry]]:
        return [
            (self.ids_by_slug[entry.slug], entry)
            for entry in self.taxonomy.autocomplete(query, limit)
        ]

    def owner_of(self, text: str) -> SkillEntry | None:
        """The skill a name or alias already means, if any."""
        slug = self.taxonomy.slug_for_key(term_key(text))
        return self.taxonomy.get(slug) if slug is not None else None


_lock = threading.Lock()
_cached: IntakeTaxonomy | None = None

# The API only ever adds skills and aliases, so the highest ids change whenever the taxonomy
# does (and a rolled-back addition lowers them again). Both are index-only look-ups, cheap
# enough to run on every request or to fold into a statement the request makes anyway.
MAX_SKILL_ID = select(func.max(Skill.id)).scalar_subquery()
MAX_ALIAS_ID = select(func.max(SkillAlias.id)).scalar_subquery()


def fingerprint_of(max_skill_id: int | None, max_alias_id: int | None) -> Fingerprint:
    return (int(max_skill_id or 0), int(max_alias_id or 0))


def _build(session: Session, fingerprint: Fingerprint) -> IntakeTaxonomy:
    ids_by_slug = {
        slug: skill_id for skill_id, slug in session.execute(select(Skill.id, Skill.slug))
    }
    return IntakeTaxonomy(Taxonomy.from_session(session), ids_by_slug, fingerprint)


def cached_taxonomy() -> IntakeTaxonomy | None:
    """The last taxonomy built in this process, unchecked (see `current_taxonomy`)."""
    return _cached


def current_taxonomy(session: Session, *, fingerprint: Fingerprint | None = None) -> IntakeTaxonomy:
    """The taxonomy as this session sees the skill tables, rebuilt only when they changed.

    Pass `fingerprint` when the caller already read it (see MAX_SKILL_ID and MAX_ALIAS_ID).
    """
    global _cached
    if fingerprint is None:
        max_skill_id, max_alias_id = session.execute(select(MAX_SKILL_ID, MAX_ALIAS_ID)).one()
        fingerprint = fingerprint_of(max_skill_id, max_alias_id)
    cached = _cached
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    with _lock:
        cached = _cached
        if cached is not None and cached.fingerprint == fingerprint:
            return cached
        _cached = _build(session, fingerprint)
        return _cached
