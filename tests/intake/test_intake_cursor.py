"""Keyset cursors: what we issue round-trips; anything else is a 422 naming `cursor`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.intake.common.cursor import decode_position, encode_position
from shared.errors import ValidationProblem

instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@given(instants, st.integers(min_value=1, max_value=2**62))
def test_issued_cursors_round_trip(created_at: datetime, row_id: int) -> None:
    assert decode_position(encode_position(created_at, row_id)) == (created_at, row_id)


@given(st.text(max_size=80))
def test_any_other_text_is_a_422_or_a_valid_position(text: str) -> None:
    try:
        created_at, row_id = decode_position(text)
    except ValidationProblem as problem:
        assert [error["field"] for error in problem.errors or []] == ["cursor"]
    else:
        assert created_at.tzinfo is not None and isinstance(row_id, int)


@pytest.mark.parametrize("text", ["", "%%%", "bnVsbA", "WyIyMDI2LTAxLTAxIiwxXQ", "WzEsMl0"])
def test_known_bad_cursors(text: str) -> None:
    with pytest.raises(ValidationProblem):
        decode_position(text)
