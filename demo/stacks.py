"""The technology stacks the demo agency works in: correlated skills, titles and rate levels.

Skill names are canonical names of `shared/skills/catalogue.json`; the spellings a profile or a
request uses come from the catalogue's aliases and a few hand-written variants (see `spelling`).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from demo.rand import pick


@dataclass(frozen=True)
class Stack:
    key: str
    core: tuple[str, ...]  # nearly everyone in the stack has these
    common: tuple[str, ...]  # many have some of these
    extra: tuple[str, ...]  # a few have one or two
    titles_en: tuple[str, ...]
    titles_de: tuple[str, ...]
    senior_rate: int  # EUR per day for a senior, before noise
    share: float  # share of the agency's freelancers


STACKS: tuple[Stack, ...] = (
    Stack(
        "java",
        ("Java", "Spring Boot", "Apache Kafka", "Kubernetes"),
        ("Hibernate", "Maven", "Docker", "PostgreSQL", "Microservices", "JUnit", "REST"),
        ("Quarkus", "Gradle", "Jenkins", "Oracle Database", "Kotlin", "Camunda", "OpenAPI"),
        ("Java Developer", "Backend Engineer (Java)", "Java Architect", "Software Engineer JVM"),
        ("Java-Entwickler", "Backend-Entwickler Java", "Softwarearchitekt Java"),
        880,
        0.17,
    ),
    Stack(
        "python",
        ("Python", "Django", "PostgreSQL"),
        ("FastAPI", "Flask", "Celery", "Redis", "Docker", "pytest", "REST"),
        ("pandas", "Amazon Web Services", "GraphQL", "Elasticsearch", "Linux"),
        ("Python Developer", "Backend Developer (Python)", "Django Engineer"),
        ("Python-Entwickler", "Backend-Entwickler Python", "Softwareentwickler Python/Django"),
        820,
        0.12,
    ),
    Stack(
        "frontend",
        ("TypeScript", "React", "Node.js"),
        ("JavaScript", "Next.js", "GraphQL", "Redux", "Jest", "Express", "Tailwind CSS"),
        ("Angular", "Vue.js", "NestJS", "Cypress", "Storybook", "Webpack"),
        ("Frontend Developer", "Full-Stack Developer (TypeScript)", "React Engineer"),
        ("Frontend-Entwickler", "Fullstack-Entwickler TypeScript", "Webentwickler React"),
        780,
        0.14,
    ),
    Stack(
        "sap",
        ("ABAP", "SAP S/4HANA"),
        ("SAP HANA", "SAP Fiori", "SAPUI5", "SAP MM", "SAP FI", "SAP SD", "CDS Views"),
        ("SAP BW", "SAP BTP", "SAP Integration Suite"),
        ("SAP ABAP Developer", "SAP S/4HANA Consultant", "SAP Technical Architect"),
        ("SAP-ABAP-Entwickler", "SAP S/4HANA Berater", "SAP Inhouse-Berater"),
        1050,
        0.09,
    ),
    Stack(
        "dotnet",
        ("C#", ".NET", "Microsoft Azure"),
        ("ASP.NET Core", "Entity Framework", "Microsoft SQL Server", "Azure DevOps", "REST"),
        ("Azure Functions", "Blazor", "PowerShell", "Bicep", "Angular"),
        (".NET Developer", "C# Backend Engineer", "Azure Cloud Developer"),
        (".NET-Entwickler", "C#-Softwareentwickler", "Azure-Entwickler"),
        830,
        0.1,
    ),
    Stack(
        "data",
        ("Python", "SQL", "Apache Spark", "Apache Airflow"),
        ("dbt", "Snowflake", "Databricks", "PySpark", "Apache Kafka", "Power BI"),
        ("Scala", "Google BigQuery", "Azure Data Factory", "Tableau", "Data Modeling"),
        ("Data Engineer", "Senior Data Engineer", "Analytics Engineer"),
        ("Data Engineer", "Dateningenieur", "BI- und Data-Engineer"),
        900,
        0.1,
    ),
    Stack(
        "devops",
        ("Terraform", "Amazon Web Services", "Kubernetes"),
        ("Ansible", "Docker", "GitLab CI/CD", "Prometheus", "Grafana", "Linux", "Helm"),
        ("Argo CD", "Bash", "AWS CloudFormation", "Istio", "Jenkins", "Python"),
        (
            "DevOps Engineer",
            "Cloud Engineer (AWS)",
            "Platform Engineer",
            "Site Reliability Engineer",
        ),
        ("DevOps-Engineer", "Cloud-Engineer AWS", "Plattform-Ingenieur"),
        920,
        0.1,
    ),
    Stack(
        "embedded",
        ("C", "C++", "RTOS"),
        ("Embedded Linux", "Yocto Project", "AUTOSAR", "CAN Bus", "Git"),
        ("Qt", "MATLAB", "Python"),
        ("Embedded Software Engineer", "C++ Developer (Embedded)", "Firmware Engineer"),
        ("Embedded-Softwareentwickler", "C/C++-Entwickler Embedded", "Firmware-Entwickler"),
        860,
        0.06,
    ),
    Stack(
        "analysis",
        ("Business Analysis", "Requirements Engineering", "BPMN"),
        ("UML", "Jira", "Confluence", "Scrum", "SQL"),
        ("Camunda", "Kanban", "SAFe", "Power BI"),
        ("Business Analyst", "Requirements Engineer", "IT Business Analyst"),
        ("Business Analyst", "Requirements Engineer", "IT-Business-Analyst"),
        790,
        0.06,
    ),
    Stack(
        "testing",
        ("Test Automation", "Selenium"),
        ("Cypress", "Playwright", "JUnit", "ISTQB", "Postman", "Apache JMeter", "Cucumber"),
        ("TestNG", "Java", "Python", "Jira"),
        ("Test Automation Engineer", "QA Engineer", "Software Tester"),
        ("Testautomatisierer", "QA-Ingenieur", "Softwaretester"),
        680,
        0.06,
    ),
)

STACK_BY_KEY = {stack.key: stack for stack in STACKS}
STACK_WEIGHTS = tuple(stack.share for stack in STACKS)

# Spellings people write that the catalogue knows (hand-picked on top of its aliases); never
# typos the taxonomy could not resolve.
_EXTRA_SPELLINGS: dict[str, tuple[str, ...]] = {
    "Java": ("Java 17", "Java 21", "Java 11", "JAVA"),
    "Spring Boot": ("Spring Boot 3", "SpringBoot", "spring-boot"),
    "Kubernetes": ("K8s", "k8s", "kubernetes"),
    "Apache Kafka": ("Kafka",),
    "PostgreSQL": ("Postgres", "postgresql", "PostgreSQL 15"),
    "Python": ("Python 3", "python3", "Python 3.11"),
    "TypeScript": ("TS", "Typescript"),
    "Node.js": ("NodeJS", "node.js", "Node"),
    "React": ("React.js", "ReactJS", "React 18"),
    "C#": ("C Sharp", "c#"),
    ".NET": (".NET 8", "dotnet", ".Net Core"),
    "Microsoft Azure": ("Azure", "MS Azure"),
    "Amazon Web Services": ("AWS",),
    "Terraform": ("terraform", "HashiCorp Terraform"),
    "ABAP": ("SAP ABAP", "ABAP OO"),
    "SAP S/4HANA": ("S/4HANA", "S4HANA", "S/4"),
    "C++": ("C++17", "cpp", "C++ 20"),
    "Apache Airflow": ("Airflow",),
    "Apache Spark": ("Spark", "spark"),
    "Microsoft SQL Server": ("MS SQL Server", "SQL Server", "MSSQL"),
    "GitLab CI/CD": ("GitLab CI", "Gitlab-CI"),
    "JavaScript": ("JS", "Javascript", "ECMAScript"),
}


def _letters(text: str) -> str:
    return "".join(character for character in text.lower() if character.isalnum())


def _looks_alike(alias: str, name: str) -> bool:
    short, written = _letters(name), _letters(alias)
    if len(short) < 3 or len(written) < 3:
        return False
    return short in written or written in short or short[:4] == written[:4]


@cache
def _catalogue_spellings() -> dict[str, tuple[str, ...]]:
    raw = files("shared.skills").joinpath("catalogue.json").read_text(encoding="utf-8")
    # Separators of the import's skill cell (";" between skills, ":" before the level) are out,
    # and so are aliases that do not look like the name (msvc for C): people write variants of
    # a name, not a neighbouring product's.
    return {
        entry["name"]: tuple(
            alias
            for alias in entry["aliases"]
            if 1 < len(alias) <= 40
            and ":" not in alias
            and ";" not in alias
            and _looks_alike(alias, entry["name"])
        )
        for entry in json.loads(raw)
    }


def spellings(skill: str) -> tuple[str, ...]:
    """Ways to write a canonical skill: the name first, then hand-picked and catalogue aliases."""
    extra = _EXTRA_SPELLINGS.get(skill, ())
    return (skill, *extra, *_catalogue_spellings().get(skill, ()))


def spelling(rng: random.Random, skill: str, *, variety: float = 0.35) -> str:
    """The canonical name most of the time, another known spelling otherwise."""
    options = spellings(skill)
    if len(options) == 1 or rng.random() >= variety:
        return skill
    # Hand-picked spellings are what people write; catalogue aliases are the long tail.
    extra = _EXTRA_SPELLINGS.get(skill, ())
    if extra and rng.random() < 0.7:
        return pick(rng, extra)
    alias = pick(rng, options[1:])
    # The catalogue stores aliases in lower case; people capitalise words they write.
    return alias[0].upper() + alias[1:] if alias.islower() and len(alias) > 4 else alias


def all_stack_skills() -> set[str]:
    return {skill for stack in STACKS for skill in (*stack.core, *stack.common, *stack.extra)}
