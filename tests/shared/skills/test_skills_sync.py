"""sync_catalogue on a real PostgreSQL (the `engine` fixture has already synced once)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, event, func, select
from sqlalchemy.orm import Session

from shared.models.skill import Skill
from shared.models.skill_alias import SkillAlias
from shared.models.skill_relation import SkillRelation
from shared.skills import CatalogueSkill, Taxonomy, load_catalogue, term_key
from shared.skills.sync import sync_catalogue


def _snapshot(session: Session) -> dict[str, set[tuple[Any, ...]]]:
    return {
        "skills": set(
            session.execute(
                select(Skill.id, Skill.slug, Skill.name, Skill.category, Skill.custom)
            ).all()
        ),
        "aliases": set(
            session.execute(select(SkillAlias.id, SkillAlias.skill_id, SkillAlias.key)).all()
        ),
        "relations": set(
            session.execute(
                select(SkillRelation.skill_id, SkillRelation.related_skill_id, SkillRelation.weight)
            ).all()
        ),
    }


@contextmanager
def _counting_statements(session: Session) -> Iterator[list[str]]:
    statements: list[str] = []
    engine = session.get_bind()

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _add_custom_skill(session: Session) -> Skill:
    skill = Skill(slug="acme-dsl", name="Acme DSL", category="language", custom=True)
    session.add(skill)
    session.flush()
    kubernetes_id = session.scalars(select(Skill.id).where(Skill.slug == "kubernetes")).one()
    session.add_all(
        [
            SkillAlias(skill_id=skill.id, alias="Acme DSL", key="acmedsl"),
            SkillAlias(skill_id=skill.id, alias="ADSL", key="adsl"),
            SkillRelation(skill_id=skill.id, related_skill_id=kubernetes_id, weight=0.2),
        ]
    )
    session.flush()
    return skill


def test_fresh_sync_loads_the_whole_catalogue_in_a_few_statements(session: Session) -> None:
    session.execute(delete(Skill))
    catalogue = load_catalogue()
    with _counting_statements(session) as statements:
        sync_catalogue(session)
    assert len(statements) < 20

    keys = {term_key(text) for skill in catalogue for text in (skill.name, *skill.aliases)}
    relations = {(s.slug, related) for s in catalogue for related, _ in s.related}
    assert session.scalar(select(func.count()).select_from(Skill)) == len(catalogue)
    assert set(session.scalars(select(SkillAlias.key))) == keys
    assert session.scalar(select(func.count()).select_from(SkillRelation)) == len(relations)
    assert not any(session.scalars(select(Skill.custom)))


def test_sync_is_idempotent(session: Session) -> None:
    before = _snapshot(session)
    sync_catalogue(session)
    sync_catalogue(session)
    assert _snapshot(session) == before


def test_aliases_point_at_their_skills(session: Session) -> None:
    rows = session.execute(
        select(SkillAlias.key, Skill.slug).join(Skill, Skill.id == SkillAlias.skill_id)
    )
    slug_by_key = dict(rows.all())
    assert slug_by_key["k8s"] == "kubernetes"
    assert slug_by_key["postgres"] == "postgresql"
    assert slug_by_key["s4hana"] == "sap-s4hana"
    assert slug_by_key["kubernetes"] == "kubernetes"  # the canonical name's own key


def test_custom_skills_survive(session: Session) -> None:
    custom = _add_custom_skill(session)
    before = _snapshot(session)
    sync_catalogue(session)
    assert _snapshot(session) == before
    assert session.get(Skill, custom.id) is not None


def test_catalogue_changes_are_applied_but_custom_rows_kept(session: Session) -> None:
    custom = _add_custom_skill(session)
    changed = [
        replace(skill, category="tool", related=(("kubernetes", 0.9),))
        if skill.slug == "helm"
        else skill
        for skill in load_catalogue()
    ]
    changed += [
        # Same slug as the admin's skill: the admin's name and category stay.
        CatalogueSkill(slug="acme-dsl", name="ACME Language", category="tool"),
        # Same name as the admin's skill under another slug: skipped, not an error.
        CatalogueSkill(slug="acme-dsl-official", name="Acme DSL", category="language"),
    ]
    sync_catalogue(session, changed)

    helm = session.scalars(select(Skill).where(Skill.slug == "helm")).one()
    assert helm.category == "tool"
    weight = session.scalar(
        select(SkillRelation.weight).where(
            SkillRelation.skill_id == helm.id,
            SkillRelation.related_skill_id
            == select(Skill.id).where(Skill.slug == "kubernetes").scalar_subquery(),
        )
    )
    assert weight == 0.9
    session.refresh(custom)
    assert (custom.name, custom.category, custom.custom) == ("Acme DSL", "language", True)
    assert session.scalar(select(Skill.id).where(Skill.slug == "acme-dsl-official")) is None
    assert session.scalar(select(SkillAlias.skill_id).where(SkillAlias.key == "adsl")) == custom.id


def test_taxonomy_from_session_matches_the_catalogue_and_sees_custom_skills(
    session: Session,
) -> None:
    _add_custom_skill(session)
    from_database = Taxonomy.from_session(session)
    from_file = Taxonomy.from_catalogue()

    assert len(from_database) == len(from_file) + 1
    for text in ("k8s", "Postgres", "S/4HANA", "Java 17", "C#", "Dynamics 365"):
        assert from_database.normalise(text) == from_file.normalise(text)
    assert from_database.related("spring-boot") == from_file.related("spring-boot")
    assert from_database.normalise("adsl").canonical == "Acme DSL"
    assert from_database.get("acme-dsl").custom  # type: ignore[union-attr]
    assert from_database.related("acme-dsl") == {"kubernetes": 0.2}
