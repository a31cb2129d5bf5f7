"""Application developers: Java, Python web, React front end, Node.js, .NET."""

from tests.eval.corpus.model import B, Spec

JAVA = Spec(
    key="java_backend",
    headlines_en=(
        "Senior Java Backend Developer",
        "Java / Spring Boot Engineer",
        "Backend Developer (Java, Microservices)",
    ),
    headlines_de=(
        "Senior Java-Entwickler",
        "Backend-Entwickler Java/Spring",
        "Softwareentwickler Java EE und Spring Boot",
    ),
    profiles_en=(
        B(
            """Backend developer with a long track record in Java and the Spring ecosystem. I design
          and build REST APIs and event-driven microservices, mostly for banks and insurers, and
          I care about clean domain models, automated tests and code that the next team can
          still read. Comfortable with Hibernate/JPA, PostgreSQL and Oracle, Kafka, Docker and
          CI pipelines in GitLab and Jenkins.""",
            "java spring microservices rest hibernate postgresql oracle kafka docker ci_cd",
        ),
        B(
            """I have been writing Java professionally since the days of Java 6 and moved with the
          platform to Java 17 and Spring Boot 3. My sweet spot is the server side of business
          applications: transactional services, integration with legacy systems through
          messaging, and migrating monoliths to services without stopping the business.
          Test-driven with JUnit 5, Mockito and Testcontainers.""",
            "java spring microservices junit kafka",
        ),
        B(
            """Pragmatic software engineer focused on JVM backends. Over the last years I built
          payment and order-management services with Spring Boot, Spring Data and Spring
          Security (OAuth2/OIDC), deployed them on Kubernetes and kept them observable with
          Prometheus and Grafana. I like pairing, code reviews and mentoring juniors.""",
            "java spring kubernetes prometheus grafana rest microservices",
        ),
    ),
    profiles_de=(
        B(
            """Erfahrener Java-Entwickler mit Schwerpunkt auf Backend-Systemen für Banken und
          Versicherungen. Ich entwerfe und implementiere REST-Schnittstellen und Microservices
          mit Spring Boot, Spring Data JPA und Hibernate, arbeite testgetrieben mit JUnit und
          Mockito und bringe Erfahrung mit Oracle- und PostgreSQL-Datenbanken mit.
          Arbeitsweise agil in Scrum-Teams, gern auch mit Verantwortung für Architekturthemen.""",
            "java spring hibernate rest microservices junit oracle postgresql scrum",
        ),
        B(
            """Seit über zehn Jahren entwickle ich geschäftskritische Anwendungen auf der JVM, zuletzt
          vor allem mit Java 17, Spring Boot und Apache Kafka. Mein Fokus liegt auf sauberer
          Architektur (Hexagonal, DDD), der Modernisierung gewachsener Java-EE-Monolithen und
          stabilen Build- und Deployment-Pipelines mit Maven, Jenkins und Docker.""",
            "java spring kafka maven jenkins docker microservices",
        ),
    ),
    projects_en=(
        B(
            """Payments platform for a direct bank. Designed and implemented SEPA instant payment
          services in Java 17 and Spring Boot, with Kafka for the booking events and PostgreSQL
          as the ledger store. Introduced contract tests between the services, cut the end-to-end
          latency from 4 s to under 800 ms and ran the migration of 2 million accounts over a
          weekend.""",
            "java spring kafka postgresql microservices rest",
        ),
        B(
            """Claims management for a property insurer. Split a 15-year-old Java EE monolith on
          WebLogic into a dozen Spring Boot services running on OpenShift. Wrote the anti-corruption layer towards the mainframe, set up Jenkins pipelines and SonarQube quality
          gates, and coached the in-house team in test-driven development.""",
            "java spring microservices openshift jenkins",
        ),
        B(
            """Order management for an e-commerce retailer. Backend developer in a team of six:
          REST APIs with Spring Web and OpenAPI, persistence with Spring Data JPA/Hibernate on
          MySQL, caching with Redis, integration tests with Testcontainers. Took part in the on-call rotation and reduced the number of production incidents by half.""",
            "java spring rest hibernate mysql redis",
        ),
        B(
            """Trade reporting for an investment bank (MiFID II). Built high-throughput Java services
          that enrich and validate trade messages from Kafka and report them to the regulator;
          Oracle for the audit trail, Spring Batch for end-of-day runs, Kubernetes on AWS for
          the deployment.""",
            "java spring kafka oracle kubernetes aws",
        ),
    ),
    projects_de=(
        B(
            """Kernbankensystem einer Genossenschaftsbank. Weiterentwicklung der Kontoführung in
          Java 11 und Spring Boot, Anbindung an den Host über IBM MQ, Persistenz mit JPA/Hibernate
          auf Oracle. Einführung automatisierter Integrationstests und Begleitung der Migration
          von Java EE auf Spring Boot.""",
            "java spring hibernate oracle",
        ),
        B(
            """Tarifrechner für einen Krankenversicherer. Konzeption und Umsetzung von Microservices
          mit Spring Boot und Kafka, Deployment auf Kubernetes (AKS), Build mit Maven und GitLab
          CI. Fachliche Abstimmung mit den Aktuaren, Code-Reviews und Einarbeitung neuer
          Kollegen.""",
            "java spring kafka kubernetes maven gitlab_ci microservices azure",
        ),
        B(
            """Logistikplattform eines Paketdienstleisters. Entwicklung von REST-Services für die
          Sendungsverfolgung mit Java 17, Spring WebFlux und PostgreSQL; Lasttests mit Gatling,
          Monitoring mit Prometheus und Grafana. Verantwortlich für die API-Dokumentation mit
          OpenAPI.""",
            "java spring rest postgresql prometheus grafana",
        ),
    ),
    roles_en=(
        "Senior Java Developer",
        "Backend Developer",
        "Software Engineer (Java)",
        "Lead Developer",
    ),
    roles_de=(
        "Senior Java-Entwickler",
        "Backend-Entwickler",
        "Softwareentwickler",
        "Technischer Lead",
    ),
    stack=(
        "java",
        "spring",
        "hibernate",
        "microservices",
        "rest",
        "kafka",
        "postgresql",
        "oracle",
        "junit",
        "maven",
        "docker",
        "jenkins",
        "git",
    ),
    neighbours=("node_backend", "dotnet_azure", "devops_cloud"),
)

PYTHON = Spec(
    key="python_web",
    headlines_en=(
        "Python Developer (Django, FastAPI)",
        "Senior Python Web Engineer",
        "Full-Stack Developer Python/Django",
    ),
    headlines_de=(
        "Python-Entwickler (Django/FastAPI)",
        "Senior Python-Backend-Entwickler",
        "Webentwickler Python und Django",
    ),
    profiles_en=(
        B(
            """Python web developer who has built and run Django and FastAPI applications for
          start-ups and public-sector clients. I am at home in the whole backend: data models in
          PostgreSQL, REST and GraphQL APIs, Celery workers with Redis, and deployment with Docker
          on AWS. I write tests with pytest first and keep dependencies and type hints tidy.""",
            "python django fastapi postgresql rest graphql redis docker aws",
        ),
        B(
            """Backend engineer, mainly Python. Over eight years I went from Flask prototypes to
          operating Django platforms with millions of users: query optimisation in PostgreSQL,
          background jobs, caching, payment integrations and admin tooling. Some front-end work
          with HTMX and a little React when the team needs it.""",
            "python django flask postgresql react",
        ),
        B(
            """I build APIs in Python, lately mostly with FastAPI and Pydantic, and before that with
          Django REST Framework. I like small services with clear contracts, strong typing (mypy),
          and CI that catches problems early (GitHub Actions, pre-commit, ruff).""",
            "python fastapi django rest github_actions",
        ),
    ),
    profiles_de=(
        B(
            """Python-Entwickler mit mehrjähriger Erfahrung in der Entwicklung von Webanwendungen
          mit Django und FastAPI. Ich verantworte gern das komplette Backend von der
          Datenmodellierung in PostgreSQL über REST-APIs bis zum Deployment mit Docker und
          GitLab CI. Testgetriebene Entwicklung mit pytest ist für mich selbstverständlich.""",
            "python django fastapi postgresql rest docker gitlab_ci",
        ),
        B(
            """Softwareentwickler mit Schwerpunkt Python und Web-Backends. Ich habe Portale für
          Behörden und Verlage mit Django umgesetzt, Schnittstellen zu Drittsystemen gebaut und
          Anwendungen auf AWS betrieben. Kenntnisse in Celery, Redis, Elasticsearch und etwas
          Vue.js im Frontend.""",
            "python django aws redis elasticsearch vue",
        ),
    ),
    projects_en=(
        B(
            """Online marketplace for craftsmen. Built the Django backend and the Django REST
          Framework API for the mobile apps, modelled bookings and invoices in PostgreSQL,
          integrated Stripe payments and moved slow reports to Celery tasks. The platform grew
          from 2,000 to 60,000 monthly users without a rewrite.""",
            "python django rest postgresql",
        ),
        B(
            """Citizen services portal for a city administration. Developed forms and case handling
          in Django, single sign-on via Keycloak, PDF generation and an accessible front end with
          server-rendered templates. Deployed with Docker on an OpenShift cluster operated by the
          municipal IT provider.""",
            "python django docker openshift accessibility",
        ),
        B(
            """Pricing API for an insurance start-up. Designed a FastAPI service with async
          SQLAlchemy and PostgreSQL, validated inputs with Pydantic, wrote property-based tests
          with Hypothesis, and set up GitHub Actions for tests, type checks and container
          builds to AWS ECS.""",
            "python fastapi postgresql aws github_actions",
        ),
        B(
            """Content platform for a publishing house. Maintained a large Flask application, migrated
          it to Python 3 and later to Django, introduced Elasticsearch for article search and Redis
          caching, and cut page load times by 40 percent.""",
            "python flask django elasticsearch redis",
        ),
    ),
    projects_de=(
        B(
            """Buchungsplattform für ein Reiseunternehmen. Entwicklung des Backends mit Django und
          Django REST Framework, Anbindung externer Anbieter-APIs, Hintergrundjobs mit Celery und
          RabbitMQ, Datenbank PostgreSQL. Einführung von pytest und Code-Reviews im Team.""",
            "python django rest postgresql",
        ),
        B(
            """Interne Verwaltungssoftware für einen Energieversorger. Neuentwicklung eines
          FastAPI-Backends mit SQLAlchemy, Authentifizierung über Azure AD, Containerisierung mit
          Docker und Deployment über GitLab CI. Enge Abstimmung mit der Fachabteilung.""",
            "python fastapi docker gitlab_ci azure",
        ),
        B(
            """Fördermittelportal eines Bundeslandes. Umsetzung von Antragsstrecken mit Django,
          barrierefreie Templates nach BITV, PDF-Export und Schnittstellen zur E-Akte; Betrieb auf
          Linux-Servern mit Nginx und PostgreSQL.""",
            "python django postgresql linux accessibility",
        ),
    ),
    roles_en=("Python Developer", "Backend Engineer", "Senior Software Engineer"),
    roles_de=("Python-Entwickler", "Backend-Entwickler", "Softwareentwickler"),
    stack=(
        "python",
        "django",
        "fastapi",
        "flask",
        "postgresql",
        "rest",
        "redis",
        "docker",
        "git",
        "linux",
        "aws",
    ),
    neighbours=("data_engineering", "data_science", "node_backend"),
)

FRONTEND = Spec(
    key="frontend_react",
    headlines_en=(
        "Senior Frontend Developer (React, TypeScript)",
        "React / TypeScript Engineer",
        "Frontend Engineer",
    ),
    headlines_de=(
        "Frontend-Entwickler React/TypeScript",
        "Senior Frontend-Entwickler",
        "Web-Entwickler (React, Next.js)",
    ),
    profiles_en=(
        B(
            """Front-end developer who builds fast, accessible web applications with React and
          TypeScript. I work closely with designers in Figma, build design systems in Storybook,
          and keep state sane with Redux Toolkit or React Query. Unit tests with Jest and Testing
          Library, end-to-end tests with Cypress.""",
            "react typescript javascript figma storybook redux jest cypress",
        ),
        B(
            """Nine years of JavaScript in the browser, the last six with React and TypeScript. I
          have built customer portals, dashboards and e-commerce front ends, server-side
          rendering with Next.js, and I care about Core Web Vitals and accessibility (WCAG 2.1).""",
            "react typescript javascript nextjs accessibility html_css",
        ),
        B(
            """UI engineer at the intersection of design and code. Strong in HTML, CSS (Sass,
          Tailwind) and modern JavaScript; React with TypeScript is my default stack, with some
          Angular projects in between. I like turning messy requirements into components that
          product teams reuse.""",
            "react typescript javascript html_css angular",
        ),
    ),
    profiles_de=(
        B(
            """Frontend-Entwicklerin mit Schwerpunkt React und TypeScript. Ich setze komplexe
          Oberflächen für Kundenportale und Fachanwendungen um, baue Komponentenbibliotheken mit
          Storybook auf und achte auf Barrierefreiheit und Performance. Tests mit Jest, React
          Testing Library und Playwright.""",
            "react typescript javascript storybook accessibility jest playwright",
        ),
        B(
            """Seit 2016 entwickle ich Web-Frontends, zunächst mit Angular und jQuery, seit einigen
          Jahren fast ausschließlich mit React, Next.js und TypeScript. Ich arbeite eng mit UX
          und Backend zusammen, kenne REST- und GraphQL-APIs und bringe Erfahrung mit
          Micro-Frontends und Webpack-Module-Federation mit.""",
            "react nextjs typescript javascript angular graphql rest webpack",
        ),
    ),
    projects_en=(
        B(
            """Customer portal for an energy supplier. Rebuilt the self-service portal as a React
          and TypeScript single-page app with React Query against a GraphQL gateway, introduced a
          component library in Storybook and raised the Lighthouse accessibility score from 62 to
          98.""",
            "react typescript graphql storybook accessibility",
        ),
        B(
            """E-commerce shop of a fashion retailer. Front-end developer in the checkout team:
          Next.js with server-side rendering, A/B tests, payment widgets, tracking consent and
          performance budgets. Wrote Cypress tests for the critical purchase flows.""",
            "react nextjs typescript cypress",
        ),
        B(
            """Trading dashboard for an energy trading desk. Real-time charts with WebSockets and
          D3 inside a React/Redux application, virtualised tables for 100k rows, and a theming
          system shared with two sister products.""",
            "react redux javascript typescript",
        ),
        B(
            """Design system for an insurance group. Built framework-neutral web components plus
          React wrappers, documented them in Storybook, set up visual regression tests and
          published versioned packages through an npm registry in GitLab.""",
            "react storybook typescript gitlab_ci",
        ),
    ),
    projects_de=(
        B(
            """Vertriebsportal eines Automobilherstellers. Entwicklung von React-Komponenten in
          TypeScript, State-Management mit Redux Toolkit, Anbindung von REST-APIs, Unit-Tests mit
          Jest. Mitarbeit am Styleguide und an der Umstellung auf Vite.""",
            "react typescript redux rest jest",
        ),
        B(
            """Online-Banking-Frontend einer Sparkasse. Umsetzung barrierefreier Formulare mit React
          und TypeScript, Micro-Frontend-Architektur, End-to-End-Tests mit Playwright und enge
          Abstimmung mit dem UX-Team in Figma.""",
            "react typescript accessibility playwright figma",
        ),
        B(
            """Relaunch eines Verlagsportals. Migration von AngularJS auf Next.js, SEO-Optimierung,
          Server-Side Rendering und Integration eines Headless-CMS; Einführung von ESLint,
          Prettier und Storybook.""",
            "nextjs react angular javascript storybook",
        ),
    ),
    roles_en=("Frontend Developer", "Senior Frontend Engineer", "UI Developer"),
    roles_de=("Frontend-Entwickler", "Senior Frontend-Entwicklerin", "Web-Entwickler"),
    stack=(
        "react",
        "typescript",
        "javascript",
        "nextjs",
        "html_css",
        "redux",
        "jest",
        "storybook",
        "cypress",
        "git",
        "figma",
    ),
    neighbours=("node_backend", "mobile"),
)

NODE = Spec(
    key="node_backend",
    headlines_en=(
        "Node.js Backend Developer",
        "Full-Stack JavaScript Engineer (Node, React)",
        "Senior Node.js / TypeScript Developer",
    ),
    headlines_de=(
        "Node.js-Entwickler",
        "Full-Stack-Entwickler TypeScript/Node.js",
        "Backend-Entwickler Node.js und NestJS",
    ),
    profiles_en=(
        B(
            """Backend developer specialised in Node.js and TypeScript. I build APIs with NestJS and
          Express, work with PostgreSQL and MongoDB, and deploy serverless on AWS Lambda or in
          containers on Kubernetes. Comfortable enough in React to ship a feature end to end.""",
            "nodejs typescript nestjs express postgresql mongodb aws lambda serverless kubernetes react",
        ),
        B(
            """Full-stack JavaScript engineer. Most of my work of the last years sits in Node.js
          services (REST and GraphQL with Apollo), message processing with RabbitMQ and SQS, and
          the React front ends that consume them. I value observability, load testing and small,
          reversible deployments.""",
            "nodejs javascript graphql rest react aws",
        ),
    ),
    profiles_de=(
        B(
            """Full-Stack-Entwickler mit Fokus auf Node.js und TypeScript im Backend sowie React im
          Frontend. Erfahrung mit NestJS, GraphQL, PostgreSQL und MongoDB sowie mit dem Betrieb
          von Serverless-Anwendungen auf AWS (Lambda, API Gateway, DynamoDB).""",
            "nodejs typescript nestjs graphql postgresql mongodb aws serverless lambda react",
        ),
        B(
            """JavaScript-Entwickler seit über acht Jahren, inzwischen vor allem serverseitig mit
          Node.js, Express und NestJS. Ich baue APIs und Integrationen für E-Commerce und
          Logistik, automatisiere Tests mit Jest und Supertest und deploye mit Docker und
          GitHub Actions.""",
            "nodejs javascript express nestjs jest docker github_actions rest",
        ),
    ),
    projects_en=(
        B(
            """Delivery-tracking platform for a logistics start-up. Built NestJS microservices in
          TypeScript, PostgreSQL with TypeORM, event processing with Kafka, and a GraphQL gateway
          for the web and mobile clients; deployed on Kubernetes with Helm.""",
            "nodejs nestjs typescript postgresql kafka graphql kubernetes helm microservices",
        ),
        B(
            """Serverless booking engine for a travel company. AWS Lambda functions in Node.js and
          TypeScript behind API Gateway, DynamoDB single-table design, Step Functions for the
          payment saga, infrastructure as code with the AWS CDK.""",
            "nodejs typescript aws lambda serverless",
        ),
        B(
            """Headless commerce backend for a consumer-electronics retailer. Express APIs for the
          product catalogue and basket, MongoDB and Redis, integration of ERP and payment
          providers, load tests with k6 before Black Friday.""",
            "nodejs express javascript mongodb redis rest",
        ),
    ),
    projects_de=(
        B(
            """Kundenplattform eines Mobilfunkanbieters. Entwicklung von Node.js-Services mit NestJS
          und TypeScript, REST- und GraphQL-Schnittstellen, PostgreSQL und Redis; Deployment auf
          AWS mit Docker und Terraform.""",
            "nodejs nestjs typescript rest graphql postgresql redis aws docker terraform",
        ),
        B(
            """Interne Plattform für Gebrauchtwagenbewertung. Full-Stack-Entwicklung mit Node.js
          (Express) und React, MongoDB als Datenbank, Anbindung externer Bewertungsdienste und
          automatisierte Tests mit Jest.""",
            "nodejs express react mongodb jest javascript",
        ),
    ),
    roles_en=("Node.js Developer", "Full-Stack Developer", "Backend Engineer"),
    roles_de=("Node.js-Entwickler", "Full-Stack-Entwickler", "Backend-Entwickler"),
    stack=(
        "nodejs",
        "typescript",
        "javascript",
        "nestjs",
        "express",
        "graphql",
        "postgresql",
        "mongodb",
        "aws",
        "docker",
        "react",
        "jest",
    ),
    neighbours=("frontend_react", "java_backend", "python_web"),
)

DOTNET = Spec(
    key="dotnet_azure",
    headlines_en=(
        ".NET Developer (C#, Azure)",
        "Senior C# / .NET Engineer",
        "Azure Cloud Developer .NET",
    ),
    headlines_de=(
        ".NET-Entwickler C#/Azure",
        "Senior Softwareentwickler C# .NET",
        "Cloud-Entwickler Microsoft Azure",
    ),
    profiles_en=(
        B(
            """C# developer with twelve years on the Microsoft stack: ASP.NET Core web APIs, Entity
          Framework Core, SQL Server, and for the last five years mostly cloud-native work on
          Azure (App Service, Functions, Service Bus, Cosmos DB). I automate builds and releases
          with Azure DevOps and infrastructure with Bicep or Terraform.""",
            "csharp dotnet azure sqlserver terraform ci_cd rest",
        ),
        B(
            """.NET engineer who enjoys modernising line-of-business software. I have migrated WinForms
          and WCF applications to ASP.NET Core and Blazor, split databases, introduced unit tests
          with xUnit and set up pipelines in Azure DevOps. Certified Azure Developer Associate
          (AZ-204).""",
            "csharp dotnet azure sqlserver ci_cd",
        ),
    ),
    profiles_de=(
        B(
            """Softwareentwickler mit Schwerpunkt C# und .NET (Core) sowie Microsoft Azure. Ich
          entwickle Web-APIs mit ASP.NET Core, arbeite mit Entity Framework und MS SQL Server und
          setze Cloud-Lösungen mit Azure Functions, Service Bus und Azure DevOps um. Zertifiziert
          als Azure Developer Associate.""",
            "csharp dotnet azure sqlserver ci_cd rest",
        ),
        B(
            """Seit 2012 entwickle ich Anwendungen im Microsoft-Umfeld: zunächst Desktop mit WPF,
          heute vor allem Cloud-Backends mit .NET 8 und Azure. Erfahrung mit Microservices,
          Docker und AKS, Identity mit Azure AD/Entra ID sowie Migrationen von On-Premise nach
          Azure.""",
            "csharp dotnet azure microservices docker kubernetes",
        ),
    ),
    projects_en=(
        B(
            """Field-service app backend for a facility-management company. ASP.NET Core APIs on
          Azure App Service, Azure SQL and Cosmos DB, Service Bus for offline sync, Azure AD B2C
          for technician logins, pipelines and release gates in Azure DevOps.""",
            "csharp dotnet azure sqlserver ci_cd rest",
        ),
        B(
            """Production planning for a mid-sized machine builder. Migrated a WCF/WinForms
          application to .NET 6 with a Blazor front end, refactored the SQL Server schema and
          stored procedures, and introduced xUnit tests and code reviews.""",
            "csharp dotnet sqlserver",
        ),
        B(
            """Document-processing pipeline for an insurer. Azure Functions in C# triggered by Blob
          Storage, OCR via Azure AI Document Intelligence, results in Azure SQL; infrastructure as
          code with Bicep and Terraform, monitoring in Application Insights.""",
            "csharp dotnet azure terraform serverless",
        ),
    ),
    projects_de=(
        B(
            """Händlerportal eines Landmaschinenherstellers. Entwicklung von ASP.NET-Core-Web-APIs
          und einem Angular-Frontend, Datenhaltung in MS SQL Server mit Entity Framework Core,
          Betrieb in Azure (App Service, Key Vault), CI/CD mit Azure DevOps.""",
            "csharp dotnet azure sqlserver angular ci_cd",
        ),
        B(
            """Migration einer Warenwirtschaft in die Cloud. Zerlegung eines .NET-Framework-Monolithen
          in Microservices auf Azure Kubernetes Service, Kommunikation über Azure Service Bus,
          Infrastruktur mit Terraform.""",
            "csharp dotnet azure kubernetes microservices terraform",
        ),
    ),
    roles_en=(".NET Developer", "Senior Software Engineer", "Cloud Developer"),
    roles_de=(".NET-Entwickler", "Softwareentwickler", "Cloud-Entwickler"),
    stack=(
        "csharp",
        "dotnet",
        "azure",
        "sqlserver",
        "ci_cd",
        "docker",
        "rest",
        "git",
        "microservices",
    ),
    neighbours=("java_backend", "devops_cloud"),
)

SPECS = (JAVA, PYTHON, FRONTEND, NODE, DOTNET)
