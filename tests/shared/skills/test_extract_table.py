"""Hand-written sentences (English and German) with exactly the skills and years expected.

Each row names every skill the sentence should yield (slug → stated years, or None): a skill
missing from the row is a false positive, so the false friends ("Java" in "JavaScript", "Go" in
"Google", "R" in "R&D", "C" in "C-level", "Rust" in "trust", the verb "go") are checked by
what is *not* listed. Years are computed on a fixed day, 1 June 2026.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from shared.skills.extract import extract_skills

TODAY = date(2026, 6, 1)
GERMAN = re.compile(
    r"\b(?:und|mit|seit|bis|der|die|das|ich|im|ist|Jahre?|Monate|Kenntnisse)\b|[äöüß]"
)

# fmt: off
CASES: list[tuple[str, dict[str, float | None]]] = [
    # -- false friends ---------------------------------------------------------------------
    ("Frontend work in JavaScript and TypeScript.", {"frontend-development": None, "javascript": None, "typescript": None}),
    ("Written in Java, tested in JavaScript.", {"java": None, "javascript": None}),
    ("I worked at Google and Googled a lot.", {}),
    ("We go live next week, let's go.", {}),
    ("Go to the meeting and go home.", {}),
    ("Services written in Go and Python.", {"go": None, "python": None}),
    ("Golang microservices with gRPC", {"go": None, "grpc": None, "microservices": None}),
    ("Go-Live support and hypercare after the go-live.", {}),
    ("GO-LIVE: 1 MAY. SKILLS: JAVA, GO, PYTHON", {"java": None, "go": None, "python": None}),
    ("The go/no-go decision was made by the C-level.", {}),
    ("Reported to C-level management and the C-suite.", {}),
    ("Embedded development in C and C++.", {"c": None, "cpp": None, "embedded-systems": None}),
    ("Head of R&D at a medical devices company.", {}),
    ("Statistical analysis in R and Python.", {"statistics": None, "r": None, "python": None}),
    ("Trust is earned; rust never sleeps.", {}),
    ("Command-line tools in Rust.", {"rust": None}),
    ("Our clients trust us with their crusty legacy code.", {}),
    ("Spring Boot services on Kubernetes.", {"spring-boot": None, "kubernetes": None}),
    ("In spring 2024 I moved to Berlin.", {}),
    ("Java, Spring, Hibernate, Maven", {"java": None, "spring": None, "hibernate": None, "maven": None}),
    ("iOS apps in Swift and Objective-C.", {"ios": None, "swift": None, "objective-c": None}),
    ("Swift delivery and clear communication are my strengths.", {}),
    ("Automation with Ansible, Puppet and Chef.", {"ansible": None, "puppet": None, "chef": None}),
    ("Mein Chef hat mich zum Teamleiter befördert.", {}),
    ("Der Chef der Abteilung war zufrieden.", {}),
    ("Chef cookbooks for the web tier.", {"chef": None}),
    ("Der Rest des Teams arbeitete remote.", {}),
    ("REST APIs und SOAP-Schnittstellen", {"rest": None, "soap": None}),
    ("Designed RESTful services in Python.", {"rest": None, "python": None}),
    ("Scrum Master for two teams.", {"scrum-master": None}),
    ("Arbeit im Scrum-Team mit Jira.", {"scrum": None, "jira": None}),
    ("Ruby on Rails and Ruby scripts.", {"rails": None, "ruby": None}),
    ("Helm charts for every service on Kubernetes.", {"helm": None, "kubernetes": None}),
    ("Er trug einen Helm auf der Baustelle.", {}),
    ("I react quickly to incidents.", {}),
    ("Single-page apps in React with Redux.", {"react": None, "redux": None}),
    ("Excel at keeping promises.", {}),
    ("Dashboards in Excel and Power BI.", {"excel": None, "power-bi": None}),
    ("Ich arbeite im Home-Office.", {}),
    ("Projekt in Hong Kong.", {}),
    ("Englisch B1, Deutsch C1.", {}),
    ("Identity and access management (IAM) with Okta.", {"iam": None, "okta": None}),
    ("I am a developer, I am available.", {}),
    ("Die Firma ist ein DAX-Konzern.", {}),
    ("SAP R/3 und SAP S/4HANA", {"sap-erp": None, "sap-s4hana": None}),
    ("Vitamin C and hepatitis C research.", {}),
    ("Pascal Müller, Senior Developer", {}),
    ("Async services in Rust with Tokio and Axum.", {"rust": None, "tokio": None}),
    ("Die Konferenz fand in Tokio statt. Der Vulkan brach aus.", {}),
    ("He reports to the CIO and opened many doors.", {}),
    ("Legacy code in Delphi, Pascal and COBOL.", {"delphi": None, "pascal": None, "cobol": None}),
    # -- spellings, aliases, versions ------------------------------------------------------
    ("k8s, K8s and Kubernetes", {"kubernetes": None}),
    ("Postgres 14 and MS SQL Server 2019", {"postgresql": None, "sql-server": None}),
    ("Python3 and Java8 code", {"python": None, "java": None}),
    ("C#/.NET developer with ASP.NET Core", {"csharp": None, "dotnet": None, "asp-net-core": None}),
    ("Node.js, NodeJS and node js", {"nodejs": None}),
    ("CI/CD pipelines with GitLab CI", {"ci-cd": None, "gitlab-ci": None}),
    ("Microservices and APIs", {"microservices": None}),
    ("Python's ecosystem and Kubernetes' scheduler", {"python": None, "kubernetes": None}),
    ("Terraform-Module und Ansible-Rollen", {"terraform": None, "ansible": None}),
    ("Java-Entwicklung und Python-Programmierung", {"java": None, "python": None}),
    ("Contact: jan@rust-lang.org, https://github.com/golang/go", {}),
    ("Langjährige Javaentwicklung und Linuxkenntnisse", {"java": None, "linux": None}),
    ("Betrieb von Oracledatenbanken und Kubernetesclustern", {"oracle-database": None}),
    ("Googleentwicklung und Goentwicklung gibt es nicht.", {}),
    # -- years (English) -------------------------------------------------------------------
    ("5 years of Kafka", {"kafka": 5.0}),
    ("Kafka – 24 months", {"kafka": 2.0}),
    ("Kafka (18 months), Spark (3 years)", {"kafka": 1.5, "apache-spark": 3.0}),
    ("7+ years of experience with Python, Django and PostgreSQL", {"python": 7.0, "django": 7.0, "postgresql": 7.0}),
    ("Java: 10 years", {"java": 10.0}),
    ("Over 3 years working with Terraform.", {"terraform": 3.0}),
    ("Two years of Angular and three years of React.", {"angular": 2.0, "react": 3.0}),
    ("Docker for 4 years, Kubernetes for 2 years", {"docker": 4.0, "kubernetes": 2.0}),
    ("2.5 years of AWS", {"aws": 2.5}),
    ("2018–2023: Java", {"java": 5.0}),
    ("2015 - 2017: PHP and MySQL", {"php": 2.0, "mysql": 2.0}),
    ("01/2020 – 06/2021 Projekt Y. Airflow, dbt", {"airflow": 1.5, "dbt": 1.5}),
    ("Since 2020 I write Scala.", {"scala": 6.0}),
    ("Kotlin since 2022", {"kotlin": 4.0}),
    ("Jan 2019 - present: Azure", {"azure": 7.5}),
    ("Python (2016 – 2020) and Go (2020 – today)", {"python": 4.0, "go": 6.0}),
    # -- years (German) --------------------------------------------------------------------
    ("seit 2019 Kubernetes", {"kubernetes": 7.0}),
    ("Kubernetes seit 2021", {"kubernetes": 5.0}),
    ("3 Jahre Erfahrung mit Terraform", {"terraform": 3.0}),
    ("Terraform (3 Jahre)", {"terraform": 3.0}),
    ("Fünf Jahre Berufserfahrung als Java-Entwickler", {"java": 5.0}),
    ("Ansible seit 03/2024", {"ansible": 2.2}),
    ("10 Jahre SAP ABAP", {"abap": 10.0}),
    ("Oracle – 6 Monate", {"oracle-database": 0.5}),
    ("2016 bis 2018: Angular, TypeScript", {"angular": 2.0, "typescript": 2.0}),
    ("03.2015 bis 12.2016 Projekt X mit Oracle", {"oracle-database": 1.8}),
    ("Seit Januar 2024 als DevOps-Engineer mit Jenkins tätig", {"devops": 2.4, "jenkins": 2.4}),
    ("Mehr als 8 Jahre Erfahrung in Linux", {"linux": 8.0}),
    # -- no years --------------------------------------------------------------------------
    ("Team of 5 developers using Jenkins.", {"jenkins": None}),
    ("Java 17 and Spring 6", {"java": None, "spring": None}),
    ("Im Jahr 2020 habe ich Docker eingeführt.", {"docker": None}),
    ("Kenntnisse: Git, Jira, Confluence", {"git": None, "jira": None, "confluence": None}),
    ("Technologien\nJava (sehr gut)\nHibernate (sehr gut)", {"java": None, "hibernate": None}),
]
# fmt: on


def _found(text: str) -> dict[str, float | None]:
    return {skill.slug: skill.years for skill in extract_skills(text, today=TODAY)}


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 80
    german = [text for text, _ in CASES if GERMAN.search(text)]
    assert len(german) >= 20


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:40] for text, _ in CASES])
def test_sentence(text: str, expected: dict[str, float | None]) -> None:
    assert _found(text) == expected
