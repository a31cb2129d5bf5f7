"""More hand-written blocks for data, platform and database people."""

from tests.eval.corpus.model import B

EXTRA = {
    "data_engineering": dict(
        profiles_en=(
            B(
                """Data engineer from a backend background (Scala and Python). I have built streaming
              pipelines with Kafka and Flink, batch jobs with Spark, and the boring but vital
              bits around them: schemas, backfills, lineage and on-call. Currently most at home
              on Databricks and Snowflake.""",
                "data_engineering python scala kafka spark databricks snowflake",
            ),
        ),
        profiles_de=(
            B(
                """Data Engineer und Analytics Engineer. Ich baue ELT-Strecken mit Python und SQL,
              modelliere mit dbt, orchestriere mit Airflow oder Dagster und betreibe die
              Plattform auf AWS oder Azure. Vorher fünf Jahre BI-Entwicklung mit SQL Server und
              SSIS.""",
                "data_engineering python sql dbt airflow aws azure sqlserver",
            ),
        ),
        projects_en=(
            B(
                """Supply-chain data hub for a pharma wholesaler. Ingested ERP and warehouse data
              with Fivetran and custom Python loaders into Snowflake, built 140 dbt models with
              tests and exposures, scheduled with Airflow, and served forecasts to
              planners.""",
                "data_engineering python snowflake dbt airflow sql",
            ),
            B(
                """Clickstream pipeline for a news publisher. Kafka to Spark Structured Streaming on
              Databricks, sessionisation and bot filtering, Delta Lake tables for the newsroom
              dashboards; cost per day down by 45 percent after tuning cluster policies.""",
                "data_engineering kafka spark databricks",
            ),
        ),
        projects_de=(
            B(
                """Vertriebsdatenplattform eines Automobilhändlers. Ladeprozesse mit Python und
              Airflow aus CRM und DMS, Transformation mit dbt in BigQuery, Datenqualitätsregeln,
              Bereitstellung für Power BI.""",
                "data_engineering python airflow dbt gcp powerbi sql",
            ),
            B(
                """Migration eines Hadoop-Clusters (Hive, Oozie) auf Databricks bei einem
              Telekommunikationsanbieter. Umschreiben von 300 Hive-Jobs in PySpark, neue
              Orchestrierung mit Airflow, Kostenmonitoring.""",
                "data_engineering hadoop spark databricks airflow python",
            ),
        ),
    ),
    "data_science": dict(
        profiles_en=(
            B(
                """Data scientist in insurance and banking for seven years: pricing, fraud and
              customer-value models. Python (pandas, scikit-learn, XGBoost), SQL, a little
              PySpark, and the communication skills to get actuaries and marketing into one
              room.""",
                "data_science python pandas scikit_learn sql spark statistics",
            ),
        ),
        profiles_de=(
            B(
                """Data Scientist mit Schwerpunkt Zeitreihen und Prognosen. Python mit pandas,
              statsmodels und scikit-learn, Deep Learning mit PyTorch, Bereitstellung von
              Modellen über FastAPI und Docker, Visualisierung mit Power BI.""",
                "data_science python pandas scikit_learn pytorch fastapi docker powerbi statistics",
            ),
        ),
        projects_en=(
            B(
                """Fraud detection for a payment provider. Gradient-boosted models on transaction
              features in Python, graph features from merchant networks, threshold tuning with
              the operations team, and real-time scoring behind a FastAPI service.""",
                "data_science python scikit_learn fastapi statistics",
            ),
            B(
                """Customer-support assistant for a telecom. Fine-tuned a German BERT model for
              intent detection, added an LLM for answer drafting with retrieval from the
              knowledge base, and built an evaluation set with 2,000 labelled tickets.""",
                "data_science python nlp llm pytorch",
            ),
        ),
        projects_de=(
            B(
                """Schadenprognose für einen Versicherer. Entwicklung von GLM- und
              Gradient-Boosting-Modellen in Python, Feature Engineering auf Vertrags- und
              Schadendaten, Validierung mit den Aktuaren, Dokumentation für die Aufsicht.""",
                "data_science python scikit_learn statistics",
            ),
            B(
                """Bilderkennung in der Qualitätssicherung eines Elektronikfertigers. Training von
              CNN-Modellen mit PyTorch, Datenannotation, Deployment auf Edge-Geräten,
              Monitoring mit MLflow.""",
                "data_science python pytorch mlops",
            ),
        ),
    ),
    "devops_cloud": dict(
        profiles_en=(
            B(
                """Cloud engineer with a network background. Azure and AWS landing zones, Terraform
              modules, Kubernetes (AKS, EKS) and the pipelines that feed them. I write Go and
              Python for the glue, and I like dashboards that answer questions.""",
                "devops azure aws terraform kubernetes python go",
            ),
        ),
        profiles_de=(
            B(
                """DevOps-Engineer und Kubernetes-Administrator. Betrieb von Rancher- und
              EKS-Clustern, Infrastruktur als Code mit Terraform und Ansible, Pipelines mit
              GitLab CI, Logging mit dem ELK-Stack und Monitoring mit Prometheus.""",
                "devops kubernetes aws terraform ansible gitlab_ci prometheus elasticsearch",
            ),
        ),
        projects_en=(
            B(
                """Developer platform for a retail group. Backstage portal, golden-path templates
              for services, Argo CD and Helm for deployments to AKS, Terraform for Azure
              resources, and an SLO dashboard per team in Grafana.""",
                "devops argocd helm kubernetes azure terraform grafana",
            ),
            B(
                """Cost and reliability review for an AWS-heavy start-up. Rightsized EC2 and RDS,
              moved batch jobs to spot instances, rebuilt the CI in GitHub Actions, wrote
              runbooks and introduced on-call with clear escalation.""",
                "devops aws github_actions",
            ),
        ),
        projects_de=(
            B(
                """Einführung von GitOps bei einem Versicherer. Umstellung von 60 Anwendungen auf
              Argo CD, Helm-Charts, Secret-Management mit Vault, Terraform-Module für AWS und
              Schulung der Entwicklerteams.""",
                "devops argocd helm terraform aws kubernetes",
            ),
            B(
                """Betrieb der Azure-Plattform eines Energiehändlers. AKS-Cluster, Terraform,
              Azure DevOps Pipelines, Monitoring mit Grafana und Alarmierung, Bereitschaft im
              24/7-Betrieb.""",
                "devops azure kubernetes terraform ci_cd grafana",
            ),
        ),
    ),
    "dba": dict(
        profiles_en=(
            B(
                """PostgreSQL specialist. Fifteen years of databases, the last eight almost only
              PostgreSQL: replication, partitioning, vacuum tuning, upgrades with minimal
              downtime, and teaching developers to read EXPLAIN plans. Some MySQL and MongoDB
              operations too.""",
                "dba postgresql performance_tuning mysql mongodb",
            ),
        ),
        profiles_de=(
            B(
                """Oracle-DBA mit Zusatzqualifikation in PostgreSQL. Langjährige Betreuung großer
              Oracle-Datenbanken in Banken, Exadata-Erfahrung, Backup und Recovery, Security
              und Auditing; seit 2020 Migrationsprojekte nach PostgreSQL.""",
                "dba oracle postgresql backup",
            ),
        ),
        projects_en=(
            B(
                """Multi-terabyte PostgreSQL for an e-commerce marketplace. Introduced declarative
              partitioning, logical replication for a zero-downtime major upgrade, PgBouncer,
              and query reviews that halved the p95 latency of the checkout queries.""",
                "dba postgresql performance_tuning",
            ),
            B(
                """Oracle Exadata operations for a savings bank data centre. Patching, RMAN backup
              strategy, Data Guard switchover tests, and capacity reports for 70 databases.""",
                "dba oracle backup",
            ),
        ),
        projects_de=(
            B(
                """Migration von MS SQL Server nach Azure SQL Managed Instance für einen
              Versicherungsmakler. Bestandsaufnahme, Kompatibilitätsprüfung, Tuning,
              Hochverfügbarkeit und Übergabe an den Betrieb.""",
                "dba sqlserver azure performance_tuning",
            ),
            B(
                """Betrieb von PostgreSQL und MySQL bei einem Hosting-Anbieter. Automatisierte
              Installation mit Ansible, Monitoring, Upgrades, Backup mit pgBackRest und
              Performanceanalysen für Kunden.""",
                "dba postgresql mysql ansible backup performance_tuning",
            ),
        ),
    ),
}
