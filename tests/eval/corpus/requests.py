"""Staffing requests written as clients write them, with what a fitting CV must show.

`roles`: the specialisations the client is looking for. `core`: what the work cannot do
without; each item lists alternatives (any one counts). Grades follow `grading.grade`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RequestSpec:
    key: str
    language: str
    title: str
    description: str
    skills: tuple[tuple[str, bool], ...]  # (name as the client wrote it, must-have)
    roles: tuple[str, ...]
    core: tuple[str, ...]  # "a|b" = a or b
    remote: str = "hybrid"
    languages: tuple[str, ...] = ()
    max_day_rate: int = 1200
    duration_months: int = 6

    def body(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": " ".join(self.description.split()),
            "skills": [{"name": n, "must_have": m} for n, m in self.skills],
            "duration_months": self.duration_months,
            "max_day_rate": self.max_day_rate,
            "location": {"city": "Frankfurt am Main", "country": "DE"},
            "remote": self.remote,
            "languages": list(self.languages),
            "engagement": "freelance",
        }


REQUESTS = (
    RequestSpec(
        "rq01",
        "en",
        "Senior Java Developer – instant payments",
        """We are a direct bank and extend our payments platform for SEPA Instant. You will build
        Spring Boot services that consume and publish booking events on Kafka and work with a
        PostgreSQL ledger. Kubernetes know-how is a plus. Team of 7, two days a week in
        Frankfurt.""",
        (
            ("Java", True),
            ("Spring Boot", True),
            ("Kafka", True),
            ("PostgreSQL", False),
            ("Kubernetes", False),
        ),
        ("java_backend",),
        ("java", "spring", "kafka"),
        languages=("en",),
        max_day_rate=1150,
    ),
    RequestSpec(
        "rq02",
        "de",
        "Python-Entwickler/in (Django) für ein Bürgerportal",
        """Für die Weiterentwicklung unseres Bürgerportals suchen wir Verstärkung im Backend. Das
        Portal ist mit Django umgesetzt, Datenbank PostgreSQL, Betrieb in Containern.
        Erfahrung mit barrierefreien Oberflächen ist wünschenswert. Laufzeit zunächst 9 Monate,
        überwiegend remote.""",
        (("Python", True), ("Django", True), ("PostgreSQL", False), ("Docker", False)),
        ("python_web",),
        ("python", "django"),
        remote="remote",
        duration_months=9,
    ),
    RequestSpec(
        "rq03",
        "en",
        "Data engineer for our lakehouse",
        """Our analytics team needs a hands-on data engineer. You will build ingestion pipelines
        with PySpark on Databricks, orchestrate them with Airflow and model the curated layer
        with dbt in Snowflake. Data quality tests and documentation are part of the job.""",
        (),
        ("data_engineering",),
        ("spark", "airflow", "dbt"),
        remote="remote",
    ),
    RequestSpec(
        "rq04",
        "en",
        "Data Engineer (Python)",
        """Retail client, marketing data platform. Pipelines in PySpark, scheduling in Apache
        Airflow, transformations with dbt, warehouse is Snowflake. Start ASAP.""",
        (("Python", True),),
        ("data_engineering",),
        ("python", "spark", "airflow", "dbt"),
    ),
    RequestSpec(
        "rq05",
        "en",
        "Frontend Developer React / TypeScript",
        """We are rebuilding our customer self-service portal as a single-page app. You know
        React and TypeScript very well, have built component libraries and care about
        accessibility. Tests with Jest; Storybook experience welcome.""",
        (("React", True), ("TypeScript", True), ("Jest", False), ("Storybook", False)),
        ("frontend_react",),
        ("react", "typescript"),
        languages=("en",),
    ),
    RequestSpec(
        "rq06",
        "de",
        "Backend-Entwickler Node.js / TypeScript",
        """Wir suchen für unsere Logistikplattform eine/n erfahrene/n Node.js-Entwickler/in.
        Unsere Services sind in TypeScript mit NestJS geschrieben, Datenbank PostgreSQL,
        Schnittstellen REST und GraphQL. Erfahrung mit AWS ist von Vorteil.""",
        (
            ("Node.js", True),
            ("TypeScript", True),
            ("NestJS", False),
            ("PostgreSQL", False),
            ("AWS", False),
        ),
        ("node_backend",),
        ("nodejs", "typescript"),
    ),
    RequestSpec(
        "rq07",
        "en",
        ".NET developer for Azure cloud migration",
        """Mid-sized manufacturer moving its order management to Azure. You will build ASP.NET
        Core APIs in C#, work with Azure Functions and Service Bus, and migrate the SQL Server
        database. Azure DevOps pipelines are in place.""",
        (("C#", True), (".NET", True), ("Azure", True), ("SQL Server", False)),
        ("dotnet_azure",),
        ("csharp|dotnet", "azure"),
    ),
    RequestSpec(
        "rq08",
        "de",
        "SAP-ABAP-Entwickler für S/4HANA-Conversion",
        """Für unsere Brownfield-Conversion auf S/4HANA suchen wir einen erfahrenen
        ABAP-Entwickler. Aufgaben: Anpassung des Eigencodes nach ATC-Befunden, Entwicklung von
        CDS-Views und OData-Services, einzelne Fiori-Apps. Gute Deutschkenntnisse setzen wir
        voraus.""",
        (),
        ("sap_abap",),
        ("abap", "s4hana|cds|fiori"),
        duration_months=12,
    ),
    RequestSpec(
        "rq09",
        "de",
        "SAP FI/CO Berater (m/w/d) S/4HANA",
        """Im Rahmen unserer S/4HANA-Einführung suchen wir Unterstützung im Finance-Stream:
        Konzeption und Customizing Hauptbuch, Anlagenbuchhaltung und Kostenstellenrechnung,
        Begleitung der Tests und des Monatsabschlusses.""",
        (("SAP FI", True), ("SAP CO", True), ("S/4HANA", False)),
        ("sap_fico",),
        ("sap_fi", "sap_co"),
        duration_months=12,
    ),
    RequestSpec(
        "rq10",
        "en",
        "DevOps / Platform Engineer – Kubernetes on AWS",
        """Fintech scale-up. We run 80 services on EKS and manage everything with Terraform.
        We need someone to harden the platform, introduce GitOps with Argo CD and improve our
        Prometheus/Grafana observability.""",
        (
            ("Kubernetes", True),
            ("Terraform", True),
            ("AWS", True),
            ("Argo CD", False),
            ("Prometheus", False),
        ),
        ("devops_cloud",),
        ("kubernetes", "terraform", "aws"),
        remote="remote",
    ),
    RequestSpec(
        "rq11",
        "en",
        "Embedded firmware engineer (C, FreeRTOS)",
        """E-mobility company. Firmware for our battery-management and charging controllers on
        ARM Cortex-M: C, FreeRTOS, CAN communication, bootloader. Knowledge of MISRA and
        functional safety is appreciated.""",
        (("C", True), ("FreeRTOS", True), ("CAN", False)),
        ("embedded",),
        ("c", "rtos|can"),
    ),
    RequestSpec(
        "rq12",
        "en",
        "iOS Developer for our banking app",
        """We are looking for an experienced iOS developer to join our mobile banking team. Our
        app is written in Swift, new screens in SwiftUI. You care about security (biometrics,
        certificate pinning) and accessibility. Android knowledge is not required.""",
        (),
        ("mobile",),
        ("ios", "swift"),
        remote="remote",
    ),
    RequestSpec(
        "rq13",
        "de",
        "Android-Entwickler/in Kotlin",
        """Für unsere Mobilitäts-App suchen wir Unterstützung im Android-Team. Die App ist in
        Kotlin mit Jetpack Compose geschrieben; Erfahrung mit Bluetooth LE und Offline-Fähigkeit
        ist von Vorteil.""",
        (("Kotlin", True), ("Android", True)),
        ("mobile",),
        ("android", "kotlin"),
    ),
    RequestSpec(
        "rq14",
        "en",
        "Test Automation Engineer",
        """Insurance group, core system replacement. You design and build automated UI and API
        tests (Selenium or Playwright), integrate them into our CI pipelines and help the team
        with test strategy. ISTQB certification preferred.""",
        (("Test Automation", True), ("Selenium", False), ("Playwright", False), ("ISTQB", False)),
        ("qa_automation",),
        ("testautomation", "selenium|playwright|cypress"),
    ),
    RequestSpec(
        "rq15",
        "de",
        "Business Analyst / Requirements Engineer (Versicherung)",
        """Wir digitalisieren unsere Antragsstrecke und suchen eine/n erfahrene/n Business
        Analyst/in. Sie erheben Anforderungen in Workshops mit dem Fachbereich, modellieren
        Prozesse in BPMN, schreiben User Stories mit Akzeptanzkriterien und begleiten die
        Abnahme. Erfahrung in der Versicherungsbranche ist wünschenswert.""",
        (),
        ("business_analyst",),
        ("requirements_engineering|business_analysis", "bpmn|uml"),
    ),
    RequestSpec(
        "rq16",
        "en",
        "Scrum Master for two product teams",
        """Telecom provider. Two teams building our customer app need an experienced Scrum Master
        who can also support our SAFe release train in PI planning. Coaching product owners is
        part of the role.""",
        (("Scrum", True), ("SAFe", False), ("Agile Coaching", False)),
        ("project_manager",),
        ("scrum",),
    ),
    RequestSpec(
        "rq17",
        "en",
        "IT Project Manager – data-centre migration",
        """Regional bank moving two data centres. We need an experienced IT project manager
        (PRINCE2 or PMP) to plan and steer the migration, manage vendors and budget, and report
        to the steering committee.""",
        (("IT Project Management", True), ("PRINCE2", False)),
        ("project_manager",),
        ("project_management",),
        max_day_rate=1300,
    ),
    RequestSpec(
        "rq18",
        "en",
        "Penetration tester for web applications and APIs",
        """Online broker looking for an experienced penetration tester for our customer portal,
        mobile APIs and internal Active Directory. Findings should map to OWASP; retests after
        fixes included. OSCP or similar preferred.""",
        (),
        ("security",),
        ("pentest",),
        remote="remote",
    ),
    RequestSpec(
        "rq19",
        "de",
        "Informationssicherheit: Aufbau ISMS nach ISO 27001",
        """Kommunaler IT-Dienstleister sucht Unterstützung beim Aufbau eines ISMS nach ISO 27001
        auf Basis von IT-Grundschutz: Risikoanalyse, Richtlinien, interne Audits und
        Vorbereitung der Zertifizierung.""",
        (("ISO 27001", True), ("IT-Sicherheit", False)),
        ("security",),
        ("iso27001",),
    ),
    RequestSpec(
        "rq20",
        "de",
        "Datenbankadministrator/in PostgreSQL (Migration von Oracle)",
        """Wir migrieren unsere Fachanwendungen von Oracle nach PostgreSQL und suchen eine/n
        erfahrene/n DBA. Aufgaben: Aufbau hochverfügbarer PostgreSQL-Cluster, Backup und
        Recovery, Performance-Tuning, Unterstützung der Entwickler bei der Migration.""",
        (("PostgreSQL", True), ("Oracle", False), ("Datenbankadministration", True)),
        ("dba",),
        ("dba", "postgresql"),
    ),
    RequestSpec(
        "rq21",
        "en",
        "Network Engineer (Cisco, firewalls)",
        """Logistics group, 35 depots. We refresh our campus and WAN network and consolidate
        firewalls. You know Cisco routing and switching, Palo Alto or Fortinet firewalls and
        site-to-site VPN. CCNP welcome.""",
        (("Cisco", True), ("Firewall", True), ("VPN", False)),
        ("network_admin",),
        ("networking|cisco", "firewall"),
    ),
    RequestSpec(
        "rq22",
        "en",
        "Salesforce Developer (Service Cloud)",
        """Utilities company extending its Service Cloud: Apex, Lightning Web Components and
        Flows, integration with SAP over REST. Platform Developer certification is a plus.""",
        (
            ("Salesforce", True),
            ("Apex", True),
            ("Lightning Web Components", False),
            ("Service Cloud", False),
        ),
        ("salesforce",),
        ("salesforce", "apex"),
    ),
    RequestSpec(
        "rq23",
        "en",
        "NLP / LLM engineer",
        """Legal-tech company. You will build document understanding for contracts: text
        classification, entity extraction and retrieval-augmented generation with large
        language models, in Python. Evaluation skills matter more to us than the latest
        framework.""",
        (),
        ("data_science",),
        ("nlp|llm", "python"),
        remote="remote",
    ),
    RequestSpec(
        "rq24",
        "de",
        "Data Scientist für Absatzprognosen",
        """Lebensmittelhändler sucht Data Scientist für Absatz- und Bedarfsprognosen auf
        Filial-/Artikelebene. Python (pandas, scikit-learn), Zeitreihen und saubere Statistik;
        Erfahrung mit MLflow oder ähnlichem für den Betrieb der Modelle.""",
        (("Python", True), ("scikit-learn", True), ("MLOps", False)),
        ("data_science",),
        ("python", "statistics|scikit_learn"),
    ),
    RequestSpec(
        "rq25",
        "en",
        "Full-stack developer Java + React",
        """HR-tech start-up. Small team, you own features end to end: Spring Boot backend in
        Java, React/TypeScript front end, deployment on AWS.""",
        (("Java", True), ("React", True), ("Spring Boot", False), ("AWS", False)),
        ("java_backend", "frontend_react"),
        ("java", "react"),
    ),
    RequestSpec(
        "rq26",
        "de",
        "Kubernetes-/OpenShift-Plattformbetrieb",
        """Versicherer mit eigenem Rechenzentrum sucht Verstärkung für den Betrieb und die
        Automatisierung seiner OpenShift-Plattform. Automatisierung mit Ansible und Terraform,
        GitOps mit Argo CD, gute Linux-Kenntnisse setzen wir voraus.""",
        (),
        ("devops_cloud",),
        ("kubernetes|openshift", "ansible|terraform"),
    ),
)
