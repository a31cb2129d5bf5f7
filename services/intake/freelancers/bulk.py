"""Array-based bulk INSERTs: each table gets one statement however many rows there are.

The rows travel as one array per column and PostgreSQL unnests them, so ten thousand
profiles cost a few statements and no per-row Python work in the driver (an executemany
spends most of its time adapting parameters row by row).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

# The profile's own columns: compared for re-imports, written by the bulk insert.
PROFILE_COLUMNS = (
    "name",
    "email",
    "headline",
    "summary",
    "available_from",
    "day_rate",
    "location_city",
    "location_country",
    "remote",
    "engagement",
    "source_type",
    "source_detail",
    "consent_given_at",
    "consent_method",
)

_PROFILES = text(
    """
INSERT INTO freelancers (
    name, email, headline, summary, available_from, day_rate, location_city, location_country,
    remote, engagement, source_type, source_detail, consent_given_at, consent_method)
SELECT p.name, p.email, p.headline, p.summary, p.available_from, p.day_rate, p.location_city,
    p.location_country, p.remote, CAST(string_to_array(p.engagement, ',') AS varchar[]),
    p.source_type, p.source_detail, p.consent_given_at, p.consent_method
FROM unnest(
    CAST(:name AS varchar[]), CAST(:email AS varchar[]), CAST(:headline AS varchar[]),
    CAST(:summary AS text[]), CAST(:available_from AS date[]), CAST(:day_rate AS numeric[]),
    CAST(:location_city AS varchar[]), CAST(:location_country AS varchar[]),
    CAST(:remote AS varchar[]), CAST(:engagement AS varchar[]), CAST(:source_type AS varchar[]),
    CAST(:source_detail AS varchar[]), CAST(:consent_given_at AS timestamptz[]),
    CAST(:consent_method AS varchar[])
) AS p(name, email, headline, summary, available_from, day_rate, location_city,
    location_country, remote, engagement, source_type, source_detail, consent_given_at,
    consent_method)
RETURNING id, lower(email)
"""
)

_SKILLS = text(
    """
INSERT INTO freelancer_skills (freelancer_id, skill_id, level, years, last_used, raw_name, version)
SELECT * FROM unnest(
    CAST(:freelancer_id AS bigint[]), CAST(:skill_id AS bigint[]), CAST(:level AS integer[]),
    CAST(:years AS float8[]), CAST(:last_used AS integer[]), CAST(:raw_name AS varchar[]),
    CAST(:version AS varchar[]))
"""
)

_UNRECOGNISED = text(
    """
INSERT INTO freelancer_unrecognised_skills (
    freelancer_id, term_id, raw_name, level, years, last_used)
SELECT * FROM unnest(
    CAST(:freelancer_id AS bigint[]), CAST(:term_id AS bigint[]), CAST(:raw_name AS varchar[]),
    CAST(:level AS integer[]), CAST(:years AS float8[]), CAST(:last_used AS integer[]))
"""
)

_LANGUAGES = text(
    """
INSERT INTO freelancer_languages (freelancer_id, code, level)
SELECT * FROM unnest(
    CAST(:freelancer_id AS bigint[]), CAST(:code AS varchar[]), CAST(:level AS varchar[]))
"""
)

_SKILL_COLUMNS = ("freelancer_id", "skill_id", "level", "years", "last_used", "raw_name", "version")
_UNRECOGNISED_COLUMNS = ("freelancer_id", "term_id", "raw_name", "level", "years", "last_used")


def _columns(rows: Sequence[dict[str, Any]], names: Sequence[str]) -> dict[str, list[Any]]:
    return {name: [row[name] for row in rows] for name in names}


def insert_profiles(session: Session, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Insert freelancers rows (as `profile.column_values` makes them); ids by lower email."""
    columns = _columns(rows, PROFILE_COLUMNS)
    columns["engagement"] = [",".join(engagement) for engagement in columns["engagement"]]
    result = session.connection().execute(_PROFILES, columns)
    return {email: freelancer_id for freelancer_id, email in result}


def insert_children(
    session: Session,
    *,
    skills: Sequence[dict[str, Any]],
    unrecognised: Sequence[dict[str, Any]],
    languages: Sequence[dict[str, Any]],
) -> None:
    """Insert profiles' skill, unrecognised-term and language rows (see `profile.child_rows`)."""
    connection = session.connection()
    if skills:
        connection.execute(_SKILLS, _columns(skills, _SKILL_COLUMNS))
    if unrecognised:
        connection.execute(_UNRECOGNISED, _columns(unrecognised, _UNRECOGNISED_COLUMNS))
    if languages:
        connection.execute(_LANGUAGES, _columns(languages, ("freelancer_id", "code", "level")))
