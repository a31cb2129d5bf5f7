"""The packaged catalogue, checked from its raw JSON (independently of the Taxonomy)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from importlib.resources import files
from typing import Any

import pytest

from shared.skills.catalogue import CATEGORIES, SLUG_PATTERN, TaxonomyError, parse_catalogue
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
        assert set(entry) == {"slug", "name", "category", "aliases", "related"}, entry
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
