"""Bulk-loading helpers for the benchmarks' synthetic agencies (scratch databases only).

A million profiles are ~30 M `freelancer_skills` rows. Loaded row by row through the schema's
foreign keys (one trigger check per row and key) and secondary indexes this took ~10 min, so
`deferred_constraints` drops the loaded tables' foreign keys and non-constraint indexes for the
COPY and recreates them afterwards (one sort per index, one anti-join per key: the same checks,
done in bulk). Primary keys stay: the rows arrive in key order, so they only append.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, text

# Binary COPY: signature, flags, header-extension length; a tuple count of -1 ends the data.
_BINARY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
_BINARY_TRAILER = struct.pack(">h", -1)
_CHUNK_BYTES = 8 << 20


def _raw(connection: Connection) -> Any:
    return connection.connection.driver_connection


def bulk_session(connection: Connection) -> None:
    """Settings for one loading session: the scratch database is dropped after the run anyway."""
    connection.exec_driver_sql("SET synchronous_commit = off")
    connection.exec_driver_sql("SET maintenance_work_mem = '256MB'")


def copy_text(connection: Connection, table: str, columns: str, rows: Iterable[str]) -> None:
    """COPY text rows, streamed in chunks of a few MB (never the whole table as one string)."""
    statement = f"COPY {table} ({columns}) FROM STDIN"
    with _raw(connection).cursor() as cursor, cursor.copy(statement) as copy:
        chunk: list[str] = []
        size = 0
        for row in rows:
            chunk.append(row)
            size += len(row)
            if size >= _CHUNK_BYTES:
                copy.write("".join(chunk))
                chunk, size = [], 0
        if chunk:
            copy.write("".join(chunk))


def copy_binary(connection: Connection, table: str, columns: str, chunks: Iterator[bytes]) -> None:
    """COPY ... (FORMAT binary) from chunks of encoded tuples (see `binary_tuples`)."""
    statement = f"COPY {table} ({columns}) FROM STDIN (FORMAT binary)"
    with _raw(connection).cursor() as cursor, cursor.copy(statement) as copy:
        copy.write(_BINARY_HEADER)
        for chunk in chunks:
            copy.write(chunk)
        copy.write(_BINARY_TRAILER)


def binary_tuples(fields: list[tuple[str, np.ndarray, np.ndarray | None]]) -> bytes:
    """Encode equally long columns as binary COPY tuples, vectorised.

    Each field is (big-endian numpy dtype, values, null mask or None). Every row is laid out at
    full width in a structured array (field count, then length + value per field); a NULL gets
    length -1 and its value bytes are cut out with one boolean mask over the bytes.
    """
    m = len(fields[0][1])
    layout: list[tuple[str, str]] = [("count", ">i2")]
    for i, (dtype, _values, _nulls) in enumerate(fields):
        layout += [(f"length{i}", ">i4"), (f"value{i}", dtype)]
    rows = np.empty(m, dtype=np.dtype(layout))
    rows["count"] = len(fields)
    keep: np.ndarray | None = None
    for i, (dtype, values, nulls) in enumerate(fields):
        width = np.dtype(dtype).itemsize
        rows[f"length{i}"] = width
        rows[f"value{i}"] = values
        if nulls is not None and nulls.any():
            rows[f"length{i}"][nulls] = -1
            if keep is None:
                keep = np.ones((m, rows.dtype.itemsize), dtype=bool)
            start = rows.dtype.fields[f"value{i}"][1]  # type: ignore[index]
            keep[np.flatnonzero(nulls)[:, None], np.arange(start, start + width)] = False
    data = rows.view(np.uint8).reshape(m, rows.dtype.itemsize)
    return (data[keep] if keep is not None else data).tobytes()


@contextmanager
def deferred_constraints(engine: Engine, tables: list[str]) -> Iterator[None]:
    """Drop the foreign keys and non-constraint indexes of `tables`; recreate them on exit."""
    with engine.begin() as connection:
        keys = connection.execute(
            text(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                " FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(:t)"
            ),
            {"t": tables},
        ).all()
        indexes = connection.execute(
            text(
                "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index"
                " WHERE indrelid::regclass::text = ANY(:t) AND NOT EXISTS (SELECT 1 FROM"
                " pg_constraint c WHERE c.conindid = indexrelid AND c.contype IN ('p', 'u', 'x'))"
            ),
            {"t": tables},
        ).all()
        for table, name, _definition in keys:
            connection.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _definition in indexes:
            connection.exec_driver_sql(f"DROP INDEX {name}")
    yield
    with engine.begin() as connection:
        bulk_session(connection)
        for _name, definition in indexes:
            connection.exec_driver_sql(definition)
        for table, name, definition in keys:
            connection.exec_driver_sql(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
