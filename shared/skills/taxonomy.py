"""The skill taxonomy: canonical skills, the key index over their spellings, and relations."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.models.skill import Skill
from shared.models.skill_alias import SkillAlias
from shared.models.skill_relation import SkillRelation
from shared.skills.catalogue import (
    CatalogueSkill,
    TaxonomyError,
    check_skill_fields,
    check_weight,
    load_catalogue,
)
from shared.skills.keys import split_version, term_key
from shared.skills.variants import Match, SkillFacts, vendor_groups
from shared.skills.variants import resolve as resolve_variant

logger = logging.getLogger("vouch.skills")

# WRatio over keys scores a typo ("kubernetis") or a prefix ("kuber") about 90 and
# unrelated terms well below this.
SUGGESTION_CUTOFF = 75.0
# Fuzzy matching costs grow with the term; nothing that long is a skill name.
MAX_SUGGESTION_KEY = 100


@dataclass(frozen=True)
class SkillEntry:
    """A canonical skill and the other spellings that resolve to it."""

    slug: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    custom: bool = False
    # The name or a short alias is an everyday word ("Go", "Spring"): see catalogue.py.
    ambiguous: bool = False


@dataclass(frozen=True)
class Resolution:
    """What a free-text term resolved to.

    `key` is the look-up key that matched (without the version, when one was split off),
    or the key of the whole input when nothing matched; `suggestions` are filled only then.
    """

    input: str
    key: str
    slug: str | None = None
    canonical: str | None = None
    category: str | None = None
    version: str | None = None
    suggestions: list[str] = field(default_factory=list)

    @property
    def recognised(self) -> bool:
        return self.slug is not None


class Taxonomy:
    """Skills by slug, a key → slug index over names and aliases, and weighted relations."""

    def __init__(self) -> None:
        self._entries: dict[str, SkillEntry] = {}
        self._name_keys: dict[str, str] = {}
        self._slug_by_key: dict[str, str] = {}
        self._related: dict[str, dict[str, float]] = defaultdict(dict)
        # How many skills count towards a skill: the ones others build on rank first
        # in autocomplete ("kub" → Kubernetes before Kubeflow).
        self._in_degree: Counter[str] = Counter()
        self._fuzzy_choices: list[str] | None = None
        self._vendor_groups: dict[str, frozenset[str]] | None = None
        self._facts = SkillFacts(
            direct=self._direct,
            vendors_of=self._vendors_of,
            builds_on=self._builds_on,
            category_of=lambda slug: self._entries[slug].category,
        )

    @classmethod
    def from_catalogue(cls, skills: Iterable[CatalogueSkill] | None = None) -> Taxonomy:
        """Build from catalogue skills (the packaged file by default); raise on conflicts."""
        catalogue = tuple(load_catalogue() if skills is None else skills)
        taxonomy = cls()
        for skill in catalogue:
            taxonomy.add_skill(
                slug=skill.slug,
                name=skill.name,
                category=skill.category,
                aliases=skill.aliases,
                ambiguous=skill.ambiguous,
            )
        for skill in catalogue:
            for related_slug, weight in skill.related:
                taxonomy.add_relation(skill.slug, related_slug, weight)
        return taxonomy

    @classmethod
    def from_session(cls, session: Session) -> Taxonomy:
        """Build from the skill tables, so skills and aliases added by admins count too.

        Keys are recomputed with `term_key` rather than read from `skill_aliases.key`, so
        in-memory look-ups follow the code even if stored keys predate a change to it. Rows
        written around the rules (a key another skill already has) are logged and skipped
        rather than failing every look-up.
        """
        # Whether a name is an everyday word is catalogue knowledge, not stored in the tables.
        ambiguous = {skill.slug for skill in load_catalogue() if skill.ambiguous}
        aliases: dict[int, list[str]] = defaultdict(list)
        for skill_id, alias in session.execute(
            select(SkillAlias.skill_id, SkillAlias.alias).order_by(SkillAlias.id)
        ):
            aliases[skill_id].append(alias)
        taxonomy = cls()
        slug_by_id: dict[int, str] = {}
        for skill_id, slug, name, category, custom in session.execute(
            select(Skill.id, Skill.slug, Skill.name, Skill.category, Skill.custom).order_by(
                Skill.id
            )
        ):
            taxonomy._add(
                slug=slug,
                name=name,
                category=category,
                aliases=aliases[skill_id],
                custom=custom,
                strict=False,
                ambiguous=slug in ambiguous,
            )
            slug_by_id[skill_id] = slug
        for skill_id, related_id, weight in session.execute(
            select(SkillRelation.skill_id, SkillRelation.related_skill_id, SkillRelation.weight)
        ):
            taxonomy.add_relation(slug_by_id[skill_id], slug_by_id[related_id], weight)
        return taxonomy

    # -- reading ------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, slug: object) -> bool:
        return slug in self._entries

    def __iter__(self) -> Iterator[SkillEntry]:
        return iter(self._entries.values())

    def get(self, slug: str) -> SkillEntry | None:
        return self._entries.get(slug)

    def slug_for_key(self, key: str) -> str | None:
        """The skill a look-up key (see `term_key`) belongs to."""
        return self._slug_by_key.get(key)

    def related(self, slug: str) -> dict[str, float]:
        """Skills that `slug` earns partial credit for, with the weight of that credit."""
        return dict(self._related.get(slug, {}))

    def normalise(self, text: str) -> Resolution:
        """Resolve a free-text term to its canonical skill.

        The whole term first, then without a trailing version, then the spelling rules of
        `variants.py` ("amazon-s3", "Java (Computerprogrammierung)", "Java-Entwicklung").
        """
        found = self._direct(text) or resolve_variant(text, self._facts)
        if found is None:
            return Resolution(input=text, key=term_key(text), suggestions=self.suggest(text))
        entry = self._entries[found.slug]
        return Resolution(
            input=text,
            key=found.key,
            slug=found.slug,
            canonical=entry.name,
            category=entry.category,
            version=found.version,
        )

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Up to `limit` distinct canonical names that look like `text` (typos, prefixes)."""
        key = term_key(text)
        if not key or len(key) > MAX_SUGGESTION_KEY or limit <= 0:
            return []
        choices = self._choices()
        best: dict[str, tuple[float, bool]] = {}
        for choice, score, _ in process.extract(
            key, choices, scorer=fuzz.WRatio, limit=None, score_cutoff=SUGGESTION_CUTOFF
        ):
            # WRatio credits a spelling found inside the term ("sh" in "sharepointonlin");
            # that is noise, unlike the term found inside a spelling ("apex" in "oracleapex").
            if len(choice) < len(key):
                score = fuzz.ratio(key, choice)
                if score < SUGGESTION_CUTOFF:
                    continue
            slug = self._slug_by_key[choice]
            # Among equal scores a spelling that starts with the term wins: "less" → Less CSS
            # before Serverless.
            ranked_score = (score, choice.startswith(key))
            best[slug] = max(ranked_score, best.get(slug, ranked_score))
        ranked = sorted(
            best, key=lambda slug: (-best[slug][0], not best[slug][1], *self._popularity(slug))
        )
        return [self._entries[slug].name for slug in ranked[:limit]]

    def autocomplete(self, query: str, limit: int = 10) -> list[SkillEntry]:
        """Skills for a search box: exact, then name prefix, alias prefix, then substring."""
        key = term_key(query)
        if not key or limit <= 0:
            return []
        rank: dict[str, int] = {}
        for indexed_key, slug in self._slug_by_key.items():
            if key not in indexed_key:
                continue
            if indexed_key == key:
                match_rank = 0
            elif indexed_key.startswith(key):
                match_rank = 1 if indexed_key == self._name_keys[slug] else 2
            else:
                match_rank = 3
            rank[slug] = min(match_rank, rank.get(slug, match_rank))
        ordered = sorted(rank, key=lambda slug: (rank[slug], *self._popularity(slug)))
        return [self._entries[slug] for slug in ordered[:limit]]

    # -- changing -----------------------------------------------------------------

    def add_skill(
        self,
        *,
        slug: str,
        name: str,
        category: str,
        aliases: Iterable[str] = (),
        related: Mapping[str, float] | None = None,
        custom: bool = False,
        ambiguous: bool = False,
    ) -> SkillEntry:
        """Add a skill; raise TaxonomyError if the slug exists or a spelling is taken."""
        related = dict(related or {})
        for related_slug, weight in related.items():
            self._check_relation(slug, related_slug, weight, adding=slug)
        entry = self._add(
            slug=slug,
            name=name,
            category=category,
            aliases=aliases,
            custom=custom,
            strict=True,
            ambiguous=ambiguous,
        )
        for related_slug, weight in related.items():
            self.add_relation(slug, related_slug, weight)
        return entry

    def add_alias(self, alias: str, slug: str) -> SkillEntry:
        """Make `alias` resolve to `slug`; a no-op if it already does."""
        entry = self._entries.get(slug)
        if entry is None:
            raise TaxonomyError(f"unknown skill {slug!r}")
        key = term_key(alias)
        if not key:
            raise TaxonomyError(f"alias {alias!r} has no letters or digits")
        owner = self._slug_by_key.get(key)
        if owner == slug:
            return entry
        if owner is not None:
            raise TaxonomyError(f"{alias!r} already means {self._entries[owner].name!r}")
        entry = replace(entry, aliases=(*entry.aliases, alias.strip()))
        self._entries[slug] = entry
        self._slug_by_key[key] = slug
        self._fuzzy_choices = None
        self._vendor_groups = None
        return entry

    def add_relation(self, slug: str, related_slug: str, weight: float) -> None:
        """Let `slug` count `weight` towards `related_slug` (replacing an earlier weight)."""
        self._check_relation(slug, related_slug, weight)
        if related_slug not in self._related[slug]:
            self._in_degree[related_slug] += 1
        self._related[slug][related_slug] = weight
        self._vendor_groups = None

    # -- internals ----------------------------------------------------------------

    def _add(
        self,
        *,
        slug: str,
        name: str,
        category: str,
        aliases: Iterable[str],
        custom: bool,
        strict: bool,
        ambiguous: bool = False,
    ) -> SkillEntry:
        if strict:
            check_skill_fields(slug, name, category)
        if slug in self._entries:
            raise TaxonomyError(f"skill {slug!r} already exists")
        claimed: dict[str, str] = {}
        for text in (name, *aliases):
            key = term_key(text)
            problem = self._key_problem(text, key)
            if problem is None:
                claimed.setdefault(key, text.strip())
            elif strict:
                raise TaxonomyError(f"skill {slug!r}: {problem}")
            else:
                logger.warning("skill %s: %s; skipped", slug, problem)
        name_key = term_key(name)
        entry = SkillEntry(
            slug=slug,
            name=name.strip(),
            category=category,
            aliases=tuple(text for key, text in claimed.items() if key != name_key),
            custom=custom,
            ambiguous=ambiguous,
        )
        self._entries[slug] = entry
        self._name_keys[slug] = name_key
        self._slug_by_key.update(dict.fromkeys(claimed, slug))
        self._fuzzy_choices = None
        self._vendor_groups = None
        return entry

    def _key_problem(self, text: str, key: str) -> str | None:
        if not key:
            return f"{text!r} has no letters or digits"
        owner = self._slug_by_key.get(key)
        if owner is not None:
            return f"{text!r} already means {self._entries[owner].name!r}"
        return None

    def _check_relation(
        self, slug: str, related_slug: str, weight: float, *, adding: str | None = None
    ) -> None:
        check_weight(weight)
        if slug == related_slug:
            raise TaxonomyError(f"skill {slug!r} cannot be related to itself")
        for known in (slug, related_slug):
            if known not in self._entries and known != adding:
                raise TaxonomyError(f"unknown skill {known!r}")

    def _direct(self, text: str) -> Match | None:
        """The whole term's key, then the term without a trailing version."""
        key = term_key(text)
        slug = self._slug_by_key.get(key)
        if slug is not None:
            return Match(slug=slug, key=key)
        # Only after the whole term failed: "Dynamics 365" and "Neo4j" are names.
        if (split := split_version(text)) is not None:
            name, version = split
            name_key = term_key(name)
            slug = self._slug_by_key.get(name_key)
            if slug is not None:
                return Match(slug=slug, key=name_key, version=version)
        return None

    def _builds_on(self, slug: str, other: str) -> bool:
        return other in self._related.get(slug, {}) or slug in self._related.get(other, {})

    def _vendors_of(self, slug: str) -> frozenset[str]:
        if self._vendor_groups is None:
            self._vendor_groups = vendor_groups(
                ((entry.slug, (entry.name, *entry.aliases)) for entry in self._entries.values()),
                self._related,
            )
        return self._vendor_groups.get(slug, frozenset())

    def _choices(self) -> list[str]:
        if self._fuzzy_choices is None:
            self._fuzzy_choices = sorted(self._slug_by_key)
        return self._fuzzy_choices

    def _popularity(self, slug: str) -> tuple[int, int, str]:
        """Tie-break order: more skills build on it, then the shorter name, then by name."""
        name = self._entries[slug].name
        return (-self._in_degree[slug], len(name), name)


@cache
def get_catalogue_taxonomy() -> Taxonomy:
    """The taxonomy of the packaged catalogue, built once; treat it as read-only."""
    return Taxonomy.from_catalogue()


def normalise(text: str) -> Resolution:
    """Resolve a term against the packaged catalogue (see `Taxonomy.normalise`)."""
    return get_catalogue_taxonomy().normalise(text)


def suggest(text: str, limit: int = 3) -> list[str]:
    """Canonical names of the packaged catalogue that look like `text`."""
    return get_catalogue_taxonomy().suggest(text, limit)


def autocomplete(query: str, limit: int = 10) -> list[SkillEntry]:
    """Search-box completion over the packaged catalogue (see `Taxonomy.autocomplete`)."""
    return get_catalogue_taxonomy().autocomplete(query, limit)
