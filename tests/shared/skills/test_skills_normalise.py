from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.skills import load_catalogue, normalise

SPELLINGS = sorted(
    (text, skill.slug) for skill in load_catalogue() for text in (skill.name, *skill.aliases)
)
# Separators that carry no meaning ("+", "#", "&" and a leading "." do).
NEUTRAL = " -_/'\t\u00a0"
# Greek and Cyrillic letters and neutral punctuation: no skill is spelled with these.
NON_SKILL_ALPHABET = "αβγδεζηθλμξπρστφχψωбгджзийлпфцчшщъыьэюя!?*()[]{}<>=~ "


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("k8s", "Kubernetes"),
        ("K8S", "Kubernetes"),
        ("JS", "JavaScript"),
        ("TS", "TypeScript"),
        ("Postgres", "PostgreSQL"),
        ("postgresql", "PostgreSQL"),
        ("golang", "Go"),
        ("Go", "Go"),
        ("dotnet", ".NET"),
        (".NET", ".NET"),
        ("C#", "C#"),
        ("csharp", "C#"),
        ("C++", "C++"),
        ("cpp", "C++"),
        ("C", "C"),
        ("R", "R"),
        ("Java", "Java"),
        ("JavaScript", "JavaScript"),
        ("node", "Node.js"),
        ("nodejs", "Node.js"),
        ("node.js", "Node.js"),
        ("React.js", "React"),
        ("reactjs", "React"),
        ("Vue.js", "Vue.js"),
        ("Angular", "Angular"),
        ("Angular.js", "AngularJS"),
        ("Angular 1.x", "AngularJS"),
        ("MS SQL", "Microsoft SQL Server"),
        ("mssql", "Microsoft SQL Server"),
        ("SQL Server", "Microsoft SQL Server"),
        ("S/4HANA", "SAP S/4HANA"),
        ("S4HANA", "SAP S/4HANA"),
        ("Dynamics 365", "Microsoft Dynamics 365"),
        ("Office 365", "Microsoft 365"),
        ("Neo4j", "Neo4j"),
        ("Log4j", "Log4j"),
        ("S3", "Amazon S3"),
        ("H2", "H2 Database"),
        ("Auth0", "Auth0"),
        ("C4 model", "C4 Model"),
        ("Db2", "IBM Db2"),
        ("AKS", "Azure Kubernetes Service"),
        ("Projektmanagement", "Project Management"),
        ("Anforderungsmanagement", "Requirements Engineering"),
        ("Netzwerktechnik", "Networking"),
        ("Softwarearchitektur", "Software Architecture"),
        ("Informationssicherheit", "Information Security"),
        ("Agile Methoden", "Agile Methods"),
        ("Testautomatisierung", "Test Automation"),
        ("Systemadministration", "System Administration"),
        ("Qualitätssicherung", "Quality Assurance"),
        ("QUALITAETSSICHERUNG", "Quality Assurance"),
    ],
)
def test_known_spellings(text: str, canonical: str) -> None:
    resolution = normalise(text)
    assert resolution.canonical == canonical
    assert resolution.version is None
    assert resolution.suggestions == []


def test_similar_names_stay_apart() -> None:
    slugs = [normalise(text).slug for text in ("C", "C++", "C#", "Java", "JavaScript")]
    assert len(set(slugs)) == len(slugs)
    assert normalise("AngularJS").slug != normalise("Angular").slug


@pytest.mark.parametrize(
    ("text", "canonical", "version"),
    [
        ("Java 17", "Java", "17"),
        ("Python3", "Python", "3"),
        ("Python 3.11", "Python", "3.11"),
        ("Angular 16", "Angular", "16"),
        ("Vue 3", "Vue.js", "3"),
        ("PHP8", "PHP", "8"),
        ("Java SE 21", "Java", "21"),
        ("C++17", "C++", "17"),
        (".NET 8", ".NET", "8"),
        ("SQL Server 2019", "Microsoft SQL Server", "2019"),
        ("Oracle 19c", "Oracle Database", "19c"),
        ("ITIL v4", "ITIL", "4"),
    ],
)
def test_versions_are_split_off(text: str, canonical: str, version: str) -> None:
    resolution = normalise(text)
    assert (resolution.canonical, resolution.version) == (canonical, version)


def test_key_of_a_versioned_term_is_the_key_that_matched() -> None:
    assert normalise("Java SE 21").key == "javase"
    assert normalise("ITIL v4").key == "itil"


def test_resolution_carries_the_input_and_category() -> None:
    resolution = normalise("  k8s ")
    assert resolution.input == "  k8s "
    assert (resolution.key, resolution.slug, resolution.category) == (
        "k8s",
        "kubernetes",
        "container",
    )
    assert resolution.recognised


@pytest.mark.parametrize("text", ["less", "apex", "", "   ", "!!!"])
def test_ambiguous_or_empty_terms_are_not_guessed(text: str) -> None:
    assert normalise(text).slug is None


def test_unrecognised_term_gets_suggestions() -> None:
    resolution = normalise("Kubernetis")
    assert resolution.slug is None
    assert resolution.key == "kubernetis"
    assert "Kubernetes" in resolution.suggestions
    assert len(resolution.suggestions) <= 3
    assert len(set(resolution.suggestions)) == len(resolution.suggestions)


def test_every_alias_maps_to_its_skill() -> None:
    wrong = [(text, slug) for text, slug in SPELLINGS if normalise(text).slug != slug]
    assert wrong == []


@given(st.sampled_from(SPELLINGS).map(lambda spelling: spelling[0]) | st.text(max_size=30))
@settings(deadline=None)
def test_normalise_is_idempotent(text: str) -> None:
    resolution = normalise(text)
    if resolution.canonical is not None:
        again = normalise(resolution.canonical)
        assert (again.slug, again.version) == (resolution.slug, None)


@given(spelling=st.sampled_from(SPELLINGS), data=st.data())
@settings(deadline=None)
def test_case_space_and_punctuation_do_not_matter(
    spelling: tuple[str, str], data: st.DataObject
) -> None:
    text, slug = spelling
    recased = "".join(
        char.upper() if data.draw(st.booleans(), label="upper") else char.lower() for char in text
    )
    noise = st.text(alphabet=NEUTRAL, max_size=3)
    # Separators anywhere but after a leading ".": ". NET" is not ".NET".
    start = 1 if recased.startswith(".") else 0
    positions = data.draw(st.lists(st.integers(start, len(recased)), max_size=3), label="at")
    for position in sorted(positions, reverse=True):
        recased = recased[:position] + data.draw(noise) + recased[position:]
    perturbed = data.draw(noise) + recased + data.draw(noise)
    assert normalise(perturbed).slug == slug


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 -.+#", max_size=20))
@settings(deadline=None)
def test_prefixed_unknown_terms_are_not_recognised(tail: str) -> None:
    assert normalise("zzq" + tail).slug is None


@given(st.text(alphabet=NON_SKILL_ALPHABET, max_size=20))
@settings(deadline=None)
def test_terms_without_latin_letters_are_not_recognised(text: str) -> None:
    resolution = normalise(text)
    assert (resolution.slug, resolution.canonical, resolution.version) == (None, None, None)
