"""Database reads and writes of the network computation (contacts, interactions, contact_trust)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
from sqlalchemy import text
from sqlalchemy.orm import Session

from services.referrals.trust.params import CHANNELS, RECOMMENDATIONS
from services.referrals.trust.pgcopy import copy_in, select_arrays

RECOMPUTE_LOCK = "referrals:recompute_trust"
NETWORK_WRITE_LOCK = "referrals:network_writes"
# Up to this many rows are written with one JSON parameter, more through COPY.
SMALL_WRITE = 2000
FREELANCER_TRUST_LOCK = "referrals:freelancer_trust"

_CHANNEL_CASE = (
    "CASE channel "
    + " ".join(f"WHEN '{name}' THEN {code}" for code, name in enumerate(CHANNELS))
    + " END"
)


@dataclass(frozen=True)
class Fingerprint:
    """What a cached network was computed from; any difference means it is stale."""

    database: str
    contacts: tuple[int, datetime | None]
    interactions: int
    stored: datetime | None
    freelancer_inputs: tuple[Any, ...]
    vouches: tuple[Any, ...] = ()


def advisory_lock(session: Session, name: str, *, shared: bool = False) -> None:
    """Transaction-scoped advisory lock on a name."""
    function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    session.execute(text(f"SELECT {function}(hashtextextended(:name, 0))"), {"name": name})


def database_identity(session: Session) -> str:
    row = session.execute(text("SELECT current_database(), pg_postmaster_start_time()::text")).one()
    return f"{row[0]}@{row[1]}"


def lock_network_writes(session: Session) -> None:
    """Writers of contacts and interactions hold this (shared) until they commit."""
    advisory_lock(session, NETWORK_WRITE_LOCK, shared=True)


@contextmanager
def network_writes_settled(session: Session) -> Iterator[None]:
    """Wait until no transaction writing contacts or interactions is in flight, and hold new
    ones off while the block runs (keep it to a few index look-ups).

    Inside, every row with an id up to the current maximum is committed (or gone for good), so
    "rows with id > the last maximum" is exactly what changed since — no count(*) over a million
    interactions is needed to catch late commits. A session-level lock, released at once; if the
    release fails, the connection is discarded so the server drops the lock with it.
    """
    name = {"name": NETWORK_WRITE_LOCK}
    session.execute(text("SELECT pg_advisory_lock(hashtextextended(:name, 0))"), name)
    try:
        yield
    finally:
        try:
            session.execute(text("SELECT pg_advisory_unlock(hashtextextended(:name, 0))"), name)
        except Exception:
            session.connection().invalidate()
            raise


def contacts_fingerprint(session: Session) -> tuple[int, datetime | None]:
    """Newest contact and latest change (indexed; contacts are never deleted by the API)."""
    row = session.execute(
        text("SELECT (SELECT max(id) FROM contacts), (SELECT max(updated_at) FROM contacts)")
    ).one()
    return int(row[0] or 0), row[1]


def interactions_fingerprint(session: Session) -> int:
    """The newest interaction id (interactions are only ever appended by the API)."""
    return int(session.execute(text("SELECT max(id) FROM interactions")).scalar_one() or 0)


def stored_fingerprint(session: Session) -> datetime | None:
    """When contact_trust was last written (every write sets computed_at = now())."""
    return session.execute(text("SELECT max(computed_at) FROM contact_trust")).scalar_one()


def transaction_time(session: Session) -> datetime:
    return session.execute(text("SELECT now()")).scalar_one()


def freelancer_inputs_fingerprint(session: Session) -> tuple[Any, ...]:
    """Vouches and credited placements feed the freelancer phase besides the network.

    (Renamed freelancers and contacts show in paths at the next full run, at the latest the next
    day; scanning the freelancer table on every run would cost more than it is worth.)
    """
    row = session.execute(
        text(
            "SELECT (SELECT max(id) FROM vouches), (SELECT max(ended_at) FROM vouches),"
            " (SELECT max(attribution_id) FROM attributed_vouches)"
        )
    ).one()
    return tuple(row)


def vouches_fingerprint(session: Session) -> tuple[Any, ...]:
    """Vouches are edges of the network too: any new or ended one means a full computation."""
    row = session.execute(
        text("SELECT (SELECT max(id) FROM vouches), (SELECT max(ended_at) FROM vouches)")
    ).one()
    return tuple(row)


_RECOMMENDATION_CASE = (
    "CASE v.recommendation "
    + " ".join(f"WHEN '{name}' THEN {code}" for code, name in enumerate(RECOMMENDATIONS))
    + " END"
)


def read_vouch_edges(session: Session, *, as_of: date) -> dict[str, np.ndarray]:
    """Active vouches for freelancers who are contacts: voucher and vouchee contact ids,
    channel and recommendation codes, age in days of last_met_on."""
    channel = _CHANNEL_CASE.replace("CASE channel", "CASE v.channel")
    source, target, code, recommendation = select_arrays(
        session,
        "SELECT array_send(array_agg(v.referrer_contact_id)), array_send(array_agg(c.id)),"
        f" array_send(array_agg((DATE '{as_of.isoformat()}' - v.last_met_on)::int8 * 8"
        f" + {channel})), array_send(array_agg(({_RECOMMENDATION_CASE})::int8))"
        " FROM vouches v JOIN contacts c ON c.freelancer_id = v.freelancer_id"
        " WHERE v.status = 'active' AND c.id <> v.referrer_contact_id",
        ["int8", "int8", "int8", "int8"],
    )
    return {
        "source": source.astype(np.int64),
        "target": target.astype(np.int64),
        "channel": (code & 7).astype(np.int64),
        "age": (code >> 3).astype(np.float64),
        "recommendation": recommendation.astype(np.int64),
    }


def count_interactions_after(session: Session, last_id: int) -> int:
    return int(
        session.execute(
            text("SELECT count(*) FROM interactions WHERE id > :id"), {"id": last_id}
        ).scalar_one()
    )


def read_contacts(session: Session) -> tuple[np.ndarray, np.ndarray]:
    """Contact ids (sorted) and their internal flags."""
    ids, internal = select_arrays(
        session,
        "SELECT array_send(array_agg(id ORDER BY id)),"
        " array_send(array_agg(internal ORDER BY id)) FROM contacts",
        ["int8", "bool"],
    )
    return ids.astype(np.int64), internal.astype(bool)


def read_interactions(
    session: Session, *, as_of: date, up_to_id: int, after_id: int = 0
) -> dict[str, np.ndarray]:
    """Both contact ids, channel code and age in days of interactions after_id < id ≤ up_to_id.

    Reading up to the maximum seen under network_writes_settled keeps the network exactly at
    that fingerprint even when new meetings are committed meanwhile.
    """
    # Age and channel travel packed in one int8 (age · 8 + channel code): one array fewer.
    packed = f"(DATE '{as_of.isoformat()}' - occurred_on)::int8 * 8 + {_CHANNEL_CASE}"
    a, b, code = select_arrays(
        session,
        "SELECT array_send(array_agg(contact_a_id)), array_send(array_agg(contact_b_id)),"
        f" array_send(array_agg({packed})) FROM interactions"
        f" WHERE id > {int(after_id)} AND id <= {int(up_to_id)}",
        ["int8", "int8", "int8"],
    )
    return {
        "a": a.astype(np.int64),
        "b": b.astype(np.int64),
        "channel": (code & 7).astype(np.int64),
        "age": (code >> 3).astype(np.float64),
    }


def read_stored_trust(session: Session, *, hops: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """contact_trust as arrays: contact id, network trust, (rows × hops) path ids, 0 padded."""
    steps = ", ".join(
        f"array_send(array_agg(coalesce(trust_path[{k + 1}], 0)))" for k in range(hops)
    )
    columns = select_arrays(
        session,
        "SELECT array_send(array_agg(contact_id)), array_send(array_agg(network_trust)),"
        f" {steps} FROM contact_trust",
        ["int8", "float8", *(["int8"] * hops)],
    )
    paths = np.zeros((columns[0].size, hops), dtype=np.int64)
    for k, column in enumerate(columns[2:]):
        paths[:, k] = column
    return columns[0].astype(np.int64), columns[1].astype(np.float64), paths


def write_trust(
    session: Session, contact_ids: np.ndarray, trust: np.ndarray, paths: np.ndarray
) -> int:
    """Upsert rows with computed_at = now(); paths is (rows × K) contact ids, 0 padded."""
    if contact_ids.size == 0:
        return 0
    if contact_ids.size <= SMALL_WRITE:
        return _write_few(session, contact_ids, trust, paths)
    hops = paths.shape[1]
    session.execute(text("DROP TABLE IF EXISTS referrals_trust_load"))
    session.execute(
        text(
            "CREATE TEMP TABLE referrals_trust_load"
            " (contact_id int8, network_trust float8, trust_path int8[]) ON COMMIT DROP"
        )
    )
    copy_in(
        session,
        "referrals_trust_load",
        [("contact_id", "int8"), ("network_trust", "float8"), ("trust_path", f"int8[{hops}]")],
        {"contact_id": contact_ids, "network_trust": trust, "trust_path": paths},
    )
    session.execute(
        text(
            "INSERT INTO contact_trust (contact_id, network_trust, trust_path, computed_at)"
            " SELECT contact_id, network_trust, array_remove(trust_path, 0::int8), now()"
            " FROM referrals_trust_load"
            " ON CONFLICT (contact_id) DO UPDATE SET network_trust = excluded.network_trust,"
            " trust_path = excluded.trust_path, computed_at = excluded.computed_at"
        )
    )
    session.execute(text("DROP TABLE referrals_trust_load"))
    return int(contact_ids.size)


def _write_few(
    session: Session, contact_ids: np.ndarray, trust: np.ndarray, paths: np.ndarray
) -> int:
    """A few rows (the incremental case) as one JSON parameter: no temporary table."""
    rows = json.dumps(
        [
            {
                "contact_id": int(c),
                "network_trust": float(t),
                "trust_path": [int(p) for p in path if p],
            }
            for c, t, path in zip(contact_ids.tolist(), trust.tolist(), paths.tolist(), strict=True)
        ]
    )
    session.execute(
        text(
            "INSERT INTO contact_trust (contact_id, network_trust, trust_path, computed_at)"
            " SELECT contact_id, network_trust, trust_path, now()"
            " FROM jsonb_to_recordset(CAST(:rows AS jsonb))"
            " AS r(contact_id int8, network_trust float8, trust_path int8[])"
            " ON CONFLICT (contact_id) DO UPDATE SET network_trust = excluded.network_trust,"
            " trust_path = excluded.trust_path, computed_at = excluded.computed_at"
        ),
        {"rows": rows},
    )
    return int(contact_ids.size)
