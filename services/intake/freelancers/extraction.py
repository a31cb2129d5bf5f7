"""Skills read from a profile's free text (headline, summary, CV), stored apart from confirmed ones.

`freelancer_extracted_skills` holds one row per (profile, skill) with the evidence spans per
field. Re-extraction keeps a dismissed row dismissed (so a wrong reading does not come back),
drops "extracted" rows the text no longer supports, and never stores a skill the profile already
lists as confirmed. The writes are array-based: one statement per step however many profiles,
so the CSV import extracts ten thousand profiles in a handful of statements.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.intake.freelancers.schemas import MAX_EVIDENCE
from services.intake.taxonomy import IntakeTaxonomy
from shared.skills.extract import extract_skills

# The text fields extraction reads, in the order their evidence is listed.
TEXT_FIELDS = ("headline", "summary", "cv_text")
# The table's check constraint; a text claiming more ("70 years of COBOL") is capped.
MAX_YEARS = 60.0


@dataclass
class Found:
    """One skill the text names: its spans, and the years the text states, if any."""

    skill_id: int
    slug: str
    canonical: str
    years: float | None = None
    mentions: int = 0
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def add(self, *, years: float | None, mentions: int, evidence: list[dict[str, Any]]) -> None:
        self.mentions += mentions
        self.evidence += evidence[: max(MAX_EVIDENCE - len(self.evidence), 0)]
        if years is not None:
            years = min(max(float(years), 0.0), MAX_YEARS)
            self.years = years if self.years is None else max(self.years, years)


def extract_field(taxonomy: IntakeTaxonomy, name: str, value: str) -> dict[int, Found]:
    """The skills one text field names, by skill id, first mention first."""
    found: dict[int, Found] = {}
    if not value.strip():
        return found
    for skill in extract_skills(value, taxonomy.taxonomy):
        skill_id = taxonomy.ids_by_slug.get(skill.slug)
        if skill_id is None:  # a catalogue skill this database does not hold (yet)
            continue
        entry = found.setdefault(skill_id, Found(skill_id, skill.slug, skill.canonical))
        entry.add(
            years=skill.years,
            mentions=len(skill.evidence),
            evidence=[
                {"field": name, "start": e.start, "end": e.end, "text": e.text}
                for e in skill.evidence
            ],
        )
    return found


def combine(per_field: Mapping[str, Mapping[int, Found]]) -> dict[int, Found]:
    """One entry per skill across fields, evidence in field order."""
    combined: dict[int, Found] = {}
    for name in TEXT_FIELDS:
        for skill_id, entry in per_field.get(name, {}).items():
            into = combined.setdefault(skill_id, Found(skill_id, entry.slug, entry.canonical))
            into.add(years=entry.years, mentions=entry.mentions, evidence=entry.evidence)
    return combined


def extract_fields(
    taxonomy: IntakeTaxonomy, texts: Mapping[str, str]
) -> dict[str, dict[int, Found]]:
    return {name: extract_field(taxonomy, name, texts.get(name) or "") for name in TEXT_FIELDS}


def extract_profile(taxonomy: IntakeTaxonomy, texts: Mapping[str, str]) -> dict[int, Found]:
    """The skills named in a profile's text fields, by skill id."""
    return combine(extract_fields(taxonomy, texts))


# Rows the text no longer supports (only "extracted" ones: a dismissal is remembered), and any
# row for a skill the profile now lists as confirmed.
_DELETE_STALE = text(
    """
DELETE FROM freelancer_extracted_skills e
WHERE e.freelancer_id = ANY(CAST(:ids AS bigint[]))
  AND (
    (e.status = 'extracted' AND (e.freelancer_id, e.skill_id) NOT IN (
        SELECT f, s FROM unnest(CAST(:freelancer_id AS bigint[]), CAST(:skill_id AS bigint[]))
            AS n(f, s)))
    OR EXISTS (
        SELECT 1 FROM freelancer_skills c
        WHERE c.freelancer_id = e.freelancer_id AND c.skill_id = e.skill_id)
  )
"""
)

# New readings inserted, existing ones refreshed; the status of an existing row is kept.
_UPSERT = text(
    """
INSERT INTO freelancer_extracted_skills (
    freelancer_id, skill_id, years, mentions, evidence, status)
SELECT n.freelancer_id, n.skill_id, n.years, n.mentions, n.evidence, 'extracted'
FROM unnest(
    CAST(:freelancer_id AS bigint[]), CAST(:skill_id AS bigint[]), CAST(:years AS float8[]),
    CAST(:mentions AS integer[]), CAST(:evidence AS jsonb[])
) AS n(freelancer_id, skill_id, years, mentions, evidence)
WHERE NOT EXISTS (
    SELECT 1 FROM freelancer_skills c
    WHERE c.freelancer_id = n.freelancer_id AND c.skill_id = n.skill_id)
ORDER BY n.freelancer_id, n.skill_id
ON CONFLICT (freelancer_id, skill_id) DO UPDATE
    SET years = excluded.years, mentions = excluded.mentions, evidence = excluded.evidence
"""
)


def _columns(found: Mapping[int, Mapping[int, Found]]) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {
        "freelancer_id": [],
        "skill_id": [],
        "years": [],
        "mentions": [],
        "evidence": [],
    }
    for freelancer_id, skills in found.items():
        for entry in skills.values():
            columns["freelancer_id"].append(freelancer_id)
            columns["skill_id"].append(entry.skill_id)
            columns["years"].append(entry.years)
            columns["mentions"].append(entry.mentions)
            columns["evidence"].append(json.dumps(entry.evidence, ensure_ascii=False))
    return columns


def store(
    session: Session, found: Mapping[int, Mapping[int, Found]], *, new_profiles: bool = False
) -> None:
    """Replace the extracted skills of the given profiles with what their text names now.

    `new_profiles`: the profiles were just inserted, so there is nothing stale to delete.
    """
    if not found:
        return
    columns = _columns(found)
    connection = session.connection()
    if not new_profiles:
        connection.execute(_DELETE_STALE, {"ids": sorted(found), **columns})
    if columns["skill_id"]:
        connection.execute(_UPSERT, columns)


def refresh(
    session: Session, taxonomy: IntakeTaxonomy, profiles: Sequence[tuple[int, Mapping[str, str]]]
) -> None:
    """Extract and store the skills of already stored profiles: (id, {field: text}) each."""
    store(session, {fid: extract_profile(taxonomy, texts) for fid, texts in profiles})
