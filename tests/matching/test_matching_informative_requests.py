"""Only requests whose reviewed candidates differ in grade teach the ranker."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from services.matching.modelops.comparison import informative_requests
from services.matching.modelops.dataset import TrainingData


def _data(request_ids: list[int], grades: list[int]) -> TrainingData:
    n = len(grades)
    return TrainingData(
        values=np.zeros((n, 3)),
        must_missing=np.zeros(n),
        grades=np.array(grades, dtype=np.float64),
        request_ids=np.array(request_ids, dtype=np.int64),
        freelancer_ids=np.arange(n, dtype=np.int64),
        request_times={},
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 12), st.integers(0, 4)), max_size=60))
def test_informative_requests_are_those_with_more_than_one_grade(
    rows: list[tuple[int, int]],
) -> None:
    data = _data([r for r, _ in rows], [g for _, g in rows])
    expected = sorted({r for r, _ in rows if len({g for q, g in rows if q == r}) > 1})
    assert informative_requests(data) == expected


def test_a_request_where_everyone_got_the_same_grade_is_left_out() -> None:
    data = _data([7, 7, 3, 3, 3, 9], [2, 2, 0, 4, 1, 3])
    assert informative_requests(data) == [3]
    assert informative_requests(_data([], [])) == []
