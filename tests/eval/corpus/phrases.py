"""Sentences that any IT CV may carry besides its specialist content (no tools named)."""

TASKS_EN = (
    "Estimated and planned the work together with the product owner",
    "Onboarded and mentored new team members",
    "Wrote the technical documentation and operating manuals",
    "Coordinated with stakeholders at three sites",
    "Member of the architecture board",
    "Root-cause analysis of production incidents and follow-up actions",
    "Workshops with end users to clarify open questions",
    "Presented results in sprint reviews and steering meetings",
    "Reviewed the work of two external vendors",
    "Took over the team lead role during parental leave of the lead",
    "Handed over to the internal team at the end of the engagement",
    "Reduced operating costs noticeably through simplification",
    "Worked in a distributed team across Germany and Poland",
    "Supported the go-live weekend and the hypercare phase",
)
TASKS_DE = (
    "Aufwandsschätzung und Planung gemeinsam mit dem Product Owner",
    "Einarbeitung und Betreuung neuer Teammitglieder",
    "Erstellung der technischen Dokumentation und Betriebshandbücher",
    "Abstimmung mit Stakeholdern an drei Standorten",
    "Mitglied im Architekturboard",
    "Ursachenanalyse von Produktionsstörungen und Nachverfolgung der Maßnahmen",
    "Workshops mit Anwendern zur Klärung offener Fragen",
    "Vorstellung der Ergebnisse in Sprint-Reviews und Lenkungskreisen",
    "Steuerung von zwei externen Dienstleistern",
    "Vertretung der Teamleitung während der Elternzeit",
    "Übergabe an das interne Team zum Projektende",
    "Spürbare Senkung der Betriebskosten durch Vereinfachung",
    "Arbeit in einem verteilten Team in Deutschland und Polen",
    "Begleitung des Go-live-Wochenendes und der Hypercare-Phase",
)
CLOSING_EN = (
    "I enjoy working in cross-functional teams and prefer short feedback loops to long "
    "specifications.",
    "Clients describe me as calm under pressure and direct in communication.",
    "I am available for projects of three months or longer, ideally with two or three days on "
    "site per week.",
    "Outside work I coach a youth football team and build furniture.",
    "I have worked for clients in banking, insurance, automotive, retail and the public sector.",
    "Happy to travel within Germany; security clearance (Ü2) available on request.",
    "I like to leave a project in a state that the internal team can carry on without me.",
    "Regular speaker at local meetups and occasional conference talks.",
)
CLOSING_DE = (
    "Ich arbeite gern in crossfunktionalen Teams und schätze kurze Feedbackschleifen mehr als "
    "lange Spezifikationen.",
    "Kunden beschreiben mich als ruhig unter Druck und klar in der Kommunikation.",
    "Verfügbar für Projekte ab drei Monaten Laufzeit, idealerweise mit zwei bis drei Tagen vor "
    "Ort pro Woche.",
    "Branchen: Banken, Versicherungen, Automobil, Handel und öffentliche Verwaltung.",
    "Reisebereitschaft innerhalb Deutschlands; Sicherheitsüberprüfung (Ü2) vorhanden.",
    "Mir ist wichtig, Projekte so zu übergeben, dass das interne Team ohne mich weiterarbeiten "
    "kann.",
    "In meiner Freizeit engagiere ich mich als Trainer im Jugendfußball.",
    "Regelmäßige Vorträge auf Meetups und gelegentlich auf Fachkonferenzen.",
)
EARLIER_EN = (
    "Earlier career: {start} to {end}, various positions in in-house IT departments, from "
    "support to application development.",
    "Before {end}: apprenticeship and first years as a developer at a regional IT service "
    "provider ({start} onwards).",
)
EARLIER_DE = (
    "Frühere Stationen: {start} bis {end} verschiedene Positionen in Inhouse-IT-Abteilungen, "
    "vom Support bis zur Anwendungsentwicklung.",
    "Vor {end}: Ausbildung und erste Berufsjahre bei einem regionalen IT-Dienstleister (ab "
    "{start}).",
)
