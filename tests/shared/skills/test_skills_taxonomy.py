from __future__ import annotations

import pytest

from shared.skills import (
    Taxonomy,
    TaxonomyError,
    autocomplete,
    get_catalogue_taxonomy,
    load_catalogue,
    suggest,
)


@pytest.fixture
def small() -> Taxonomy:
    """A taxonomy small enough to reason about orderings."""
    taxonomy = Taxonomy()
    taxonomy.add_skill(slug="kubernetes", name="Kubernetes", category="container", aliases=["k8s"])
    taxonomy.add_skill(slug="kubeflow", name="Kubeflow", category="ml_ai")
    taxonomy.add_skill(slug="helm", name="Helm", category="container", aliases=["kube charts"])
    taxonomy.add_skill(
        slug="aks",
        name="Azure Kubernetes Service",
        category="cloud",
        aliases=["aks"],
        related={"kubernetes": 0.6},
    )
    taxonomy.add_relation("helm", "kubernetes", 0.6)
    return taxonomy


def test_catalogue_taxonomy_holds_the_whole_catalogue() -> None:
    assert len(get_catalogue_taxonomy()) == len(load_catalogue()) >= 500
    assert get_catalogue_taxonomy() is get_catalogue_taxonomy()


def test_autocomplete_kub_starts_with_kubernetes() -> None:
    assert autocomplete("kub")[0].name == "Kubernetes"


def test_autocomplete_exact_alias_first() -> None:
    assert autocomplete("js")[0].name == "JavaScript"
    assert autocomplete("go")[0].name == "Go"


def test_autocomplete_is_bounded_distinct_and_deterministic() -> None:
    first = autocomplete("a", limit=7)
    assert len(first) == 7
    assert len({entry.slug for entry in first}) == 7
    assert autocomplete("a", limit=7) == first
    assert autocomplete("", limit=7) == []
    assert autocomplete("kub", limit=0) == []


def test_autocomplete_orders_name_prefix_then_alias_prefix_then_substring(
    small: Taxonomy,
) -> None:
    # Name prefixes (most-built-on first), then "kube charts", then "...kubernetes...".
    assert [entry.slug for entry in small.autocomplete("kube")] == [
        "kubernetes",
        "kubeflow",
        "helm",
        "aks",
    ]


def test_suggestions_are_distinct_canonical_names() -> None:
    assert "Kubernetes" in suggest("Kubernetis")
    assert suggest("Pyhton")[0] == "Python"
    names = suggest("kuber", limit=3)
    assert len(names) == len(set(names)) <= 3
    assert suggest("") == []


def test_related_gives_partial_credit() -> None:
    taxonomy = get_catalogue_taxonomy()
    assert taxonomy.related("spring-boot")["java"] == 0.6
    assert {"azure", "kubernetes"} <= set(taxonomy.related("azure-aks"))
    assert taxonomy.related("no-such-skill") == {}


def test_related_returns_a_copy(small: Taxonomy) -> None:
    small.related("aks")["kubernetes"] = 1.0
    assert small.related("aks") == {"kubernetes": 0.6}


def test_add_alias(small: Taxonomy) -> None:
    small.add_alias("Kubernetes Engine", "kubernetes")
    assert small.normalise("kubernetes-engine").slug == "kubernetes"
    assert "Kubernetes Engine" in small.get("kubernetes").aliases  # type: ignore[union-attr]
    # Known already: a no-op, not a duplicate.
    assert small.add_alias("K8S", "kubernetes").aliases.count("k8s") == 1


def test_add_alias_refuses_conflicts(small: Taxonomy) -> None:
    with pytest.raises(TaxonomyError, match="already means 'Kubernetes'"):
        small.add_alias("k8s", "helm")
    with pytest.raises(TaxonomyError, match="unknown skill"):
        small.add_alias("whatever", "nope")
    with pytest.raises(TaxonomyError, match="no letters or digits"):
        small.add_alias("--", "helm")


def test_add_skill(small: Taxonomy) -> None:
    entry = small.add_skill(
        slug="acme-dsl",
        name="Acme DSL",
        category="language",
        aliases=["acmedsl", "Acme-DSL", "ADSL script"],
        related={"helm": 0.3},
        custom=True,
    )
    assert entry.custom
    assert entry.aliases == ("ADSL script",)  # spellings with the name's key are not repeated
    assert small.normalise("ADSL Script").canonical == "Acme DSL"
    assert small.related("acme-dsl") == {"helm": 0.3}
    assert small.autocomplete("acm")[0].slug == "acme-dsl"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": "helm"}, "already exists"),
        ({"name": "K8S"}, "already means 'Kubernetes'"),
        ({"aliases": ["Helm"]}, "already means 'Helm'"),
        ({"category": "misc"}, "unknown category"),
        ({"slug": "Not A Slug"}, "slug"),
        ({"related": {"nope": 0.5}}, "unknown skill"),
        ({"related": {"helm": 0.0}}, r"outside \(0, 1\]"),
        ({"related": {"new-skill": 0.5}}, "itself"),
    ],
)
def test_add_skill_refuses_inconsistent_skills(
    small: Taxonomy, changes: dict[str, object], message: str
) -> None:
    arguments: dict[str, object] = {"slug": "new-skill", "name": "New Skill", "category": "tool"}
    with pytest.raises(TaxonomyError, match=message):
        small.add_skill(**{**arguments, **changes})  # type: ignore[arg-type]
    # A refused skill leaves nothing behind.
    assert "new-skill" not in small
    assert small.normalise("New Skill").slug is None
