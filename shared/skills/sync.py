"""Load the packaged catalogue into the skill tables with idempotent bulk upserts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Executable, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from shared.models.skill import Skill
from shared.models.skill_alias import SkillAlias
from shared.models.skill_relation import SkillRelation
from shared.skills.catalogue import CatalogueSkill, load_catalogue
from shared.skills.keys import term_key
from shared.skills.taxonomy import Taxonomy

logger = logging.getLogger("vouch.skills")

Row = dict[str, Any]


def sync_catalogue(session: Session, skills: Sequence[CatalogueSkill] | None = None) -> None:
    """Upsert the catalogue's skills, aliases and relations; running it twice changes nothing.

    Nothing is deleted: rows the catalogue no longer lists may be in use, and skills an
    admin added (`custom`) keep their name, category and spellings.
    """
    catalogue = load_catalogue() if skills is None else tuple(skills)
    Taxonomy.from_catalogue(catalogue)  # refuses colliding aliases before any row is written
    ids = _upsert_skills(session, catalogue)
    aliases = _upsert_aliases(session, catalogue, ids)
    relations = _upsert_relations(session, catalogue, ids)
    logger.info(
        "skill catalogue synced: %d skills, %d spellings, %d relations",
        len(ids),
        aliases,
        relations,
    )


def _upsert_skills(session: Session, catalogue: Sequence[CatalogueSkill]) -> dict[str, int]:
    """Insert or update skills by slug; return the id of every synced slug."""
    slug_by_name = dict(session.execute(select(Skill.name, Skill.slug)).all())
    rows: list[Row] = []
    for skill in catalogue:
        holder = slug_by_name.get(skill.name, skill.slug)
        if holder != skill.slug:
            # Names are unique; an admin got there first under another slug.
            logger.warning("catalogue skill %s skipped: skill %s has its name", skill.slug, holder)
            continue
        rows.append({"slug": skill.slug, "name": skill.name, "category": skill.category})
    statement = insert(Skill)
    _execute_many(
        session,
        statement.on_conflict_do_update(
            index_elements=[Skill.slug],
            set_={"name": statement.excluded.name, "category": statement.excluded.category},
            where=Skill.custom.is_(False)
            & or_(
                Skill.name != statement.excluded.name,
                Skill.category != statement.excluded.category,
            ),
        ),
        rows,
    )
    slugs = [row["slug"] for row in rows]
    return dict(session.execute(select(Skill.slug, Skill.id).where(Skill.slug.in_(slugs))).all())


def _upsert_aliases(
    session: Session, catalogue: Sequence[CatalogueSkill], ids: dict[str, int]
) -> int:
    """Insert every spelling (the canonical name included) by key; return how many."""
    custom_owner = dict(
        session.execute(
            select(SkillAlias.key, SkillAlias.skill_id)
            .join(Skill, Skill.id == SkillAlias.skill_id)
            .where(Skill.custom.is_(True))
        ).all()
    )
    rows: dict[str, Row] = {}
    for skill in catalogue:
        skill_id = ids.get(skill.slug)
        if skill_id is None:
            continue
        for text in (skill.name, *skill.aliases):
            key = term_key(text)
            # A spelling an admin gave to their own skill stays theirs.
            if key in rows or custom_owner.get(key, skill_id) != skill_id:
                continue
            rows[key] = {"skill_id": skill_id, "alias": text, "key": key}
    statement = insert(SkillAlias)
    _execute_many(
        session,
        statement.on_conflict_do_update(
            index_elements=[SkillAlias.key],
            set_={"skill_id": statement.excluded.skill_id, "alias": statement.excluded.alias},
            where=or_(
                SkillAlias.skill_id != statement.excluded.skill_id,
                SkillAlias.alias != statement.excluded.alias,
            ),
        ),
        list(rows.values()),
    )
    return len(rows)


def _upsert_relations(
    session: Session, catalogue: Sequence[CatalogueSkill], ids: dict[str, int]
) -> int:
    """Insert or re-weight every relation between synced skills; return how many."""
    rows = [
        {"skill_id": ids[skill.slug], "related_skill_id": ids[related], "weight": weight}
        for skill in catalogue
        for related, weight in skill.related
        if skill.slug in ids and related in ids
    ]
    statement = insert(SkillRelation)
    _execute_many(
        session,
        statement.on_conflict_do_update(
            index_elements=[SkillRelation.skill_id, SkillRelation.related_skill_id],
            set_={"weight": statement.excluded.weight},
            where=SkillRelation.weight != statement.excluded.weight,
        ),
        rows,
    )
    return len(rows)


def _execute_many(session: Session, statement: Executable, rows: list[Row]) -> None:
    if rows:
        session.execute(statement, rows)
