"""Moving columns between Postgres and numpy without a Python call per row.

Out: one-row queries of array_send(array_agg(column)) parsed with np.frombuffer. In: binary COPY
built as one numpy structured array. PostgreSQL's binary COPY format is an 11-byte signature, a
4-byte flags field and a 4-byte header extension length, then per row a 2-byte field count and
per field a 4-byte length followed by the big-endian value, then a 2-byte −1 trailer; with
fixed-width columns every row has the same size.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

SIGNATURE = b"PGCOPY\n\xff\r\n\x00"
HEADER = SIGNATURE + struct.pack(">ii", 0, 0)
TRAILER = struct.pack(">h", -1)

# Postgres type -> big-endian numpy type.
PG_TYPES = {"int8": ">i8", "int4": ">i4", "int2": ">i2", "float8": ">f8", "bool": "?"}


def raw_connection(session: Session) -> Any:
    """The psycopg connection under the session (same transaction)."""
    return session.connection().connection.driver_connection


INT8_OID = 20


def _array_length(pg_type: str) -> int | None:
    """K for "int8[K]" (a one-dimensional int8 array of exactly K non-null elements)."""
    if pg_type.startswith("int8[") and pg_type.endswith("]"):
        return int(pg_type[5:-1])
    return None


def _field_dtype(pg_type: str) -> Any:
    length = _array_length(pg_type)
    if length is None:
        return PG_TYPES[pg_type]
    # ndim, has-null flag, element type, dimension length, lower bound; (length, value) each.
    header = [(n, ">i4") for n in ("ndim", "nulls", "oid", "dim", "lbound")]
    return np.dtype([*header, ("items", np.dtype([("len", ">i4"), ("value", ">i8")]), (length,))])


def _row_dtype(columns: Sequence[tuple[str, str]]) -> np.dtype:
    fields: list[tuple[str, Any]] = [("_count", ">i2")]
    for name, pg_type in columns:
        fields.append((f"_len_{name}", ">i4"))
        fields.append((name, _field_dtype(pg_type)))
    return np.dtype(fields)


def int8_array(values: Iterable[int]) -> str:
    """A bigint[] literal: psycopg's list adapter costs ~15 µs per element on big lists."""
    return "{" + ",".join(str(int(v)) for v in values) + "}"


def select_arrays(session: Session, query: str, types: Sequence[str]) -> list[np.ndarray]:
    """Run a one-row query whose columns are array_send(array_agg(...)); numpy arrays back.

    Aggregating into arrays moves a million rows as a few large values: the server does the
    per-row work in C and the client parses each array with one np.frombuffer, where reading a
    million COPY rows would cost a Python call per row.
    """
    with raw_connection(session).cursor() as cursor:
        cursor.execute(query, binary=True)
        row = cursor.fetchone()
    assert row is not None and len(row) == len(types)
    return [_parse_array(value, pg_type) for value, pg_type in zip(row, types, strict=True)]


def _parse_array(value: bytes | None, pg_type: str) -> np.ndarray:
    """The binary array format (array_send) of a one-dimensional array without NULLs."""
    element = np.dtype(PG_TYPES[pg_type])
    if value is None:  # array_agg over no rows
        return np.zeros(0, dtype=element.newbyteorder("="))
    data = memoryview(value)
    ndim, has_nulls, _ = struct.unpack(">iii", data[:12])
    if ndim == 0:
        return np.zeros(0, dtype=element.newbyteorder("="))
    if ndim != 1 or has_nulls:
        raise ValueError("expected a one-dimensional array without NULLs")
    (length,) = struct.unpack(">i", data[12:16])
    items = np.frombuffer(data[20:], dtype=np.dtype([("len", ">i4"), ("value", element)]))
    if items.shape[0] != length:
        raise ValueError("truncated array")
    return items["value"].astype(element.newbyteorder("="))


def copy_in(
    session: Session, table: str, columns: Sequence[tuple[str, str]], values: dict[str, Any]
) -> None:
    """COPY numpy columns into `table` in binary (no NULLs; "int8[K]" takes a (rows × K) array)."""
    dtype = _row_dtype(columns)
    count = len(next(iter(values.values())))
    rows = np.zeros(count, dtype=dtype)
    rows["_count"] = len(columns)
    for name, pg_type in columns:
        field = rows[name]
        rows[f"_len_{name}"] = field.dtype.itemsize
        length = _array_length(pg_type)
        if length is None:
            rows[name] = values[name]
            continue
        field["ndim"], field["nulls"], field["oid"] = 1, 0, INT8_OID
        field["dim"], field["lbound"] = length, 1
        field["items"]["len"] = 8
        field["items"]["value"] = np.asarray(values[name]).reshape(count, length)
    names = ", ".join(name for name, _ in columns)
    with (
        raw_connection(session).cursor() as cursor,
        cursor.copy(f"COPY {table} ({names}) FROM STDIN (FORMAT binary)") as copy,
    ):
        copy.write(HEADER + rows.tobytes() + TRAILER)
