"""Quality, analysis, delivery and infrastructure: QA, BA, PM/Scrum, security, networks."""

from tests.eval.corpus.model import B, Spec

QA = Spec(
    key="qa_automation",
    headlines_en=(
        "Test Automation Engineer",
        "Senior QA Engineer (Selenium, Cypress)",
        "Test Manager / QA Lead",
    ),
    headlines_de=("Testautomatisierer", "Senior QA-Engineer", "Testmanager (ISTQB)"),
    profiles_en=(
        B(
            """Test automation engineer with a developer's toolbox. I build maintainable UI and API
          test suites with Selenium, Playwright and Cypress, in Java or TypeScript, run them in
          Jenkins and GitLab CI, and report results the product owner can read. ISTQB Advanced
          Test Automation Engineer.""",
            "testautomation selenium playwright cypress java typescript jenkins gitlab_ci istqb",
        ),
        B(
            """QA lead who has set up testing for agile teams from scratch: test strategy, risk-based
          test design, acceptance criteria with the business, BDD with Cucumber, load tests with
          JMeter, and a test pyramid instead of a manual regression marathon.""",
            "testautomation cucumber jmeter istqb",
        ),
    ),
    profiles_de=(
        B(
            """Testautomatisierer und Testmanager mit ISTQB-Zertifizierung (Advanced Level). Ich
          entwickle automatisierte UI- und API-Tests mit Selenium, Playwright und REST Assured,
          binde sie in CI/CD-Pipelines ein und erstelle Teststrategien für agile Teams.
          Programmiersprachen: Java, Python, TypeScript.""",
            "testautomation selenium playwright istqb java python typescript ci_cd",
        ),
        B(
            """Erfahrene Testmanagerin mit Schwerpunkt auf fachlichen Tests und Abnahmen in Banken
          und Versicherungen. Testkonzepte, Testfallentwurf, Fehlermanagement in Jira/Xray,
          Koordination von Abnahmetests mit den Fachbereichen.""",
            "istqb jira",
        ),
    ),
    projects_en=(
        B(
            """Online-banking relaunch. Built a Playwright and TypeScript test suite for 300 user
          journeys, API tests with REST Assured, test data management, and nightly runs in GitLab
          CI with flaky-test quarantine.""",
            "testautomation playwright typescript gitlab_ci",
        ),
        B(
            """Insurance policy administration. Test lead for a core-system replacement: test
          strategy, 2,000 test cases in Xray, Selenium regression in Java, performance tests with
          JMeter, and acceptance testing with the business.""",
            "testautomation selenium java jmeter istqb jira",
        ),
        B(
            """E-commerce platform. Introduced Cypress component and end-to-end tests, contract
          tests with Pact between front end and services, and a quality dashboard in Grafana.""",
            "testautomation cypress grafana",
        ),
    ),
    projects_de=(
        B(
            """Testautomatisierung für ein Kundenportal eines Energieversorgers. Aufbau eines
          Frameworks mit Selenium und Java, BDD mit Cucumber, Einbindung in Jenkins,
          Schulung der Tester.""",
            "testautomation selenium java cucumber jenkins",
        ),
        B(
            """Testmanagement bei der Einführung eines neuen Kernbankensystems. Teststrategie,
          Testplanung, Koordination von 15 Testern, Fehlermanagement in Jira, Abnahme mit den
          Fachbereichen.""",
            "istqb jira",
        ),
    ),
    roles_en=("Test Automation Engineer", "QA Lead", "Test Manager"),
    roles_de=("Testautomatisierer", "Testmanager", "QA-Engineer"),
    stack=(
        "testautomation",
        "selenium",
        "playwright",
        "cypress",
        "jmeter",
        "cucumber",
        "istqb",
        "jira",
        "java",
    ),
    neighbours=("business_analyst",),
)

BUSINESS_ANALYST = Spec(
    key="business_analyst",
    headlines_en=(
        "Business Analyst / Requirements Engineer",
        "Senior Business Analyst",
        "IT Business Analyst (Banking)",
    ),
    headlines_de=(
        "Business Analyst / Requirements Engineer",
        "Senior Business Analystin",
        "IT-Fachkonzeptionerin",
    ),
    profiles_en=(
        B(
            """Business analyst who connects business departments and IT. I run workshops, model
          processes in BPMN 2.0, write use cases and user stories with acceptance criteria, and
          keep requirements traceable in Jira and Confluence. CPRE Advanced Level (IREB), ten
          years in banking and insurance.""",
            "business_analysis requirements_engineering bpmn jira confluence",
        ),
        B(
            """Requirements engineer with a background in software development. I elicit and
          specify requirements for complex systems, model them in UML, prioritise with product
          owners, and support testing and acceptance. Certified CPRE Foundation Level.""",
            "requirements_engineering uml business_analysis",
        ),
    ),
    profiles_de=(
        B(
            """Business Analystin mit Schwerpunkt Anforderungsmanagement in Banken und Versicherungen.
          Ich erhebe Anforderungen in Workshops, modelliere Geschäftsprozesse mit BPMN, erstelle
          Fachkonzepte und User Stories und begleite Umsetzung und Abnahme. Zertifiziert nach
          IREB CPRE.""",
            "business_analysis requirements_engineering bpmn",
        ),
        B(
            """Seit zwölf Jahren arbeite ich an der Schnittstelle zwischen Fachbereich und IT:
          Anforderungsanalyse, Prozessmodellierung, Fachkonzeption, UML-Modellierung und
          Testunterstützung. Werkzeuge: Jira, Confluence, Enterprise Architect, Signavio.""",
            "business_analysis requirements_engineering uml bpmn jira confluence",
        ),
    ),
    projects_en=(
        B(
            """Loan origination for a savings bank association. Analysed the credit process with
          20 branches, modelled target processes in BPMN, wrote 180 user stories with acceptance
          criteria, and kept the backlog consistent with the regulatory requirements.""",
            "business_analysis requirements_engineering bpmn",
        ),
        B(
            """Claims system replacement at an insurer. Requirements engineering for the claims
          handling module: stakeholder analysis, use cases, UML activity and state diagrams,
          requirement reviews, and test-case design together with QA.""",
            "requirements_engineering uml business_analysis",
        ),
        B(
            """ERP selection for a mid-sized manufacturer. Gathered requirements from sales,
          production and finance, built the evaluation matrix, and supported the vendor
          workshops and the decision.""",
            "business_analysis requirements_engineering",
        ),
    ),
    projects_de=(
        B(
            """Digitalisierung der Antragsstrecke einer Krankenversicherung. Anforderungserhebung in
          Workshops, Prozessmodellierung in BPMN mit Signavio, Erstellung von Fachkonzepten und
          User Stories in Jira, Abnahmeunterstützung.""",
            "business_analysis requirements_engineering bpmn jira",
        ),
        B(
            """Meldewesen einer Landesbank. Fachliche Analyse regulatorischer Anforderungen,
          Datenmapping, Fachkonzeption, UML-Modelle und Koordination zwischen Fachbereich und
          Entwicklung.""",
            "business_analysis requirements_engineering uml",
        ),
    ),
    roles_en=("Business Analyst", "Requirements Engineer", "Product Owner"),
    roles_de=("Business Analyst", "Requirements Engineer", "Fachkonzeptionerin"),
    stack=(
        "business_analysis",
        "requirements_engineering",
        "bpmn",
        "uml",
        "jira",
        "confluence",
        "scrum",
    ),
    neighbours=("project_manager", "qa_automation"),
)

PROJECT_MANAGER = Spec(
    key="project_manager",
    headlines_en=(
        "IT Project Manager (PRINCE2, PMP)",
        "Scrum Master / Agile Coach",
        "Programme Manager IT",
    ),
    headlines_de=("IT-Projektleiter", "Scrum Master und Agile Coach", "Senior IT-Projektmanager"),
    profiles_en=(
        B(
            """IT project manager with fifteen years of delivering infrastructure and software
          projects for banks and public authorities. Certified PRINCE2 Practitioner and PMP. I
          plan realistically, manage budgets and risks, and keep steering committees informed
          without drowning them.""",
            "project_management prince2 pmp",
        ),
        B(
            """Scrum Master and agile coach (PSM II, SAFe SPC). I help teams and trains work in a
          sustainable rhythm, facilitate PI planning, coach product owners, and measure flow
          instead of velocity theatre.""",
            "scrum safe agile_coaching kanban",
        ),
    ),
    profiles_de=(
        B(
            """IT-Projektleiter mit langjähriger Erfahrung in klassischen und agilen Projekten.
          Zertifiziert nach PRINCE2 und PMP. Schwerpunkte: Projektplanung, Budget- und
          Risikomanagement, Stakeholdermanagement sowie Steuerung externer Dienstleister.""",
            "project_management prince2 pmp",
        ),
        B(
            """Scrum Master und Agile Coach mit Erfahrung in großen agilen Transformationen (SAFe).
          Ich moderiere Retrospektiven und PI-Plannings, coache Teams und Führungskräfte und
          führe Kanban in Betriebsteams ein.""",
            "scrum safe agile_coaching kanban",
        ),
    ),
    projects_en=(
        B(
            """Data-centre migration for a regional bank. Project manager for moving 900 servers to
          a new site: plan, budget of 6 million euros, vendor management, risk register, and
          fortnightly steering committee reports; delivered on time.""",
            "project_management",
        ),
        B(
            """Agile transformation at a telecom. Scrum Master for two teams and later release train
          engineer for a SAFe train of eight teams; introduced PI planning, Jira Align and flow
          metrics.""",
            "scrum safe agile_coaching jira",
        ),
        B(
            """ERP introduction at a food producer. Programme manager for the SAP S/4HANA roll-out
          across three plants: integrated plan, cut-over planning, change management and
          training.""",
            "project_management s4hana",
        ),
    ),
    projects_de=(
        B(
            """Einführung eines Dokumentenmanagementsystems in einer Landesverwaltung. Gesamtprojektleitung nach PRINCE2, Ausschreibung und Dienstleistersteuerung, Budgetverantwortung,
          Berichte an den Lenkungsausschuss.""",
            "project_management prince2",
        ),
        B(
            """Agile Transformation bei einem Versicherer. Scrum Master für drei Teams, Einführung von
          Kanban im IT-Betrieb, Coaching der Product Owner, Moderation von PI-Plannings nach
          SAFe.""",
            "scrum kanban safe agile_coaching",
        ),
    ),
    roles_en=("IT Project Manager", "Scrum Master", "Programme Manager"),
    roles_de=("IT-Projektleiter", "Scrum Master", "Projektmanager"),
    stack=("project_management", "prince2", "pmp", "scrum", "safe", "kanban", "jira"),
    neighbours=("business_analyst",),
)

SECURITY = Spec(
    key="security",
    headlines_en=(
        "IT Security Consultant",
        "Penetration Tester (OSCP)",
        "Information Security Officer / ISO 27001 Auditor",
    ),
    headlines_de=(
        "IT-Sicherheitsberater",
        "Penetrationstester",
        "Informationssicherheitsbeauftragter (ISO 27001)",
    ),
    profiles_en=(
        B(
            """Offensive security specialist, OSCP and OSWE. I test web applications, APIs and
          internal networks, explain findings to developers in their language, and help fix them
          with the OWASP Top 10 and secure-coding training.""",
            "security pentest owasp",
        ),
        B(
            """Information security consultant focused on governance: ISMS set-up and ISO 27001
          certification, risk assessments, BSI IT-Grundschutz, and audit preparation. CISSP and
          ISO 27001 Lead Auditor.""",
            "security iso27001",
        ),
        B(
            """Security engineer for cloud platforms: identity and access management, SIEM with
          Splunk and Microsoft Sentinel, detection rules, and hardening of AWS and Azure
          accounts.""",
            "security siem iam cloud_security aws azure",
        ),
    ),
    profiles_de=(
        B(
            """IT-Sicherheitsberater mit Schwerpunkt Informationssicherheitsmanagement nach ISO 27001
          und BSI IT-Grundschutz. Ich baue ISMS auf, führe Risikoanalysen durch und begleite
          Zertifizierungsaudits. Zertifiziert als ISO 27001 Lead Auditor.""",
            "security iso27001",
        ),
        B(
            """Penetrationstester mit OSCP. Sicherheitsüberprüfungen von Webanwendungen,
          Schnittstellen und Active-Directory-Umgebungen, Berichte mit konkreten
          Handlungsempfehlungen, Schulungen zu OWASP Top 10.""",
            "security pentest owasp",
        ),
    ),
    projects_en=(
        B(
            """Penetration tests for an online broker. Web and mobile API tests, authentication and
          session analysis, an Active Directory assessment, and retests after fixes; findings
          mapped to OWASP ASVS.""",
            "security pentest owasp",
        ),
        B(
            """ISMS for a cloud software vendor. Built the ISO 27001 management system, wrote
          policies, ran the risk assessment and internal audits, and led the company to
          certification in eleven months.""",
            "security iso27001",
        ),
        B(
            """Security operations for a retailer. Introduced Microsoft Sentinel as SIEM, wrote
          detection rules, onboarded log sources, and set up the incident-response process with
          the SOC provider.""",
            "security siem azure",
        ),
    ),
    projects_de=(
        B(
            """Aufbau eines ISMS bei einem kommunalen IT-Dienstleister nach BSI IT-Grundschutz und
          ISO 27001, Risikoanalyse, Richtlinien, interne Audits und Begleitung der
          Zertifizierung.""",
            "security iso27001",
        ),
        B(
            """Penetrationstests für eine Versicherung. Prüfung von Kundenportalen und APIs,
          Analyse von Authentifizierung und Berechtigungen, Nachtests und Schulung der
          Entwickler.""",
            "security pentest owasp",
        ),
    ),
    roles_en=("Security Consultant", "Penetration Tester", "Information Security Officer"),
    roles_de=("IT-Sicherheitsberater", "Penetrationstester", "ISB"),
    stack=("security", "pentest", "owasp", "iso27001", "siem", "iam", "linux"),
    neighbours=("network_admin", "devops_cloud"),
)

NETWORK = Spec(
    key="network_admin",
    headlines_en=(
        "Network Engineer (Cisco, CCNP)",
        "Senior Network Administrator",
        "Network and Firewall Specialist",
    ),
    headlines_de=(
        "Netzwerkadministrator",
        "Netzwerk-Engineer Cisco (CCNP)",
        "Spezialist Netzwerk und Firewall",
    ),
    profiles_en=(
        B(
            """Network engineer with CCNP Enterprise and twelve years of campus and data-centre
          networks. Cisco routing and switching (OSPF, BGP, VLANs), Palo Alto and Fortinet
          firewalls, site-to-site VPNs and Wi-Fi, with automation in Python and Ansible.""",
            "networking cisco firewall vpn python ansible",
        ),
        B(
            """Infrastructure administrator: networks, firewalls and the servers behind them. LAN and
          WAN with Cisco and HPE Aruba, Sophos and Fortinet firewalls, VMware vSphere and Windows
          Server, monitoring with PRTG.""",
            "networking cisco firewall vmware windows_server",
        ),
    ),
    profiles_de=(
        B(
            """Netzwerkadministrator mit langjähriger Erfahrung in Planung und Betrieb von LAN-, WAN-
          und WLAN-Infrastrukturen. Cisco-Routing und -Switching, Firewalls von Palo Alto und
          Fortinet, VPN-Lösungen, Zertifizierung CCNP.""",
            "networking cisco firewall vpn",
        ),
        B(
            """Systemadministrator mit Schwerpunkt Netzwerk und Sicherheit. Betreuung von
          Standortnetzen, Firewall-Regelwerken und VPN-Zugängen, daneben VMware und Windows
          Server.""",
            "networking firewall vpn vmware windows_server",
        ),
    ),
    projects_en=(
        B(
            """Campus network refresh at a university hospital. Designed and rolled out 400 Cisco
          Catalyst switches with a new VLAN and routing concept, 802.1X authentication, and Wi-Fi
          for 6,000 devices, in night shifts without patient impact.""",
            "networking cisco",
        ),
        B(
            """Firewall consolidation for a logistics group. Migrated rule sets from Check Point to
          Palo Alto, built site-to-site VPNs to 35 depots, and automated rule reviews with
          Python.""",
            "networking firewall vpn python",
        ),
    ),
    projects_de=(
        B(
            """Neuaufbau des Rechenzentrumsnetzes eines Finanzdienstleisters. Planung mit Cisco
          Nexus, Routing mit OSPF und BGP, Segmentierung, Dokumentation und Übergabe an den
          Betrieb.""",
            "networking cisco",
        ),
        B(
            """Standortvernetzung eines Handelsunternehmens. SD-WAN mit Fortinet, Firewall-Regelwerke,
          VPN für 60 Filialen, Einführung von Netzwerk-Monitoring.""",
            "networking firewall vpn",
        ),
    ),
    roles_en=("Network Engineer", "Network Administrator", "Infrastructure Engineer"),
    roles_de=("Netzwerkadministrator", "Netzwerk-Engineer", "Systemadministrator"),
    stack=("networking", "cisco", "firewall", "vpn", "vmware", "windows_server", "linux"),
    neighbours=("security", "devops_cloud"),
)

SPECS = (QA, BUSINESS_ANALYST, PROJECT_MANAGER, SECURITY, NETWORK)
