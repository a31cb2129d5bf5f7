"""Sybil resistance under the worst case: a 1,000-contact clique of fakes who all met each other
in person today, attached by 5 edges to the contacts that pass the most trust, on a realistic
agency network (3,000 contacts, 15 agency people)."""

from __future__ import annotations

import numpy as np

from services.referrals.evaluation import networks
from services.referrals.evaluation.cli import sybil


def test_a_thousand_fakes_behind_five_attack_edges_capture_almost_nothing() -> None:
    network = networks.agency(np.random.default_rng(2026)).network
    figures = sybil(network)
    assert network.size == 3015 + 1000
    assert figures["share_raw"] <= 1e-3
    assert figures["share_bounded"] <= 1e-3
    # The best fake ranks below the 1,000th real contact.
    assert figures["real_contacts_above_best_fake"] >= 1000
