"""More hand-written blocks for the application developers (so CVs of one kind differ)."""

from tests.eval.corpus.model import B

EXTRA = {
    "java_backend": dict(
        profiles_en=(
            B(
                """Java developer (since 2014) with a soft spot for the boring parts that keep systems
              alive: transactions, retries, idempotency, good logs. Spring Boot, Spring Batch,
              JPA, Oracle and PostgreSQL; message brokers Kafka and RabbitMQ. Recently Kotlin on
              the JVM for two services.""",
                "java spring hibernate oracle postgresql kafka kotlin",
            ),
        ),
        profiles_de=(
            B(
                """Java-Backend-Entwickler aus Köln. Schwerpunkt Spring Boot, Microservices und
              Schnittstellen (REST, SOAP, MQ) für Versicherungen; außerdem Erfahrung mit Camunda
              für Prozessautomatisierung und mit Kubernets-Deployments über Helm.""",
                "java spring microservices rest kubernetes helm",
            ),
        ),
        projects_en=(
            B(
                """Mileage-based car insurance. Built the trip-scoring backend in Java 21 with Spring
              Boot and virtual threads, stored telemetry aggregates in PostgreSQL/TimescaleDB and
              exposed tariffs through a REST API to the app team. Load-tested with Gatling to
              5,000 requests per second.""",
                "java spring postgresql rest",
            ),
            B(
                """Public-sector tax portal. Java 8 to 17 upgrade of a large Spring MVC application,
              replaced XML configuration with Spring Boot auto-configuration, introduced
              ArchUnit rules and reduced the build time from 40 to 9 minutes with Maven
              parallel builds.""",
                "java spring maven",
            ),
        ),
        projects_de=(
            B(
                """Vertragsverwaltung eines Leasinganbieters. Neuentwicklung der Vertragsservices
              mit Java 17, Spring Boot und Spring Data JPA auf PostgreSQL, Ereignisse über
              Kafka, Camunda-Prozesse für Genehmigungen, Deployment in OpenShift.""",
                "java spring hibernate postgresql kafka openshift",
            ),
            B(
                """Modernisierung eines Java-EE-Systems (JBoss) bei einem Bundesamt. Schrittweise
              Ablösung durch Spring-Boot-Services, Anbindung an Oracle, Aufbau von
              Testautomatisierung mit JUnit 5 und Testcontainers, Dokumentation nach arc42.""",
                "java spring oracle junit",
            ),
        ),
    ),
    "python_web": dict(
        profiles_en=(
            B(
                """Developer with ten years of Python, mostly on the web: Django for products with
              real admin needs, FastAPI for lean services, SQLAlchemy and Alembic when Django is
              too much. I have migrated three code bases from Python 2 and enjoy making slow
              queries fast.""",
                "python django fastapi postgresql",
            ),
        ),
        profiles_de=(
            B(
                """Python-Entwicklerin mit Hintergrund in der Softwareentwicklung für Verlage und
              Start-ups. Django, Django REST Framework, Celery, PostgreSQL und Redis gehören zum
              Alltag; Deployment über Docker und Kubernetes, Monitoring mit Sentry.""",
                "python django rest postgresql redis docker kubernetes",
            ),
        ),
        projects_en=(
            B(
                """Learning platform for a vocational school network. Django monolith with 120
              models, REST API for a Vue front end, video uploads to S3, reporting with
              PostgreSQL window functions; upgraded from Django 2.2 to 4.2 without downtime.""",
                "python django rest postgresql aws vue",
            ),
            B(
                """Internal tooling for a logistics company. Small FastAPI services around the
              warehouse system, async workers with Redis queues, typed end to end with mypy,
              shipped as containers through GitLab CI.""",
                "python fastapi redis docker gitlab_ci",
            ),
        ),
        projects_de=(
            B(
                """Mitgliederportal eines Berufsverbands. Django-Anwendung mit Mitgliederverwaltung,
              Beitragsabrechnung und SEPA-Export, REST-Schnittstelle zur Buchhaltung, Tests mit
              pytest, Betrieb auf einem Kubernetes-Cluster eines deutschen Hosters.""",
                "python django rest kubernetes",
            ),
            B(
                """Plattform für Gebäudedaten. Entwicklung von Flask- und später FastAPI-Services,
              Datenhaltung in PostgreSQL mit PostGIS, Anbindung an Kartenkomponenten im
              Frontend, CI/CD über GitHub Actions.""",
                "python flask fastapi postgresql github_actions",
            ),
        ),
    ),
    "frontend_react": dict(
        profiles_en=(
            B(
                """Senior front-end engineer. TypeScript everywhere, React for products, a bit of
              Svelte for fun. I build forms that do not lose data, tables that scale and design
              tokens that survive a rebrand. Testing with Vitest, Playwright and Chromatic.""",
                "react typescript javascript playwright",
            ),
        ),
        profiles_de=(
            B(
                """Frontend-Entwickler mit über zehn Jahren Erfahrung in JavaScript und seit 2018
              mit React und TypeScript. Ich entwickle Fachanwendungen für Banken und Behörden,
              achte auf barrierefreie Komponenten (BITV) und arbeite eng mit dem UX-Design in
              Figma zusammen.""",
                "react typescript javascript accessibility figma",
            ),
        ),
        projects_en=(
            B(
                """Fleet-management web app. Map-heavy React and TypeScript application with
              Mapbox, live vehicle positions over WebSockets, a filterable table of 50,000
              vehicles and offline-tolerant forms; Playwright tests in GitHub Actions.""",
                "react typescript playwright github_actions",
            ),
            B(
                """Booking front end for a cinema chain. Next.js with incremental static
              regeneration, seat-map component in SVG, payment integration, Core Web Vitals
              monitoring and a 30 percent faster checkout.""",
                "nextjs react typescript",
            ),
        ),
        projects_de=(
            B(
                """Sachbearbeitungsoberfläche einer Krankenkasse. Ablösung einer Java-Swing-
              Oberfläche durch eine React-Anwendung mit TypeScript, Formularlogik mit React Hook
              Form, Anbindung an REST-Services, Tests mit Jest und Cypress.""",
                "react typescript rest jest cypress",
            ),
            B(
                """Konfigurator für Küchenmöbel. 3D-Ansicht mit Three.js in einer
              React-Anwendung, State-Management mit Zustand, Performance-Optimierung für
              Tablets, Anbindung an das ERP über GraphQL.""",
                "react javascript graphql",
            ),
        ),
    ),
    "node_backend": dict(
        profiles_en=(
            B(
                """Node.js engineer since 2015, TypeScript since 2018. Built APIs for media, ad-tech
              and e-commerce with Express, Fastify and NestJS; PostgreSQL and Redis, queues on
              SQS and Kafka, and infrastructure on AWS with Terraform. I profile before I
              optimise.""",
                "nodejs typescript express nestjs postgresql redis kafka aws terraform",
            ),
        ),
        profiles_de=(
            B(
                """Backend-Entwickler mit Schwerpunkt JavaScript/TypeScript auf dem Server. Node.js
              mit Express und Fastify, Datenbanken MongoDB und PostgreSQL, Integrationen von
              Zahlungsanbietern und Shopsystemen, Betrieb auf Google Cloud und AWS.""",
                "nodejs typescript javascript express mongodb postgresql gcp aws",
            ),
        ),
        projects_en=(
            B(
                """Ad-serving API for a media group. Fastify and TypeScript on Node.js handling
              20,000 requests per second, Redis for frequency capping, Kafka for impression
              events, and canary deployments on Kubernetes.""",
                "nodejs typescript redis kafka kubernetes",
            ),
            B(
                """Subscription billing for a SaaS company. NestJS services with PostgreSQL and
              Prisma, webhooks from Stripe, a GraphQL API for the React dashboard and end-to-end
              tests with Jest and Supertest.""",
                "nodejs nestjs postgresql graphql react jest typescript",
            ),
        ),
        projects_de=(
            B(
                """Händlerplattform eines Onlinemarktplatzes. Entwicklung von Node.js-Microservices
              in TypeScript mit NestJS, Kommunikation über RabbitMQ, Datenbank PostgreSQL,
              Deployment auf Kubernetes mit Helm.""",
                "nodejs typescript nestjs microservices postgresql kubernetes helm",
            ),
            B(
                """Echtzeit-Dashboard für Energiedaten. Node.js-Backend mit WebSockets und Express,
              Zeitreihen in MongoDB, Frontend in React, Tests mit Jest.""",
                "nodejs express mongodb react jest javascript",
            ),
        ),
    ),
    "dotnet_azure": dict(
        profiles_en=(
            B(
                """Software engineer on .NET for fourteen years, from WinForms to .NET 8. I build
              web APIs and background services in C#, design SQL Server schemas, and have run
              two lift-and-shift migrations to Azure followed by the real modernisation.""",
                "csharp dotnet sqlserver azure",
            ),
        ),
        profiles_de=(
            B(
                """Freiberuflicher .NET-Entwickler mit Schwerpunkt C#, ASP.NET Core und Azure. Ich
              entwickle Backends und Integrationen für Mittelständler, arbeite mit Entity
              Framework Core und MS SQL Server und automatisiere Deployments mit Azure
              DevOps.""",
                "csharp dotnet azure sqlserver ci_cd",
            ),
        ),
        projects_en=(
            B(
                """Laboratory information system for a diagnostics company. C# services on .NET 8,
              HL7 interfaces to analysers, SQL Server with temporal tables, and a Blazor admin
              front end; deployed on Azure with private endpoints.""",
                "csharp dotnet sqlserver azure",
            ),
            B(
                """Event ticketing back office. ASP.NET Core minimal APIs, Azure Service Bus and
              Functions for the sales pipeline, Cosmos DB, and Terraform-managed
              infrastructure with GitHub Actions deployments.""",
                "csharp dotnet azure terraform github_actions serverless",
            ),
        ),
        projects_de=(
            B(
                """Zeiterfassung eines Personaldienstleisters. Neuentwicklung mit ASP.NET Core und
              Angular, Datenbank Azure SQL, Authentifizierung über Entra ID, Deployment mit
              Azure DevOps Pipelines und Bicep.""",
                "csharp dotnet angular azure sqlserver ci_cd",
            ),
            B(
                """Schnittstellenplattform eines Großhändlers. Entwicklung von .NET-Services für EDI
              und Webshop-Anbindungen, Messaging über Azure Service Bus, Logging mit
              Application Insights, Containerbetrieb in AKS.""",
                "csharp dotnet azure kubernetes",
            ),
        ),
    ),
}
