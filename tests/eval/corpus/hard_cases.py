"""Whole CVs written by hand for the cases a ranker gets wrong (false friends, career changers,
generalists). Their facts (primary specialisation and shown competences) are set by hand."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HandCV:
    key: str
    language: str
    primary: str
    secondary: tuple[str, ...]
    tags: frozenset[str]
    headline: str
    text: str
    skills: tuple[tuple[str, int, float | None], ...]  # (name as written, level, years)
    spoken: tuple[tuple[str, str], ...]  # the languages the CV states, as profile fields


def _t(tags: str) -> frozenset[str]:
    return frozenset(tags.split())


HAND_CVS = (
    HandCV(
        key="javascript_not_java",
        language="en",
        primary="frontend_react",
        secondary=(),
        tags=_t(
            "javascript react typescript html_css jest accessibility vue figma webpack rest graphql"
        ),
        headline="Front-end developer (JavaScript, React)",
        text="""PROFILE
Front-end developer from Leipzig with seven years of JavaScript. I build interfaces for
booking and e-commerce sites: React with hooks, a bit of TypeScript lately, plain Java Script
when a page just needs a sprinkle of interaction. No back-end work - I leave servers to others
and talk to them through REST and GraphQL.

EXPERIENCE
2022 - today  Freelance front-end developer
Hotel booking widget for a regional tourism board: React, CSS modules, accessibility audit
(WCAG 2.1 AA), tested with Jest and Testing Library. Reduced the bundle from 900 kB to 210 kB.

2019 - 2022  Front-end developer, travel start-up, Berlin
Search and checkout pages in React and JavaScript (ES2020), A/B tests, Google Tag Manager,
performance work on mobile. Mentored two working students in modern JavaScript.

2017 - 2019  Web developer, agency
WordPress themes, jQuery and vanilla JavaScript, HTML5 and Sass for about 40 client sites.

SKILLS
JavaScript (ES2022), Java-Script frameworks: React, a little Vue; HTML5, CSS3/Sass; Jest;
Webpack and Vite; Figma hand-off.

EDUCATION
B.Sc. Media Informatics, HTWK Leipzig, 2017

LANGUAGES
German (native), English (C1)""",
        skills=(("Javascript", 5, 7), ("React", 4, 5), ("HTML/CSS", 5, 8), ("Jest", 3, 3)),
        spoken=(("de", "native"), ("en", "C1")),
    ),
    HandCV(
        key="teacher_to_qa",
        language="en",
        primary="qa_automation",
        secondary=(),
        tags=_t("testautomation cypress javascript playwright istqb jira"),
        headline="Junior QA / test automation engineer (career changer)",
        text="""After nine years as a secondary-school teacher for maths and physics I retrained as a
software tester in 2023. I completed a twelve-month full-time programme in software testing,
passed the ISTQB Foundation Level and wrote my first automated tests in JavaScript with Cypress.

Since March 2024 I have been working as a junior QA engineer at a mid-sized software house in
Hanover that builds scheduling software for care homes. I write and maintain end-to-end tests
with Cypress and, since this year, Playwright, test the REST API with Postman collections, and
document bugs and test cases in Jira and Xray. I joined the Scrum team's refinements and
learned to ask awkward questions early, which my years in the classroom prepared me for.

What I bring from teaching: explaining complicated things simply, patience with people and with
flaky tests, and the habit of planning a term in advance. What I am still learning: CI
pipelines (we use GitLab CI) and performance testing.

Education: State examination for teaching (maths, physics), University of Göttingen, 2013.
Certificates: ISTQB Certified Tester Foundation Level (2023).
Languages: German native, English C1, French B1.""",
        skills=(),
        spoken=(("de", "native"), ("en", "C1"), ("fr", "B1")),
    ),
    HandCV(
        key="fico_to_data",
        language="de",
        primary="data_engineering",
        secondary=("sap_fico",),
        tags=_t("sap_fi sap_co s4hana sql python powerbi dbt snowflake data_engineering"),
        headline="Data Engineer mit SAP-Finance-Hintergrund",
        text="""Kurzprofil
Nach zehn Jahren als SAP-FI/CO-Beraterin habe ich mich 2022 auf Finanzdaten und Data
Engineering spezialisiert. Ich verbinde Prozesswissen aus Rechnungswesen und Controlling mit
modernen Datenwerkzeugen: SQL, Python, dbt und Snowflake, Visualisierung mit Power BI.

Projekte
04/2024 - heute: Finanz-Datenplattform für einen Handelskonzern
Extraktion von Buchungsdaten aus S/4HANA (ACDOCA), Ladestrecken in Python, Modellierung mit
dbt auf Snowflake, Kennzahlen für das Konzerncontrolling in Power BI.

2022 - 2024: Reporting-Modernisierung bei einem Maschinenbauer
Ablösung von Excel-Berichten durch ein Data Warehouse auf Azure SQL, Datenmodell für
Deckungsbeitragsrechnung, SQL-Transformationen, Schulung der Controller.

2012 - 2022: SAP FI/CO-Beraterin bei einem Beratungshaus
Customizing Hauptbuch, Anlagenbuchhaltung, Kostenstellenrechnung und CO-PA in mehreren
Einführungsprojekten, zuletzt S/4HANA Finance.

Ausbildung: Diplom-Betriebswirtin (FH), Hochschule Pforzheim
Weiterbildung: Data Engineering Bootcamp (2022), Snowflake SnowPro Core
Sprachen: Deutsch (Muttersprache), Englisch (verhandlungssicher)""",
        skills=(
            ("SQL", 4, 6),
            ("Python", 3, 3),
            ("dbt", 3, 2),
            ("Snowflake", 3, 2),
            ("SAP FI", 5, 10),
            ("SAP CO", 5, 10),
            ("Power BI", 4, 4),
        ),
        spoken=(("de", "native"), ("en", "C1")),
    ),
    HandCV(
        key="generalist",
        language="en",
        primary="generalist",
        secondary=("java_backend", "python_web", "frontend_react", "devops_cloud"),
        tags=_t(
            "java spring python django react typescript javascript aws docker kubernetes "
            "postgresql terraform"
        ),
        headline="Full-stack generalist / technical founder",
        text="""SUMMARY
Generalist engineer and two-time technical co-founder. I have shipped products end to end -
backend, front end, infrastructure and hiring - and I am happiest in small teams that need
someone to cover the gaps. Backends in Java/Spring Boot and Python/Django, front ends in React
and TypeScript, infrastructure on AWS with Docker, Kubernetes and Terraform.

EXPERIENCE
2021 - 2025  CTO and co-founder, HR-tech start-up (seed to Series A)
Built the first version alone in Django and React, later moved the matching engine to a Spring
Boot service, set up AWS with Terraform and EKS, hired and led a team of nine.

2017 - 2021  Senior engineer, fintech
Java 11 and Spring Boot services for card payments, PostgreSQL, Kafka; a React admin console;
on-call for the whole platform.

2014 - 2017  Developer, agency
Websites and shops with PHP, then Python and Django; first steps with Docker.

SKILLS
Java, Spring Boot, Python, Django, React, TypeScript, JavaScript, PostgreSQL, AWS, Docker,
Kubernetes, Terraform, Kafka, hiring and mentoring

EDUCATION
M.Sc. Computer Science, TU Munich

LANGUAGES
English (native), German (C1)""",
        skills=(
            ("Java", 4, 8),
            ("Spring-Boot", 4, 6),
            ("Python", 4, 9),
            ("Django", 4, 6),
            ("React", 3, 5),
            ("AWS", 4, 6),
            ("Kubernets", 3, 3),
            ("Terraform", 3, 3),
        ),
        spoken=(("en", "native"), ("de", "C1")),
    ),
    HandCV(
        key="google_marketing",
        language="en",
        primary="web_analytics",
        secondary=(),
        tags=_t("sql tableau gcp statistics"),
        headline="Web analytics consultant",
        text="""Web analytics consultant with eight years in digital marketing. I set up tracking with
Google Analytics 4 and Google Tag Manager, build reports in Looker Studio and Tableau, and query
raw event data in BigQuery with SQL. I worked in the R&D department of a consumer-goods company
for two years, where I analysed campaign experiments with simple statistics.

Projects
- Tracking concept and GA4 migration for an online furniture shop (Google Tag Manager, consent
  mode, server-side tagging on Google Cloud).
- Marketing dashboard for a fashion brand: BigQuery, SQL views, Tableau.
- Search-engine advertising reports with Google Ads data for a travel portal.
- Consent and cookie audit for a bank's public website, with a remediation plan for the legal
  department and the agency that runs the site.

How I work: I start with the questions the business wants answered, agree on a measurement
plan, and only then touch the tags. Reports are only useful when someone acts on them, so I
keep them short and review them monthly with the marketing team.

Education: B.A. Business Administration, University of Mannheim.
Languages: German (native), English (C1).""",
        skills=(),
        spoken=(("de", "native"), ("en", "C1")),
    ),
    HandCV(
        key="c_level_interim",
        language="de",
        primary="it_management",
        secondary=(),
        tags=_t("project_management"),
        headline="Interim-CIO und IT-Management-Berater",
        text="""Profil
Interim-CIO und Berater für IT-Strategie mit über 20 Jahren Führungserfahrung. Ich berate das
C-Level mittelständischer Unternehmen bei IT-Strategie, Sourcing und Transformation, übernehme
Verantwortung in Krisensituationen und baue IT-Organisationen neu auf. Meine Stärken liegen in
der Kommunikation mit Vorstand, Aufsichtsrat und Betriebsrat, nicht in der Programmierung.

Stationen
2020 - heute: Interim-CIO für drei Mittelständler (Maschinenbau, Handel, Logistik)
Neuordnung der IT-Organisation, Auswahl von Outsourcing-Partnern, Steuerung eines
ERP-Programms, Budgetverantwortung bis 25 Mio. Euro, Berichte an die C-Suite.

2011 - 2020: Leiter IT eines Handelsunternehmens mit 4.000 Mitarbeitenden
Aufbau einer Projektmanagement-Organisation, Einführung von ITIL-Prozessen, Cloud-Strategie.

2003 - 2011: Projektleiter und Abteilungsleiter bei einem IT-Dienstleister

Ausbildung: Diplom-Wirtschaftsinformatiker, Universität Mannheim
Sprachen: Deutsch (Muttersprache), Englisch (fließend)""",
        skills=(("IT-Strategie", 5, 15), ("Projektmanagement", 5, 20), ("ITIL", 4, 10)),
        spoken=(("de", "native"), ("en", "C2")),
    ),
    HandCV(
        key="zero_trust",
        language="en",
        primary="security",
        secondary=("network_admin",),
        tags=_t("security iam cloud_security siem azure networking"),
        headline="Security architect (zero trust, identity)",
        text="""PROFILE
Security architect focused on identity and zero-trust networks. I help organisations move from
"trust the network" to "trust nothing by default": conditional access, strong authentication,
segmentation and continuous monitoring. Earlier career in network operations, which is why I
still read firewall logs for fun. Trusted adviser to two CISOs; I have never written Rust or
any production code beyond scripts.

EXPERIENCE
2021 - today  Freelance security architect
Zero-trust programme for a hospital group: Entra ID conditional access, privileged identity
management, network segmentation, Microsoft Sentinel as SIEM with custom analytics rules.

2016 - 2021  Security engineer, insurance group
Identity and access management (SailPoint), MFA roll-out for 12,000 users, cloud security
baselines for Azure and AWS.

2011 - 2016  Network administrator, IT service provider
LAN/WAN operations, firewalls, VPN.

CERTIFICATIONS
CISSP, CCSP, Microsoft SC-100

LANGUAGES
English (fluent), German (native)""",
        skills=(
            ("Zero Trust", 5, 5),
            ("IAM", 5, 8),
            ("SIEM", 4, 4),
            ("Cloud Security", 4, 6),
            ("Azure", 4, 5),
            ("Networking", 3, 5),
        ),
        spoken=(("en", "C2"), ("de", "native")),
    ),
    HandCV(
        key="react_native_mobile",
        language="de",
        primary="mobile",
        secondary=("frontend_react",),
        tags=_t(
            "react_native react typescript javascript ios android swift kotlin jest "
            "github_actions accessibility rest"
        ),
        headline="Mobile-Entwickler React Native",
        text="""Ich bin Mobile-Entwickler mit Schwerpunkt React Native und TypeScript und baue seit 2018
Apps für iOS und Android aus einer gemeinsamen Codebasis. Vorher habe ich drei Jahre Web-
Frontends mit React entwickelt, daher fühle ich mich auch im Browser zu Hause.

Zuletzt habe ich für einen Fitnessanbieter die Kurs-App neu aufgebaut: React Native mit Expo,
Offline-Synchronisation, Push-Benachrichtigungen, In-App-Käufe für iOS und Android und
automatisierte Builds mit GitHub Actions. Davor entwickelte ich für eine Krankenkasse eine App
zur Einreichung von Rechnungen mit Kamera-Scan und einer nativen Brücke in Swift und Kotlin,
wo React Native nicht ausreichte.

Frühere Projekte: eine Event-App für einen Konzertveranstalter (Ticket-Wallet, Karten,
Deep Links) und ein internes Außendienst-Tool für einen Großhändler mit Barcode-Scanner und
Synchronisation gegen eine REST-API.

Ich arbeite gern in kleinen, crossfunktionalen Teams, schreibe Tests mit Jest und Detox und
achte auf Barrierefreiheit in mobilen Oberflächen.

Studium der Informatik an der Hochschule Darmstadt (B.Sc.), Sprachen: Deutsch und Englisch
fließend.""",
        skills=(),
        spoken=(("de", "native"), ("en", "C2")),
    ),
)
