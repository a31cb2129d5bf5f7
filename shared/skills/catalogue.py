"""The curated skill catalogue shipped as `catalogue.json`, read and checked for shape.

Aliases are look-up spellings, compared by `term_key`, so the file lists them in lower case;
`related` says how much having the skill counts towards another (Spring Boot → Java 0.6).
Optional keys: `ambiguous: true` marks a skill whose name or a short alias is also an everyday
word ("Go", "Spring", "Oracle", "Lean"), so free-text extraction should want context before
counting a bare mention; `source` names the entry's source in `catalogue_sources.json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

# The fixed set of categories, with the label a console shows for each.
CATEGORIES: Mapping[str, str] = {
    "language": "Programming languages",
    "framework": "Frameworks and libraries",
    "mobile": "Mobile",
    "database": "Databases",
    "cloud": "Cloud",
    "devops": "DevOps, CI/CD and infrastructure as code",
    "container": "Containers and orchestration",
    "data": "Data engineering and analytics",
    "ml_ai": "Machine learning and AI",
    "security": "Security",
    "erp": "SAP, ERP and CRM",
    "testing": "Testing and QA",
    "networking": "Networking",
    "os": "Operating systems and infrastructure",
    "method": "Methods and processes",
    "project_management": "Project management",
    "architecture": "Architecture",
    "integration": "Integration and messaging",
    "design": "UX and design",
    "development": "Software development practice",
    "tool": "Tools",
}

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ENTRY_KEYS = frozenset({"slug", "name", "category", "aliases", "related", "ambiguous", "source"})


class TaxonomyError(ValueError):
    """Catalogue data, or a change to a taxonomy, that would make it inconsistent."""


@dataclass(frozen=True)
class CatalogueSkill:
    """One skill as the catalogue file lists it."""

    slug: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    related: tuple[tuple[str, float], ...] = ()
    ambiguous: bool = False


def check_skill_fields(slug: str, name: str, category: str) -> None:
    """Raise TaxonomyError unless slug, name and category are well-formed."""
    if not SLUG_PATTERN.match(slug):
        raise TaxonomyError(f"slug {slug!r} is not lowercase words joined by '-'")
    if not name.strip():
        raise TaxonomyError(f"skill {slug!r} has an empty name")
    if category not in CATEGORIES:
        raise TaxonomyError(f"skill {slug!r} has unknown category {category!r}")


def check_weight(weight: float) -> None:
    if not 0 < weight <= 1:
        raise TaxonomyError(f"relation weight {weight!r} is outside (0, 1]")


def parse_catalogue(entries: list[dict[str, Any]]) -> tuple[CatalogueSkill, ...]:
    """Turn the JSON entries into CatalogueSkills, checking each entry's shape."""
    skills = []
    for entry in entries:
        slug, name, category = entry["slug"], entry["name"], entry["category"]
        check_skill_fields(slug, name, category)
        if unknown := set(entry) - ENTRY_KEYS:
            raise TaxonomyError(f"skill {slug!r} has unknown keys {sorted(unknown)}")
        if not isinstance(entry.get("ambiguous", False), bool):
            raise TaxonomyError(f"skill {slug!r}: 'ambiguous' must be true or false")
        related = tuple((item["slug"], float(item["weight"])) for item in entry.get("related", []))
        for _, weight in related:
            check_weight(weight)
        skills.append(
            CatalogueSkill(
                slug=slug,
                name=name,
                category=category,
                aliases=tuple(entry.get("aliases", [])),
                related=related,
                ambiguous=bool(entry.get("ambiguous", False)),
            )
        )
    return tuple(skills)


@cache
def load_sources() -> dict[str, str]:
    """Where the catalogue's entries come from: source name → description."""
    text = files("shared.skills").joinpath("catalogue_sources.json").read_text(encoding="utf-8")
    sources: dict[str, str] = json.loads(text)
    return sources


@cache
def load_catalogue() -> tuple[CatalogueSkill, ...]:
    """The skills of the packaged `catalogue.json` (read once per process)."""
    text = files("shared.skills").joinpath("catalogue.json").read_text(encoding="utf-8")
    return parse_catalogue(json.loads(text))
