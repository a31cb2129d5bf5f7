"""Pieces the request and freelancer schemas share."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from services.intake.common.codes import country_code, language_code
from shared.errors import ValidationProblem

# Body models refuse unknown fields, so a typo is a 422 rather than silently ignored.
STRICT_BODY = ConfigDict(extra="forbid", str_strip_whitespace=True)

LanguageCode = Annotated[str, AfterValidator(language_code)]
CountryCode = Annotated[str, AfterValidator(country_code)]
SkillName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Client-supplied dates are judged in the earliest time zone on Earth (UTC-12), so a date that is
# still "today" for a caller anywhere is never refused as being in the past.
_EARLIEST_OFFSET = timedelta(hours=12)


def earliest_today() -> date:
    """Today's date where the day started last (UTC-12)."""
    return (datetime.now(UTC) - _EARLIEST_OFFSET).date()


def not_in_past(value: date) -> date:
    if value < earliest_today():
        raise ValueError(f"{value.isoformat()} is in the past; use today or a later date")
    return value


class Location(BaseModel):
    model_config = STRICT_BODY

    city: Annotated[str, StringConstraints(min_length=1, max_length=120)] | None = None
    country: CountryCode | None = Field(default=None, description="ISO 3166-1 alpha-2, e.g. DE")


def location_of(city: str | None, country: str | None) -> Location | None:
    """The API shape of the two location columns (None when both are empty)."""
    if city is None and country is None:
        return None
    return Location.model_construct(city=city, country=country)


def ensure_unique(values: list[Any], *, what: str) -> list[Any]:
    """Refuse a value given twice instead of silently dropping the repeat."""
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} {value!r} is listed twice")
        seen.add(value)
    return values


def reject_nulls(update: BaseModel, *, nullable: frozenset[str]) -> None:
    """PATCH: an explicit null only clears fields that may be empty."""
    errors = [
        {"field": name, "message": "must not be null; leave the field out to keep it"}
        for name in sorted(update.model_fields_set - nullable)
        if getattr(update, name) is None
    ]
    if errors:
        fields = ", ".join(e["field"] for e in errors)
        raise ValidationProblem(f"Fix these fields: {fields}", errors=errors)


class FieldWarning(BaseModel):
    """Something accepted but changed or worth a look, e.g. two names merged into one skill."""

    field: str
    message: str
