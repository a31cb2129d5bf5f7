"""Read what the trust paths need (chains of contacts, facts of each hop) and word them.

A chain is contact_trust.trust_path — the strongest chain of relationships (≤ max hops) from the
agency's people to a voucher or to the freelancer's own contact, stored with the network trust.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy.orm import Session

from services.referrals.trust.params import CHANNELS, TrustParams
from services.referrals.trust.pgcopy import int8_array, raw_connection
from services.referrals.trust.wording import ChannelFacts, Person, VouchFacts, sentence


@dataclass(frozen=True)
class PathSeed:
    contact_id: int  # the voucher, or the freelancer's own contact
    weight: float  # paths are listed by this, strongest first
    vouch: VouchFacts | None  # None: the path ends at the freelancer's own contact


@dataclass(frozen=True)
class _Node:
    name: str
    internal: bool


def _rows(session: Session, query: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Plain tuples from the driver: tens of thousands of rows without per-row wrappers."""
    with raw_connection(session).cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def _chains(
    session: Session, starts: set[int], max_hops: int
) -> tuple[dict[int, list[int]], dict[int, _Node]]:
    """Chain (agency side first, ending at the start contact) for every start contact."""
    # Path elements as plain columns: parsing ten thousand arrays costs more than the query.
    steps = ", ".join(f"ct.trust_path[{k}]" for k in range(max_hops, 0, -1))
    chains = {
        row[0]: [*(c for c in row[1:] if c is not None), row[0]]
        for row in _rows(
            session,
            f"SELECT c.id, {steps} FROM contacts c"
            " LEFT JOIN contact_trust ct ON ct.contact_id = c.id WHERE c.id = ANY(%s::int8[])",
            [int8_array(sorted(starts))],
        )
    }
    everyone = {contact for chain in chains.values() for contact in chain}
    nodes = {
        contact_id: _Node(name, internal)
        for contact_id, name, internal in _rows(
            session,
            "SELECT id, name, internal FROM contacts WHERE id = ANY(%s::int8[])",
            [int8_array(sorted(everyone))],
        )
    }
    # A contact deleted since the last computation breaks its chains until the next one.
    for start, chain in chains.items():
        if not all(contact in nodes for contact in chain):
            chains[start] = [start]
    return chains, nodes


def _hop_facts(
    session: Session, pairs: set[tuple[int, int]], *, as_of: date, params: TrustParams
) -> dict[tuple[int, int], list[ChannelFacts]]:
    """Per pair, the facts of the channel that carries most of the tie."""
    if not pairs:
        return {}
    ordered = sorted(pairs)
    weight = (
        "CASE channel "
        + " ".join(f"WHEN '{name}' THEN {params.weight(name)!r}" for name in CHANNELS)
        + " END"
    )
    rows = _rows(
        session,
        "SELECT DISTINCT ON (a, b) a, b, channel, n, first, last, evidence, context FROM ("
        " SELECT contact_a_id AS a, contact_b_id AS b, channel, count(*) AS n,"
        " min(occurred_on) AS first, max(occurred_on) AS last,"
        # Exponent floored at -1000: centuries-old meetings weigh ~0 instead of underflowing.
        f" {weight} * sum(power(2.0::float8,"
        " greatest(-greatest(%s::date - occurred_on, 0) / %s::float8, -1000.0)))"
        " AS evidence,"
        " (array_agg(context ORDER BY occurred_on DESC) FILTER (WHERE context <> ''))[1]"
        " AS context"
        " FROM interactions WHERE (contact_a_id, contact_b_id) IN"
        " (SELECT * FROM unnest(%s::int8[], %s::int8[]))"
        " GROUP BY contact_a_id, contact_b_id, channel) per_channel"
        " ORDER BY a, b, evidence DESC, n DESC, channel",
        [
            as_of,
            params.interaction_half_life_days,
            [a for a, _ in ordered],
            [b for _, b in ordered],
        ],
    )
    return {
        (a, b): [ChannelFacts(channel, int(n), first, last, context, float(evidence))]
        for a, b, channel, n, first, last, evidence, context in rows
    }


def describe_paths(
    session: Session,
    seeds: dict[int, list[PathSeed]],
    freelancer_names: dict[int, str],
    *,
    as_of: date,
    params: TrustParams,
    max_paths: int,
) -> dict[int, list[str]]:
    """Up to max_paths sentences per freelancer, strongest seed first."""
    chosen = {
        fid: sorted(items, key=lambda s: (-s.weight, s.contact_id))[:max_paths]
        for fid, items in seeds.items()
    }
    starts = {seed.contact_id for items in chosen.values() for seed in items}
    chains, nodes = _chains(session, starts, params.max_hops)
    pairs = {(min(x, y), max(x, y)) for chain in chains.values() for x, y in pairwise(chain)}
    facts = _hop_facts(session, pairs, as_of=as_of, params=params)
    result: dict[int, list[str]] = {}
    for fid, items in chosen.items():
        name = freelancer_names.get(fid, f"freelancer {fid}")
        sentences = []
        for seed in items:
            chain = chains.get(seed.contact_id, [seed.contact_id])
            people = [
                Person(nodes[c].name, nodes[c].internal) if c in nodes else Person(f"contact {c}")
                for c in chain
            ]
            if seed.vouch is None:
                if len(chain) < 2:
                    continue
                people[-1] = Person(name)
            hops = [facts.get((min(x, y), max(x, y)), []) for x, y in pairwise(chain)]
            sentences.append(sentence(people, hops, vouch=seed.vouch, freelancer_name=name))
        result[fid] = sentences
    return result
