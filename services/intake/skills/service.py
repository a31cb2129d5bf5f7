"""Skill look-ups for every caller, and taxonomy administration for admins."""

from __future__ import annotations

import re

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.intake.skills import repository
from services.intake.skills.schemas import (
    AliasCreate,
    AliasOut,
    ResolvedTerm,
    ResolveOut,
    SkillCreate,
    SkillCreated,
    SkillList,
    SkillOut,
    UnrecognisedTermOut,
    UnrecognisedTermPage,
)
from services.intake.taxonomy import MAX_KEY_LENGTH, IntakeTaxonomy, current_taxonomy
from shared.errors import Conflict, NotFound, field_error
from shared.models import Skill, SkillAlias, UnrecognisedTerm
from shared.queue.jobs import enqueue
from shared.skills.catalogue import CATEGORIES, SLUG_PATTERN
from shared.skills.keys import fold, term_key
from shared.skills.taxonomy import SkillEntry

_SLUG_SYMBOLS = {"+": " plus ", "#": " sharp ", "&": " and ", ".": " "}


def _skill_out(skill_id: int, entry: SkillEntry) -> SkillOut:
    return SkillOut(
        id=skill_id,
        slug=entry.slug,
        name=entry.name,
        category=entry.category,
        aliases=list(entry.aliases),
        custom=entry.custom,
        ambiguous=entry.ambiguous,
    )


def search(taxonomy: IntakeTaxonomy, *, query: str, limit: int) -> SkillList:
    """Autocomplete: exact, name-prefix and alias-prefix matches first."""
    return SkillList(
        items=[
            _skill_out(skill_id, entry) for skill_id, entry in taxonomy.autocomplete(query, limit)
        ]
    )


def resolve(taxonomy: IntakeTaxonomy, *, name: str) -> ResolveOut:
    term = taxonomy.resolve(name)
    return ResolveOut(canonical=term.canonical, version=term.version, suggestions=term.suggestions)


def list_unrecognised(
    session: Session,
    *,
    taxonomy: IntakeTaxonomy,
    include_resolved: bool,
    limit: int,
    offset: int,
) -> UnrecognisedTermPage:
    rows, total = repository.terms_page(
        session, include_resolved=include_resolved, limit=limit, offset=offset
    )
    items = [
        UnrecognisedTermOut(
            id=term.id,
            term=term.term,
            key=term.key,
            occurrences=term.occurrences,
            requests=requests,
            freelancers=freelancers,
            suggestions=taxonomy.taxonomy.suggest(term.term),
            resolved_skill_id=term.resolved_skill_id,
            created_at=term.created_at,
        )
        for term, requests, freelancers in rows
    ]
    return UnrecognisedTermPage(items=items, total=total)


def _attach_term(session: Session, *, term: UnrecognisedTerm, skill_id: int) -> ResolvedTerm:
    """Move every request and profile row carrying `term` onto the skill; mark it resolved."""
    request_ids = repository.move_request_rows(session, term_id=term.id, skill_id=skill_id)
    freelancer_ids = repository.move_freelancer_rows(session, term_id=term.id, skill_id=skill_id)
    repository.mark_resolved(session, term_id=term.id, skill_id=skill_id)
    # Their skills changed, so open requests are ranked again (same transaction).
    for request_id in repository.open_request_ids(session, request_ids):
        enqueue(
            session,
            kind="rank_request",
            payload={"request_id": request_id},
            dedupe_key=str(request_id),
        )
    return ResolvedTerm(
        id=term.id,
        term=term.term,
        requests_updated=len(request_ids),
        freelancers_updated=len(freelancer_ids),
    )


def _check_key(text: str, *, field: str) -> str:
    key = term_key(text)
    if not key:
        raise field_error(field, "needs letters or digits")
    if len(key) > MAX_KEY_LENGTH:
        raise field_error(field, "is too long")
    return key


def _insert_alias(session: Session, *, skill_id: int, alias: str, key: str) -> None:
    session.add(SkillAlias(skill_id=skill_id, alias=alias, key=key))
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict(f"{alias!r} was just given to another skill; reload and retry.") from None


def add_alias(
    session: Session, *, skill_id: int, body: AliasCreate, taxonomy: IntakeTaxonomy
) -> AliasOut:
    """Make an alias mean skill `skill_id`, and attach any stored term with that spelling."""
    if (body.alias is None) == (body.term_id is None):
        raise field_error("alias", "send exactly one of alias or term_id")
    slug = next((s for s, i in taxonomy.ids_by_slug.items() if i == skill_id), None)
    entry = taxonomy.taxonomy.get(slug) if slug is not None else None
    if entry is None:
        raise NotFound("No skill with this id.")
    if body.term_id is not None:
        chosen = repository.term_by_id(session, body.term_id, for_update=True)
        if chosen is None:
            raise field_error("term_id", f"no unrecognised term with id {body.term_id}")
        alias, field = chosen.term, "term_id"
    else:
        assert body.alias is not None
        alias, field = body.alias, "alias"
    key = _check_key(alias, field=field)
    owner = taxonomy.owner_of(alias)
    if owner is not None and owner.slug != entry.slug:
        raise Conflict(f"{alias!r} already means {owner.name!r}.", skill_slug=owner.slug)
    created = owner is None
    if created:
        _insert_alias(session, skill_id=skill_id, alias=alias, key=key)
    term = repository.term_by_key(session, key)
    resolved = _attach_term(session, term=term, skill_id=skill_id) if term is not None else None
    refreshed = current_taxonomy(session)
    return AliasOut(
        skill=_skill_out(skill_id, refreshed.taxonomy.get(entry.slug) or entry),
        alias=alias,
        key=key,
        created=created,
        resolved_term=resolved,
    )


def slug_for(name: str) -> str:
    """A catalogue-style slug ("C++" → "c-plus-plus", "Node.js" → "node-js")."""
    text = fold(name)
    for symbol, word in _SLUG_SYMBOLS.items():
        text = text.replace(symbol, word)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:120]


def create_skill(session: Session, *, body: SkillCreate, taxonomy: IntakeTaxonomy) -> SkillCreated:
    """Add a custom skill (with aliases), optionally resolving an unrecognised term onto it."""
    if body.category not in CATEGORIES:
        raise field_error("category", f"use one of: {', '.join(sorted(CATEGORIES))}")
    slug = body.slug if body.slug is not None else slug_for(body.name)
    if not SLUG_PATTERN.match(slug):
        raise field_error("slug", "lowercase letters and digits joined by '-', e.g. my-skill")
    if taxonomy.taxonomy.get(slug) is not None:
        raise Conflict(f"A skill with the slug {slug!r} exists; choose another slug.")
    term = None
    if body.term_id is not None:
        term = repository.term_by_id(session, body.term_id, for_update=True)
        if term is None:
            raise field_error("term_id", f"no unrecognised term with id {body.term_id}")
    spellings: dict[str, tuple[str, str]] = {}
    candidates = [("name", body.name)]
    candidates += [(f"aliases.{i}", alias) for i, alias in enumerate(body.aliases)]
    if term is not None:
        candidates.append(("term_id", term.term))
    for field, text in candidates:
        key = _check_key(text, field=field)
        owner = taxonomy.owner_of(text)
        if owner is not None:
            raise Conflict(f"{field}: {text!r} already means {owner.name!r}.", field=field)
        spellings.setdefault(key, (field, text))
    skill = Skill(slug=slug, name=body.name, category=body.category, custom=True)
    session.add(skill)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict(f"A skill named {body.name!r} or with slug {slug!r} exists.") from None
    # Like the catalogue sync, every spelling (the name included) gets an alias row.
    for key, (_, text) in spellings.items():
        _insert_alias(session, skill_id=skill.id, alias=text, key=key)
    resolved = _attach_term(session, term=term, skill_id=skill.id) if term is not None else None
    refreshed = current_taxonomy(session)
    entry = refreshed.taxonomy.get(slug)
    assert entry is not None
    return SkillCreated(skill=_skill_out(skill.id, entry), resolved_term=resolved)
