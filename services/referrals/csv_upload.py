"""CSV uploads with a per-row report: good rows land, bad rows are reported with reasons.

Line numbers are the file's physical lines (the header is line 1), so a spreadsheet user can find
the row. A problem with the file as a whole (not UTF-8, no header, missing columns) is a 422
naming `file`, and nothing is stored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import UploadFile
from pydantic import BaseModel, Field, ValidationError

from shared.errors import field_error

MAX_ROWS = 50_000


class RowError(BaseModel):
    line: int
    field: str
    message: str


class SkippedRow(BaseModel):
    line: int
    reason: str


class ImportReport(BaseModel):
    rows: int = Field(description="Data rows read (header excluded).")
    created: int
    skipped: int = Field(description="Rows already stored (re-import) or repeated in the file.")
    rejected: int
    created_ids: list[int] = Field(default_factory=list)
    errors: list[RowError] = Field(default_factory=list)
    skipped_rows: list[SkippedRow] = Field(default_factory=list)
    ignored_columns: list[str] = Field(default_factory=list)


@dataclass
class CsvRow:
    line: int
    values: dict[str, str]


@dataclass
class CsvFile:
    rows: list[CsvRow]
    ignored_columns: list[str]


def read_csv(upload: UploadFile, *, required: set[str], optional: set[str]) -> CsvFile:
    """Decode and split an uploaded CSV; empty cells become ''."""
    try:
        content = upload.file.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise field_error("file", "the file is not UTF-8 encoded text") from None
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise field_error(
            "file", "the file is empty; the first line must name the columns"
        ) from None
    except csv.Error as exc:
        raise field_error("file", f"not a readable CSV file: {exc}") from None
    columns = [name.strip().lower() for name in header]
    missing = sorted(required - set(columns))
    if missing:
        raise field_error(
            "file", f"missing column(s): {', '.join(missing)}; the header has {', '.join(columns)}"
        )
    known = required | optional
    rows = list(_rows(reader, columns, header_end=reader.line_num))
    if len(rows) > MAX_ROWS:
        raise field_error("file", f"at most {MAX_ROWS} rows per import; split the file")
    ignored = [name for name in columns if name not in known]
    return CsvFile(rows=rows, ignored_columns=ignored)


EXTRA_CELLS = "__extra__"


def _rows(reader: Any, columns: list[str], *, header_end: int) -> Iterator[CsvRow]:
    line = header_end
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise field_error("file", f"line {start}: not readable as CSV: {exc}") from None
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(columns)
        }
        if len(cells) > len(columns):
            values[EXTRA_CELLS] = "x"
        yield CsvRow(line=start, values=values)


def validation_errors(line: int, exc: ValidationError) -> list[RowError]:
    """Pydantic errors of one row as report entries naming the column."""
    return [
        RowError(
            line=line,
            field=".".join(str(part) for part in err["loc"]) or "row",
            message=err["msg"],
        )
        for err in exc.errors()
    ]
