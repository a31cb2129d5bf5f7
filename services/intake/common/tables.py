"""Core Table objects of ORM models, for bulk INSERTs that skip the unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY


def table_of(model: Any) -> Table:
    """The model's Table (typed as such; `__table__` is typed as a bare FromClause)."""
    return cast(Table, model.__table__)


def in_array(column: Any, values: Sequence[Any], item_type: Any) -> ColumnElement[bool]:
    """`column = ANY(:values)`: one array parameter, where IN would send one per value."""
    return column == any_(bindparam(None, list(values), type_=ARRAY(item_type)))
