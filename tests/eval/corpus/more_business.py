"""More hand-written blocks for QA, analysis, delivery, security and network people."""

from tests.eval.corpus.model import B

EXTRA = {
    "qa_automation": dict(
        profiles_en=(
            B(
                """Software development engineer in test. I write test frameworks the developers
              actually use: Playwright and Cypress for the browser, REST Assured and Postman for
              APIs, k6 and JMeter for load. Java, TypeScript and Python, CI in GitHub Actions
              and Jenkins.""",
                "testautomation playwright cypress jmeter java typescript python github_actions "
                "jenkins",
            ),
        ),
        profiles_de=(
            B(
                """QA-Engineer mit Schwerpunkt Testautomatisierung in agilen Teams. Aufbau von
              Testframeworks mit Selenium, Cypress und Robot Framework, API-Tests, Lasttests
              mit JMeter, Einbindung in GitLab CI; ISTQB Foundation und Advanced Level.""",
                "testautomation selenium cypress jmeter gitlab_ci istqb",
            ),
        ),
        projects_en=(
            B(
                """Mobile and web testing for a ticketing app. Appium and Playwright suites, visual
              regression checks, test data generators in Python, and a release gate that blocks
              deploys on failing critical paths.""",
                "testautomation playwright python",
            ),
            B(
                """Load and performance testing for a public-sector portal before a tax deadline.
              JMeter scenarios for 30,000 concurrent users, bottleneck analysis with the
              developers and Grafana dashboards for the go-live.""",
                "testautomation jmeter grafana",
            ),
        ),
        projects_de=(
            B(
                """Testautomatisierung für eine Versicherungsplattform. Migration von Selenium
              auf Playwright mit TypeScript, Aufbau eines Testdatenmanagements, Integration in
              Azure DevOps, Schulung des Fachtests.""",
                "testautomation selenium playwright typescript ci_cd",
            ),
            B(
                """Abnahmetests für ein Warenwirtschaftssystem. Testfallerstellung, Durchführung
              und Dokumentation in Xray, Regressionstests mit Cucumber und Selenium,
              Fehlerverfolgung in Jira.""",
                "testautomation cucumber selenium jira",
            ),
        ),
    ),
    "business_analyst": dict(
        profiles_en=(
            B(
                """Business analyst and product owner in e-commerce and logistics. Discovery
              interviews, process maps in BPMN, user story mapping, acceptance criteria in
              Gherkin, and backlog ownership in Jira; I speak both business and developer.""",
                "business_analysis bpmn jira requirements_engineering",
            ),
        ),
        profiles_de=(
            B(
                """Requirements Engineer mit Schwerpunkt öffentliche Verwaltung. Ich analysiere
              Verwaltungsverfahren, erstelle Lastenhefte und Fachkonzepte, modelliere Prozesse
              mit BPMN und Datenmodelle mit UML und begleite Ausschreibungen und Abnahmen.""",
                "requirements_engineering bpmn uml business_analysis",
            ),
        ),
        projects_en=(
            B(
                """Returns process for an online retailer. Mapped the as-is process with warehouse
              and customer service, designed the to-be process in BPMN, wrote the epics and
              stories, and measured the result: handling time down by a third.""",
                "business_analysis bpmn requirements_engineering",
            ),
            B(
                """Regulatory reporting at an asset manager. Requirements analysis for new
              reporting duties, data-lineage documentation, functional specifications, and
              user acceptance testing with the compliance team.""",
                "business_analysis requirements_engineering",
            ),
        ),
        projects_de=(
            B(
                """Einführung einer E-Akte in einer Stadtverwaltung. Ist-Analyse in zwölf Ämtern,
              Soll-Prozesse in BPMN, Lastenheft für die Ausschreibung, Begleitung der Einführung
              und Schulung.""",
                "requirements_engineering bpmn business_analysis",
            ),
            B(
                """Neues Provisionssystem für einen Finanzvertrieb. Anforderungsmanagement mit
              Fachbereich und Vertrieb, Fachkonzept, UML-Aktivitätsdiagramme, Priorisierung
              mit dem Product Owner und Testfallentwurf.""",
                "requirements_engineering uml business_analysis",
            ),
        ),
    ),
    "project_manager": dict(
        profiles_en=(
            B(
                """Delivery lead who has worked on both sides: classic PMO and agile teams. I run
              hybrid projects (PRINCE2 frame, Scrum inside), manage dependencies across vendors,
              and keep risk logs honest. PMP, PSM I, ITIL 4 Foundation.""",
                "project_management prince2 pmp scrum",
            ),
        ),
        profiles_de=(
            B(
                """Projektmanagerin für IT-Infrastruktur- und Digitalisierungsprojekte in der
              öffentlichen Verwaltung. Klassisch nach PRINCE2 und V-Modell XT, agil mit Scrum;
              Schwerpunkte Vergabe, Dienstleistersteuerung und Kommunikation mit
              Entscheidern.""",
                "project_management prince2 scrum",
            ),
        ),
        projects_en=(
            B(
                """Network refresh across 300 branches of a retail bank. Project manager for
              planning, vendor coordination and roll-out waves; budget 4 million euros,
              finished one month early.""",
                "project_management",
            ),
            B(
                """Scrum Master for a platform team at a car-sharing company. Introduced Kanban for
              operational work, service-level expectations and retrospectives that led to real
              changes.""",
                "scrum kanban agile_coaching",
            ),
        ),
        projects_de=(
            B(
                """Migration von 8.000 Arbeitsplätzen auf Windows 11 in einer Landesbehörde.
              Projektleitung, Planung der Rollout-Wellen, Steuerung von zwei Dienstleistern,
              Risiko- und Budgetmanagement.""",
                "project_management",
            ),
            B(
                """Scrum Master in einem Team für eine Versicherungs-App. Moderation aller Events,
              Coaching des Product Owners, Einführung von Metriken für den Flow, Mitarbeit in
              der agilen Community of Practice.""",
                "scrum agile_coaching",
            ),
        ),
    ),
    "security": dict(
        profiles_en=(
            B(
                """Application security engineer. Threat modelling with development teams, secure
              code reviews, SAST and DAST in the pipeline, and penetration tests of web and
              mobile applications. OSCP, GWAPT.""",
                "security pentest owasp",
            ),
        ),
        profiles_de=(
            B(
                """Security-Consultant mit Schwerpunkt Cloud-Sicherheit und IAM. Härtung von Azure-
              und AWS-Umgebungen, Berechtigungskonzepte, SIEM-Anbindung, Beratung zu NIS2 und
              ISO 27001.""",
                "security cloud_security iam siem iso27001 azure aws",
            ),
        ),
        projects_en=(
            B(
                """Red-team exercise for an energy company. Phishing simulation, initial access,
              lateral movement in Active Directory, and a debrief that produced a prioritised
              hardening plan.""",
                "security pentest",
            ),
            B(
                """ISO 27001 recertification and NIS2 gap analysis for a logistics group. Updated
              risk register, supplier security reviews, and internal audits at four
              sites.""",
                "security iso27001",
            ),
        ),
        projects_de=(
            B(
                """Sicherheitsüberprüfung einer Gesundheits-App. Penetrationstest der mobilen App
              und der Backend-APIs nach OWASP MASVS, Bericht mit Risikobewertung, Nachtest nach
              Behebung.""",
                "security pentest owasp",
            ),
            B(
                """Einführung eines SIEM bei einem Krankenhausverbund. Auswahl, Anbindung von
              Logquellen, Use Cases und Alarmierung, Aufbau der Prozesse mit dem SOC.""",
                "security siem",
            ),
        ),
    ),
    "network_admin": dict(
        profiles_en=(
            B(
                """Network and systems administrator for mid-sized companies: switching and routing
              with Cisco and Juniper, firewalls from Fortinet and Sophos, VPN for remote staff,
              plus VMware and Windows Server where the network ends.""",
                "networking cisco firewall vpn vmware windows_server",
            ),
        ),
        profiles_de=(
            B(
                """Netzwerk-Engineer mit Schwerpunkt Rechenzentrum und Security. Cisco Nexus und
              Catalyst, Routing mit BGP und OSPF, Palo-Alto-Firewalls, Load Balancer und
              Netzwerkautomatisierung mit Ansible und Python.""",
                "networking cisco firewall ansible python",
            ),
        ),
        projects_en=(
            B(
                """SD-WAN roll-out for a chain of 120 pharmacies. Fortinet SD-WAN and firewalls,
              zero-touch provisioning, VPN to the central ERP and a monitoring concept with
              alerting.""",
                "networking firewall vpn",
            ),
            B(
                """Wi-Fi and LAN redesign for a trade-fair operator. Cisco switching and wireless
              for 20,000 concurrent users, VLAN design, guest access, and on-site support during
              the first fairs.""",
                "networking cisco",
            ),
        ),
        projects_de=(
            B(
                """Netzwerkbetrieb eines Klinikums. Betreuung der Cisco-Infrastruktur,
              Firewall-Regelwerke, VPN-Zugänge für Dienstleister, Dokumentation und
              Störungsbearbeitung im Schichtdienst.""",
                "networking cisco firewall vpn",
            ),
            B(
                """Erneuerung der Standortnetze eines Maschinenbauers. Planung und Umsetzung mit
              Cisco-Switches, Segmentierung der Produktionsnetze, Firewall-Regelwerke,
              Übergabe an den Betrieb.""",
                "networking cisco firewall",
            ),
        ),
    ),
}
