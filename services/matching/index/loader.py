"""Reads the index's inputs from Postgres in a few large statements (no ORM object per row).

The big tables (freelancer skills, languages, trust) stream through binary COPY straight into
numpy; every column is fixed-width and NULLs are replaced in SQL, so each row has one layout.
Runs on the caller's session, so it sees exactly what that transaction sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import text
from sqlalchemy.orm import Session

from services.matching.index.columns import (
    CatalogueRows,
    FreelancerColumns,
    IndexSource,
    LanguageRows,
    PlacementRows,
    SkillRows,
    TrustRows,
)
from shared.trust_features import TRUST_FEATURES

_PG_TYPES = {"int8": ">i8", "int4": ">i4", "int2": ">i2", "float8": ">f8", "float4": ">f4"}
_BINARY_HEADER = 19  # signature (11) + flags (4) + header extension length (4)
_STREAM_BYTES = 8 << 20


def _id_filter(column: str, ids: np.ndarray | None) -> str:
    if ids is None:
        return ""
    listed = ",".join(str(int(i)) for i in np.asarray(ids, dtype=np.int64))
    return f"WHERE {column} = ANY('{{{listed}}}'::bigint[])"


def _copy_chunks(session: Session, sql: str) -> Iterator[bytes]:
    raw: Any = session.connection().connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT BINARY)") as copy:
        for chunk in copy:
            yield bytes(chunk)


def copy_columns(
    session: Session, sql: str, columns: list[tuple[str, str]]
) -> dict[str, np.ndarray]:
    """Run `sql` through binary COPY; `columns` are (name, pg type) of fixed-width, non-null
    values in select order."""
    fields: list[tuple[str, str]] = [("_count", ">i2")]
    for name, pg_type in columns:
        fields += [(f"_{name}_length", ">i4"), (name, _PG_TYPES[pg_type])]
    row = np.dtype(fields)
    parts: dict[str, list[np.ndarray]] = {name: [] for name, _ in columns}
    pending = bytearray()
    header_done = False

    def flush(final: bool) -> None:
        usable = (len(pending) // row.itemsize) * row.itemsize
        if final:  # the trailer is a 2-byte -1
            usable = ((len(pending) - 2) // row.itemsize) * row.itemsize
        if usable <= 0:
            return
        block = np.frombuffer(bytes(pending[:usable]), dtype=row)
        for name, _ in columns:
            parts[name].append(block[name].astype(block[name].dtype.newbyteorder("=")))
        del pending[:usable]

    for chunk in _copy_chunks(session, sql):
        pending += chunk
        if not header_done and len(pending) >= _BINARY_HEADER:
            extension = int.from_bytes(pending[15:19], "big")
            del pending[: _BINARY_HEADER + extension]
            header_done = True
        if header_done and len(pending) >= _STREAM_BYTES:
            flush(final=False)
    flush(final=True)
    empty = {name: np.zeros(0, np.dtype(_PG_TYPES[t]).newbyteorder("=")) for name, t in columns}
    return {
        name: np.concatenate(parts[name]) if parts[name] else empty[name] for name, _ in columns
    }


def load_catalogue(session: Session) -> CatalogueRows:
    skills = session.execute(text("SELECT id, name FROM skills ORDER BY id")).all()
    relations = session.execute(
        text("SELECT skill_id, related_skill_id, weight FROM skill_relations")
    ).all()
    return CatalogueRows(
        skill_ids=np.array([r[0] for r in skills], dtype=np.int64),
        names=[r[1] for r in skills],
        relation_source=np.array([r[0] for r in relations], dtype=np.int64),
        relation_target=np.array([r[1] for r in relations], dtype=np.int64),
        relation_weight=np.array([r[2] for r in relations], dtype=np.float32),
    )


def load_freelancers(session: Session, ids: np.ndarray | None = None) -> FreelancerColumns:
    rows = session.execute(
        text(
            "SELECT id, coalesce(day_rate::float8, 'NaN'::float8),"
            " coalesce(available_from - DATE '0001-01-01' + 1, 0),"
            " CASE remote WHEN 'onsite' THEN 0 WHEN 'hybrid' THEN 1 ELSE 2 END,"
            " (CASE WHEN 'freelance' = ANY(engagement) THEN 1 ELSE 0 END)"
            " + (CASE WHEN 'permanent' = ANY(engagement) THEN 2 ELSE 0 END),"
            " coalesce(upper(location_country), ''), coalesce(lower(trim(location_city)), ''),"
            " concat_ws(' ', headline, summary, cv_text,"
            "  (SELECT string_agg(s.name, ' ') FROM freelancer_skills fs"
            "   JOIN skills s ON s.id = fs.skill_id WHERE fs.freelancer_id = f.id),"
            "  (SELECT string_agg(s.name, ' ') FROM freelancer_extracted_skills e"
            "   JOIN skills s ON s.id = e.skill_id"
            "   WHERE e.freelancer_id = f.id AND e.status = 'extracted'))"
            f" FROM freelancers f {_id_filter('id', ids)} ORDER BY id"
        )
    ).all()
    return FreelancerColumns(
        ids=np.array([r[0] for r in rows], dtype=np.int64),
        day_rate=np.array([r[1] for r in rows], dtype=np.float64),
        available_from=np.array([r[2] for r in rows], dtype=np.int32),
        remote=np.array([r[3] for r in rows], dtype=np.int8),
        engagement=np.array([r[4] for r in rows], dtype=np.uint8),
        country=[r[5] for r in rows],
        city=[r[6] for r in rows],
        texts=[r[7] for r in rows],
    )


def load_skills(session: Session, ids: np.ndarray | None = None) -> SkillRows:
    """Confirmed skills, then the skills extracted from profile text (not dismissed)."""
    extracted_filter = _id_filter("freelancer_id", ids)
    extracted_filter += " AND " if extracted_filter else "WHERE "
    data = copy_columns(
        session,
        "SELECT freelancer_id::int8, skill_id::int8, level::int2,"
        " coalesce(years::float4, 'NaN'::float4), coalesce(last_used, 0)::int2, 0::int2"
        f" FROM freelancer_skills {_id_filter('freelancer_id', ids)}"
        " UNION ALL"
        " SELECT freelancer_id::int8, skill_id::int8, 0::int2,"
        " coalesce(least(years, 60)::float4, 'NaN'::float4), 0::int2, 1::int2"
        f" FROM freelancer_extracted_skills {extracted_filter} status = 'extracted'"
        # The index builds its skill layouts a chunk at a time from rows in this order.
        " ORDER BY 1, 2, 6",
        [
            ("f", "int8"),
            ("s", "int8"),
            ("level", "int2"),
            ("years", "float4"),
            ("used", "int2"),
            ("extracted", "int2"),
        ],
    )
    return SkillRows(
        data["f"],
        data["s"],
        data["level"].astype(np.int8),
        data["years"],
        data["used"],
        data["extracted"] > 0,
    )


def load_languages(session: Session, ids: np.ndarray | None = None) -> LanguageRows:
    levels = " ".join(
        f"WHEN '{name}' THEN {number}"
        for number, name in enumerate(("A1", "A2", "B1", "B2", "C1", "C2", "native"), start=1)
    )
    data = copy_columns(
        session,
        "SELECT freelancer_id::int8,"
        " (ascii(substr(lower(code), 1, 1)) * 256 + ascii(substr(lower(code), 2, 1)))::int4,"
        f" (CASE level {levels} ELSE 0 END)::int2"
        f" FROM freelancer_languages {_id_filter('freelancer_id', ids)}",
        [("f", "int8"), ("code", "int4"), ("level", "int2")],
    )
    return LanguageRows(data["f"], data["code"], data["level"].astype(np.int8))


def load_trust(session: Session, ids: np.ndarray | None = None) -> TrustRows:
    # A value that is not a JSON number counts as 0 (no evidence) rather than failing the build.
    values = ", ".join(
        f"(CASE WHEN jsonb_typeof(features->'{name}') = 'number'"
        f" THEN (features->>'{name}')::float8 ELSE 0 END)"
        for name in TRUST_FEATURES
    )
    names = [f"t{i}" for i in range(len(TRUST_FEATURES))]
    data = copy_columns(
        session,
        f"SELECT freelancer_id::int8, {values} FROM freelancer_trust"
        f" {_id_filter('freelancer_id', ids)}",
        [("f", "int8"), *[(name, "float8") for name in names]],
    )
    matrix = (
        np.column_stack([data[name] for name in names])
        if len(data["f"])
        else np.zeros((0, len(TRUST_FEATURES)))
    )
    return TrustRows(data["f"], np.nan_to_num(matrix).astype(np.float32))


def load_placements(session: Session) -> PlacementRows:
    rows = session.execute(
        text(
            "SELECT freelancer_id, count(*),"
            " count(*) FILTER (WHERE outcome IN ('ongoing', 'completed')"
            " AND (client_rating IS NULL OR client_rating >= 3))"
            " FROM placements WHERE freelancer_id IS NOT NULL GROUP BY freelancer_id"
        )
    ).all()
    return PlacementRows(
        np.array([r[0] for r in rows], dtype=np.int64),
        np.array([r[1] for r in rows], dtype=np.float32),
        np.array([r[2] for r in rows], dtype=np.float32),
    )


def load_source(session: Session, ids: np.ndarray | None = None) -> IndexSource:
    """Everything about the given freelancers (all of them when `ids` is None)."""
    return IndexSource(
        freelancers=load_freelancers(session, ids),
        skills=load_skills(session, ids),
        languages=load_languages(session, ids),
        trust=load_trust(session, ids),
        placements=load_placements(session),
    )


@dataclass(frozen=True)
class PollResult:
    """One cheap look at the database: counts and signatures plus recently changed rows."""

    clock: datetime
    freelancer_count: int
    trust_count: int
    placements_signature: str
    catalogue_signature: str
    changed_freelancers: dict[int, datetime]
    changed_trust: dict[int, datetime]


def poll(session: Session, *, since: datetime) -> PollResult:
    head = session.execute(
        text(
            "SELECT clock_timestamp(),"
            " (SELECT count(*) FROM freelancers),"
            " (SELECT count(*) FROM freelancer_trust),"
            " (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(hashtext("
            "   outcome || ':' || coalesce(client_rating, 0)::text || ':' || freelancer_id)), 0)"
            "  FROM placements),"
            " (SELECT count(*) || ':' || coalesce(max(id), 0) FROM skills) || '/' ||"
            " (SELECT count(*) || ':' || coalesce(sum(weight), 0)"
            "    || ':' || coalesce(sum(hashtext(skill_id || '>' || related_skill_id)), 0)"
            "  FROM skill_relations)"
        )
    ).one()
    changed = session.execute(
        text("SELECT id, updated_at FROM freelancers WHERE updated_at >= :since"),
        {"since": since},
    ).all()
    trust = session.execute(
        text("SELECT freelancer_id, computed_at FROM freelancer_trust WHERE computed_at >= :since"),
        {"since": since},
    ).all()
    return PollResult(
        clock=head[0],
        freelancer_count=int(head[1]),
        trust_count=int(head[2]),
        placements_signature=str(head[3]),
        catalogue_signature=str(head[4]),
        changed_freelancers={int(r[0]): r[1] for r in changed},
        changed_trust={int(r[0]): r[1] for r in trust},
    )


def all_freelancer_ids(session: Session) -> np.ndarray:
    data = copy_columns(session, "SELECT id::int8 FROM freelancers", [("id", "int8")])
    return np.sort(data["id"])
