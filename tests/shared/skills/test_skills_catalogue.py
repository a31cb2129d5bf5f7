"""The packaged catalogue, checked from its raw JSON (independently of the Taxonomy)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from importlib.resources import files
from typing import Any

import pytest

from shared.skills.catalogue import (
    CATEGORIES,
    SLUG_PATTERN,
    TaxonomyError,
    load_sources,
    parse_catalogue,
)
from shared.skills.keys import term_key


@pytest.fixture(scope="module")
def entries() -> list[dict[str, Any]]:
    text = files("shared.skills").joinpath("catalogue.json").read_text(encoding="utf-8")
    data: list[dict[str, Any]] = json.loads(text)
    return data


def test_catalogue_has_at_least_500_distinct_skills(entries: list[dict[str, Any]]) -> None:
    assert len(entries) >= 500
    assert len({entry["slug"] for entry in entries}) == len(entries)
    assert len({term_key(entry["name"]) for entry in entries}) == len(entries)


def test_entries_are_well_formed(entries: list[dict[str, Any]]) -> None:
    for entry in entries:
        assert {"slug", "name", "category", "aliases", "related"} <= set(entry), entry
        assert set(entry) <= {
            "slug",
            "name",
            "category",
            "aliases",
            "related",
            "ambiguous",
            "source",
        }
        assert entry.get("ambiguous", False) in (True, False), entry["slug"]
        assert entry.get("source", "original") in load_sources(), entry["slug"]
        assert SLUG_PATTERN.match(entry["slug"]), entry["slug"]
        assert entry["category"] in CATEGORIES, entry["slug"]
        assert all(term_key(alias) for alias in entry["aliases"]), entry["slug"]


def test_every_category_is_used(entries: list[dict[str, Any]]) -> None:
    assert set(Counter(entry["category"] for entry in entries)) == set(CATEGORIES)


def test_every_related_slug_exists_with_a_valid_weight(entries: list[dict[str, Any]]) -> None:
    slugs = {entry["slug"] for entry in entries}
    for entry in entries:
        targets = [related["slug"] for related in entry["related"]]
        assert len(targets) == len(set(targets)), entry["slug"]
        for related in entry["related"]:
            assert related["slug"] in slugs, (entry["slug"], related["slug"])
            assert related["slug"] != entry["slug"]
            assert 0 < related["weight"] <= 1, (entry["slug"], related)


def test_no_spelling_maps_to_two_skills(entries: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for text in (entry["name"], *entry["aliases"]):
            owners[term_key(text)].add(entry["slug"])
    collisions = {key: slugs for key, slugs in owners.items() if len(slugs) > 1}
    assert collisions == {}


def test_partial_credit_examples(entries: list[dict[str, Any]]) -> None:
    related = {
        entry["slug"]: {item["slug"]: item["weight"] for item in entry["related"]}
        for entry in entries
    }
    assert related["spring-boot"]["java"] == 0.6
    assert related["django"]["python"] == 0.6
    assert {"azure", "kubernetes"} <= set(related["azure-aks"])
    assert {"aws", "kubernetes"} <= set(related["aws-eks"])
    assert "react" in related["react-native"]
    assert "react" in related["nextjs"]
    assert "python" in related["pandas"]


def test_parse_catalogue_rejects_bad_entries() -> None:
    good = {"slug": "x-lang", "name": "X", "category": "language", "aliases": [], "related": []}
    parse_catalogue([good])
    with pytest.raises(TaxonomyError):
        parse_catalogue([{**good, "slug": "X Lang"}])
    with pytest.raises(TaxonomyError):
        parse_catalogue([{**good, "category": "misc"}])
    with pytest.raises(TaxonomyError):
        parse_catalogue([{**good, "related": [{"slug": "y", "weight": 1.5}]}])
    with pytest.raises(TaxonomyError):
        parse_catalogue([{**good, "ambigous": True}])  # a typo must not pass silently
    with pytest.raises(TaxonomyError):
        parse_catalogue([{**good, "ambiguous": "yes"}])


def test_ambiguous_flag_reaches_the_taxonomy(entries: list[dict[str, Any]]) -> None:
    flagged = {entry["slug"] for entry in entries if entry.get("ambiguous")}
    assert {"go", "r", "c", "swift", "rust", "spring", "lean"} <= flagged
    assert not {"python", "kubernetes", "postgresql", "java"} & flagged
    skills = {skill.slug: skill for skill in parse_catalogue(entries)}
    assert skills["go"].ambiguous and not skills["python"].ambiguous


def test_products_give_related_credit_to_their_suite(entries: list[dict[str, Any]]) -> None:
    related = {entry["slug"]: {item["slug"] for item in entry["related"]} for entry in entries}
    assert "sap" in related["sap-fi"] and "sap" in related["sap-mm"]
    assert "aws" in related["aws-s3"] and "aws" in related["aws-elasticache"]
    assert "azure" in related["azure-functions"] and "azure" in related["azure-redis"]
    assert "gcp" in related["gcp-firestore"]
    assert "atlassian" in related["jira"] and "atlassian" in related["confluence"]
    assert "dynamics-365" in related["dynamics-crm"]
    assert "salesforce" in related["salesforce-cpq"]
    assert "oracle-database" in related["oracle-rac"]


def test_every_source_is_described() -> None:
    sources = load_sources()
    assert {"stackoverflow-tags", "esco-de", "vendor-products", "istqb-glossary"} <= set(sources)
    assert all(description.strip() for description in sources.values())
