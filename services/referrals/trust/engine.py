"""Recompute every contact's network trust: in full, or incrementally from a warm network.

A worker process keeps the last network it computed (per database) in memory. On the next run it
compares fingerprints of what the network was built from (newest interaction id, newest contact
id and latest contact change, last contact_trust write, parameters, day); when the only
difference is a few appended interactions between known contacts on the same day, it updates the
network in place (network.apply_interactions, exact) and writes only the contacts whose trust or
chain changed. Anything else — new or edited contacts, a new day (decay moves every strength), a
contact_trust table written by another worker, other parameters — falls back to the full
computation. The in-memory network is only kept once the transaction that wrote its results has
committed.

"Appended since" is exact because writers of contacts and interactions hold a shared advisory
lock until they commit, and the fingerprint is read under the exclusive lock for a moment
(store.network_writes_settled): no row below the newest id can still be uncommitted then. The
API never deletes contacts or interactions; after deleting any by hand, queue
recompute_trust with {"full": true} (or wait for the next day's full run).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Literal

import numpy as np
from sqlalchemy import event
from sqlalchemy.orm import Session

from services.referrals.trust import store
from services.referrals.trust.edges import index_lookup, vouch_edges
from services.referrals.trust.network import (
    FullRecomputeNeeded,
    NetworkState,
    apply_interactions,
    build_network,
)
from services.referrals.trust.params import TrustParams
from services.referrals.trust.strength import interaction_evidence


@dataclass
class CachedNetwork:
    state: NetworkState
    as_of: date
    fingerprint: store.Fingerprint


@dataclass
class NetworkRefresh:
    mode: Literal["full", "incremental", "unchanged"]
    # Contacts whose trust or best path changed; every contact after a full run.
    changed_contact_ids: np.ndarray
    freelancer_inputs_changed: bool
    written: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


_cache: dict[str, CachedNetwork] = {}
_cache_lock = threading.Lock()


def trust_day() -> date:
    """The day decay is measured to (UTC)."""
    return datetime.now(UTC).date()


def forget_cached_networks() -> None:
    with _cache_lock:
        _cache.clear()


def _keep_after_commit(session: Session, key: str, cached: CachedNetwork) -> None:
    with _cache_lock:
        _cache.pop(key, None)

    def keep(_: Session) -> None:
        with _cache_lock:
            _cache[key] = cached

    def drop(_: Session, *__: object) -> None:
        with _cache_lock:
            _cache.pop(key, None)

    event.listen(session, "after_commit", keep, once=True)
    event.listen(session, "after_soft_rollback", drop, once=True)


def refresh_network(
    session: Session,
    *,
    params: TrustParams,
    as_of: date | None = None,
    max_incremental: int = 500,
    allow_incremental: bool = True,
) -> NetworkRefresh:
    """Bring contact_trust up to date with contacts and interactions; serialised by a lock."""
    started = time.perf_counter()
    store.advisory_lock(session, store.RECOMPUTE_LOCK)
    as_of = as_of or trust_day()
    key = store.database_identity(session)
    with store.network_writes_settled(session):
        contacts = store.contacts_fingerprint(session)
        interactions = store.interactions_fingerprint(session)
    stored = store.stored_fingerprint(session)
    freelancer_inputs = store.freelancer_inputs_fingerprint(session)
    vouches = store.vouches_fingerprint(session)
    with _cache_lock:
        cached = _cache.get(key)
    seconds = {"fingerprint": time.perf_counter() - started}
    if (
        allow_incremental
        and cached is not None
        and cached.as_of == as_of
        and cached.state.params == params
        and cached.fingerprint.contacts == contacts
        and cached.fingerprint.stored == stored
        and cached.fingerprint.vouches == vouches
    ):
        known_max = cached.fingerprint.interactions
        freelancer_changed = cached.fingerprint.freelancer_inputs != freelancer_inputs
        if interactions == known_max:
            if freelancer_changed:
                fingerprint = replace(cached.fingerprint, freelancer_inputs=freelancer_inputs)
                _keep_after_commit(session, key, replace(cached, fingerprint=fingerprint))
            return NetworkRefresh(
                mode="unchanged",
                changed_contact_ids=np.zeros(0, dtype=np.int64),
                freelancer_inputs_changed=freelancer_changed,
                seconds=seconds,
            )
        if interactions > known_max and (
            interactions - known_max <= max_incremental
            or store.count_interactions_after(session, known_max) <= max_incremental
        ):
            try:
                return _incremental(
                    session,
                    key,
                    cached,
                    as_of,
                    contacts,
                    interactions,
                    stored,
                    freelancer_inputs,
                    seconds,
                )
            except FullRecomputeNeeded:
                pass
    return _full(
        session,
        key,
        params,
        as_of,
        store.Fingerprint(key, contacts, interactions, stored, freelancer_inputs, vouches),
        seconds,
    )


def _full(
    session: Session,
    key: str,
    params: TrustParams,
    as_of: date,
    seen: store.Fingerprint,
    seconds: dict[str, float],
) -> NetworkRefresh:
    clock = time.perf_counter()
    contact_ids, internal = store.read_contacts(session)
    rows = store.read_interactions(session, as_of=as_of, up_to_id=seen.interactions)
    vouches = vouch_edges(contact_ids, store.read_vouch_edges(session, as_of=as_of), params)
    seconds["read"] = time.perf_counter() - clock

    clock = time.perf_counter()
    state = build_network(
        contact_ids,
        internal,
        index_lookup(contact_ids, rows["a"]),
        index_lookup(contact_ids, rows["b"]),
        rows["channel"],
        rows["age"],
        params,
        vouches,
    )
    seconds["compute"] = time.perf_counter() - clock

    clock = time.perf_counter()
    trust, chains = state.trust, state.chain_ids(np.arange(state.size))
    stored_ids, stored_trust, stored_chains = store.read_stored_trust(session, hops=params.max_hops)
    position = index_lookup(contact_ids, stored_ids)
    known = position >= 0
    same = np.zeros(state.size, dtype=bool)
    same[position[known]] = (stored_trust[known] == trust[position[known]]) & (
        stored_chains[known] == chains[position[known]]
    ).all(axis=1)
    write = np.flatnonzero(~same)
    written = store.write_trust(session, contact_ids[write], trust[write], chains[write])
    seconds["write"] = time.perf_counter() - clock

    if written:
        seen = replace(seen, stored=store.transaction_time(session))
    _keep_after_commit(session, key, CachedNetwork(state, as_of, seen))
    return NetworkRefresh(
        mode="full",
        changed_contact_ids=contact_ids,
        freelancer_inputs_changed=True,
        written=written,
        seconds=seconds,
    )


def _incremental(
    session: Session,
    key: str,
    cached: CachedNetwork,
    as_of: date,
    contacts: tuple[int, datetime | None],
    interactions: int,
    stored: datetime | None,
    freelancer_inputs: tuple[object, ...],
    seconds: dict[str, float],
) -> NetworkRefresh:
    clock = time.perf_counter()
    state = cached.state
    # The network is about to change in place: it is only cached again after the commit.
    with _cache_lock:
        _cache.pop(key, None)
    rows = store.read_interactions(
        session, as_of=as_of, after_id=cached.fingerprint.interactions, up_to_id=interactions
    )
    seconds["read"] = time.perf_counter() - clock

    clock = time.perf_counter()
    changed = apply_interactions(
        state,
        state.index_of(rows["a"]),
        state.index_of(rows["b"]),
        interaction_evidence(rows["channel"], rows["age"], state.params),
    )
    seconds["compute"] = time.perf_counter() - clock

    clock = time.perf_counter()
    changed_ids = state.contact_ids[changed]
    written = store.write_trust(
        session, changed_ids, state.trust[changed], state.chain_ids(changed)
    )
    seconds["write"] = time.perf_counter() - clock
    fingerprint = store.Fingerprint(
        database=key,
        contacts=contacts,
        interactions=interactions,
        stored=store.transaction_time(session) if written else stored,
        freelancer_inputs=freelancer_inputs,
        vouches=cached.fingerprint.vouches,
    )
    _keep_after_commit(session, key, CachedNetwork(state, as_of, fingerprint))
    return NetworkRefresh(
        mode="incremental",
        changed_contact_ids=changed_ids,
        freelancer_inputs_changed=cached.fingerprint.freelancer_inputs != freelancer_inputs,
        written=written,
        seconds=seconds,
    )
