"""More hand-written blocks for SAP, Salesforce, embedded and mobile people."""

from tests.eval.corpus.model import B

EXTRA = {
    "sap_abap": dict(
        profiles_en=(
            B(
                """ABAP developer and SAP BTP enthusiast. Classic ABAP and ABAP OO for logistics and
              finance, clean-core extensions with RAP and CDS on S/4HANA, side-by-side apps on
              BTP, and a habit of unit-testing ABAP with ABAP Unit.""",
                "abap s4hana cds",
            ),
        ),
        profiles_de=(
            B(
                """SAP-Inhouse-Entwickler mit 15 Jahren ABAP-Erfahrung, zuletzt als Freiberufler.
              Schwerpunkte: Schnittstellen (IDoc, RFC, OData), Workflow, Formulare und
              Performanceanalyse; seit 2021 Projekte auf S/4HANA mit CDS und Fiori.""",
                "abap odata s4hana cds fiori",
            ),
        ),
        projects_en=(
            B(
                """Warehouse processes for a spare-parts distributor. ABAP enhancements in EWM and
              MM, RF transactions for the scanners, IDoc interfaces to carriers, and
              performance fixes in the picking reports.""",
                "abap sap_mm",
            ),
            B(
                """Finance extensions for a utility on S/4HANA. ABAP CDS views for open-item
              analyses, an OData service and a Fiori Elements list report, BAdI
              implementations for payment runs.""",
                "abap s4hana cds odata fiori sap_fi",
            ),
        ),
        projects_de=(
            B(
                """Vertriebsprozesse eines Baustoffherstellers. ABAP-Entwicklung in SD,
              Preisfindungsroutinen, Adobe-Forms-Formulare, Anbindung eines Webshops über
              OData.""",
                "abap sap_sd odata",
            ),
            B(
                """Eigencode-Bereinigung vor der S/4HANA-Conversion eines Pharmaunternehmens.
              Nutzungsanalyse, Stilllegung nicht genutzter Objekte, Anpassungen nach
              Simplification List, Schulung der Inhouse-Entwickler in ABAP OO und CDS.""",
                "abap s4hana cds",
            ),
        ),
    ),
    "sap_fico": dict(
        profiles_en=(
            B(
                """Finance consultant on SAP since 2008: FI-GL, AP/AR, asset accounting, bank
              accounting and CO cost-centre accounting. Strong in month-end and year-end
              processes and in explaining configuration choices to auditors.""",
                "sap_fi sap_co",
            ),
        ),
        profiles_de=(
            B(
                """Senior-Berater SAP Finance mit Schwerpunkt S/4HANA-Transformation. Hauptbuch,
              Anlagenbuchhaltung, Zahlungsverkehr, Controlling mit Kostenstellen und
              Innenaufträgen; Erfahrung als Teilprojektleiter und im Testmanagement.""",
                "sap_fi sap_co s4hana",
            ),
        ),
        projects_en=(
            B(
                """Carve-out of a business unit at an industrial group. Set up a new company code in
              S/4HANA, migrated open items and assets, configured CO for the new entity, and
              supported the first quarter-end close.""",
                "sap_fi sap_co s4hana",
            ),
            B(
                """Payment process harmonisation for a retailer. SAP FI bank communication
              management, automatic payment program and electronic bank statements across
              twelve countries.""",
                "sap_fi",
            ),
        ),
        projects_de=(
            B(
                """Konzernweite Vereinheitlichung des Kontenplans bei einem Mittelständler.
              Konzeption, Customizing in SAP FI, Anpassung der Kostenstellenstruktur in CO,
              Datenmigration und Key-User-Training.""",
                "sap_fi sap_co",
            ),
            B(
                """S/4HANA-Conversion eines Energieversorgers, Teilprojekt Finanzen. Umstellung
              auf das Universal Journal, neue Anlagenbuchhaltung, Tests und
              Abschlussbegleitung.""",
                "sap_fi s4hana",
            ),
        ),
    ),
    "salesforce": dict(
        profiles_en=(
            B(
                """Salesforce architect with a developer's hands: data models, sharing, Apex and
              Lightning Web Components, integration patterns with MuleSoft and REST, and DevOps
              with SFDX and GitHub Actions. Nine certifications, eight years on the
              platform.""",
                "salesforce apex lwc rest github_actions",
            ),
        ),
        profiles_de=(
            B(
                """Salesforce-Beraterin mit Schwerpunkt Service Cloud und Experience Cloud.
              Anforderungsanalyse, Konfiguration, Flows und Berechtigungskonzepte, bei Bedarf
              Apex-Entwicklung; zertifizierte Administratorin und Service Cloud
              Consultant.""",
                "salesforce service_cloud apex requirements_engineering",
            ),
        ),
        projects_en=(
            B(
                """Partner portal for a solar installer network. Experience Cloud site with
              Lightning Web Components, lead distribution in Apex, integration with the ERP
              through REST, and a release pipeline with SFDX.""",
                "salesforce lwc apex rest",
            ),
            B(
                """Sales Cloud clean-up at a software vendor. Consolidated three orgs, rebuilt
              territory and forecasting, replaced 200 workflow rules with Flows and wrote Apex
              tests to reach 85 percent coverage.""",
                "salesforce sales_cloud apex",
            ),
        ),
        projects_de=(
            B(
                """Einführung der Service Cloud bei einem Versandhändler. Omni-Channel, Knowledge,
              Chat-Anbindung, Apex-Trigger für die Retourenabwicklung, Schnittstelle zum
              Lagerverwaltungssystem über REST.""",
                "salesforce service_cloud apex rest",
            ),
        ),
    ),
    "embedded": dict(
        profiles_en=(
            B(
                """Firmware developer for connected devices: C on Nordic and STM32
              microcontrollers, Zephyr and FreeRTOS, Bluetooth Low Energy, low-power design,
              and over-the-air updates. Python for test rigs and production tooling.""",
                "c rtos python",
            ),
        ),
        profiles_de=(
            B(
                """Embedded-Entwickler mit Schwerpunkt C++ und Embedded Linux für
              Industrieanwendungen. Yocto-Builds, Gerätetreiber, Feldbusse (CAN, Modbus),
              Qt-Oberflächen und Testautomatisierung am Prüfstand.""",
                "cpp embedded_linux yocto can",
            ),
        ),
        projects_en=(
            B(
                """Smart-meter gateway. C firmware under Zephyr RTOS, TLS communication, secure boot
              and a certification-ready development process according to BSI TR-03109.""",
                "c rtos",
            ),
            B(
                """Agricultural machine terminal. C++17 on embedded Linux (Yocto), ISOBUS/CAN
              communication, a Qt Quick UI and hardware-in-the-loop tests in Jenkins.""",
                "cpp embedded_linux yocto can jenkins",
            ),
        ),
        projects_de=(
            B(
                """Motorsteuerung für Elektrowerkzeuge. Firmware in C auf einem
              Cortex-M0-Mikrocontroller, feldorientierte Regelung, Schutzfunktionen, Tests mit
              Unity und Ceedling.""",
                "c",
            ),
            B(
                """Telematikeinheit für Nutzfahrzeuge. Entwicklung in C und C++ unter Embedded
              Linux, CAN-Anbindung, Mobilfunk und GNSS, Update-Konzept over the air.""",
                "c cpp embedded_linux can",
            ),
        ),
    ),
    "mobile": dict(
        profiles_en=(
            B(
                """Mobile engineer with both native stacks: Swift/SwiftUI on iOS and Kotlin/Jetpack
              Compose on Android. Architecture for large teams, modularisation, CI for mobile,
              and performance work on start-up time.""",
                "ios swift android kotlin",
            ),
        ),
        profiles_de=(
            B(
                """Mobile-Entwickler mit Schwerpunkt Flutter und nativer Android-Entwicklung in
              Kotlin. Apps für Handel und Gesundheitswesen, Anbindung von REST- und
              GraphQL-Schnittstellen, Veröffentlichung in App Store und Play Store.""",
                "flutter android kotlin rest graphql ios",
            ),
        ),
        projects_en=(
            B(
                """Health-insurance app. iOS lead: Swift, SwiftUI, HealthKit integration, secure
              document upload, VoiceOver accessibility, and a release train every two
              weeks.""",
                "ios swift accessibility",
            ),
            B(
                """Field-service app for an elevator company. Android in Kotlin with offline-first
              sync, barcode scanning with CameraX, Room database and WorkManager, rolled out to
              1,500 technicians.""",
                "android kotlin",
            ),
        ),
        projects_de=(
            B(
                """Shopping-App eines Drogeriemarkts. Entwicklung mit Flutter für iOS und Android,
              Coupon-Funktionen, Filialfinder, Anbindung an REST-APIs und Tracking.""",
                "flutter ios android rest",
            ),
            B(
                """Banking-App einer Direktbank. iOS-Entwicklung in Swift, Fotoüberweisung,
              Face-ID-Login, Unit- und UI-Tests mit XCTest.""",
                "ios swift",
            ),
        ),
    ),
}
