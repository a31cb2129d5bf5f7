"""Vouch's own trust code on an in-memory network: the functions the service runs, no database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from services.referrals.evaluation.data import Network
from services.referrals.trust.edges import vouch_edges
from services.referrals.trust.features import VouchEvidence, assess
from services.referrals.trust.network import NetworkState, build_network
from services.referrals.trust.params import CHANNELS, RECOMMENDATION_CODE, TrustParams


@dataclass
class TrustResult:
    state: NetworkState
    network_trust: np.ndarray  # bounded, per contact
    raw: np.ndarray  # τ per contact
    attested_quality: np.ndarray  # per contact (0 without vouches)
    score: np.ndarray  # the /trust score per contact (as a freelancer)
    vouched: np.ndarray  # bool: has at least one active vouch


def compute(network: Network, params: TrustParams | None = None) -> TrustResult:
    params = params or TrustParams()
    ids = np.arange(network.size, dtype=np.int64)
    keys = list(network.vouches)
    values = list(network.vouches.values())
    rows = {
        "source": np.array([k[0] for k in keys], dtype=np.int64),
        "target": np.array([k[1] for k in keys], dtype=np.int64),
        "channel": np.array([v[0] for v in values], dtype=np.int64),
        "age": np.array([v[1] for v in values], dtype=np.float64),
        "recommendation": np.array([RECOMMENDATION_CODE[v[2]] for v in values], dtype=np.int64),
    }
    state = build_network(
        ids,
        network.internal,
        np.array(network.meet_a, dtype=np.int64),
        np.array(network.meet_b, dtype=np.int64),
        np.array(network.meet_channel, dtype=np.int64),
        np.array(network.meet_age, dtype=np.float64),
        params,
        vouch_edges(ids, rows, params),
    )
    trust = state.trust
    by_vouchee: dict[int, list[VouchEvidence]] = defaultdict(list)
    for number, ((voucher, vouchee), (channel, age, rec)) in enumerate(network.vouches.items()):
        by_vouchee[vouchee].append(
            VouchEvidence(
                vouch_id=number,
                referrer_contact_id=voucher,
                referrer_trust=float(trust[voucher]),
                channel=CHANNELS[channel],
                recommendation=rec,
                age_days=age,
                referrer_track_record=0.0,
            )
        )
    quality = np.zeros(network.size)
    score = np.zeros(network.size)
    vouched = np.zeros(network.size, dtype=bool)
    for contact in range(network.size):
        evidence = by_vouchee.get(contact, [])
        result = assess(evidence, own_trust=float(trust[contact]), params=params)
        quality[contact] = result.features["attested_quality"]
        score[contact] = result.score
        vouched[contact] = bool(evidence)
    return TrustResult(state, trust, state.effective, quality, score, vouched)
