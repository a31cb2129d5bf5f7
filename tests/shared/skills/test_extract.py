"""The extraction API: evidence, order, requirement cues, taxonomies and the matcher cache."""

from __future__ import annotations

from datetime import date

import pytest

from shared.skills.catalogue import CatalogueSkill
from shared.skills.extract import Evidence, ExtractedSkill, extract_skills
from shared.skills.extract_tokens import matcher_for
from shared.skills.taxonomy import Taxonomy

TODAY = date(2026, 6, 1)


def _requirements(text: str) -> dict[str, str | None]:
    return {skill.slug: skill.requirement for skill in extract_skills(text, today=TODAY)}


def test_evidence_lists_every_mention_in_order_with_offsets() -> None:
    text = "Python, then k8s. Later more Python and Kubernetes (K8s)."
    skills = extract_skills(text, today=TODAY)

    assert [skill.slug for skill in skills] == ["python", "kubernetes"]
    python, kubernetes = skills
    assert python == ExtractedSkill(
        slug="python",
        canonical="Python",
        evidence=(Evidence(0, 6, "Python"), Evidence(29, 35, "Python")),
        years=None,
        requirement=None,
    )
    assert [evidence.text for evidence in kubernetes.evidence] == ["k8s", "Kubernetes", "K8s"]
    for evidence in kubernetes.evidence:
        assert text[evidence.start : evidence.end] == evidence.text


def test_empty_and_skill_free_texts() -> None:
    assert extract_skills("") == []
    assert extract_skills("   \n\t") == []
    assert extract_skills("I like long walks on the beach.") == []


def test_longest_spelling_wins() -> None:
    skills = extract_skills("Spring Boot on Google Cloud Platform with Kafka Streams")
    assert [skill.slug for skill in skills] == ["spring-boot", "gcp", "kafka-streams"]


# fmt: off
REQUIREMENT_CASES: list[tuple[str, dict[str, str | None]]] = [
    ("Java is a must, Kotlin is a plus.", {"java": "must", "kotlin": "nice"}),
    ("Required: Java, Spring. Nice to have: Kafka.", {"java": "must", "spring": "must", "kafka": "nice"}),
    ("Mandatory: Terraform; optional: Ansible", {"terraform": "must", "ansible": "nice"}),
    ("Essential skills: SQL and Python. Ideally also dbt.", {"sql": "must", "python": "must", "dbt": "nice"}),
    ("Docker experience preferred", {"docker": "nice"}),
    ("Java (must), Kotlin (a plus)", {"java": "must", "kotlin": "nice"}),
    ("Senior Java Developer (Kotlin nice to have)", {"java": None, "kotlin": "nice"}),
    ("Kenntnisse in Java setzen wir voraus.", {"java": "must"}),
    ("Wir setzen sehr gute Kenntnisse in SAP ABAP voraus.", {"abap": "must"}),
    ("Erfahrung mit Kubernetes ist zwingend erforderlich.", {"kubernetes": "must"}),
    ("Voraussetzung: Python und SQL", {"python": "must", "sql": "must"}),
    ("Muss: Azure. Kann: AWS", {"azure": "must", "aws": None}),
    ("Kenntnisse in Kotlin sind von Vorteil.", {"kotlin": "nice"}),
    ("Terraform wünschenswert, idealerweise auch Ansible", {"terraform": "nice", "ansible": "nice"}),
    ("Docker ist nicht zwingend erforderlich.", {"docker": "nice"}),
    ("Scrum-Erfahrung optional", {"scrum": "nice"}),
    ("Anforderungen:\n- Java\n- Spring Boot\nVon Vorteil:\n- Kafka\n- Docker", {"java": "must", "spring-boot": "must", "kafka": "nice", "docker": "nice"}),
    ("Must-haves\n* React\n* TypeScript\n\nAbout us\nWe sell shoes online and use PostgreSQL.", {"react": "must", "typescript": "must", "postgresql": None}),
    ("We build with Go and Postgres.", {"go": None, "postgresql": None}),
    ("Requirements engineering and BPMN", {"requirements-engineering": None, "bpmn": None}),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), REQUIREMENT_CASES)
def test_requirement_cues(text: str, expected: dict[str, str | None]) -> None:
    assert _requirements(text) == expected


def test_a_skill_named_as_a_must_anywhere_is_a_must() -> None:
    assert _requirements("Kafka is a plus. Actually Kafka is required.") == {"kafka": "must"}


def test_years_use_today() -> None:
    text = "Kubernetes seit 2019"
    [early] = extract_skills(text, today=date(2022, 3, 1))
    [late] = extract_skills(text, today=date(2026, 3, 1))
    assert (early.years, late.years) == (3.0, 7.0)
    assert extract_skills("Kubernetes seit 2031", today=date(2026, 3, 1))[0].years is None


def test_overlapping_periods_are_counted_once() -> None:
    text = "2015 – 2020: Java, Oracle\n2018 – 2022: Java, Kafka\n2010 – 2011: Java"
    years = {skill.slug: skill.years for skill in extract_skills(text, today=TODAY)}
    assert years == {"java": 8.0, "oracle-database": 5.0, "kafka": 4.0}


def test_a_stated_duration_larger_than_the_periods_wins() -> None:
    text = "12 years of Java.\n2020 – 2022: Java"
    assert extract_skills(text, today=TODAY)[0].years == 12.0


def _small_taxonomy() -> Taxonomy:
    return Taxonomy.from_catalogue(
        [
            CatalogueSkill(slug="kubernetes", name="Kubernetes", category="container"),
            CatalogueSkill(slug="go", name="Go", category="language", aliases=("golang",)),
        ]
    )


def test_a_given_taxonomy_is_used_and_added_aliases_count_at_once() -> None:
    taxonomy = _small_taxonomy()
    text = "Kubbi clusters, Golang services, Python scripts"
    assert [skill.slug for skill in extract_skills(text, taxonomy)] == ["go"]
    first_matcher = matcher_for(taxonomy)

    taxonomy.add_alias("Kubbi", "kubernetes")
    skills = extract_skills(text, taxonomy)
    assert [skill.slug for skill in skills] == ["kubernetes", "go"]
    assert skills[0].evidence == (Evidence(0, 5, "Kubbi"),)
    assert matcher_for(taxonomy) is not first_matcher
    assert matcher_for(taxonomy) is matcher_for(taxonomy)  # cached while unchanged


def test_taxonomies_do_not_share_a_matcher() -> None:
    mine, other = _small_taxonomy(), _small_taxonomy()
    mine.add_alias("Kubbi", "kubernetes")
    assert [skill.slug for skill in extract_skills("Kubbi", mine)] == ["kubernetes"]
    assert extract_skills("Kubbi", other) == []


def test_a_long_text_is_handled() -> None:
    text = ("Java, Spring Boot und Kafka seit 2018. Go is a plus. " * 2_000)[:100_000]
    skills = extract_skills(text, today=TODAY)
    assert [skill.slug for skill in skills] == ["java", "spring-boot", "kafka", "go"]
    assert len(skills[0].evidence) == text.count("Java")


def test_windows_line_ends_and_pdf_hyphens() -> None:
    text = "2018 – 2020: Java\r\n\r\nSkills: Python, Objective\u2011C\r\n"
    years = {skill.slug: skill.years for skill in extract_skills(text, today=TODAY)}
    assert years == {"java": 2.0, "python": None, "objective-c": None}
