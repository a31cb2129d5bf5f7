"""Reading the freelancer import CSV into API-shaped dicts, one per data row.

Columns (header row required, names case-insensitive, order free; only name, email,
consent_given_at and consent_method are required, every other column may be left out):

    name, email, headline, summary,
    skills            "Python:5:8:2025; Django:4"  (name:level[:years[:last_used]], ";"-separated)
    available_from    ISO date, empty = available now
    day_rate          EUR per day, e.g. 850 or 850.50
    city, country     country as ISO 3166-1 alpha-2 (DE)
    remote            onsite | hybrid | remote            (default hybrid)
    languages         "de:native; en:C1"  (ISO 639-1 code:A1..C2|native, ";"-separated)
    engagement        freelance | permanent | either       (default freelance)
    source_type       referral | event | former_colleague | inbound | job_board |
                      network_online | other              (default other)
    source_detail     free text
    consent_given_at  ISO date-time (naive = UTC), e.g. 2026-01-15T10:00:00Z
    consent_method    free text, e.g. "signed form"

Empty cells mean "not given". Line numbers count the header as line 1.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from shared.errors import field_error

COLUMNS = (
    "name",
    "email",
    "headline",
    "summary",
    "skills",
    "available_from",
    "day_rate",
    "city",
    "country",
    "remote",
    "languages",
    "engagement",
    "source_type",
    "source_detail",
    "consent_given_at",
    "consent_method",
)
REQUIRED_COLUMNS = ("name", "email", "consent_given_at", "consent_method")
MAX_ROWS = 50_000
_SCALARS = ("name", "email", "headline", "summary", "available_from", "day_rate")
_OPTIONAL_ENUMS = ("remote", "engagement")


@dataclass(frozen=True)
class CsvRow:
    line: int
    data: dict[str, Any] | None  # the API body for this row, when the row could be read
    problems: list[str]


def decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise field_error("file", f"must be UTF-8 text (byte {exc.start} is not)") from None


def _header(fields: list[str]) -> list[str]:
    names = [name.strip().lower() for name in fields]
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        raise field_error(
            "file",
            f"unknown column(s) {', '.join(map(repr, unknown))}; known: {', '.join(COLUMNS)}",
        )
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise field_error("file", f"column(s) {', '.join(repeated)} appear twice in the header")
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        raise field_error("file", f"missing required column(s): {', '.join(missing)}")
    return names


def _skills(cell: str, problems: list[str]) -> list[dict[str, Any]]:
    skills: list[dict[str, Any]] = []
    for index, item in enumerate(part.strip() for part in cell.split(";") if part.strip()):
        parts = [part.strip() for part in item.split(":")]
        if len(parts) > 4:
            problems.append(f"skills.{index}: {item!r} has more than name:level:years:last_used")
            continue
        name, level, years, last_used = (*parts, None, None, None)[:4]
        if not level:
            problems.append(f"skills.{index}.level: {name!r} needs a level, e.g. {name}:4")
            continue
        skill: dict[str, Any] = {"name": name, "level": level}
        if years:
            skill["years"] = years
        if last_used:
            skill["last_used"] = last_used
        skills.append(skill)
    return skills


def _languages(cell: str, problems: list[str]) -> list[dict[str, str]]:
    languages: list[dict[str, str]] = []
    for index, item in enumerate(part.strip() for part in cell.split(";") if part.strip()):
        code, _, level = (part.strip() for part in item.partition(":"))
        if not level:
            problems.append(f"languages.{index}.level: {code!r} needs a level, e.g. {code}:C1")
            continue
        level = "native" if level.lower() == "native" else level.upper()
        languages.append({"code": code, "level": level})
    return languages


def _body(cells: dict[str, str], problems: list[str]) -> dict[str, Any]:
    """The FreelancerCreate-shaped body of one row; empty cells are left out."""
    body: dict[str, Any] = {name: cells[name] for name in _SCALARS if cells.get(name)}
    body.update({name: cells[name] for name in _OPTIONAL_ENUMS if cells.get(name)})
    if cells.get("skills"):
        body["skills"] = _skills(cells["skills"], problems)
    if cells.get("languages"):
        body["languages"] = _languages(cells["languages"], problems)
    if cells.get("city") or cells.get("country"):
        body["location"] = {
            key: cells[column]
            for key, column in (("city", "city"), ("country", "country"))
            if cells.get(column)
        }
    if cells.get("source_type") or cells.get("source_detail"):
        body["source"] = {
            key: cells[column]
            for key, column in (("type", "source_type"), ("detail", "source_detail"))
            if cells.get(column)
        }
    body["consent"] = {
        key: cells[column]
        for key, column in (("given_at", "consent_given_at"), ("method", "consent_method"))
        if cells.get(column)
    }
    return body


def read_rows(text: str) -> Iterator[CsvRow]:
    """Each data row as an API body, or the reasons it cannot be read; 422 for a bad header."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise field_error("file", f"the header line is not valid CSV: {exc}") from None
    if header is None:
        raise field_error("file", "is empty; send a header line and at least one row")
    columns = _header(header)
    count = 0
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader, None)
        except csv.Error as exc:
            # The reader resumes at the next line; an unclosed quote swallows the rest of the file.
            yield CsvRow(line, None, [f"line: not valid CSV ({exc})"])
            continue
        if record is None:
            return
        if not any(cell.strip() for cell in record):
            continue
        count += 1
        if count > MAX_ROWS:
            raise field_error("file", f"has more than {MAX_ROWS} rows; split it")
        if len(record) != len(columns):
            yield CsvRow(
                line, None, [f"line: has {len(record)} fields; the header has {len(columns)}"]
            )
            continue
        cells = {name: value.strip() for name, value in zip(columns, record, strict=True)}
        problems: list[str] = []
        body = _body(cells, problems)
        yield CsvRow(line, body, problems)
