"""Enterprise platforms and devices: SAP ABAP, SAP FI/CO, Salesforce, embedded, mobile."""

from tests.eval.corpus.model import B, Spec

SAP_ABAP = Spec(
    key="sap_abap",
    headlines_en=(
        "SAP ABAP Developer (S/4HANA)",
        "Senior SAP Developer ABAP / Fiori",
        "SAP Technical Consultant",
    ),
    headlines_de=(
        "SAP-ABAP-Entwickler S/4HANA",
        "SAP-Entwickler ABAP OO und Fiori",
        "SAP-Technologieberater",
    ),
    profiles_en=(
        B(
            """SAP developer with twelve years of ABAP, from classic reports and user exits to ABAP
          Objects, CDS views and the RESTful Application Programming model on S/4HANA. I build
          Fiori apps with SAPUI5 and OData services and have worked on two brownfield S/4HANA
          conversions.""",
            "abap s4hana cds fiori sapui5 odata",
        ),
        B(
            """Technical SAP consultant. ABAP development for logistics (MM, SD, WM), interfaces with
          IDocs, BAPIs and SAP PI/PO, performance analysis on HANA, and the custom-code
          adaptation that every S/4HANA migration needs.""",
            "abap s4hana sap_mm sap_sd",
        ),
    ),
    profiles_de=(
        B(
            """SAP-Entwickler mit langjähriger Erfahrung in ABAP, ABAP OO und der Entwicklung auf
          S/4HANA (CDS Views, AMDP, RAP). Ich setze Fiori-Anwendungen mit SAPUI5 und OData um
          und begleite Unternehmen bei der Anpassung ihres Eigencodes im Rahmen der
          S/4HANA-Migration.""",
            "abap s4hana cds fiori sapui5 odata",
        ),
        B(
            """Freiberuflicher SAP-Technologieberater mit Schwerpunkt ABAP-Entwicklung in den Modulen
          SD, MM und FI. Schnittstellen über IDoc, BAPI und RFC, Formulare mit Adobe Forms und
          Smartforms, Performanceoptimierung auf HANA.""",
            "abap sap_sd sap_mm sap_fi s4hana",
        ),
    ),
    projects_en=(
        B(
            """S/4HANA conversion at a chemicals company. Analysed 9,000 custom objects with the ATC,
          adapted code to the simplification list, rewrote reports as CDS views with AMDP, and
          delivered three Fiori apps (SAPUI5, OData V4) for plant maintenance.""",
            "abap s4hana cds fiori sapui5 odata",
        ),
        B(
            """Order-to-cash interfaces for a consumer-goods manufacturer. ABAP development of IDoc
          processing and BAPI wrappers in SD, error-handling cockpit in ALV, and monitoring for
          the EDI partners.""",
            "abap sap_sd",
        ),
        B(
            """Procurement app for a utility. Built a RAP business object with CDS and behaviour
          definitions, a Fiori Elements front end and workflow integration on S/4HANA 2022.""",
            "abap s4hana cds fiori odata",
        ),
    ),
    projects_de=(
        B(
            """S/4HANA-Einführung bei einem Maschinenbauer. Entwicklung von Erweiterungen in ABAP OO,
          CDS-Views und Fiori-Apps mit SAPUI5, Anpassung des Eigencodes nach ATC-Prüfungen,
          Schnittstellen zu MES-Systemen über OData.""",
            "abap s4hana cds fiori sapui5 odata",
        ),
        B(
            """Logistikprozesse eines Handelsunternehmens. ABAP-Entwicklung im Modul MM und WM,
          Formulare mit Adobe Forms, IDoc-Schnittstellen zu Lieferanten, Performanceoptimierung
          von Reports.""",
            "abap sap_mm",
        ),
    ),
    roles_en=("SAP ABAP Developer", "SAP Technical Consultant", "SAP Developer"),
    roles_de=("SAP-ABAP-Entwickler", "SAP-Technologieberater", "SAP-Entwickler"),
    stack=("abap", "s4hana", "cds", "fiori", "sapui5", "odata", "sap_sd", "sap_mm"),
    neighbours=("sap_fico",),
)

SAP_FICO = Spec(
    key="sap_fico",
    headlines_en=(
        "SAP FI/CO Consultant",
        "Senior SAP Finance Consultant (S/4HANA)",
        "SAP Controlling Consultant",
    ),
    headlines_de=(
        "SAP FI/CO-Berater",
        "Senior SAP-Finance-Berater S/4HANA",
        "SAP-Berater Rechnungswesen und Controlling",
    ),
    profiles_en=(
        B(
            """SAP finance consultant with a degree in business administration and fourteen years of
          FI/CO projects: general ledger, accounts payable and receivable, asset accounting,
          cost-centre and profitability analysis. Led the finance stream in two S/4HANA
          greenfield implementations, including the Universal Journal and new asset
          accounting.""",
            "sap_fi sap_co s4hana",
        ),
        B(
            """Controlling specialist on SAP CO and S/4HANA Finance. Product costing, CO-PA,
          overhead management and month-end closing; I translate what the CFO wants into
          configuration and test it with the business.""",
            "sap_co sap_fi s4hana",
        ),
    ),
    profiles_de=(
        B(
            """SAP-FI/CO-Berater mit über 15 Jahren Projekterfahrung in Finanzbuchhaltung und
          Controlling. Schwerpunkte: Hauptbuch, Kreditoren und Debitoren, Anlagenbuchhaltung,
          Kostenstellenrechnung, Ergebnisrechnung sowie Einführung von S/4HANA Finance.
          Diplom-Kaufmann, Erfahrung als Teilprojektleiter.""",
            "sap_fi sap_co s4hana",
        ),
        B(
            """Beraterin für SAP CO und S/4HANA mit Schwerpunkt Produktkostenrechnung und
          Ergebnisrechnung (CO-PA). Ich begleite Fachbereiche von der Konzeption bis zum
          Monatsabschluss und schule Key-User.""",
            "sap_co s4hana",
        ),
    ),
    projects_en=(
        B(
            """S/4HANA greenfield at a medical-devices group. Finance stream lead: designed the
          chart of accounts and ledgers, configured FI-GL, AP/AR and asset accounting, migrated
          open items and balances, and ran three test cycles with the accounting teams in five
          countries.""",
            "sap_fi s4hana",
        ),
        B(
            """Controlling redesign for an automotive supplier. Configured cost-centre accounting,
          internal orders and product costing in SAP CO, set up margin analysis and trained
          20 controllers.""",
            "sap_co",
        ),
        B(
            """Group reporting roll-out at an insurer. Consolidation with SAP Group Reporting on
          S/4HANA, intercompany reconciliation, and the interface to the financial statements
          process.""",
            "sap_fi s4hana",
        ),
    ),
    projects_de=(
        B(
            """Einführung von S/4HANA Finance bei einem Handelskonzern. Konzeption und Customizing
          von Hauptbuch, Anlagenbuchhaltung und Kreditorenbuchhaltung, Datenmigration,
          Testmanagement und Hypercare.""",
            "sap_fi s4hana",
        ),
        B(
            """Controlling-Projekt bei einem Chemieunternehmen. Neuaufbau der Kostenstellenrechnung
          und Produktkalkulation in SAP CO, Einführung der Ergebnisrechnung, Key-User-Schulungen
          und Abschlussunterstützung.""",
            "sap_co",
        ),
    ),
    roles_en=("SAP FI/CO Consultant", "Finance Stream Lead", "SAP Finance Consultant"),
    roles_de=("SAP FI/CO-Berater", "Teilprojektleiter Finance", "SAP-Berater"),
    stack=("sap_fi", "sap_co", "s4hana"),
    neighbours=("sap_abap", "business_analyst"),
)

SALESFORCE = Spec(
    key="salesforce",
    headlines_en=(
        "Salesforce Developer",
        "Salesforce Consultant (Sales & Service Cloud)",
        "Salesforce Technical Architect",
    ),
    headlines_de=(
        "Salesforce-Entwickler",
        "Salesforce-Berater Sales und Service Cloud",
        "CRM-Berater Salesforce",
    ),
    profiles_en=(
        B(
            """Salesforce developer and consultant, certified Platform Developer II. I build on
          Sales Cloud and Service Cloud with Apex, Lightning Web Components and Flows, integrate
          ERP systems through REST APIs and MuleSoft, and keep deployments sane with SFDX and
          Git.""",
            "salesforce apex lwc sales_cloud service_cloud rest",
        ),
        B(
            """CRM consultant with eight years of Salesforce. Requirements workshops, data models,
          automation with Flow, reports and dashboards, and Apex where configuration is not
          enough. Experience with Experience Cloud portals and Marketing Cloud.""",
            "salesforce apex sales_cloud requirements_engineering",
        ),
    ),
    profiles_de=(
        B(
            """Salesforce-Entwickler mit Zertifizierungen als Platform Developer und Administrator.
          Ich entwickle mit Apex und Lightning Web Components, automatisiere Prozesse mit Flows
          und integriere Salesforce per REST in ERP-Systeme. Erfahrung in Sales Cloud und
          Service Cloud.""",
            "salesforce apex lwc sales_cloud service_cloud rest",
        ),
    ),
    projects_en=(
        B(
            """Service Cloud roll-out for a utilities company. Case management, omni-channel routing
          and a knowledge base for 400 agents; Apex triggers and Lightning Web Components for the
          meter-reading process; integration with SAP through REST.""",
            "salesforce service_cloud apex lwc rest",
        ),
        B(
            """Sales Cloud for a B2B machinery maker. Opportunity management, CPQ configuration,
          territory management and a data migration from Microsoft Dynamics; Apex batch jobs for
          the nightly ERP sync.""",
            "salesforce sales_cloud apex",
        ),
    ),
    projects_de=(
        B(
            """Einführung der Salesforce Sales Cloud bei einem Versicherungsmakler. Anforderungsaufnahme, Datenmodell, Flows und Apex-Entwicklung, Lightning Web Components für die
          Angebotsstrecke, Schulung der Vertriebsmitarbeiter.""",
            "salesforce sales_cloud apex lwc requirements_engineering",
        ),
        B(
            """Kundenservice-Plattform eines Energieversorgers auf Basis der Service Cloud.
          Fallbearbeitung, Schnittstellen zum Abrechnungssystem über REST, Entwicklung von
          Apex-Klassen und Testabdeckung über 90 Prozent.""",
            "salesforce service_cloud apex rest",
        ),
    ),
    roles_en=("Salesforce Developer", "Salesforce Consultant", "CRM Architect"),
    roles_de=("Salesforce-Entwickler", "Salesforce-Berater", "CRM-Berater"),
    stack=("salesforce", "apex", "lwc", "sales_cloud", "service_cloud", "rest", "git"),
    neighbours=("business_analyst",),
)

EMBEDDED = Spec(
    key="embedded",
    headlines_en=(
        "Embedded Software Engineer (C/C++)",
        "Senior Embedded Developer, Automotive",
        "Firmware Engineer",
    ),
    headlines_de=(
        "Embedded-Softwareentwickler C/C++",
        "Senior Embedded-Entwickler Automotive",
        "Firmware-Entwickler",
    ),
    profiles_en=(
        B(
            """Embedded software engineer with eleven years in C and C++ on microcontrollers and
          embedded Linux. I write drivers and application code for ARM Cortex-M under FreeRTOS,
          debug with JTAG and oscilloscopes, and work to MISRA C and functional-safety
          processes.""",
            "c cpp rtos embedded_linux",
        ),
        B(
            """Automotive software developer: AUTOSAR Classic basic software and application
          components in C, CAN and CAN FD communication, diagnostics (UDS), and integration in
          Vector tools. Experience with ISO 26262 up to ASIL C.""",
            "c autosar can",
        ),
        B(
            """C++ developer for devices that have to keep running: modern C++17 on embedded Linux
          built with Yocto, Qt for the HMI, unit tests with GoogleTest, and continuous
          integration on hardware-in-the-loop rigs.""",
            "cpp embedded_linux yocto",
        ),
    ),
    profiles_de=(
        B(
            """Embedded-Softwareentwickler mit Erfahrung in C und C++ für Mikrocontroller und
          Embedded Linux. Schwerpunkte: Treiberentwicklung, Echtzeitbetriebssysteme (FreeRTOS),
          Kommunikationsprotokolle wie CAN, SPI und I2C sowie Entwicklung nach MISRA und
          ISO 26262.""",
            "c cpp rtos embedded_linux can",
        ),
        B(
            """Softwareentwickler im Automotive-Umfeld mit Schwerpunkt AUTOSAR. Konfiguration und
          Integration von Basissoftware, Entwicklung von Software-Komponenten in C, Diagnose über
          UDS, Test am HIL.""",
            "c autosar can",
        ),
    ),
    projects_en=(
        B(
            """Battery-management system for an e-bike maker. Firmware in C on an STM32 under
          FreeRTOS: cell monitoring, state-of-charge estimation, CAN communication with the motor
          controller, bootloader and field updates.""",
            "c rtos can",
        ),
        B(
            """Body controller for a German OEM. AUTOSAR Classic SWCs in C, RTE and COM
          configuration with DaVinci, CAN and LIN, diagnostics, and unit tests to reach MC/DC
          coverage.""",
            "c autosar can",
        ),
        B(
            """Medical infusion pump. C++ application on embedded Linux built with Yocto, Qt touch
          UI, IEC 62304 documentation, and a hardware-abstraction layer that made the code
          testable on the PC.""",
            "cpp embedded_linux yocto",
        ),
    ),
    projects_de=(
        B(
            """Steuergerät für Ladesäulen. Firmware-Entwicklung in C auf ARM Cortex-M4 unter
          FreeRTOS, Kommunikation über CAN und Modbus, Bootloader und Update-Konzept,
          Code-Reviews nach MISRA C.""",
            "c rtos can",
        ),
        B(
            """Fahrerassistenzsystem eines Tier-1-Zulieferers. Entwicklung von
          AUTOSAR-Softwarekomponenten in C, Integration der Basissoftware, Diagnose und Test am
          HIL-Prüfstand nach ISO 26262.""",
            "c autosar can",
        ),
        B(
            """Industrie-Gateway für einen Automatisierer. C++17 auf Embedded Linux (Yocto),
          Anbindung von OPC UA und MQTT, Unit-Tests mit GoogleTest.""",
            "cpp embedded_linux yocto",
        ),
    ),
    roles_en=("Embedded Software Engineer", "Firmware Developer", "Automotive Software Engineer"),
    roles_de=("Embedded-Entwickler", "Firmware-Entwickler", "Softwareentwickler Automotive"),
    stack=("c", "cpp", "rtos", "embedded_linux", "can", "autosar", "yocto", "git"),
    neighbours=("mobile",),
)

MOBILE = Spec(
    key="mobile",
    headlines_en=(
        "iOS Developer (Swift)",
        "Android Developer (Kotlin)",
        "Mobile Developer iOS & Android",
    ),
    headlines_de=(
        "iOS-Entwickler (Swift)",
        "Android-Entwickler (Kotlin)",
        "Mobile-Entwickler iOS und Android",
    ),
    profiles_en=(
        B(
            """iOS developer since iOS 7. I build native apps in Swift with SwiftUI and UIKit, use
          Combine and async/await, write tests with XCTest, and ship through fastlane and App
          Store Connect. Comfortable with accessibility, offline sync and push
          notifications.""",
            "ios swift",
        ),
        B(
            """Android engineer writing Kotlin since 2017: Jetpack Compose, coroutines and Flow,
          Room, Hilt, and a clean architecture that keeps features testable. Published banking
          and mobility apps with millions of installs.""",
            "android kotlin",
        ),
        B(
            """Mobile developer across both platforms: native Swift and Kotlin where it counts,
          Flutter or React Native when one code base serves better. CI with Bitrise and GitHub
          Actions, crash analytics, and release management.""",
            "ios android swift kotlin flutter react_native github_actions",
        ),
    ),
    profiles_de=(
        B(
            """iOS-Entwickler mit Erfahrung in Swift, SwiftUI und UIKit. Ich entwickle native Apps
          für Banken und Versicherungen, achte auf Barrierefreiheit und Sicherheit und kenne den
          Release-Prozess im App Store.""",
            "ios swift accessibility",
        ),
        B(
            """Android-Entwicklerin mit Schwerpunkt Kotlin und Jetpack Compose. Erfahrung mit
          MVVM-Architektur, Coroutines, Room und der Anbindung von REST-Schnittstellen;
          zusätzlich Projekte mit Flutter.""",
            "android kotlin flutter rest",
        ),
    ),
    projects_en=(
        B(
            """Mobile banking app for a neobank. Built the iOS app's payments and card features in
          Swift and SwiftUI, biometric login, certificate pinning, snapshot tests, and a modular
          architecture for a team of ten.""",
            "ios swift",
        ),
        B(
            """Car-sharing app. Android app in Kotlin with Jetpack Compose, Bluetooth Low Energy to
          unlock the cars, maps, offline mode, and Espresso tests in the CI.""",
            "android kotlin",
        ),
        B(
            """Retail loyalty app. Cross-platform with Flutter for iOS and Android, integration of
          a REST backend, push campaigns, and analytics; later rewrote the scanner module
          natively in Swift and Kotlin.""",
            "flutter ios android swift kotlin rest",
        ),
    ),
    projects_de=(
        B(
            """Kunden-App einer Versicherung. Entwicklung der iOS-App in Swift und SwiftUI,
          Schadensmeldung mit Fotoupload, Anbindung an REST-APIs, Barrierefreiheit nach BITV.""",
            "ios swift rest accessibility",
        ),
        B(
            """Fahrgast-App eines Verkehrsverbunds. Android-Entwicklung in Kotlin mit Jetpack
          Compose, Ticketkauf, Echtzeitdaten, Tests mit Espresso; Unterstützung des iOS-Teams bei
          Swift-Themen.""",
            "android kotlin swift",
        ),
    ),
    roles_en=("iOS Developer", "Android Developer", "Mobile Developer"),
    roles_de=("iOS-Entwickler", "Android-Entwicklerin", "Mobile-Entwickler"),
    stack=("swift", "ios", "kotlin", "android", "flutter", "rest", "git"),
    neighbours=("frontend_react",),
)

SPECS = (SAP_ABAP, SAP_FICO, SALESFORCE, EMBEDDED, MOBILE)
