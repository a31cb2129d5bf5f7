"""The spelling rules of `variants.py`, each with what it must resolve and what it must not."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from shared.skills import Taxonomy, normalise


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # 1. parenthetical qualifiers (ESCO)
        ("Java (Computerprogrammierung)", "Java"),
        ("Android (mobile Betriebssysteme)", "Android"),
        ("Puppet (Tools für das Softwarekonfigurationsmanagement)", "Puppet"),
        ("Eclipse (Software für integrierte Entwicklungsumgebungen)", "Eclipse IDE"),
        # 2. framing words
        ("Grundsätze der künstlichen Intelligenz", "Artificial Intelligence"),
        ("Methoden der Qualitätssicherung", "Quality Assurance"),
        ("Kenntnisse in Kubernetes", "Kubernetes"),
        ("experience with Kafka", "Apache Kafka"),
        ("Programmiersprache Java", "Java"),
        ("Abfragesprache SQL", "SQL"),
        ("Softwareentwicklung mit Java", "Java"),
        # 3. trailing German verbs
        ("Softwaretests durchführen", "Software Testing"),
        ("Datenbanken verwalten", "Database Administration"),
        # 4. IKT/ICT
        ("IKT-Projektmanagement", "Project Management"),
        # 5. vendor prefixes, the vendor's other word first
        ("amazon-s3", "Amazon S3"),
        ("aws-s3", "Amazon S3"),
        ("amazon-iam", "AWS IAM"),
        ("ms-sql-server", "Microsoft SQL Server"),
        ("apache-kafka", "Apache Kafka"),
        ("google-cloud-firestore", "Cloud Firestore"),
        ("microsoft-azure", "Microsoft Azure"),
        # 6. language prefix of a library tag
        ("python-pandas", "pandas"),
        # 7. facet words
        ("jenkins-pipeline", "Jenkins"),
        ("tableau-api", "Tableau"),
        ("jira-rest-api", "Jira"),
        ("SAP Berater", "SAP"),
        ("Kafka developer", "Apache Kafka"),
        ("Data Scientist", "Data Science"),
        ("mongodb-java", "MongoDB"),
        # 8. js suffix
        ("babeljs", "Babel"),
        ("sequelize.js", "Sequelize"),
        # 9. German adjective endings
        ("agiles Projektmanagement", "Agile Project Management"),
        # 10. German compounds
        ("Java-Entwicklung", "Java"),
        ("Java-Kenntnisse", "Java"),
        ("SAP-Beratung", "SAP"),
        ("Python-Programmierung", "Python"),
        ("Netzwerkadministration", "Network Administration"),
        ("Systemtests", "System Testing"),
        ("Performancetests", "Performance Testing"),
        ("Scrum-Methodik", "Scrum"),
        ("Benutzeroberfläche gestalten", "UI Design"),
        ("Softwaretesterin", "Software Testing"),
        ("Anforderungsingenieur", "Requirements Engineering"),
        ("Java-Programmierer", "Java"),
        # 11. plurals and singulars
        ("microservice", "Microservices"),
        ("Datenmodell", "Data Modeling"),
        # versions, before and inside the rules
        ("python-3.x", "Python"),
        ("tensorflow2.0", "TensorFlow"),
        ("vuejs3", "Vue.js"),
        ("angular15", "Angular"),
    ],
)
def test_rules_resolve_practitioner_spellings(text: str, canonical: str) -> None:
    assert normalise(text).canonical == canonical


@pytest.mark.parametrize(
    "text",
    [
        "apache-helicopter",  # a vendor prefix before a word no skill has
        "azure-sky",
        "ms-marvel",
        "Javakaffee",  # "kaffee" is no suffix the rules know
        "Java-Tests",  # "-tests" needs the composed skill ("java testing"), not Java
        "Kuchenentwicklung",  # a known suffix after an unknown head
        "Bananenprogrammierung",
        "Socken-Kenntnisse",
        "Apfelstrudel (Computerprogrammierung)",
        "ML (Computerprogrammierung)",  # ML the language, not machine learning
        "Kenntnisse in Gartenarbeit",
        "Programmiersprache Bananen",
        "Kuchentester",  # a role suffix after an unknown practice
        "Gartenarchitekt",
        "frobozzjs",
        "less",
        "apex",
    ],
)
def test_rules_never_guess(text: str) -> None:
    resolution = normalise(text)
    assert resolution.slug is None, resolution
    assert resolution.key  # unknown terms keep their key for the unrecognised-terms list


def test_vendor_prefix_needs_a_skill_of_that_vendor() -> None:
    # SQL and Kubernetes are skills, but not Apache's or Amazon's: no guess at "EKS".
    assert normalise("apache-sql").slug is None
    assert normalise("amazon-kubernetes").slug is None
    # The vendor's other word is tried first: "google sql" is "Google Cloud SQL".
    assert normalise("google-sql").canonical == "Google Cloud SQL"


def test_rules_follow_skills_added_at_run_time() -> None:
    taxonomy = Taxonomy.from_catalogue()
    assert taxonomy.normalise("Flurbix-Kenntnisse").slug is None
    taxonomy.add_skill(slug="flurbix", name="Flurbix", category="tool")
    assert taxonomy.normalise("Flurbix-Kenntnisse").slug == "flurbix"
    assert taxonomy.normalise("amazon-flurbix").slug is None
    taxonomy.add_relation("flurbix", "aws", 0.4)
    assert taxonomy.normalise("amazon-flurbix").slug == "flurbix"


def test_a_rewritten_match_reports_the_key_that_matched() -> None:
    resolution = normalise("Java (Computerprogrammierung)")
    assert (resolution.key, resolution.version) == ("java", None)
    assert normalise("amazon-s3").key == "amazons3"
    versioned = normalise("Python 3.11 (Computerprogrammierung)")
    assert (versioned.canonical, versioned.version) == ("Python", "3.11")


def test_ambiguous_flag_reaches_the_db_taxonomy_too(session: Session) -> None:
    taxonomy = Taxonomy.from_session(session)
    go, python = taxonomy.get("go"), taxonomy.get("python")
    assert go is not None and go.ambiguous
    assert python is not None and not python.ambiguous
