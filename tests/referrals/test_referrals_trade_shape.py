"""The trade evaluation's network keeps the shape of the public Bitcoin-OTC data it stands in for:
if the generator drifts, its edge AUCs stop saying anything about the real network."""

from __future__ import annotations

import numpy as np

from services.referrals.evaluation.baselines import pagerank_before
from services.referrals.evaluation.metrics import auc
from services.referrals.evaluation.trade import trade


def test_the_trade_network_has_the_public_shape_and_pagerank_lands_where_it_does_on_it() -> None:
    ratings = trade(np.random.default_rng(3))
    degree = np.bincount(ratings.source, minlength=ratings.size) + np.bincount(
        ratings.target, minlength=ratings.size
    )
    edges = zip(ratings.source.tolist(), ratings.target.tolist(), strict=True)
    pairs = dict(zip(edges, ratings.value.tolist(), strict=True))
    returned = {(a, b): pairs.get((b, a)) for a, b in pairs}
    # Real: 5,881 traders, 35,592 ratings, 89 % positive, 79 % reciprocated, 57 % by the same value.
    assert 5000 <= int((degree > 0).sum()) <= 6800
    assert 31000 <= len(pairs) <= 41000
    assert 0.86 <= float(np.mean(ratings.value > 0)) <= 0.92
    assert 0.72 <= np.mean([back is not None for back in returned.values()]) <= 0.85
    assert 0.50 <= np.mean([back == pairs[pair] for pair, back in returned.items()]) <= 0.62
    assert degree.max() >= 500  # heavy-tailed: a few traders rate and are rated hundreds of times

    split = float(np.quantile(ratings.day, 0.8))
    test = ratings.day >= split
    ppr = pagerank_before(ratings, split)
    # The real network gives the baseline 0.593: the proxy must carry similar structure.
    assert 0.55 <= auc(ppr[ratings.target[test]], ratings.value[test] > 0) <= 0.65
