"""The ranking metrics against values worked out by hand."""

from __future__ import annotations

import math

import pytest

from evaluation.metrics import (
    bootstrap_interval,
    dcg_at_k,
    ndcg_at_k,
    paired_difference,
    per_request_scores,
    precision_at_k,
    recall_at_k,
    reciprocal_rank,
)

GRADES = {"a": 3, "b": 0, "c": 2, "d": 1, "e": 3}


def test_dcg_uses_exponential_gain_and_log2_discount() -> None:
    # (2^3-1)/log2(2) + (2^0-1)/log2(3) + (2^2-1)/log2(4) = 7 + 0 + 1.5
    assert dcg_at_k([3, 0, 2], 3) == pytest.approx(8.5)


def test_ndcg_divides_by_the_best_order_of_every_graded_item() -> None:
    ideal = 7 + 7 / math.log2(3) + 3 / 2  # e and a (3, 3), then c (2)
    assert ndcg_at_k(["a", "b", "c", "d"], GRADES, 3) == pytest.approx(8.5 / ideal)
    assert ndcg_at_k(["a", "e", "c", "d"], GRADES, 3) == pytest.approx(1.0)


def test_ndcg_counts_unknown_items_as_irrelevant_and_is_zero_without_relevance() -> None:
    assert ndcg_at_k(["x", "y"], GRADES, 10) == 0.0
    assert ndcg_at_k(["a"], {"a": 0}, 10) == 0.0


def test_precision_counts_a_short_list_as_misses() -> None:
    assert precision_at_k(["a", "b", "c", "d"], GRADES, 5) == pytest.approx(2 / 5)
    assert precision_at_k(["d", "b"], GRADES, 5) == 0.0  # grade 1 is not relevant


def test_recall_is_the_share_of_relevant_items_found() -> None:
    assert recall_at_k(["a", "b"], GRADES, 2) == pytest.approx(1 / 3)
    assert recall_at_k(["c", "e", "a"], GRADES, 20) == pytest.approx(1.0)
    assert recall_at_k(["a"], {"a": 1}, 20) == 1.0  # nothing to find


def test_reciprocal_rank_of_the_first_relevant_item() -> None:
    assert reciprocal_rank(["a", "b"], GRADES) == 1.0
    assert reciprocal_rank(["b", "d", "c"], GRADES) == pytest.approx(1 / 3)
    assert reciprocal_rank(["b", "d"], GRADES) == 0.0


def test_per_request_scores_names_every_reported_metric() -> None:
    scores = per_request_scores(["e", "a", "c", "d"], GRADES)
    assert scores == {
        "NDCG@10": pytest.approx(1.0),
        "P@5": pytest.approx(3 / 5),
        "recall@20": 1.0,
        "MRR": 1.0,
    }


def test_bootstrap_interval_is_seeded_and_brackets_the_mean() -> None:
    values = [0.2, 0.9, 0.4, 1.0, 0.7, 0.3]
    first = bootstrap_interval(values, seed=3)
    assert first == bootstrap_interval(values, seed=3)
    assert first.mean == pytest.approx(sum(values) / len(values))
    assert first.low < first.mean < first.high
    assert first.low >= 0.2 and first.high <= 1.0
    constant = bootstrap_interval([0.5] * 5, seed=1)
    assert (constant.low, constant.high) == pytest.approx((0.5, 0.5))
    assert math.isnan(bootstrap_interval([], seed=1).mean)


def test_paired_difference_is_per_request_and_refuses_unequal_lengths() -> None:
    gap = paired_difference([0.9, 0.8, 1.0], [0.7, 0.8, 0.7], seed=5)
    assert gap.mean == pytest.approx((0.2 + 0.0 + 0.3) / 3)
    assert 0.0 <= gap.low <= gap.mean <= gap.high <= 0.3 + 1e-9
    with pytest.raises(ValueError):
        paired_difference([0.1], [0.1, 0.2], seed=5)
